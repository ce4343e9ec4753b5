package org.latentlab.cli;

import java.util.List;
import java.util.Locale;
import org.latentlab.data.Dataset;
import org.latentlab.likelihood.EvaluationSettings;
import org.latentlab.likelihood.LikelihoodEvaluation;
import org.latentlab.likelihood.LikelihoodReport;
import org.latentlab.model.DecoderStd;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Encoding;
import org.latentlab.model.HierarchicalAutoencoder;
import org.latentlab.model.LatentModel;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/**
 * Which models the likelihood commands score, and how: a VAE's images as p(x); a conditional VAE's
 * as p(x|y), each with its own class y (in q(z|x, y) and in the decoder); a hierarchical VAE's as
 * p(x), sampling both levels. The autoencoder has no likelihood. Stateless.
 */
final class ModelLikelihood {

    private ModelLikelihood() {
    }

    /** Why {@code config}'s model cannot be scored, in one sentence; {@code null} if it can. */
    static String unsupported(ModelConfig config) {
        return switch (config.kind()) {
            case VAE, CVAE, HVAE -> null;
            case AUTOENCODER -> "an autoencoder has no posterior q(z|x) and no likelihood p(x): its reconstruction"
                    + " error is all there is to measure";
        };
    }

    /** Throws with {@link #unsupported}'s sentence if the model cannot be scored. */
    static void require(ModelConfig config) {
        String reason = unsupported(config);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
    }

    /**
     * Scores the images: q(z|x) (or q(z|x, y), or a hierarchical VAE's q(z₁|x) and q(z₂|x)) from
     * the model's encoder, then the engine.
     *
     * @throws IllegalArgumentException for a conditional VAE and images without labels
     */
    static LikelihoodReport evaluate(LatentModel model, Dataset images, EvaluationSettings settings) {
        ModelConfig config = model.config();
        require(config);
        int count = images.size();
        float[] pixels = images.pixels(count);
        if (model instanceof HierarchicalAutoencoder hierarchical) {
            List<Encoding> levels = model.encodeLevels(pixels, count);
            return LikelihoodEvaluation.runHierarchical(model.decoderWeights(), hierarchical.conditionalPriorWeights(),
                    pixels, levels.get(0), levels.get(1), settings, () -> false);
        }
        int[] labels = labels(config, images);
        Encoding posteriors = labels == null ? model.encode(pixels, count) : model.encode(pixels, labels, count);
        return LikelihoodEvaluation.run(model.decoderWeights(), pixels, labels, posteriors, settings, () -> false);
    }

    /**
     * The labels a conditional VAE scores the images with (their own), {@code null} for a model that reads none.
     *
     * @throws IllegalArgumentException for a conditional VAE and images without labels
     */
    static int[] labels(ModelConfig config, Dataset images) {
        if (!config.conditional()) {
            return null;
        }
        if (!images.hasLabels()) {
            throw new IllegalArgumentException("a conditional VAE scores p(x|y) with each image's class y, and "
                    + images.name() + " has no labels");
        }
        return images.labels(images.size());
    }

    /**
     * What a conditional model's numbers are (of p(x|y) with the image's own label), or what z and
     * the KL are for a hierarchical VAE. Empty otherwise.
     */
    static String conditionNote(ModelConfig config) {
        if (config.kind() == ModelKind.HVAE) {
            return "a hierarchical VAE: z is the pair (z1, z2), drawn from q(z1|x) q(z2|x); the reconstruction is"
                    + " -log p(x|z1), and the KL is KL(q(z1|x) || p(z1|z2)) averaged over the draws of z2 plus"
                    + " KL(q(z2|x) || N(0, I))";
        }
        return config.conditional()
                ? "a conditional VAE: every number is of p(x|y), each image scored with its own label y (in q(z|x, y)"
                        + " and in the decoder), not of p(x)"
                : "";
    }

    /** The decoder's σ as it is now (learned or fixed), for the notes beside Gaussian numbers. */
    static String describeStd(ModelConfig config, DecoderStd std) {
        if (config.likelihood() == Likelihood.BERNOULLI) {
            return "";
        }
        DecoderVariance variance = config.decoderVariance();
        if (std.isShared()) {
            return String.format(Locale.ROOT, "sigma = %.4g (%s)", std.mean(),
                    variance.learned() ? "learned, shared by every pixel" : "fixed");
        }
        return String.format(Locale.ROOT, "sigma learned per pixel, from %.4g to %.4g (mean %.4g)", std.min(), std.max(),
                std.mean());
    }
}
