package org.latentlab.model;

import java.nio.FloatBuffer;

/**
 * The reconstruction term −log p(x|z) of each {@link Likelihood}, computed from the decoder's
 * last-layer outputs in one pass that also writes the loss's gradient with respect to them.
 */
final class PixelLikelihood {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private PixelLikelihood() {
    }

    /**
     * Sums −log p(x|z) over {@code length} pixels and writes {@code scale · ∂/∂output} of it.
     *
     * <p>Bernoulli, from logits l: −log p = softplus(l) − x·l, computed as
     * max(l, 0) + log(1 + e^−|l|) − x·l so that no exponential overflows; its derivative is
     * sigmoid(l) − x. Gaussian with fixed σ, from the mean m: −log p = ½((x − m)/σ)² + log σ + ½ log 2π,
     * with derivative (m − x)/σ².
     *
     * @param outputs  the decoder's outputs (logits or means)
     * @param targets  the images x
     * @param gradient receives {@code scale · ∂(−log p)/∂output}; may be {@code null} (evaluation)
     * @return the sum over all pixels, in nats
     */
    static double negativeLogLikelihood(Likelihood likelihood, double std, FloatBuffer outputs, FloatBuffer targets,
            FloatBuffer gradient, float scale, int rows, int width) {
        double total = 0;
        if (likelihood == Likelihood.BERNOULLI) {
            for (int i = 0, n = rows * width; i < n; i++) {
                float l = outputs.get(i);
                float x = targets.get(i);
                double e = Math.exp(-Math.abs(l));
                total += Math.max(l, 0f) + Math.log1p(e) - x * l;
                if (gradient != null) {
                    double sigmoid = l >= 0 ? 1 / (1 + e) : e / (1 + e);
                    gradient.put(i, (float) (scale * (sigmoid - x)));
                }
            }
        } else {
            double inverseVariance = 1 / (std * std);
            double perPixelConstant = Math.log(std) + HALF_LOG_TWO_PI;
            for (int i = 0, n = rows * width; i < n; i++) {
                double residual = outputs.get(i) - targets.get(i);
                total += 0.5 * residual * residual * inverseVariance + perPixelConstant;
                if (gradient != null) {
                    gradient.put(i, (float) (scale * residual * inverseVariance));
                }
            }
        }
        return total;
    }

    /** Turns the decoder's raw outputs into displayable mean images in place. */
    static void toMeanImage(Likelihood likelihood, float[] outputs, int from, int length) {
        for (int i = from; i < from + length; i++) {
            float v = outputs[i];
            outputs[i] = likelihood == Likelihood.BERNOULLI
                    ? (float) (1 / (1 + Math.exp(-v)))
                    : Math.min(1f, Math.max(0f, v));
        }
    }
}
