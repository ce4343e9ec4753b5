package org.latentlab.training;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/**
 * One panel of the compare lab: a kind of model and the terms and β it is trained with. Everything
 * else (architecture, data, seed, optimiser, batches) is shared by all panels of a comparison.
 *
 * @param name      a short name, also the variant's sub-folder of a saved comparison: lower-case
 *                  letters, digits, '.', '-' (e.g. {@code vae}, {@code rec-only}, {@code vae-beta-4})
 * @param kind      VAE or deterministic autoencoder
 * @param lossTerms which terms of the objective are trained; an autoencoder has no KL term, so
 *                  it takes {@link LossTerms#RECONSTRUCTION}
 * @param beta      the KL weight β (unused when the KL term is not trained)
 * @param debias    the strength α of debiased sampling, 0 for a plain shuffle. A debiased panel
 *                  draws its own minibatches (see {@link #debiased}), so it is the one panel that
 *                  does not share them
 */
public record CompareVariant(String name, ModelKind kind, LossTerms lossTerms, double beta, double debias) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,39}");

    public CompareVariant {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lossTerms, "lossTerms");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("variant name '" + name + "' must be 1–40 lower-case letters, digits,"
                    + " '.' or '-', starting with a letter or digit");
        }
        if (kind == ModelKind.AUTOENCODER && lossTerms != LossTerms.RECONSTRUCTION) {
            throw new IllegalArgumentException("an autoencoder has no KL term: variant '" + name
                    + "' must train the reconstruction term only");
        }
        new BetaSchedule.Constant(beta); // rejects a β that is negative or not finite
        if (!(debias >= 0) || !Double.isFinite(debias)) {
            throw new IllegalArgumentException("variant '" + name + "': the debiasing strength α must be a finite number"
                    + " ≥ 0, got " + debias);
        }
    }

    /** A panel that visits the images in the shared shuffle. */
    public CompareVariant(String name, ModelKind kind, LossTerms lossTerms, double beta) {
        this(name, kind, lossTerms, beta, 0);
    }

    /** The deterministic autoencoder: reconstruction only, with no posterior. */
    public static CompareVariant autoencoder() {
        return new CompareVariant("ae", ModelKind.AUTOENCODER, LossTerms.RECONSTRUCTION, 0);
    }

    /** A VAE trained on the reconstruction term alone (β = 0). */
    public static CompareVariant reconstructionOnly() {
        return new CompareVariant("rec-only", ModelKind.VAE, LossTerms.RECONSTRUCTION, 0);
    }

    /** A VAE trained on the KL term alone (wRec = 0, β = 1). */
    public static CompareVariant klOnly() {
        return new CompareVariant("kl-only", ModelKind.VAE, LossTerms.KL, 1);
    }

    /** A VAE trained on both terms with weight β on the KL term; named {@code vae} for β = 1. */
    public static CompareVariant vae(double beta) {
        return new CompareVariant(beta == 1 ? "vae" : "vae-beta-" + formatBeta(beta), ModelKind.VAE,
                LossTerms.COMBINED, beta);
    }

    /**
     * A VAE (β = 1) whose epochs are drawn for debiasing with strength α: beside a plain {@link #vae}
     * it starts from the same weights and takes as many steps of the same size, evaluated on the
     * same held-out images at the same moments, so the two differ only in which images the steps see.
     */
    public static CompareVariant debiased(double alpha) {
        return new CompareVariant("vae-debias-" + formatBeta(alpha), ModelKind.VAE, LossTerms.COMBINED, 1, alpha);
    }

    /** What a panel title says, e.g. "VAE, KL only" or "β-VAE, β = 4". */
    public String label() {
        if (debias > 0) {
            return "VAE, debiased (α = " + formatBeta(debias) + ")";
        }
        if (kind == ModelKind.AUTOENCODER) {
            return "autoencoder";
        }
        return switch (lossTerms) {
            case RECONSTRUCTION -> "VAE, reconstruction only";
            case KL -> "VAE, KL only";
            case COMBINED -> beta == 1 ? "VAE (β = 1)" : "β-VAE, β = " + formatBeta(beta);
        };
    }

    /** The shared model configuration, made this variant's kind. */
    public ModelConfig modelConfig(ModelConfig shared) {
        return shared.withKind(kind);
    }

    /** The shared training configuration with this variant's loss terms, β (the schedule keeps its shape) and α. */
    public TrainingConfig trainingConfig(TrainingConfig shared) {
        return new TrainingConfig(shared.learningRate(), shared.batchSize(), shared.epochs(),
                shared.beta().withTarget(beta), lossTerms, shared.seed(), debias);
    }

    /** β (or α) as people write it: 1, 0.1, 4, 2.5. */
    static String formatBeta(double beta) {
        if (beta == Math.rint(beta) && Math.abs(beta) < 1e9) {
            return Long.toString((long) beta);
        }
        return Double.toString(beta).toLowerCase(Locale.ROOT);
    }
}
