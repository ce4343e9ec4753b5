package org.latentlab.ui.loss;

import java.util.List;
import java.util.Locale;
import org.latentlab.lesson.Units;
import org.latentlab.training.EpochLikelihood;
import org.latentlab.training.EpochLikelihoods;
import org.latentlab.training.EpochMetrics;

/**
 * The loss chart's per-epoch held-out likelihood: for each epoch estimated so far, −log p(x) by
 * importance sampling (IWAE, K samples) and the −ELBO from the same samples, both on the same N
 * held-out images, with the labels that say so; or, for a model without them, why not. Values in
 * nats per image; immutable.
 *
 * @param estimates the epochs' estimates, in order, of epochs the chart still shows
 * @param images    N, the held-out images scored
 * @param samples   K, the importance samples per image
 * @param given     whether the images are scored with their class, as p(x|y) (a conditional VAE)
 * @param missing   why there are no lines, in a few words; {@code null} when there are
 */
public record HeldOutLikelihoodLines(List<EpochLikelihood> estimates, int images, int samples, boolean given,
                                     String missing) {

    /** No estimates and no explanation: before the trainer has any to give. */
    public static final HeldOutLikelihoodLines NONE = new HeldOutLikelihoodLines(List.of(), 0, 0, false, null);

    public HeldOutLikelihoodLines {
        estimates = List.copyOf(estimates);
    }

    /** The lines of {@code likelihoods} beside {@code epochs}, the epochs the chart draws. */
    public static HeldOutLikelihoodLines of(EpochLikelihoods likelihoods, List<EpochMetrics> epochs, boolean given) {
        return new HeldOutLikelihoodLines(likelihoods.matching(epochs), likelihoods.images(), likelihoods.samples(),
                given, likelihoods.missing());
    }

    /** "−log p(x)", or "−log p(x|y)" for a conditional model. */
    private String negativeLog() {
        return given ? "−log p(x|y)" : "−log p(x)";
    }

    /** The legend's name for the importance-sampled line, or why there is none. */
    public String label() {
        if (missing != null) {
            return "held-out −log p(x): none, " + missing;
        }
        return String.format(Locale.ROOT, "held-out %s, IWAE K=%d, %,d images", negativeLog(), samples, images);
    }

    /** The legend's name for the same images' −ELBO line. */
    public String elboLabel() {
        return String.format(Locale.ROOT, "held-out −ELBO, same %,d images, K=%d", images, samples);
    }

    /** Whether there is anything to draw. */
    public boolean drawn() {
        return missing == null && !estimates.isEmpty();
    }

    /** The gap after the last epoch estimated, short: "gap after epoch 3: 2.07 nats"; empty when there is none. */
    public String shortGap(Units units, int pixels) {
        if (!drawn()) {
            return "";
        }
        EpochLikelihood last = estimates.get(estimates.size() - 1);
        return String.format(Locale.ROOT, "gap after epoch %d: %s %s", last.epoch(), units.format(last.gap(), pixels, 2),
                units.symbol());
    }

    /**
     * The gap after the last epoch estimated, in {@code units} for images of {@code pixels} pixels:
     * "gap after epoch 3: 2.07 nats, a lower bound on the mean KL(q(z|x) ‖ p(z|x)) …"; empty when
     * there is none.
     */
    public String gapReadout(Units units, int pixels) {
        if (!drawn()) {
            return "";
        }
        EpochLikelihood last = estimates.get(estimates.size() - 1);
        return String.format(Locale.ROOT, "gap after epoch %d: %s %s (−ELBO %s − IWAE %s), a lower bound on the"
                        + " mean KL(q(z|x) ‖ p(z|x)) over the same %,d images", last.epoch(),
                units.format(last.gap(), pixels, 2), units.symbol(), units.format(last.negativeElbo(), pixels, 1),
                units.format(last.negativeLogMarginal(), pixels, 1), images);
    }
}
