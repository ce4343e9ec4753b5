package org.latentlab.likelihood;

/**
 * What {@link LikelihoodEvaluation} computes for a set of images.
 *
 * @param samples    K, importance samples per image (1 to {@value IwaeCurve#MAX_SAMPLES}); the
 *                   −ELBO is estimated from the same K samples
 * @param seed       image i of the set draws its ε from {@code new SplittableRandom(seed + i)}
 * @param quadrature how to sum p(x) on a grid for a 2-D latent space, or {@code null} for no quadrature
 * @param threads    how many threads share the images (each with its own decoder copy)
 */
public record EvaluationSettings(int samples, long seed, QuadratureRule quadrature, int threads) {

    public EvaluationSettings {
        IwaeCurve.stepsUpTo(samples);
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be between 1 and 64, got " + threads);
        }
    }
}
