package org.latentlab.render;

import java.util.List;
import java.util.Objects;

/**
 * The losses of a training run, in nats per image, to draw as {@link LossCurves}.
 *
 * <p>Element {@code i} of each per-iteration array is the loss of the minibatch of iteration
 * {@code i + 1}, so the curves are drawn at x = 1 … n on an axis counting iterations done. A
 * validation value is drawn at the count of iterations done when it was measured (469, 938, … for
 * 469 minibatches per epoch). NaN values (a run that diverged) are left out of the curves.
 *
 * <p>The arrays are not copied: do not change them while a figure is drawn from them.
 *
 * @param total                  the training objective of each iteration: reconstruction + β·KL
 * @param reconstruction         its reconstruction term, −E[log p(x|z)]; {@code null} if not recorded
 * @param kl                     its KL term, KL(q(z|x) ‖ p(z)) before β; {@code null} for a plain
 *                               autoencoder
 * @param validationIterations   the iteration count at the end of each epoch; {@code null} for none
 * @param validationNegativeElbo the validation set's negative ELBO at those points; {@code null} exactly
 *                               when {@code validationIterations} is
 * @param klByLevel              a hierarchical VAE's KL term split by level, lowest first; empty for a
 *                               model of one level
 */
public record LossHistoryData(float[] total, float[] reconstruction, float[] kl,
                              int[] validationIterations, float[] validationNegativeElbo, List<float[]> klByLevel) {

    public LossHistoryData {
        Objects.requireNonNull(total, "total");
        checkLength("reconstruction", reconstruction, total.length);
        checkLength("KL", kl, total.length);
        klByLevel = List.copyOf(klByLevel);
        if (klByLevel.size() > Palette.KL_LEVEL_HEX.size()) {
            throw new IllegalArgumentException("the KL of " + klByLevel.size() + " levels; at most "
                    + Palette.KL_LEVEL_HEX.size() + " can be drawn");
        }
        for (float[] level : klByLevel) {
            checkLength("KL-by-level", level, total.length);
        }
        if ((validationIterations == null) != (validationNegativeElbo == null)) {
            throw new IllegalArgumentException("validation iterations and values must both be given or both be null");
        }
        if (validationIterations != null) {
            if (validationIterations.length != validationNegativeElbo.length) {
                throw new IllegalArgumentException(validationIterations.length + " validation iterations but "
                        + validationNegativeElbo.length + " validation values");
            }
            for (int iteration : validationIterations) {
                if (iteration < 0) {
                    throw new IllegalArgumentException("validation iteration " + iteration + " is negative");
                }
            }
        }
    }

    /** The losses of a model of one latent level. */
    public LossHistoryData(float[] total, float[] reconstruction, float[] kl, int[] validationIterations,
            float[] validationNegativeElbo) {
        this(total, reconstruction, kl, validationIterations, validationNegativeElbo, List.of());
    }

    /** The training losses alone, without validation points. */
    public static LossHistoryData training(float[] total, float[] reconstruction, float[] kl) {
        return new LossHistoryData(total, reconstruction, kl, null, null);
    }

    /**
     * Each iteration's negative ELBO, reconstruction + KL whatever β was; {@code null} without a
     * reconstruction or KL term.
     */
    public float[] negativeElbo() {
        if (reconstruction == null || kl == null) {
            return null;
        }
        float[] sum = new float[total.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = reconstruction[i] + kl[i];
        }
        return sum;
    }

    /**
     * These losses times {@code factor}: in other units (bits per dimension are nats per image
     * times 1 / (pixels · ln 2)).
     */
    public LossHistoryData scaled(double factor) {
        List<float[]> levels = klByLevel.stream().map(level -> scale(level, factor)).toList();
        return new LossHistoryData(scale(total, factor), scale(reconstruction, factor), scale(kl, factor),
                validationIterations, scale(validationNegativeElbo, factor), levels);
    }

    private static float[] scale(float[] values, double factor) {
        if (values == null) {
            return null;
        }
        float[] scaled = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = (float) (values[i] * factor);
        }
        return scaled;
    }

    /** How many iterations were recorded. */
    public int iterations() {
        return total.length;
    }

    private static void checkLength(String name, float[] series, int expected) {
        if (series != null && series.length != expected) {
            throw new IllegalArgumentException(expected + " total losses but " + series.length + " " + name + " losses");
        }
    }
}
