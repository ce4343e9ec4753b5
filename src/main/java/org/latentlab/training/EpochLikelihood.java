package org.latentlab.training;

/**
 * The held-out likelihood after one epoch, estimated in the background from a copy of that epoch's
 * weights on a fixed subset of the held-out images ({@link EpochLikelihoodWorker}). Both numbers come
 * from the same K samples z ~ q(z|x) per image, so their difference is the gap between them and not
 * the noise of two draws. Nats per image (for a conditional VAE, of p(x|y)).
 *
 * @param epoch                    the 1-based epoch whose weights were scored
 * @param iteration                iterations completed when that epoch ended, where the chart draws it
 * @param images                   N, the held-out images scored
 * @param samples                  K, importance samples per image
 * @param negativeLogMarginal      mean over the N images of −log p̂_K(x), the importance-sampled (IWAE)
 *                                 estimate: above −log p(x) on average, by less as K grows
 * @param negativeLogMarginalError its Monte Carlo standard error (other ε for the same images)
 * @param negativeElbo             mean over the N images of the −ELBO: the mean over the same K samples of
 *                                 −log p(x|z), plus KL(q(z|x) ‖ N(0, I)) in closed form
 * @param negativeElboError        its Monte Carlo standard error
 * @param seconds                  wall time the estimate took on its thread
 */
public record EpochLikelihood(int epoch, long iteration, int images, int samples, double negativeLogMarginal,
                              double negativeLogMarginalError, double negativeElbo, double negativeElboError,
                              double seconds) {

    public EpochLikelihood {
        if (epoch < 1 || images < 1 || samples < 1) {
            throw new IllegalArgumentException("an estimate of epoch " + epoch + " over " + images + " images with "
                    + samples + " samples: all must be at least 1");
        }
    }

    /**
     * −ELBO − (−log p̂_K(x)), nats per image: the mean KL(q(z|x) ‖ p(z|x)) as far as K samples see it, so
     * on average a lower bound on it.
     */
    public double gap() {
        return negativeElbo - negativeLogMarginal;
    }
}
