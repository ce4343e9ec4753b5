package org.latentlab.render;

import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * The paths of several models through the rate–distortion plane, to draw as a
 * {@link RateDistortionPlot}: for each, its rate (KL, nats) and distortion (reconstruction, nats)
 * at successive moments of training, oldest first.
 *
 * @param trails one per model, in legend order
 */
public record RateDistortionData(List<Trail> trails) {

    public RateDistortionData {
        trails = List.copyOf(trails);
    }

    /**
     * One model's path. The arrays are not copied: do not change them while a figure is drawn.
     *
     * @param label       the model, as the legend names it
     * @param colour      its colour, the same as elsewhere in the figure
     * @param rates       KL at each point, nats per image
     * @param distortions reconstruction at each point, nats per image
     */
    public record Trail(String label, Color colour, float[] rates, float[] distortions) {

        public Trail {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(colour, "colour");
            if (rates.length != distortions.length) {
                throw new IllegalArgumentException(rates.length + " rates but " + distortions.length + " distortions");
            }
        }

        int size() {
            return rates.length;
        }
    }
}
