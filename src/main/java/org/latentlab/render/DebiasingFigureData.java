package org.latentlab.render;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link DebiasingFigure} shows: one or two models trained on a set with a rare group, each
 * with its held-out images in latent space (the rare ones marked, every dot sized by its sampling
 * weight) and its history of the two groups' held-out reconstruction.
 *
 * <p>The arrays are not copied: do not change them while a figure is drawn from them.
 *
 * @param panels one per model, at most two, drawn left to right; the first one's lines are solid
 *               in the chart, the second one's dashed
 * @param labels the title and the note under it
 */
public record DebiasingFigureData(List<Panel> panels, FigureLabels labels) {

    public DebiasingFigureData {
        panels = List.copyOf(panels);
        Objects.requireNonNull(labels, "labels");
        if (panels.isEmpty() || panels.size() > 2) {
            throw new IllegalArgumentException("a debiasing figure shows one or two models, got " + panels.size());
        }
    }

    /**
     * One model.
     *
     * @param title        what the model is: "VAE, debiased (α = 1)"
     * @param xs           each held-out image's first coordinate on the drawn plane
     * @param ys           its second coordinate
     * @param rare         whether it is in the rare group
     * @param weights      how often the model's sampler would draw it against the average training
     *                     image (1 for all under a plain shuffle); a dot's area is proportional to it
     * @param xAxis        the horizontal axis title
     * @param yAxis        the vertical axis title
     * @param note         a line under the panel's title: what the dot sizes say
     * @param epochs       the epochs of its history, 1, 2, …
     * @param rareError    the rare group's held-out reconstruction after each epoch (nats per image)
     * @param commonError  the other images' held-out reconstruction after each epoch
     */
    public record Panel(String title, float[] xs, float[] ys, boolean[] rare, double[] weights, String xAxis,
                        String yAxis, String note, int[] epochs, double[] rareError, double[] commonError) {

        public Panel {
            Objects.requireNonNull(title, "title");
            int n = xs.length;
            if (ys.length != n || rare.length != n || weights.length != n) {
                throw new IllegalArgumentException(n + " points need as many y coordinates (" + ys.length
                        + "), group flags (" + rare.length + ") and weights (" + weights.length + ")");
            }
            if (rareError.length != epochs.length || commonError.length != epochs.length) {
                throw new IllegalArgumentException(epochs.length + " epochs need as many errors of each group, got "
                        + rareError.length + " and " + commonError.length);
            }
        }
    }
}
