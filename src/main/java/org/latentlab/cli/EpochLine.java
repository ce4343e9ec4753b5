package org.latentlab.cli;

import java.util.List;
import java.util.Locale;
import org.latentlab.model.DecoderStd;
import org.latentlab.training.CompareVariant;
import org.latentlab.training.DebiasedSampling;
import org.latentlab.training.RareGroupMetrics;
import org.latentlab.training.EpochMetrics;

/** The one line the command line prints per epoch, for one model or a comparison. */
final class EpochLine {

    private EpochLine() {
    }

    /**
     * For a model of several latent levels, the KL term is followed by its split, z₁ first; for a
     * decoder that learns σ, σ follows at the end of the line.
     *
     * @param std the decoder's learned σ after the epoch, or {@code null} when it is fixed
     */
    static String of(EpochMetrics m, DecoderStd std) {
        if (std == null) {
            return of(m);
        }
        return of(m) + (std.isShared() ? String.format(Locale.ROOT, "  σ %.4f", std.mean())
                : String.format(Locale.ROOT, "  σ %.4f–%.4f, mean %.4f", std.min(), std.max(), std.mean()));
    }

    /** For a model of several latent levels, the KL term is followed by its split, z₁ first. */
    static String of(EpochMetrics m) {
        StringBuilder levels = new StringBuilder();
        for (int l = 0; m.levels() > 1 && l < m.levels(); l++) {
            levels.append(l == 0 ? " (" : " + ").append(String.format(Locale.ROOT, "z%c %.2f", (char) ('₁' + l),
                    m.validationKlByLevel().get(l)));
        }
        return String.format(Locale.ROOT,
                "epoch %3d  train %8.2f  validation -ELBO %8.2f = reconstruction %8.2f + KL %6.2f%s  %6.2f s",
                m.epoch(), m.trainingObjective(), m.validationNegativeElbo(), m.validationReconstruction(),
                m.validationKl(), levels.length() == 0 ? "" : levels.append(')'), m.seconds());
    }

    /**
     * The rare group's line under an epoch's: its held-out reconstruction against the other
     * images', and its share of the epoch's draws.
     */
    static String rareGroup(RareGroupMetrics g) {
        return String.format(Locale.ROOT, "           rare group: held-out reconstruction %8.2f, the others %8.2f;"
                + " %.1f %% of the draws", g.rareReconstruction(), g.commonReconstruction(), 100 * g.rareShareOfDraws());
    }

    /** What debiased sampling did in an epoch: its cost, how many images it drew, from how many dimensions. */
    static String sampling(DebiasedSampling s) {
        return String.format(Locale.ROOT, "           debiased sampling: %,d of %,d images drawn, density from %d of %d"
                        + " latent dimensions, %.2f s", s.distinctImages(), s.trainingSize(),
                s.histogram().usedDimensions(), s.histogram().latentSize(), s.seconds());
    }

    /** The line that says, once before training, how a debiased run draws its images. */
    static String debiasingNote(double alpha) {
        return String.format(Locale.ROOT, "Debiased sampling, α = %s: each epoch draws its images with replacement,"
                + " with probability ∝ 1/density^α of their posterior means (density: %d-bin histograms per latent"
                + " dimension, multiplied)", TrainCommand.format(alpha), DebiasedSampling.BINS);
    }

    /** One epoch of a comparison: every model's held-out reconstruction + KL, and the seconds it took. */
    static String ofComparison(List<CompareVariant> variants, List<EpochMetrics> metrics, double seconds) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %3d", metrics.get(0).epoch()));
        for (int i = 0; i < metrics.size(); i++) {
            EpochMetrics m = metrics.get(i);
            line.append(String.format(Locale.ROOT, "  %s %.2f+%.2f", variants.get(i).name(),
                    m.validationReconstruction(), m.validationKl()));
            if (m.hasRareGroup()) {
                line.append(String.format(Locale.ROOT, " (rare %.2f, others %.2f)", m.rareGroup().rareReconstruction(),
                        m.rareGroup().commonReconstruction()));
            }
        }
        return line.append(String.format(Locale.ROOT, "  %6.2f s", seconds)).toString();
    }
}
