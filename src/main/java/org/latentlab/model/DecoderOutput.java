package org.latentlab.model;

/**
 * What a decoder draws for a latent point: the mean of p(x|z), a smooth grey image, or one sample
 * of it, the mean plus independent pixel noise of the decoder's σ (Gaussian, clipped to [0, 1]) or
 * black-and-white pixels drawn with the decoder's probabilities (Bernoulli). A sample's noise is
 * drawn from {@code seed}, pixel after pixel, so the same request gives the same images.
 *
 * @param sample whether to draw a sample rather than the mean
 * @param seed   seeds the pixel noise of a sample (ignored for the mean)
 */
public record DecoderOutput(boolean sample, long seed) {

    /** The mean image of p(x|z). */
    public static final DecoderOutput MEAN = new DecoderOutput(false, 0);

    /** A sample of p(x|z) with pixel noise drawn from {@code seed}. */
    public static DecoderOutput sample(long seed) {
        return new DecoderOutput(true, seed);
    }
}
