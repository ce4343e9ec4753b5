package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the hierarchical VAE estimates its lower level's KL term, E_q(z₂|x)[KL(q(z₁|x) ‖ p(z₁|z₂))]:
 * one draw of z₂ per image and the closed form of two diagonal Gaussians for that draw.
 */
class HierarchicalKlEstimateTest {

    private static final int ROWS = 1024;
    private static HierarchicalAutoencoder model;
    private static float[] image;
    private static Encoding lower;
    private static Encoding upper;

    /**
     * A tiny untrained model whose conditional prior's weights are tripled, so that p(z₁|z₂) moves
     * a good deal with z₂ (q(z₂|x) is still about N(0, I)), and one image.
     */
    @BeforeAll
    static void makeAPriorThatDependsOnZ2() {
        model = new HierarchicalAutoencoder(HierarchicalAutoencoderTest.tiny(Activation.TANH, Likelihood.BERNOULLI));
        ModelState state = model.state();
        float[] parameters = state.parameters();
        long[] groups = HierarchicalAutoencoderTest.groupStarts();
        for (long i = groups[3]; i < groups[5] + 2 * 6 * 3; i++) {
            parameters[(int) i] *= 3;
        }
        model.restore(new ModelState(parameters, state.optimizerState(), 0));
        image = GradientCheck.images(1, 9, 21);
        List<Encoding> levels = model.encodeLevels(image, 1);
        lower = levels.get(0);
        upper = levels.get(1);
    }

    /** The image {@link #ROWS} times over, so one evaluation draws z₂ that many times. */
    private static float[] repeated() {
        float[] x = new float[ROWS * 9];
        for (int r = 0; r < ROWS; r++) {
            System.arraycopy(image, 0, x, r * 9, 9);
        }
        return x;
    }

    /** z₂ = μ₂ + σ₂ ε₂ for {@code count} draws, in float as the model computes it. */
    private static float[] drawUpper(SplittableRandom noise, int count) {
        float[] z2 = new float[count * 2];
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < 2; j++) {
                float e = (float) noise.nextGaussian();
                z2[r * 2 + j] = upper.mean(0, j) + (float) Math.exp(0.5 * upper.logVariance(0, j)) * e;
            }
        }
        return z2;
    }

    /** KL(q(z₁|x) ‖ p(z₁|z₂)) in closed form at draw {@code r} of the prior. */
    private static double closedForm(Encoding prior, int r) {
        double kl = 0;
        for (int j = 0; j < 3; j++) {
            kl += GaussianKl.between(lower.mean(0, j), lower.logVariance(0, j), prior.mean(r, j),
                    prior.logVariance(r, j));
        }
        return kl;
    }

    /** The model draws ε₂ for every row first (then ε₁): the same draws here give the same z₂. */
    @Test
    void theLowerKlIsTheClosedFormAgainstTheConditionalPriorAtEachImagesDrawOfZ2() {
        BatchLosses losses = model.evaluate(repeated(), ROWS, new SplittableRandom(77));
        Encoding prior = model.conditionalPrior(drawUpper(new SplittableRandom(77), ROWS), ROWS);
        double expected = 0;
        for (int r = 0; r < ROWS; r++) {
            expected += closedForm(prior, r) / ROWS;
        }
        assertEquals(expected, losses.klPerLevel()[0], 1e-5 * expected);
        assertTrue(expected > 0.5, "the lower KL " + expected);
    }

    /**
     * Averaged over many draws, the estimate agrees with a Monte-Carlo estimate of the term the ELBO
     * holds, E over (z₁, z₂) ~ q of log q(z₁|x) − log p(z₁|z₂), within four standard errors; and
     * each of its draws varies less than a draw of that log-ratio.
     */
    @Test
    void theEstimateIsUnbiasedForTheElbosLowerTermAndVariesLessThanTheLogRatio() {
        int draws = 32 * ROWS;
        SplittableRandom noise = new SplittableRandom(5);
        Encoding prior = model.conditionalPrior(drawUpper(noise, draws), draws);
        double[] closed = new double[draws];
        double[] logRatio = new double[draws];
        for (int r = 0; r < draws; r++) {
            closed[r] = closedForm(prior, r);
            double ratio = 0;
            for (int j = 0; j < 3; j++) {
                double e = noise.nextGaussian();
                double s = lower.logVariance(0, j);
                double z1 = lower.mean(0, j) + Math.exp(0.5 * s) * e;
                double m = prior.mean(r, j);
                double v = prior.logVariance(r, j);
                ratio += (-0.5 * s - 0.5 * e * e) - (-0.5 * v - 0.5 * (z1 - m) * (z1 - m) * Math.exp(-v));
            }
            logRatio[r] = ratio;
        }
        double standardError = Math.sqrt(variance(closed) / draws + variance(logRatio) / draws);
        assertEquals(mean(logRatio), mean(closed), 4 * standardError);
        assertTrue(variance(closed) > 0.1, "the closed form varies with z₂: " + variance(closed));
        assertTrue(variance(closed) < variance(logRatio),
                "closed form varies " + variance(closed) + ", the log-ratio " + variance(logRatio));

        double reported = 0;
        for (int call = 0; call < 8; call++) {
            reported += model.evaluate(repeated(), ROWS, new SplittableRandom(100 + call)).klPerLevel()[0] / 8;
        }
        assertEquals(mean(closed), reported, 4 * Math.sqrt(variance(closed) / (8 * ROWS) + variance(closed) / draws));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values) {
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return sum / (values.length - 1);
    }
}
