package org.latentlab.likelihood;

/**
 * What importance sampling with K samples from q(z|x) says about one image, in nats. For a
 * hierarchical VAE ({@link HierarchicalSample}) z is the pair (z₁, z₂), the KL is KL₁ averaged over
 * the K draws of z₂ plus KL₂, and the variance is that of −log p(x|z₁) + KL₁ at the draw's z₂.
 *
 * @param samples                K, the samples drawn from q(z|x)
 * @param negativeElbo           the −ELBO estimate: mean over the K samples of −log p(x|z), plus
 *                               KL(q(z|x) ‖ N(0, I)) in closed form
 * @param kl                     that KL term alone
 * @param reconstructionVariance the sample variance of −log p(x|z) over the K samples (NaN for K = 1);
 *                               the Monte Carlo variance of {@code negativeElbo} is this over K
 * @param negativeLogMarginal    −log p̂_K(x), the importance-sampled (IWAE) estimate: on average above
 *                               −log p(x) and falling towards it as K grows
 * @param effectiveSampleSize    (Σ w)² / Σ w² of the importance weights: how many of the K samples
 *                               count; small values mean q(z|x) is far from the true posterior
 */
public record ImportanceEstimate(int samples, double negativeElbo, double kl, double reconstructionVariance,
                                 double negativeLogMarginal, double effectiveSampleSize) {
}
