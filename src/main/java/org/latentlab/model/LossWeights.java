package org.latentlab.model;

/**
 * The weights of the two terms in the training objective
 * {@code reconstruction · wRec + KL · β}, set afresh for every step so that β can be annealed and
 * either term switched off without rebuilding the network.
 *
 * @param reconstruction wRec, the weight of the reconstruction term (0 trains on KL alone)
 * @param kl             β, the weight of KL(q(z|x) ‖ N(0, I)) (0 trains on reconstruction alone)
 */
public record LossWeights(double reconstruction, double kl) {

    /** The plain evidence lower bound: both terms with weight 1. */
    public static final LossWeights ELBO = new LossWeights(1, 1);

    public LossWeights {
        if (!(reconstruction >= 0) || Double.isInfinite(reconstruction)) {
            throw new IllegalArgumentException("reconstruction weight must be a finite number ≥ 0, got " + reconstruction);
        }
        if (!(kl >= 0) || Double.isInfinite(kl)) {
            throw new IllegalArgumentException("β must be a finite number ≥ 0, got " + kl);
        }
    }
}
