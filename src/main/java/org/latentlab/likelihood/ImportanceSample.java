package org.latentlab.likelihood;

import java.util.SplittableRandom;

/**
 * Importance sampling of one image's marginal likelihood p(x) from its posterior
 * q(z|x) = N(μ, diag σ²), accumulated in rounds so that the estimate can be read after any number
 * of samples (Burda, Grosse and Salakhutdinov 2016):
 *
 * <pre>
 *   z_k = μ + σ ⊙ ε_k,  ε_k ~ N(0, I)
 *   log w_k = log p(x|z_k) + log p(z_k) − log q(z_k|x)
 *   log p̂_K(x) = log (1/K · Σ_k w_k)        the IWAE estimate; E[log p̂_K] ≤ log p(x), rising with K
 *   −ELBO estimate = 1/K · Σ_k −log p(x|z_k) + KL(q ‖ N(0, I))    (closed-form KL, as in training)
 * </pre>
 *
 * The weights are summed stably ({@link LogWeights}). With one sample, E[log p̂_1] is the ELBO.
 *
 * <p>Confined to one thread: the one that draws and scores its samples.
 */
final class ImportanceSample {

    private final float[] image;
    private final double[] mean;
    private final double[] std;
    private final double sumOfLogVariances;
    private final double kl;
    private final SplittableRandom noise;

    /** log p(z) − log q(z|x) of the samples drawn but not yet scored. */
    private double[] pending = new double[0];
    private int pendingCount;

    private final LogWeights weights = new LogWeights();

    /**
     * @param image       the image's pixels (kept, not copied)
     * @param mean        μ(x), one value per latent dimension
     * @param logVariance log σ²(x), one value per latent dimension
     * @param seed        seeds ε: {@code new SplittableRandom(seed)}, {@code nextGaussian()} dimension
     *                    after dimension, sample after sample
     */
    ImportanceSample(float[] image, float[] mean, float[] logVariance, long seed) {
        if (mean.length != logVariance.length || mean.length == 0) {
            throw new IllegalArgumentException("a posterior needs as many log-variances as means, got "
                    + mean.length + " and " + logVariance.length);
        }
        this.image = image;
        this.mean = new double[mean.length];
        this.std = new double[mean.length];
        double logVariances = 0;
        double klSum = 0;
        for (int j = 0; j < mean.length; j++) {
            this.mean[j] = mean[j];
            this.std[j] = Math.exp(0.5 * logVariance[j]);
            logVariances += logVariance[j];
            klSum += 0.5 * (mean[j] * (double) mean[j] + Math.exp(logVariance[j]) - 1 - logVariance[j]);
        }
        this.sumOfLogVariances = logVariances;
        this.kl = klSum;
        this.noise = new SplittableRandom(seed);
    }

    float[] image() {
        return image;
    }

    int latentSize() {
        return mean.length;
    }

    /**
     * Draws {@code count} new latent samples into {@code latents} from {@code offset} (row-major,
     * one sample of {@link #latentSize()} values after another) and remembers their
     * log p(z) − log q(z|x) until {@link #score} brings their log-likelihoods.
     */
    void draw(int count, float[] latents, int offset) {
        if (pending.length < count) {
            pending = new double[count];
        }
        int d = mean.length;
        for (int k = 0; k < count; k++) {
            // log p(z) − log q(z|x) = Σ_j −½ z_j² + ½ ε_j² + ½ log σ_j²  (the ½ log 2π cancel),
            // from the float z the decoder sees, so that the weight is exactly that of the decoded point.
            double logRatio = 0.5 * sumOfLogVariances;
            for (int j = 0; j < d; j++) {
                float z = (float) (mean[j] + std[j] * noise.nextGaussian());
                double epsilon = (z - mean[j]) / std[j];
                logRatio += 0.5 * (epsilon * epsilon - (double) z * z);
                latents[offset + k * d + j] = z;
            }
            pending[k] = logRatio;
        }
        pendingCount = count;
    }

    /** Takes log p(x|z_k) of the samples of the last {@link #draw}, from {@code logLikelihoods[offset]} on. */
    void score(double[] logLikelihoods, int offset) {
        for (int k = 0; k < pendingCount; k++) {
            weights.add(logLikelihoods[offset + k] + pending[k], -logLikelihoods[offset + k]);
        }
        pendingCount = 0;
    }

    /** How many samples have been scored. */
    int samples() {
        return weights.samples();
    }

    /** −log p̂_K(x) in nats with K = {@link #samples()}. */
    double negativeLogMarginal() {
        return weights.negativeLogMarginal();
    }

    /** The −ELBO estimate in nats: the mean of −log p(x|z_k) plus the closed-form KL. */
    double negativeElbo() {
        return weights.termMean() + kl;
    }

    /** What the samples so far say. */
    ImportanceEstimate estimate() {
        return new ImportanceEstimate(samples(), negativeElbo(), kl, weights.termVariance(), negativeLogMarginal(),
                weights.effectiveSampleSize());
    }
}
