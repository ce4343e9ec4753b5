package org.latentlab.ui.compare;

import org.latentlab.render.NiceTicks;
import org.latentlab.training.RateDistortionTrail;

/**
 * One model's path through the rate–distortion plane as the compare lab draws it: its name, its
 * colour and its trail (KL against reconstruction over training). Immutable.
 *
 * @param label     the model's name, as its panel's title
 * @param colourHex its panel's colour, {@code #RRGGBB}
 * @param trail     its training losses averaged over windows of iterations
 */
public record RateDistortionCurve(String label, String colourHex, RateDistortionTrail trail) {

    /** A trail is averaged down to about this many points, so minibatch noise does not hide the path. */
    static final int TRAIL_POINTS = 60;

    /**
     * The axes that show every finite point of {@code curves}: rate from 0 to a round number just
     * past the largest, distortion between round numbers just outside the smallest and largest.
     *
     * @return {rate max, distortion min, distortion max}
     */
    public static double[] ranges(Iterable<RateDistortionCurve> curves) {
        double rate = 1;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (RateDistortionCurve curve : curves) {
            RateDistortionTrail t = curve.trail();
            for (int i = 0; i < t.size(); i++) {
                if (Float.isFinite(t.rates()[i]) && Float.isFinite(t.distortions()[i])) {
                    rate = Math.max(rate, t.rates()[i]);
                    low = Math.min(low, t.distortions()[i]);
                    high = Math.max(high, t.distortions()[i]);
                }
            }
        }
        if (!(low <= high)) {
            return new double[] {1, 0, 1};
        }
        double span = Math.max(1, high - low);
        return new double[] {
            NiceTicks.roundUp(rate * 1.04, rate, 6),
            Math.max(0, NiceTicks.roundDown(low - 0.04 * span, span, 6)),
            NiceTicks.roundUp(high + 0.04 * span, span, 6)};
    }
}
