package org.latentlab.training;

import java.util.Arrays;
import org.latentlab.latent.LatentPoints;

/**
 * What debiased sampling is doing at one moment, for a view: the epoch's histograms and draws, and
 * how often each held-out probe image would be drawn. Immutable and safe to read on any thread.
 *
 * @param alpha        the strength α
 * @param sampling     the current epoch's draws, or {@code null} before the first epoch begins
 * @param probeWeights for each probe image (in probe order), how often the sampler would draw it
 *                     against the average training image ({@link DebiasedSampling#relativeWeight}),
 *                     from its posterior mean now; all 1 before the first epoch
 */
public record DebiasingSnapshot(double alpha, DebiasedSampling sampling, double[] probeWeights) {

    public DebiasingSnapshot {
        probeWeights = probeWeights.clone();
    }

    /** Debiasing of strength {@code alpha} for {@code probe}'s images, as it stands. */
    static DebiasingSnapshot of(double alpha, DebiasedSampling sampling, ProbeSet probe) {
        double[] weights = new double[probe.size()];
        if (sampling == null) {
            Arrays.fill(weights, 1);
        } else {
            weights = sampling.relativeWeights(new LatentPoints(probe.encoding().means(), probe.size(),
                    probe.encoding().latentSize()));
        }
        return new DebiasingSnapshot(alpha, sampling, weights);
    }

    /** A copy of the probe images' weights. */
    @Override
    public double[] probeWeights() {
        return probeWeights.clone();
    }

    /** Probe image {@code i}'s weight. */
    public double probeWeight(int i) {
        return probeWeights[i];
    }
}
