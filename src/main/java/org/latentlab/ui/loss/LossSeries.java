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
 */
public record LossSeries(IterationHistory.View iterations, List<EpochMetrics> epochs, boolean showKl) {

    public LossSeries {
        epochs = List.copyOf(epochs);
    }

    /** Whether the KL term is split over two stochastic levels (a hierarchical VAE), each drawn as well. */
    public boolean twoLevels() {
        return showKl && iterations.levels() == 2;
    }

    public int size() {
        return iterations.size();
    }

    /** One of the per-iteration terms: the three of every VAE, and the KL of each level of a hierarchical one. */
    public enum Term {
        TOTAL("total objective"),
        RECONSTRUCTION("reconstruction"),
        KL("KL"),
        KL_Z1("KL of z₁"),
        KL_Z2("KL of z₂");

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
            case KL_Z1 -> iterations.levelKl(0, i);
            case KL_Z2 -> iterations.levelKl(1, i);
        };
    }
}
