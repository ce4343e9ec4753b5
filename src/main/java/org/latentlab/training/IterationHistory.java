package org.latentlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.latentlab.model.DecoderStd;
import org.latentlab.model.DecoderVariance;

/**
 * The loss terms of every training iteration, appended by the trainer and read by anyone through
 * {@link View}s. A view sees the first {@code count} entries; the trainer only ever writes beyond
 * the count of every published view (growing into fresh arrays), so views need no locking once
 * they have been handed over through a safe publication such as an {@code AtomicReference}.
 *
 * <p>A model of several stochastic levels (the hierarchical VAE) also has its KL term split by
 * level; for a model of one level, that level's KL is the KL itself and is not stored twice. A
 * model whose Gaussian decoder learns σ also has σ after each iteration: the shared value, or the
 * mean, smallest and largest of the per-pixel values.
 *
 * <p>Appending is confined to the trainer thread.
 */
public final class IterationHistory {

    private float[] objective = new float[1024];
    private float[] reconstruction = new float[1024];
    private float[] kl = new float[1024];
    private float[] beta = new float[1024];
    /** The KL term of each level, lowest first; no rows for a model of one level. */
    private float[][] levelKl;
    private final DecoderVariance decoderVariance;
    /** The decoder's σ after each iteration, its mean, smallest and largest value; no rows when σ is fixed. */
    private float[][] decoderStd;
    private int count;

    /** The history of a model of one stochastic level whose decoder's σ (if any) is fixed. */
    public IterationHistory() {
        this(1);
    }

    /** The history of a model of {@code latentLevels} stochastic levels whose decoder's σ (if any) is fixed. */
    public IterationHistory(int latentLevels) {
        this(latentLevels, DecoderVariance.FIXED);
    }

    /** The history of a model of {@code latentLevels} levels whose decoder's σ is as {@code variance} says. */
    public IterationHistory(int latentLevels, DecoderVariance variance) {
        if (latentLevels < 1) {
            throw new IllegalArgumentException("a model has at least one latent level, got " + latentLevels);
        }
        levelKl = new float[latentLevels == 1 ? 0 : latentLevels][1024];
        decoderVariance = variance;
        decoderStd = new float[variance.learned() ? 3 : 0][1024];
    }

    /** Appends an iteration of a model of one level. */
    public void append(double objectiveValue, double reconstructionValue, double klValue, double betaValue) {
        append(objectiveValue, reconstructionValue, klValue, betaValue, new double[] {klValue});
    }

    /** Appends an iteration with its KL term by level, lowest first (one number for a model of one level). */
    public void append(double objectiveValue, double reconstructionValue, double klValue, double betaValue,
            double[] klPerLevel) {
        append(objectiveValue, reconstructionValue, klValue, betaValue, klPerLevel, null);
    }

    /**
     * Appends an iteration with its KL term by level and, for a decoder that learns σ, σ after it
     * ({@code null} for a fixed σ).
     */
    public void append(double objectiveValue, double reconstructionValue, double klValue, double betaValue,
            double[] klPerLevel, DecoderStd std) {
        if (klPerLevel.length != levels()) {
            throw new IllegalArgumentException("an iteration of " + klPerLevel.length
                    + " levels' KL in the history of a model of " + levels());
        }
        if ((std != null) != decoderVariance.learned()) {
            throw new IllegalArgumentException(std == null ? "an iteration without the σ its decoder learns"
                    : "an iteration with a learned σ in the history of a decoder of fixed σ");
        }
        if (count == objective.length) {
            int grown = count * 2;
            objective = Arrays.copyOf(objective, grown);
            reconstruction = Arrays.copyOf(reconstruction, grown);
            kl = Arrays.copyOf(kl, grown);
            beta = Arrays.copyOf(beta, grown);
            for (int l = 0; l < levelKl.length; l++) {
                levelKl[l] = Arrays.copyOf(levelKl[l], grown);
            }
            for (int k = 0; k < decoderStd.length; k++) {
                decoderStd[k] = Arrays.copyOf(decoderStd[k], grown);
            }
        }
        objective[count] = (float) objectiveValue;
        reconstruction[count] = (float) reconstructionValue;
        kl[count] = (float) klValue;
        beta[count] = (float) betaValue;
        for (int l = 0; l < levelKl.length; l++) {
            levelKl[l][count] = (float) klPerLevel[l];
        }
        if (std != null) {
            decoderStd[0][count] = (float) std.mean();
            decoderStd[1][count] = (float) std.min();
            decoderStd[2][count] = (float) std.max();
        }
        count++;
    }

    /** How many stochastic levels the model has. */
    public int levels() {
        return Math.max(1, levelKl.length);
    }

    public int size() {
        return count;
    }

    /**
     * Forgets every entry after the first {@code size}. The entries kept move to fresh arrays, so
     * that views handed out before keep what they saw when the trainer appends again.
     */
    public void truncate(int size) {
        if (size < 0 || size > count) {
            throw new IllegalArgumentException("cannot cut a history of " + count + " entries to " + size);
        }
        objective = prefix(objective, size);
        reconstruction = prefix(reconstruction, size);
        kl = prefix(kl, size);
        beta = prefix(beta, size);
        for (int l = 0; l < levelKl.length; l++) {
            levelKl[l] = prefix(levelKl[l], size);
        }
        for (int k = 0; k < decoderStd.length; k++) {
            decoderStd[k] = prefix(decoderStd[k], size);
        }
        count = size;
    }

    /** A fresh array as long as {@code values} holding its first {@code size} entries. */
    private static float[] prefix(float[] values, int size) {
        float[] kept = new float[values.length];
        System.arraycopy(values, 0, kept, 0, size);
        return kept;
    }

    /** The entries so far, fixed: later appends do not show in it. */
    public View view() {
        float[][] levels = levelKl.length == 0 ? new float[][] {kl} : levelKl.clone();
        return new View(objective, reconstruction, kl, beta, levels, decoderVariance, decoderStd.clone(), count);
    }

    /** A fixed prefix of the history. Index i is iteration i + 1. */
    public static final class View {
        private final float[] objective;
        private final float[] reconstruction;
        private final float[] kl;
        private final float[] beta;
        /** Each level's KL series, lowest first; {@code kl} itself for a model of one level. */
        private final float[][] levelKl;
        private final DecoderVariance decoderVariance;
        /** σ's mean, smallest and largest value; empty when σ is fixed. */
        private final float[][] decoderStd;
        private final int count;

        private View(float[] objective, float[] reconstruction, float[] kl, float[] beta, float[][] levelKl,
                DecoderVariance decoderVariance, float[][] decoderStd, int count) {
            this.objective = objective;
            this.reconstruction = reconstruction;
            this.kl = kl;
            this.beta = beta;
            this.levelKl = levelKl;
            this.decoderVariance = decoderVariance;
            this.decoderStd = decoderStd;
            this.count = count;
        }

        /** How the decoder's σ was set; only a learned σ is in the history. */
        public DecoderVariance decoderVariance() {
            return decoderVariance;
        }

        /** The decoder's learned σ after iteration index {@code i}. */
        public DecoderStd decoderStd(int i) {
            if (decoderStd.length == 0) {
                throw new IllegalStateException("the decoder's σ was fixed, not learned");
            }
            int k = checked(i);
            return new DecoderStd(decoderStd[0][k], decoderStd[1][k], decoderStd[2][k]);
        }

        /**
         * Copies of the learned σ's series: its mean, smallest and largest value over the pixels
         * (all three the same for one shared σ).
         */
        public float[][] decoderStdSeries() {
            if (decoderStd.length == 0) {
                throw new IllegalStateException("the decoder's σ was fixed, not learned");
            }
            return new float[][] {Arrays.copyOf(decoderStd[0], count), Arrays.copyOf(decoderStd[1], count),
                Arrays.copyOf(decoderStd[2], count)};
        }

        public int size() {
            return count;
        }

        /** How many stochastic levels the model has. */
        public int levels() {
            return levelKl.length;
        }

        /** The KL term of level {@code level} (0: the lowest) at iteration index {@code i}. */
        public float levelKl(int level, int i) {
            return levelKl[level][checked(i)];
        }

        /** The KL terms of every level at iteration index {@code i}, lowest first. */
        public double[] klPerLevel(int i) {
            double[] values = new double[levelKl.length];
            for (int l = 0; l < values.length; l++) {
                values[l] = levelKl(l, i);
            }
            return values;
        }

        public float objective(int i) {
            return objective[checked(i)];
        }

        public float reconstruction(int i) {
            return reconstruction[checked(i)];
        }

        public float kl(int i) {
            return kl[checked(i)];
        }

        public float beta(int i) {
            return beta[checked(i)];
        }

        /** Copies of the series, for drawing or saving. */
        public float[] objectives() {
            return Arrays.copyOf(objective, count);
        }

        public float[] reconstructions() {
            return Arrays.copyOf(reconstruction, count);
        }

        public float[] kls() {
            return Arrays.copyOf(kl, count);
        }

        /** A copy of the KL series of level {@code level} (0: the lowest). */
        public float[] levelKlSeries(int level) {
            return Arrays.copyOf(levelKl[level], count);
        }

        /** Copies of every level's KL series, lowest first; none for a model of one level. */
        public List<float[]> klByLevel() {
            List<float[]> series = new ArrayList<>();
            for (int l = 0; levelKl.length > 1 && l < levelKl.length; l++) {
                series.add(levelKlSeries(l));
            }
            return series;
        }

        private int checked(int i) {
            if (i < 0 || i >= count) {
                throw new IndexOutOfBoundsException("iteration index " + i + " outside 0.." + (count - 1));
            }
            return i;
        }
    }
}
