package org.latentlab.training;

import java.util.List;

/**
 * A model's path through the rate–distortion plane over training: at each point the rate
 * (the KL term, in nats: how much the code says about the image) and the distortion (the
 * reconstruction term, in nats: how much of the image the code fails to give back). The ELBO
 * trades one for the other; β sets the exchange rate, so β-VAEs end on different points of the
 * same frontier, and the ablations at its ends.
 *
 * <p>Immutable once made; the arrays are not copied out, so do not change them.
 *
 * @param iterations   the iteration count at each point (the last of the window it averages)
 * @param rates        KL at each point, nats per image
 * @param distortions  reconstruction at each point, nats per image
 */
public record RateDistortionTrail(int[] iterations, float[] rates, float[] distortions) {

    public RateDistortionTrail {
        if (iterations.length != rates.length || rates.length != distortions.length) {
            throw new IllegalArgumentException("a trail needs as many iterations, rates and distortions, got "
                    + iterations.length + ", " + rates.length + " and " + distortions.length);
        }
    }

    /**
     * The training losses averaged over consecutive windows of {@code window} iterations (the
     * last window may be shorter): one point per window, so the noise of single minibatches does
     * not hide the path.
     */
    public static RateDistortionTrail ofIterations(IterationHistory.View history, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("a window holds at least 1 iteration, got " + window);
        }
        int points = (history.size() + window - 1) / window;
        int[] at = new int[points];
        float[] rates = new float[points];
        float[] distortions = new float[points];
        for (int p = 0; p < points; p++) {
            int from = p * window;
            int to = Math.min(history.size(), from + window);
            double rate = 0;
            double distortion = 0;
            for (int i = from; i < to; i++) {
                rate += history.kl(i);
                distortion += history.reconstruction(i);
            }
            at[p] = to;
            rates[p] = (float) (rate / (to - from));
            distortions[p] = (float) (distortion / (to - from));
        }
        return new RateDistortionTrail(at, rates, distortions);
    }

    /** The held-out rate and distortion at the end of each epoch. */
    public static RateDistortionTrail ofEpochs(List<EpochMetrics> epochs) {
        int n = epochs.size();
        int[] at = new int[n];
        float[] rates = new float[n];
        float[] distortions = new float[n];
        for (int i = 0; i < n; i++) {
            EpochMetrics m = epochs.get(i);
            at[i] = (int) m.iteration();
            rates[i] = (float) m.validationKl();
            distortions[i] = (float) m.validationReconstruction();
        }
        return new RateDistortionTrail(at, rates, distortions);
    }

    /** The window that gives a trail of about {@code points} points over {@code iterations}. */
    public static int windowFor(int iterations, int points) {
        return Math.max(1, (iterations + points - 1) / Math.max(1, points));
    }

    public int size() {
        return rates.length;
    }
}
