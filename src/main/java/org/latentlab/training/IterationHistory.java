package org.latentlab.training;

import java.util.Arrays;

/**
 * The loss terms of every training iteration, appended by the trainer and read by anyone through
 * {@link View}s. A view sees the first {@code count} entries; the trainer only ever writes beyond
 * the count of every published view (growing into fresh arrays), so views need no locking once
 * they have been handed over through a safe publication such as an {@code AtomicReference}.
 *
 * <p>Appending is confined to the trainer thread.
 */
public final class IterationHistory {

    private float[] objective = new float[1024];
    private float[] reconstruction = new float[1024];
    private float[] kl = new float[1024];
    private float[] beta = new float[1024];
    private int count;

    public void append(double objectiveValue, double reconstructionValue, double klValue, double betaValue) {
        if (count == objective.length) {
            int grown = count * 2;
            objective = Arrays.copyOf(objective, grown);
            reconstruction = Arrays.copyOf(reconstruction, grown);
            kl = Arrays.copyOf(kl, grown);
            beta = Arrays.copyOf(beta, grown);
        }
        objective[count] = (float) objectiveValue;
        reconstruction[count] = (float) reconstructionValue;
        kl[count] = (float) klValue;
        beta[count] = (float) betaValue;
        count++;
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
        return new View(objective, reconstruction, kl, beta, count);
    }

    /** A fixed prefix of the history. Index i is iteration i + 1. */
    public static final class View {
        private final float[] objective;
        private final float[] reconstruction;
        private final float[] kl;
        private final float[] beta;
        private final int count;

        private View(float[] objective, float[] reconstruction, float[] kl, float[] beta, int count) {
            this.objective = objective;
            this.reconstruction = reconstruction;
            this.kl = kl;
            this.beta = beta;
            this.count = count;
        }

        public int size() {
            return count;
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

        private int checked(int i) {
            if (i < 0 || i >= count) {
                throw new IndexOutOfBoundsException("iteration index " + i + " outside 0.." + (count - 1));
            }
            return i;
        }
    }
}
