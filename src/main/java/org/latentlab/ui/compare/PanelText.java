package org.latentlab.ui.compare;

import java.util.List;
import java.util.Locale;
import org.latentlab.model.ModelKind;
import org.latentlab.training.CompareVariant;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.LossTerms;

/**
 * What a compare panel says about its model in words: its names, its latest losses and what its
 * prior samples come from. The PCA baseline is the {@code null} variant. Stateless.
 */
final class PanelText {

    /** The numbers average the training losses of this many iterations, so they do not flicker. */
    static final int LOSS_WINDOW = 50;
    /** What the numbers say before the first iteration, in as many lines as later. */
    static final String NOT_TRAINED = "not trained yet\npress Train";

    private PanelText() {
    }

    /**
     * The model's losses per image as two short lines: the reconstruction, then KL and −ELBO =
     * reconstruction + KL (the bound with β = 1, whatever β the model trains with). Once an epoch
     * has ended they are its held-out losses, as {@code train --compare} prints them and the
     * figure shows them ("held-out rec.", short enough for a panel at 1280 × 720); before, the
     * training losses of the last {@value #LOSS_WINDOW} iterations.
     * An autoencoder has no KL term and no ELBO.
     */
    static String numbers(CompareVariant variant, IterationHistory.View history, List<EpochMetrics> epochs) {
        if (!epochs.isEmpty()) {
            EpochMetrics last = epochs.get(epochs.size() - 1);
            return lines(variant, "held-out rec.", last.validationReconstruction(), last.validationKl());
        }
        int n = history.size();
        if (n == 0) {
            return NOT_TRAINED;
        }
        int from = Math.max(0, n - LOSS_WINDOW);
        double reconstruction = 0;
        double kl = 0;
        for (int i = from; i < n; i++) {
            reconstruction += history.reconstruction(i);
            kl += history.kl(i);
        }
        return lines(variant, "reconstruction", reconstruction / (n - from), kl / (n - from));
    }

    private static String lines(CompareVariant variant, String reconstructionName, double reconstruction, double kl) {
        if (variant.kind() == ModelKind.AUTOENCODER) {
            return String.format(Locale.ROOT, "%s %.1f\nno KL, no ELBO", reconstructionName, reconstruction);
        }
        return String.format(Locale.ROOT, "%s %.1f\nKL %.2f · −ELBO %.1f", reconstructionName, reconstruction, kl,
                reconstruction + kl);
    }

    /**
     * What the images decoded from z ~ N(0, I) come from, said plainly, as the command line's
     * figure says it: what the model was trained to do, not what it should look like.
     */
    static String samplesCaption(CompareVariant variant) {
        if (variant == null) {
            return "Codes scaled to variance 1; a linear decoder.";
        }
        if (variant.kind() == ModelKind.AUTOENCODER) {
            return "No prior: nothing put its codes where z ~ N(0, I) falls.";
        }
        if (variant.lossTerms() == LossTerms.RECONSTRUCTION) {
            return "No KL term: nothing kept its codes where z ~ N(0, I) falls.";
        }
        if (variant.lossTerms() == LossTerms.KL) {
            return "Decoder never trained (wRec = 0): its random weights.";
        }
        if (variant.beta() == 1) {
            return "The KL term pulled its codes onto N(0, I).";
        }
        return "KL × β: a larger β pulls the codes closer to N(0, I).";
    }

    /** The panel's name in one line: "VAE, KL only", "PCA (linear baseline)". */
    static String title(CompareVariant variant) {
        return variant == null ? "PCA (linear baseline)" : variant.label();
    }

    /**
     * The panel's heading in two short lines, the kind of model over what it is trained on:
     * "VAE" over "KL only", "autoencoder" over "no KL, no prior".
     */
    static String heading(CompareVariant variant) {
        String kind = variant == null ? "PCA" : variant.kind() == ModelKind.AUTOENCODER ? "autoencoder"
                : variant.lossTerms() == LossTerms.COMBINED && variant.beta() != 1 ? "β-VAE" : "VAE";
        return kind + "\n" + trainedOn(variant);
    }

    /** A short name for the panel's check box: "KL only", "VAE", "β = 4", "PCA". */
    static String shortTitle(CompareVariant variant) {
        if (variant == null || variant.kind() == ModelKind.AUTOENCODER) {
            return variant == null ? "PCA" : "autoencoder";
        }
        return variant.lossTerms() == LossTerms.COMBINED && variant.beta() == 1 ? "VAE" : trainedOn(variant);
    }

    /** What the model is trained on, in a few words. */
    private static String trainedOn(CompareVariant variant) {
        if (variant == null) {
            return "linear baseline";
        }
        if (variant.kind() == ModelKind.AUTOENCODER) {
            return "no KL, no prior";
        }
        return switch (variant.lossTerms()) {
            case RECONSTRUCTION -> "reconstruction only";
            case KL -> "KL only";
            case COMBINED -> variant.beta() == 1 ? "reconstruction + KL"
                    : variant.label().substring(variant.label().indexOf("β = "));
        };
    }
}
