package org.latentlab.model;

import java.util.SplittableRandom;

/**
 * Turns a decoder's outputs into one sample of p(x|z) ({@link DecoderOutput#sample}): Gaussian
 * means plus noise of the decoder's σ, clipped to the displayable [0, 1]; Bernoulli probabilities
 * into pixels that are 1 with that probability and 0 otherwise. Draws from one stream, pixel after
 * pixel. Confined to the thread that decodes.
 */
final class PixelNoise {

    private final float[] stds;
    private final SplittableRandom random;

    /** @param stds the Gaussian decoder's σ, one value or one per pixel; empty for Bernoulli */
    PixelNoise(float[] stds, long seed) {
        this.stds = stds;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Replaces {@code rows} images of {@code width} pixels in {@code outputs} by a draw: from the raw
     * Gaussian means, or from the Bernoulli probabilities (the mean image).
     */
    void draw(Likelihood likelihood, NativeFloats outputs, int rows, int width) {
        for (int i = 0; i < rows * width; i++) {
            float value = outputs.get(i);
            if (likelihood == Likelihood.BERNOULLI) {
                outputs.put(i, random.nextDouble() < value ? 1f : 0f);
            } else {
                float std = stds[stds.length == 1 ? 0 : i % width];
                outputs.put(i, Math.min(1f, Math.max(0f, value + std * (float) random.nextGaussian())));
            }
        }
    }
}
