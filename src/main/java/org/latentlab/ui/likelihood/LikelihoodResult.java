package org.latentlab.ui.likelihood;

import org.latentlab.likelihood.IwaeCurve;
import org.latentlab.likelihood.PosteriorPicture;

/**
 * What the Likelihood tab shows of one image under one snapshot of the model: the importance
 * sampling estimate of −log p(x) for K = 1, 2, 5, …, 5,000 and, in a 2-D latent space, the true
 * posterior and −log p(x) by quadrature. Values in nats per image. Immutable.
 *
 * @param subject   which image: "held-out image 17 (a 3)" or "your drawing"
 * @param curve     −log p̂_K(x) at each K, and the −ELBO from the same 5,000 samples
 * @param posterior the true posterior on a grid with q's mean and sds; {@code null} above 2-D
 * @param iteration the training iteration of the snapshot it was computed from
 */
public record LikelihoodResult(String subject, IwaeCurve curve, PosteriorPicture posterior, long iteration) {

    /** The −ELBO, from {@link IwaeCurve#MAX_SAMPLES} samples of q(z|x). */
    public double negativeElbo() {
        return curve.negativeElbo();
    }

    /** −log p(x): by quadrature in 2-D, else the importance-sampling estimate with the most samples. */
    public double negativeLogMarginal() {
        return posterior != null ? posterior.negativeLogMarginal() : curve.last();
    }

    /** Whether {@link #negativeLogMarginal()} is the quadrature value (else the IWAE one, an upper bound on it). */
    public boolean exact() {
        return posterior != null;
    }

    /** −ELBO − (−log p(x)) = KL(q(z|x) ‖ p(z|x)); against IWAE above 2-D, and then a lower bound on that KL. */
    public double gap() {
        return negativeElbo() - negativeLogMarginal();
    }
}
