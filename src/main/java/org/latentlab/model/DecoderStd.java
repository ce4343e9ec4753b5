package org.latentlab.model;

/**
 * The Gaussian decoder's standard deviation σ at one moment: one value when it is shared by every
 * pixel, or the mean, smallest and largest of the per-pixel values. In intensity units, where
 * pixels run from 0 to 1.
 */
public record DecoderStd(double mean, double min, double max) {

    public DecoderStd {
        if (!(min > 0) || !(min <= mean) || !(mean <= max) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("σ must be positive and finite with min ≤ mean ≤ max, got " + min
                    + " ≤ " + mean + " ≤ " + max);
        }
    }

    /** One σ for every pixel. */
    public static DecoderStd shared(double std) {
        return new DecoderStd(std, std, std);
    }

    /** The summary of per-pixel values (one value: that σ). */
    public static DecoderStd of(float[] stds) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float std : stds) {
            sum += std;
            min = Math.min(min, std);
            max = Math.max(max, std);
        }
        // The float mean of equal values can land a rounding step outside [min, max].
        return new DecoderStd(Math.min(max, Math.max(min, sum / stds.length)), min, max);
    }

    /** Whether every pixel has the same σ. */
    public boolean isShared() {
        return min == max;
    }
}
