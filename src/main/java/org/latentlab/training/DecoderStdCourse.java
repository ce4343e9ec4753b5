package org.latentlab.training;

import java.util.Arrays;
import java.util.List;

/**
 * A Gaussian decoder's learned σ over training, one point per epoch, in intensity units (pixels run
 * from 0 to 1): after the first step (epoch 0), at the end of each epoch, and now, part-way through
 * the current one. For σ per pixel, the mean over the pixels with the smallest and the largest
 * (what the history records after every step), and the σ map now with its median and 10 % and 90 %
 * quantiles. For one shared σ, beside it the root mean square of the held-out residual x − m(z)
 * at each epoch's end, read off the held-out reconstruction term: the value the learned σ goes to,
 * since with the means held the loss is least where σ² is the residuals' mean square
 * (docs/decisions/0081). Immutable; the arrays are not copied and must not be written to.
 *
 * @param epochs      where each point lies, in epochs of training (fractional for the current one)
 * @param mean        σ, or its mean over the pixels, at each point
 * @param min         the smallest per-pixel σ at each point (σ itself when shared)
 * @param max         the largest per-pixel σ at each point (σ itself when shared)
 * @param residualRms the held-out residual's RMS at each point; NaN where it cannot be read (the
 *                    first and the current point, and every point of a σ per pixel)
 * @param map         σ of each pixel now, row-major; one value when shared
 * @param mapWidth    the map's width in pixels: the image's width, or 1 when shared
 */
public record DecoderStdCourse(double[] epochs, double[] mean, double[] min, double[] max, double[] residualRms,
                               float[] map, int mapWidth) {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    public DecoderStdCourse {
        int n = epochs.length;
        if (n == 0 || mean.length != n || min.length != n || max.length != n || residualRms.length != n
                || map.length == 0 || mapWidth < 1 || map.length % mapWidth != 0) {
            throw new IllegalArgumentException("a course of σ needs as many means, extremes and residuals as points ("
                    + n + ") and a map of whole rows of " + mapWidth + ", got " + map.length + " values");
        }
    }

    /**
     * The course of a run's learned σ.
     *
     * @param history       the steps so far, σ recorded after each; at least one
     * @param completed     the epochs completed, with their held-out reconstruction terms (nats per image)
     * @param epochProgress how far the current epoch is, in [0, 1)
     * @param map           σ of each pixel now (one value when shared)
     * @param imageWidth    pixels across an image
     * @param pixels        pixels per image
     */
    public static DecoderStdCourse of(IterationHistory.View history, List<EpochMetrics> completed, double epochProgress,
                                      float[] map, int imageWidth, int pixels) {
        int steps = history.size();
        if (steps == 0) {
            throw new IllegalArgumentException("σ has no course before the first step");
        }
        boolean shared = map.length == 1;
        int n = completed.size() + 2;
        double[] epochs = new double[n];
        double[] mean = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        double[] residual = new double[n];
        Arrays.fill(residual, Double.NaN);
        set(history, 0, 0, epochs, mean, min, max, 0);
        for (int e = 0; e < completed.size(); e++) {
            EpochMetrics epoch = completed.get(e);
            int index = (int) Math.min(steps, epoch.iteration()) - 1;
            set(history, e + 1, index, epochs, mean, min, max, epoch.epoch());
            if (shared) {
                residual[e + 1] = residualRms(epoch.validationReconstruction(), mean[e + 1], pixels);
            }
        }
        set(history, n - 1, steps - 1, epochs, mean, min, max, completed.size() + epochProgress);
        return new DecoderStdCourse(epochs, mean, min, max, residual, map, shared ? 1 : imageWidth);
    }

    private static void set(IterationHistory.View history, int point, int step, double[] epochs, double[] mean,
                            double[] min, double[] max, double epoch) {
        var std = history.decoderStd(step);
        epochs[point] = epoch;
        mean[point] = std.mean();
        min[point] = std.min();
        max[point] = std.max();
    }

    /**
     * The RMS of the residuals x − m(z) behind a Gaussian reconstruction term with one shared σ:
     * the term is Σ over the {@code pixels} pixels of ½ r²/σ² + log σ + ½ log 2π, so the mean of r²
     * is 2σ² (term / pixels − log σ − ½ log 2π).
     *
     * @param reconstruction −log p(x|z) per image, in nats
     * @param std            the shared σ it was measured with
     */
    public static double residualRms(double reconstruction, double std, int pixels) {
        double meanSquare = 2 * std * std * (reconstruction / pixels - Math.log(std) - HALF_LOG_TWO_PI);
        return Math.sqrt(Math.max(0, meanSquare));
    }

    /** Whether one σ is shared by every pixel. */
    public boolean shared() {
        return map.length == 1;
    }

    /** The {@code q}-quantile of the σ map now, q in [0, 1], interpolated linearly between sorted values. */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("a quantile lies in [0, 1], got " + q);
        }
        float[] sorted = map.clone();
        Arrays.sort(sorted);
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }

    /** How many points the course has. */
    public int size() {
        return epochs.length;
    }
}
