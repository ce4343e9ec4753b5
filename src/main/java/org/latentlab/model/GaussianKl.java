package org.latentlab.model;

/** The KL divergence of a diagonal Gaussian posterior from the standard normal prior, in nats. */
public final class GaussianKl {

    private GaussianKl() {
    }

    /**
     * KL(N(μ, σ²) ‖ N(0, 1)) = ½ (μ² + σ² − 1 − log σ²) for one latent dimension. Zero exactly when
     * μ = 0 and σ = 1, positive otherwise.
     */
    public static double fromStandardNormal(double mean, double logVariance) {
        return 0.5 * (mean * mean + Math.exp(logVariance) - 1 - logVariance);
    }
}
