package org.latentlab.ui.likelihood;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.latentlab.likelihood.IwaeCurve;
import org.latentlab.likelihood.LikelihoodEstimator;
import org.latentlab.likelihood.PosteriorPicture;
import org.latentlab.model.DecoderWeights;

/**
 * The Likelihood tab's computation for one image, run on its worker: in 2-D the true posterior and
 * its heat map first, then the importance-sampling curve up to K = 5,000. It keeps the estimator of
 * the last decoder it was asked about, and with it that decoder's coarse scan of the latent space
 * (9,216 points decoded, most of one image's time), so that another image of the same snapshot
 * costs only its own grids and samples (docs/benchmarks.md, "Likelihood"). Thread-safe: a
 * computation takes the kept estimator for itself and puts it back when done, so two never share one.
 */
final class LikelihoodWork {

    /** The seed of the importance samples: the same ε for every request, so only the model moves the curve. */
    private static final long SEED = 1;

    /** An estimator and what it was made for: a snapshot's decoder, with a class fixed for a conditional one (else −1). */
    private record Kept(DecoderWeights decoder, int label, LikelihoodEstimator estimator) {
    }

    private final AtomicReference<Kept> kept = new AtomicReference<>();

    /**
     * The numbers and picture of {@code image}, whose posterior q(z|x) is N(mean, exp(logVariance)),
     * under {@code decoder} (with class {@code label} fixed when it is conditional).
     *
     * @param cells cells a side of the heat map
     * @throws CancellationException when {@code cancelled} answered true before the end
     */
    LikelihoodResult compute(DecoderWeights decoder, int label, String description, float[] image, float[] mean,
            float[] logVariance, int cells, long iteration, BooleanSupplier cancelled) {
        int fixed = decoder.conditional() ? label : -1;
        Kept mine = kept.getAndSet(null);
        if (mine == null || mine.decoder() != decoder || mine.label() != fixed) {
            mine = new Kept(decoder, fixed, new LikelihoodEstimator(fixed < 0 ? decoder : decoder.forClass(fixed)));
        }
        try {
            LikelihoodEstimator estimator = mine.estimator();
            PosteriorPicture picture = mean.length == 2
                    ? PosteriorPicture.of(estimator, image, mean, logVariance, cells, cancelled) : null;
            IwaeCurve curve = estimator.iwaeCurve(image, mean, logVariance, IwaeCurve.MAX_SAMPLES, SEED, partial -> { },
                    cancelled);
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("another image was chosen");
            }
            return new LikelihoodResult(description, curve, picture, iteration);
        } finally {
            kept.set(mine);
        }
    }
}
