package org.latentlab.likelihood;

import java.util.SplittableRandom;
import org.latentlab.model.GaussianKl;

/**
 * Importance sampling of one image's p(x) under a hierarchical VAE, from its posterior as the
 * model factorises it: q(z₁, z₂|x) = q(z₁|x) · q(z₂|x), both diagonal Gaussians read from x alone
 * (docs/decisions/0082), so z₁ and z₂ are drawn independently.
 *
 * <pre>
 *   z₂ = μ₂ + σ₂ ⊙ ε₂,  z₁ = μ₁ + σ₁ ⊙ ε₁,  ε ~ N(0, I)   (ε₂ first, then ε₁, sample after sample)
 *   log w_k = log p(x|z₁) + log p(z₁|z₂) + log N(z₂; 0, I) − log q(z₁|x) − log q(z₂|x)
 *   log p̂_K(x) = log (1/K · Σ_k w_k)
 *   −ELBO estimate = 1/K · Σ_k [−log p(x|z₁) + KL(q(z₁|x) ‖ p(z₁|z₂))] + KL(q(z₂|x) ‖ N(0, I))
 * </pre>
 *
 * The −ELBO takes the same terms as the training loss: KL₁ in closed form at each draw of z₂, KL₂
 * in closed form. The ½ log 2π of every Gaussian cancels between p and q. With one sample,
 * E[log p̂_1] is the ELBO. Confined to one thread: the one that draws and scores its samples.
 */
final class HierarchicalSample {

    private final float[] image;
    private final Level lower;
    private final Level upper;
    private final double upperKl;
    private final SplittableRandom noise;
    private final LogWeights weights = new LogWeights();
    /** log N(z₂; 0, I) − log q(z₂|x) − log q(z₁|x) of the samples drawn but not yet scored. */
    private double[] pending = new double[0];
    /** z₁ of those samples, one after another. */
    private float[] pendingLower = new float[0];
    private int pendingCount;
    /** Σ over the scored samples of KL₁ at their z₂, for the reported KL. */
    private double lowerKlSum;

    /** One level's posterior q(z|x) = N(μ, diag σ²), in doubles. */
    private record Level(double[] mean, double[] logVariance, double[] std, double sumOfLogVariances) {

        static Level of(float[] mean, float[] logVariance) {
            if (mean.length != logVariance.length || mean.length == 0) {
                throw new IllegalArgumentException("a posterior needs as many log-variances as means, got "
                        + mean.length + " and " + logVariance.length);
            }
            double[] m = new double[mean.length];
            double[] s = new double[mean.length];
            double[] std = new double[mean.length];
            double sum = 0;
            for (int j = 0; j < mean.length; j++) {
                m[j] = mean[j];
                s[j] = logVariance[j];
                std[j] = Math.exp(0.5 * logVariance[j]);
                sum += logVariance[j];
            }
            return new Level(m, s, std, sum);
        }

        int size() {
            return mean.length;
        }

        /**
         * Draws z into {@code out} from {@code offset} and returns −log q(z|x) − ½ d log 2π =
         * ½ Σ ε² + ½ Σ log σ², with ε recomputed from the float z that is decoded.
         */
        double draw(SplittableRandom noise, float[] out, int offset) {
            double minusLogQ = 0.5 * sumOfLogVariances;
            for (int j = 0; j < mean.length; j++) {
                float z = (float) (mean[j] + std[j] * noise.nextGaussian());
                double epsilon = (z - mean[j]) / std[j];
                minusLogQ += 0.5 * epsilon * epsilon;
                out[offset + j] = z;
            }
            return minusLogQ;
        }
    }

    /**
     * @param image the image's pixels (kept, not copied)
     * @param seed  seeds ε: {@code new SplittableRandom(seed)}
     */
    HierarchicalSample(float[] image, float[] lowerMean, float[] lowerLogVariance, float[] upperMean,
            float[] upperLogVariance, long seed) {
        this.image = image;
        this.lower = Level.of(lowerMean, lowerLogVariance);
        this.upper = Level.of(upperMean, upperLogVariance);
        double kl = 0;
        for (int j = 0; j < upper.size(); j++) {
            kl += GaussianKl.fromStandardNormal(upperMean[j], upperLogVariance[j]);
        }
        this.upperKl = kl;
        this.noise = new SplittableRandom(seed);
    }

    float[] image() {
        return image;
    }

    int lowerSize() {
        return lower.size();
    }

    int upperSize() {
        return upper.size();
    }

    /**
     * Draws {@code count} new samples: z₂ into {@code upperLatents} and z₁ into {@code lowerLatents},
     * each from sample {@code first} on (row-major), and remembers their log-ratios until
     * {@link #score} brings log p(x|z₁) and p(z₁|z₂).
     */
    void draw(int count, float[] upperLatents, float[] lowerLatents, int first) {
        int d1 = lower.size();
        int d2 = upper.size();
        if (pending.length < count) {
            pending = new double[count];
            pendingLower = new float[count * d1];
        }
        for (int k = 0; k < count; k++) {
            int row = (first + k) * d2;
            // log N(z₂; 0, I) − log q(z₂|x) = −½ Σ z₂² + ½ Σ ε₂² + ½ Σ log σ₂²  (the ½ log 2π cancel)
            double logRatio = upper.draw(noise, upperLatents, row);
            for (int j = 0; j < d2; j++) {
                logRatio -= 0.5 * upperLatents[row + j] * (double) upperLatents[row + j];
            }
            logRatio += lower.draw(noise, lowerLatents, (first + k) * d1);
            System.arraycopy(lowerLatents, (first + k) * d1, pendingLower, k * d1, d1);
            pending[k] = logRatio;
        }
        pendingCount = count;
    }

    /**
     * Scores the samples of the last {@link #draw}: their log p(x|z₁) from
     * {@code logLikelihoods[first]} on, and p(z₁|z₂) = N(m, diag eᵛ) from row {@code first} of
     * {@code priorMeans} and {@code priorLogVariances} (z₁'s size a row).
     */
    void score(double[] logLikelihoods, float[] priorMeans, float[] priorLogVariances, int first) {
        int d1 = lower.size();
        for (int k = 0; k < pendingCount; k++) {
            double logPrior = 0;
            double lowerKl = 0;
            for (int j = 0; j < d1; j++) {
                int i = (first + k) * d1 + j;
                double m = priorMeans[i];
                double v = priorLogVariances[i];
                double difference = pendingLower[k * d1 + j] - m;
                // log N(z₁; m, eᵛ) + ½ log 2π
                logPrior -= 0.5 * (v + difference * difference * Math.exp(-v));
                lowerKl += GaussianKl.between(lower.mean()[j], lower.logVariance()[j], m, v);
            }
            double logLikelihood = logLikelihoods[first + k];
            weights.add(logLikelihood + logPrior + pending[k], -logLikelihood + lowerKl);
            lowerKlSum += lowerKl;
        }
        pendingCount = 0;
    }

    int samples() {
        return weights.samples();
    }

    /** What the samples so far say; the KL is KL₁ averaged over the draws of z₂, plus KL₂. */
    ImportanceEstimate estimate() {
        return new ImportanceEstimate(weights.samples(), weights.termMean() + upperKl,
                lowerKlSum / weights.samples() + upperKl, weights.termVariance(), weights.negativeLogMarginal(),
                weights.effectiveSampleSize());
    }
}
