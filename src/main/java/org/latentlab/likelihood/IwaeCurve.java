package org.latentlab.likelihood;

import java.util.Arrays;

/**
 * The importance-sampled −log p̂_K(x) of one image as K grows: each estimate uses the first K of
 * the same sequence of samples, so the curve is what one run of sampling shows as it goes on.
 *
 * @param samples             the K of each point, increasing
 * @param negativeLogMarginal −log p̂_K(x) in nats at each K
 * @param negativeElbo        the −ELBO estimate from all the samples drawn (the last K), in nats
 */
public record IwaeCurve(int[] samples, double[] negativeLogMarginal, double negativeElbo) {

    /** The largest K any curve goes to. */
    public static final int MAX_SAMPLES = 5000;

    public IwaeCurve {
        if (samples.length != negativeLogMarginal.length || samples.length == 0) {
            throw new IllegalArgumentException("a curve needs one estimate per K, got " + samples.length + " K and "
                    + negativeLogMarginal.length + " estimates");
        }
        samples = samples.clone();
        negativeLogMarginal = negativeLogMarginal.clone();
    }

    /**
     * The K at which a curve up to {@code largest} samples is read: 1, 2, 5, 10, 20, 50, … below
     * {@code largest}, then {@code largest} itself.
     */
    public static int[] stepsUpTo(int largest) {
        if (largest < 1 || largest > MAX_SAMPLES) {
            throw new IllegalArgumentException("the number of samples must be between 1 and " + MAX_SAMPLES
                    + ", got " + largest);
        }
        int[] steps = new int[32];
        int count = 0;
        for (int decade = 1; decade < largest; decade *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if (m * decade < largest) {
                    steps[count++] = m * decade;
                }
            }
        }
        steps[count++] = largest;
        return Arrays.copyOf(steps, count);
    }

    /** The number of points. */
    public int size() {
        return samples.length;
    }

    /** −log p̂_K(x) at the largest K. */
    public double last() {
        return negativeLogMarginal[negativeLogMarginal.length - 1];
    }

    @Override
    public int[] samples() {
        return samples.clone();
    }

    @Override
    public double[] negativeLogMarginal() {
        return negativeLogMarginal.clone();
    }
}
