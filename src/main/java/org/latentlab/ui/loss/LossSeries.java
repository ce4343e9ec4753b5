package org.latentlab.ui.loss;

import java.util.List;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.IterationHistory;

/**
 * The losses to draw at one moment: every iteration's terms and each epoch's held-out loss.
 * Immutable (the history view is a fixed prefix that the trainer never changes), but for the
 * per-block summaries it may share with the series that follow it ({@link LossBlocks}).
 *
 * @param iterations  per-iteration objective, reconstruction and KL terms
 * @param epochs      per-epoch metrics, with the held-out negative ELBO
 * @param showKl      whether the model has a KL term at all (not for a plain autoencoder)
 * @param density     whether the reconstruction term is −log of a density (the Gaussian decoder),
 *                    which can be negative, rather than of a probability (Bernoulli), which cannot
 * @param blocks      the terms summarised per block, at least as far as {@code iterations} goes
 */
public record LossSeries(IterationHistory.View iterations, List<EpochMetrics> epochs, boolean showKl,
                         boolean density, LossBlocks blocks) {

    public LossSeries {
        epochs = List.copyOf(epochs);
        blocks.extendTo(iterations);
    }

    /** The losses of {@code iterations}, summarised from the start. */
    public LossSeries(IterationHistory.View iterations, List<EpochMetrics> epochs, boolean showKl, boolean density) {
        this(iterations, epochs, showKl, density, new LossBlocks());
    }

    /**
     * The losses of {@code iterations}, going on from the summaries of {@code previous} (may be
     * {@code null}) when they continue its iterations, so that only the new ones are summarised.
     */
    public static LossSeries after(LossSeries previous, IterationHistory.View iterations, List<EpochMetrics> epochs,
                                   boolean showKl, boolean density) {
        boolean continues = previous != null && iterations.continues(previous.iterations());
        return new LossSeries(iterations, epochs, showKl, density, continues ? previous.blocks : new LossBlocks());
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
        return showKl && blocks.betaLeftOne(iterations);
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
        /** What training minimises: reconstruction + β·KL. */
        TOTAL("training objective"),
        RECONSTRUCTION("reconstruction"),
        KL("KL"),
        /** reconstruction + KL, whatever β: the training images' negative ELBO. */
        NEGATIVE_ELBO("training −ELBO"),
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

    /**
     * The lowest and highest positive value of {@code term} over every iteration, as a
     * logarithmic axis needs them; {@code null} when it has none.
     */
    public float[] positiveRange(Term term) {
        LossBlocks.Fold all = fold(term, 0, size());
        return all.high > 0 ? new float[] {all.lowPositive, all.high} : null;
    }

    /** The finite values of {@code term} at iteration indices [from, to), folded through the blocks. */
    LossBlocks.Fold fold(Term term, int from, int to) {
        return blocks.fold(iterations, term, from, to);
    }

    /** The value of {@code term} at iteration index {@code i} (iteration i + 1). */
    public float value(Term term, int i) {
        return value(iterations, term, i);
    }

    /** The value of {@code term} at iteration index {@code i} of {@code iterations}. */
    static float value(IterationHistory.View iterations, Term term, int i) {
        return switch (term) {
            case TOTAL -> iterations.objective(i);
            case RECONSTRUCTION -> iterations.reconstruction(i);
            case KL -> iterations.kl(i);
            case NEGATIVE_ELBO -> iterations.reconstruction(i) + iterations.kl(i);
            case KL_Z1 -> iterations.levels() > 1 ? iterations.levelKl(0, i) : Float.NaN;
            case KL_Z2 -> iterations.levels() > 1 ? iterations.levelKl(1, i) : Float.NaN;
        };
    }
}
