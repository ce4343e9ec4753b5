package org.latentlab.likelihood;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.latentlab.model.Activation;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Likelihood;

/**
 * A linear-Gaussian latent model, p(z) = N(0, I) and p(x|z) = N(Wz + b, σ²I), for which p(x),
 * p(z|x) and the ELBO of any Gaussian q are known in closed form, built as a real decoder snapshot
 * so that the likelihood engine runs its own code on it.
 *
 * <p>The decoder is the app's two-layer network z → ReLU(z + c) → h·W̃ + b̃ with c = {@value #SHIFT}
 * in every hidden unit: for every z with all z_j > −c the ReLU passes its input unchanged, so the
 * network computes W(z + c) + b − Wc = Wz + b exactly (up to float rounding). Every grid and every
 * sample the tests use stays far inside that region.
 *
 * <p>Closed forms (M = I + WᵀW/σ², r = x − b):
 * <pre>
 *   log p(x)   = −½ (D log 2πσ² + log|M| + (‖r‖² − rᵀW M⁻¹ Wᵀr / σ²) / σ²)
 *   p(z|x)     = N(M⁻¹ Wᵀ r / σ², M⁻¹)
 *   ELBO(μ, s²) = −½ D log 2πσ² − (‖r − Wμ‖² + Σ_j s_j² ‖W_j‖²) / 2σ² − KL(N(μ, s²) ‖ N(0, I))
 * </pre>
 */
final class LinearGaussianModel {

    static final float SHIFT = 8f;

    final int latent;
    final int pixels;
    final double sigma;
    private final RealMatrix w;
    private final RealVector b;
    private final RealMatrix posteriorCovariance;

    LinearGaussianModel(int latent, int pixels, double sigma, long seed) {
        this.latent = latent;
        this.pixels = pixels;
        this.sigma = sigma;
        SplittableRandom random = new SplittableRandom(seed);
        double[][] entries = new double[pixels][latent];
        double[] bias = new double[pixels];
        for (int p = 0; p < pixels; p++) {
            for (int j = 0; j < latent; j++) {
                entries[p][j] = (float) (0.5 * random.nextGaussian());
            }
            bias[p] = (float) (0.5 + 0.2 * random.nextGaussian());
        }
        this.w = new Array2DRowRealMatrix(entries);
        this.b = new ArrayRealVector(bias);
        RealMatrix m = MatrixUtils.createRealIdentityMatrix(latent).add(w.transpose().multiply(w).scalarMultiply(1 / (sigma * sigma)));
        this.posteriorCovariance = new LUDecomposition(m).getSolver().getInverse();
    }

    /** The decoder widths [latent, latent, pixels] with ReLU, Gaussian p(x|z) of standard deviation σ. */
    DecoderWeights weights() {
        List<Float> parameters = new ArrayList<>();
        for (int i = 0; i < latent; i++) { // identity weights, then the shift as bias
            for (int j = 0; j < latent; j++) {
                parameters.add(i == j ? 1f : 0f);
            }
        }
        for (int j = 0; j < latent; j++) {
            parameters.add(SHIFT);
        }
        for (int j = 0; j < latent; j++) { // Wᵀ, in × out
            for (int p = 0; p < pixels; p++) {
                parameters.add((float) w.getEntry(p, j));
            }
        }
        for (int p = 0; p < pixels; p++) {
            double shifted = 0;
            for (int j = 0; j < latent; j++) {
                shifted += w.getEntry(p, j) * SHIFT;
            }
            parameters.add((float) (b.getEntry(p) - shifted));
        }
        return new DecoderWeights(List.of(latent, latent, pixels), Activation.RELU, Likelihood.GAUSSIAN, pixels, 1,
                flat(parameters), List.of(), new float[0], 0, new float[] {(float) sigma});
    }

    private static float[] flat(List<Float> parameters) {
        float[] flat = new float[parameters.size()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = parameters.get(i);
        }
        return flat;
    }

    /**
     * The same model folded along z₁ (2-D only): p(x|z) = N(W(|z₁|, z₂) + b, σ²I), built as
     * z → ReLU(z₁), ReLU(−z₁), ReLU(z₂ + c) → W₁·(h₁ + h₂) + W₂·(h₃ − c) + b. Its posterior has two
     * mirror-image modes, (z₁, z₂) and (−z₁, z₂), of equal mass.
     */
    DecoderWeights foldedWeights() {
        if (latent != 2) {
            throw new IllegalStateException("the folded model is 2-D");
        }
        List<Float> parameters = new ArrayList<>(List.of(1f, -1f, 0f, 0f, 0f, 1f, 0f, 0f, SHIFT));
        for (int row : new int[] {0, 0, 1}) {
            for (int p = 0; p < pixels; p++) {
                parameters.add((float) w.getEntry(p, row));
            }
        }
        for (int p = 0; p < pixels; p++) {
            parameters.add((float) (b.getEntry(p) - w.getEntry(p, 1) * SHIFT));
        }
        return new DecoderWeights(List.of(2, 3, pixels), Activation.RELU, Likelihood.GAUSSIAN, pixels, 1,
                flat(parameters), List.of(), new float[0], 0, new float[] {(float) sigma});
    }

    /**
     * log p(x) of the folded model: by the prior's symmetry p(x) = 2 ∫_{z₁>0} p(x|z) p(z) dz
     * = 2 p_linear(x) · P_linear(z₁ > 0 | x) = 2 p_linear(x) Φ(m₁ / √S₁₁).
     */
    double foldedLogMarginal(float[] x) {
        double m1 = posteriorMean(x)[0];
        return Math.log(2) + logMarginal(x) + Math.log(new NormalDistribution().cumulativeProbability(m1 / posteriorStd(0)));
    }

    /** An image drawn from the model: z ~ N(0, I), x = Wz + b + σ·noise. */
    float[] sample(SplittableRandom random) {
        RealVector z = new ArrayRealVector(latent);
        for (int j = 0; j < latent; j++) {
            z.setEntry(j, random.nextGaussian());
        }
        RealVector mean = w.operate(z).add(b);
        float[] x = new float[pixels];
        for (int p = 0; p < pixels; p++) {
            x[p] = (float) (mean.getEntry(p) + sigma * random.nextGaussian());
        }
        return x;
    }

    double logMarginal(float[] x) {
        RealVector r = residual(x);
        double variance = sigma * sigma;
        RealVector projected = w.transpose().operate(r);
        double quadratic = (r.dotProduct(r) - projected.dotProduct(posteriorCovariance.operate(projected)) / variance)
                / variance;
        double logDetM = -Math.log(new LUDecomposition(posteriorCovariance).getDeterminant());
        return -0.5 * (pixels * Math.log(2 * Math.PI * variance) + logDetM + quadratic);
    }

    double[] posteriorMean(float[] x) {
        return posteriorCovariance.operate(w.transpose().operate(residual(x))).mapDivide(sigma * sigma).toArray();
    }

    /** The standard deviation of p(z|x) along dimension j (the same for every x). */
    double posteriorStd(int j) {
        return Math.sqrt(posteriorCovariance.getEntry(j, j));
    }

    /** The ELBO of q = N(μ, diag exp(logVariance)), in nats. */
    double elbo(float[] x, float[] mean, float[] logVariance) {
        RealVector mu = new ArrayRealVector(latent);
        for (int j = 0; j < latent; j++) {
            mu.setEntry(j, mean[j]);
        }
        RealVector r = residual(x).subtract(w.operate(mu));
        double spread = 0;
        double kl = 0;
        for (int j = 0; j < latent; j++) {
            double variance = Math.exp(logVariance[j]);
            spread += variance * w.getColumnVector(j).dotProduct(w.getColumnVector(j));
            kl += 0.5 * (mean[j] * (double) mean[j] + variance - 1 - logVariance[j]);
        }
        double sigma2 = sigma * sigma;
        return -0.5 * pixels * Math.log(2 * Math.PI * sigma2) - (r.dotProduct(r) + spread) / (2 * sigma2) - kl;
    }

    private RealVector residual(float[] x) {
        RealVector r = new ArrayRealVector(pixels);
        for (int p = 0; p < pixels; p++) {
            r.setEntry(p, x[p] - b.getEntry(p));
        }
        return r;
    }
}
