package org.latentlab.model;

/** The KL divergence of a diagonal Gaussian posterior from a Gaussian prior, per dimension, in nats. */
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

    /**
     * KL(N(μ_q, σ_q²) ‖ N(μ_p, σ_p²)) = ½ (log σ_p² − log σ_q² + (σ_q² + (μ_q − μ_p)²) / σ_p² − 1) for one
     * dimension: the hierarchical VAE's lower level against its conditional prior p(z₁|z₂) at one z₂.
     */
    public static double between(double mean, double logVariance, double priorMean, double priorLogVariance) {
        double difference = mean - priorMean;
        return 0.5 * (priorLogVariance - logVariance
                + (Math.exp(logVariance) + difference * difference) * Math.exp(-priorLogVariance) - 1);
    }
}
