package org.latentlab.ui.loss;

import java.util.List;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.IterationHistory;

/**
 * The losses to draw at one moment: every iteration's terms and each epoch's held-out loss.
 * Immutable (the history view is a fixed prefix that the trainer never changes).
 *
 * @param iterations  per-iteration objective, reconstruction and KL terms
 * @param epochs      per-epoch metrics, with the held-out negative ELBO
 * @param showKl      whether the model has a KL term at all (not for a plain autoencoder)
 * @param density     whether the reconstruction term is −log of a density (the Gaussian decoder),
 *                    which can be negative, rather than of a probability (Bernoulli), which cannot
 */
public record LossSeries(IterationHistory.View iterations, List<EpochMetrics> epochs, boolean showKl,
                         boolean density) {

    public LossSeries {
        epochs = List.copyOf(epochs);
    }

    /** The losses of a model whose decoder gives probabilities (Bernoulli). */
    public LossSeries(IterationHistory.View iterations, List<EpochMetrics> epochs, boolean showKl) {
        this(iterations, epochs, showKl, false);
    }

    /**
     * Whether β was other than 1 at some iteration: then the training objective, reconstruction +
     * β·KL, is not the negative ELBO, reconstruction + KL, and the chart draws both.
     */
    public boolean betaLeftOne() {
        if (!showKl) {
            return false;
        }
        for (int i = 0; i < iterations.size(); i++) {
            if (iterations.beta(i) != 1) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return iterations.size();
    }

    /** One of the per-iteration terms. */
    public enum Term {
        /** What training minimises: reconstruction + β·KL. */
        TOTAL("training objective"),
        RECONSTRUCTION("reconstruction"),
        KL("KL"),
        /** reconstruction + KL, whatever β: the training images' negative ELBO. */
        NEGATIVE_ELBO("training −ELBO");

        private final String label;

        Term(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The value of {@code term} at iteration index {@code i} (iteration i + 1). */
    public float value(Term term, int i) {
        return switch (term) {
            case TOTAL -> iterations.objective(i);
            case RECONSTRUCTION -> iterations.reconstruction(i);
            case KL -> iterations.kl(i);
            case NEGATIVE_ELBO -> iterations.reconstruction(i) + iterations.kl(i);
        };
    }
}
