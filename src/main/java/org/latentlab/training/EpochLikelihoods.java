package org.latentlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The per-epoch held-out likelihood estimates of one session so far, or why it has none. Immutable;
 * {@link EpochLikelihoodWorker} publishes a new one after each estimate.
 *
 * @param estimates one per epoch scored, in the order of their epochs (an epoch the worker skipped,
 *                  because a newer one ended while it was busy, has none)
 * @param images    N, the held-out images each estimate scores (0 when there are none)
 * @param samples   K, the importance samples per image
 * @param missing   why the model gets no estimate, in a few words (an autoencoder, a hierarchical VAE,
 *                  no held-out images); {@code null} when it does
 */
public record EpochLikelihoods(List<EpochLikelihood> estimates, int images, int samples, String missing) {

    public EpochLikelihoods {
        estimates = List.copyOf(estimates);
    }

    /** None yet, for a model that will get them: N images, K samples each. */
    public static EpochLikelihoods none(int images, int samples) {
        return new EpochLikelihoods(List.of(), images, samples, null);
    }

    /** None ever, and why. */
    public static EpochLikelihoods missing(String why) {
        return new EpochLikelihoods(List.of(), 0, 0, Objects.requireNonNull(why, "why"));
    }

    /** Whether the model gets estimates at all. */
    public boolean available() {
        return missing == null;
    }

    /** These estimates and {@code next}, which replaces any of the same or a later epoch (training went back). */
    EpochLikelihoods with(EpochLikelihood next) {
        List<EpochLikelihood> kept = new ArrayList<>();
        for (EpochLikelihood e : estimates) {
            if (e.epoch() < next.epoch()) {
                kept.add(e);
            }
        }
        kept.add(next);
        return new EpochLikelihoods(kept, images, samples, missing);
    }

    /**
     * The estimates of epochs that {@code epochs} still holds, ended at the same iteration: what a
     * view may draw beside those epochs (after a divergence undid an epoch, its estimate is gone).
     */
    public List<EpochLikelihood> matching(List<EpochMetrics> epochs) {
        List<EpochLikelihood> kept = new ArrayList<>();
        for (EpochLikelihood e : estimates) {
            int i = e.epoch() - 1;
            if (i < epochs.size() && epochs.get(i).epoch() == e.epoch() && epochs.get(i).iteration() == e.iteration()) {
                kept.add(e);
            }
        }
        return kept;
    }
}
