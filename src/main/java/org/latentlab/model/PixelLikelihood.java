package org.latentlab.model;

/**
 * log p(x|z) of whole images from a decoder's raw outputs, with the same formula as the training
 * loss's reconstruction term: Bernoulli, minus the binary cross-entropy of the logits; Gaussian, the
 * log density with the decoder's σ (fixed, learned and shared, or learned per pixel), its constant
 * included. Immutable.
 */
final class PixelLikelihood {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final Likelihood likelihood;
    private final int pixels;
    /** The decoder's σ, one shared value or one per pixel; empty for Bernoulli. */
    private final float[] stds;
    /** 1/σ² per pixel, for a Gaussian decoder with σ per pixel; else empty. */
    private final double[] inverseVariances;
    /** Σ log σ + D · ½ log 2π over the pixels, for a Gaussian decoder. */
    private final double normaliser;

    PixelLikelihood(DecoderWeights weights) {
        this.likelihood = weights.likelihood();
        this.pixels = weights.outputSize();
        this.stds = weights.pixelStds();
        boolean perPixel = stds.length > 1;
        this.inverseVariances = new double[perPixel ? pixels : 0];
        double logStds = 0;
        for (int p = 0; p < pixels && stds.length > 0; p++) {
            double std = stds[perPixel ? p : 0];
            logStds += Math.log(std);
            if (perPixel) {
                inverseVariances[p] = 1 / (std * std);
            }
        }
        this.normaliser = logStds + pixels * HALF_LOG_TWO_PI;
    }

    /** 1/σ² for pixel {@code p} of a Gaussian decoder. */
    double inverseVariance(int p) {
        return inverseVariances.length > 0 ? inverseVariances[p] : 1 / ((double) stds[0] * stds[0]);
    }

    /** Σ log σ + D · ½ log 2π: the Gaussian density's constant, in nats; 0 for Bernoulli. */
    double normaliser() {
        return likelihood == Likelihood.BERNOULLI ? 0 : normaliser;
    }

    /**
     * log p(x|z) of one image.
     *
     * @param output the decoder's raw outputs for z (logits, or unclipped means), one row
     * @param image  the image, one row
     * @param means  scratch of {@code pixels} floats, used only with σ per pixel
     */
    double logLikelihood(NativeFloats output, NativeFloats image, float[] means) {
        if (inverseVariances.length == 0) {
            double std = stds.length == 0 ? 1 : stds[0];
            return -TrainingKernels.LIKELIHOOD.negativeLogLikelihood(likelihood, std, output, image, 0, null, 0f, 1,
                    pixels);
        }
        output.copyTo(0, means, 0, pixels);
        double total = 0;
        for (int p = 0; p < pixels; p++) {
            double residual = means[p] - image.get(p);
            total += residual * residual * inverseVariances[p];
        }
        return -0.5 * total - normaliser;
    }
}
