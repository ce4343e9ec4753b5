package org.latentlab.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.BatchLosses;
import org.latentlab.model.Encoding;
import org.latentlab.model.GaussianKl;
import org.latentlab.model.HierarchicalAutoencoder;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.ModelState;

/**
 * −log p(x) by importance sampling for a hierarchical VAE ({@link HierarchicalEstimator}) on a tiny
 * model: 3 × 3 images, encoder 9-7-5, z₁ 3-D, z₂ 2-D, tanh, Bernoulli. Its conditional prior's
 * weights are tripled so that p(z₁|z₂) moves with z₂. All seeded.
 */
class HierarchicalLikelihoodTest {

    private static final int PIXELS = 9;
    /** Where the flat layout's groups start: lower heads, upper heads, prior hidden layer, prior heads, decoder. */
    private static final int LOWER_HEADS = 10 * 7 + 8 * 5;
    private static final int UPPER_HEADS = LOWER_HEADS + 2 * 6 * 3;
    private static final int PRIOR_HIDDEN = UPPER_HEADS + 2 * 6 * 2;
    private static final int PRIOR_HEADS = PRIOR_HIDDEN + 3 * 5;
    private static final int DECODER = PRIOR_HEADS + 2 * 6 * 3;
    private static final int DECODER_OUTPUT = DECODER + 4 * 5 + 6 * 7;

    private static HierarchicalAutoencoder model;
    private static float[] images;

    private static ModelConfig tiny() {
        return new ModelConfig(ModelKind.HVAE, 3, 3, List.of(7, 5), 3, Activation.TANH, Likelihood.BERNOULLI, 0.5, 11, 2);
    }

    @BeforeAll
    static void makeAModelWhosePriorDependsOnZ2() {
        model = new HierarchicalAutoencoder(tiny());
        ModelState state = model.state();
        float[] parameters = state.parameters();
        assertEquals(DECODER_OUTPUT + 8 * 9, parameters.length);
        for (int i = PRIOR_HIDDEN; i < DECODER; i++) {
            parameters[i] *= 3;
        }
        model.restore(new ModelState(parameters, state.optimizerState(), 0));
        images = grey(8, 5);
    }

    private static float[] grey(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[count * PIXELS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        return x;
    }

    private static float[] repeated(float[] x, int times) {
        float[] out = new float[x.length * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(x, 0, out, t * x.length, x.length);
        }
        return out;
    }

    private static List<ImportanceEstimate> estimate(HierarchicalAutoencoder on, float[] x, int samples, long seed) {
        int count = x.length / PIXELS;
        List<Encoding> levels = on.encodeLevels(x, count);
        return new HierarchicalEstimator(on.decoderWeights(), on.conditionalPriorWeights())
                .importanceSampling(x, levels.get(0), levels.get(1), 0, count, samples, seed, () -> false);
    }

    /** {mean, standard error of the mean} of a list of values. */
    private static double[] meanAndError(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(squares / (values.length - 1) / values.length)};
    }

    /**
     * With K = 1, E[−log p̂_1] is the −ELBO: over 16,384 draws (the 8 images 2,048 times, each its own
     * seed) it agrees with the training loss's −ELBO on the same images (16 batches of 1,024) within
     * four standard errors, and so does the engine's own −ELBO estimate (closed-form KLs as in training).
     */
    @Test
    void oneSampleEstimatesAverageToTheModelsOwnNegativeElbo() {
        float[] x = repeated(images, 2048);
        List<ImportanceEstimate> one = estimate(model, x, 1, 1000);
        double[] iwae = one.stream().mapToDouble(ImportanceEstimate::negativeLogMarginal).toArray();
        double[] elbo = one.stream().mapToDouble(ImportanceEstimate::negativeElbo).toArray();
        float[] batch = repeated(images, 128);
        double[] trained = new double[16];
        SplittableRandom noise = new SplittableRandom(77);
        for (int b = 0; b < trained.length; b++) {
            BatchLosses losses = model.evaluate(batch, 1024, noise);
            trained[b] = losses.negativeElbo();
        }
        double[] engine = meanAndError(iwae);
        double[] engineElbo = meanAndError(elbo);
        double[] training = meanAndError(trained);
        assertEquals(training[0], engine[0], 4 * Math.hypot(training[1], engine[1]),
                "IWAE K = 1 " + engine[0] + " ± " + engine[1] + " against the training's " + training[0] + " ± " + training[1]);
        assertEquals(training[0], engineElbo[0], 4 * Math.hypot(training[1], engineElbo[1]),
                "-ELBO " + engineElbo[0] + " ± " + engineElbo[1] + " against the training's " + training[0]);
        assertEquals(8.9666, training[0], 1e-3);
        assertEquals(8.9571, engine[0], 1e-3);
        assertEquals(8.9656, engineElbo[0], 1e-3);
        assertTrue(engine[1] < 0.02 && training[1] < 0.02, engine[1] + " and " + training[1]);
        // The closed-form KLs make the −ELBO estimate steadier than the single-sample log-weight.
        assertTrue(engineElbo[1] < engine[1], engineElbo[1] + " against " + engine[1]);
    }

    /** More samples tighten the bound: the mean −log p̂_K over 16 images falls with K = 1, 10, 100, 1,000. */
    @Test
    void theMeanEstimateFallsAsKGrows() {
        float[] x = grey(16, 9);
        double previous = Double.POSITIVE_INFINITY;
        double[] means = new double[4];
        int[] ks = {1, 10, 100, 1000};
        for (int s = 0; s < ks.length; s++) {
            means[s] = estimate(model, x, ks[s], 3).stream().mapToDouble(ImportanceEstimate::negativeLogMarginal)
                    .average().orElseThrow();
            assertTrue(means[s] <= previous, "K = " + ks[s] + ": " + means[s] + " after " + previous);
            previous = means[s];
        }
        assertArrayEquals(new double[] {8.6965, 7.8449, 7.2194, 6.6796}, means, 1e-3);
    }

    /**
     * A degenerate model with p(x) in closed form: every weight into the decoder's output and into
     * the four posterior heads and the prior's heads is zero, so the logits are the output biases b
     * whatever z₁ (log p(x|z₁) = c = Σ x log σ(b) + (1 − x) log σ(−b)), q(z₁|x), q(z₂|x) and
     * p(z₁|z₂) are fixed Gaussians given by biases, and p(x) = c exactly. When q(z₂|x) = N(0, I) and
     * q(z₁|x) = p(z₁|z₂), every weight is c: −log p̂_K = −c for every K and every sample counts.
     * When they differ (q wider than the prior in every dimension, so that the weights are bounded),
     * the −ELBO is −c plus the two KLs in closed form, exactly, and −log p̂_5000 is −c within four of
     * its standard errors.
     */
    @Test
    void aConstantDecoderGivesTheClosedFormLikelihood() {
        double[] lowerMean = {0.3, -0.2, 0.5};
        double[] lowerLogVariance = {0.6, 0.0, 0.5};
        double[] upperMean = {0.8, -0.4};
        double[] upperLogVariance = {0.4, 0.3};
        double[] priorMean = {0.1, 0.4, -0.3};
        double[] priorLogVariance = {0.3, -0.5, 0.2};
        float[] x = grey(4, 21);
        HierarchicalAutoencoder exact = constant(priorMean, priorLogVariance, new double[2], new double[2], priorMean,
                priorLogVariance);
        double[] c = constantLogLikelihoods(exact, x);
        for (int k : new int[] {1, 1000}) {
            List<ImportanceEstimate> estimates = estimate(exact, x, k, 8);
            for (int i = 0; i < 4; i++) {
                assertEquals(-c[i], estimates.get(i).negativeLogMarginal(), 1e-4);
                assertEquals(-c[i], estimates.get(i).negativeElbo(), 1e-4);
                assertEquals(0, estimates.get(i).kl(), 1e-5);
                assertEquals(k, estimates.get(i).effectiveSampleSize(), 1e-3 * k);
            }
        }
        HierarchicalAutoencoder off = constant(lowerMean, lowerLogVariance, upperMean, upperLogVariance, priorMean,
                priorLogVariance);
        double kl = 0;
        for (int j = 0; j < 3; j++) {
            kl += GaussianKl.between(lowerMean[j], lowerLogVariance[j], priorMean[j], priorLogVariance[j]);
        }
        for (int j = 0; j < 2; j++) {
            kl += GaussianKl.fromStandardNormal(upperMean[j], upperLogVariance[j]);
        }
        assertEquals(1.1686, kl, 1e-4); // KL₁ 0.6978 + KL₂ 0.4708, by hand
        List<ImportanceEstimate> estimates = estimate(off, x, 5000, 8);
        for (int i = 0; i < 4; i++) {
            assertEquals(-c[i] + kl, estimates.get(i).negativeElbo(), 1e-4);
            assertEquals(kl, estimates.get(i).kl(), 1e-4);
            // the delta method's standard error of log p̂_K, √(1/ESS − 1/K)
            double error = Math.sqrt(1 / estimates.get(i).effectiveSampleSize() - 1 / 5000.0);
            assertTrue(error < 0.04, "standard error " + error);
            assertEquals(-c[i], estimates.get(i).negativeLogMarginal(), 4 * error);
        }
    }

    /** Two threads share the images and give the same report as one. */
    @Test
    void twoThreadsGiveTheSameReportAsOne() {
        float[] x = grey(40, 4);
        List<Encoding> levels = model.encodeLevels(x, 40);
        LikelihoodReport[] reports = new LikelihoodReport[2];
        for (int t = 1; t <= 2; t++) {
            reports[t - 1] = LikelihoodEvaluation.runHierarchical(model.decoderWeights(), model.conditionalPriorWeights(),
                    x, levels.get(0), levels.get(1), new EvaluationSettings(50, 6, null, t), () -> false);
        }
        for (int i = 0; i < 40; i++) {
            assertEquals(reports[0].importance(i), reports[1].importance(i));
        }
        assertTrue(reports[0].negativeElbo() > reports[0].negativeLogMarginalIwae());
    }

    /**
     * {@link #tiny()} with the weights into the output, the posterior heads and the prior's heads set
     * to zero, and those heads' biases set to the given means and log-variances.
     */
    private static HierarchicalAutoencoder constant(double[] lowerMean, double[] lowerLogVariance, double[] upperMean,
            double[] upperLogVariance, double[] priorMean, double[] priorLogVariance) {
        HierarchicalAutoencoder constant = new HierarchicalAutoencoder(tiny());
        ModelState state = constant.state();
        float[] p = state.parameters();
        int offset = head(p, LOWER_HEADS, lowerMean);
        offset = head(p, offset, lowerLogVariance);
        offset = head(p, offset, upperMean);
        head(p, offset, upperLogVariance);
        offset = head(p, PRIOR_HEADS, priorMean);
        head(p, offset, priorLogVariance);
        for (int i = DECODER_OUTPUT; i < DECODER_OUTPUT + 7 * 9; i++) {
            p[i] = 0;
        }
        constant.restore(new ModelState(p, state.optimizerState(), 0));
        return constant;
    }

    /** A 5 → n head at {@code offset}: zero weights, {@code biases}; returns where the next layer starts. */
    private static int head(float[] p, int offset, double[] biases) {
        int n = biases.length;
        for (int i = 0; i < 5 * n; i++) {
            p[offset + i] = 0;
        }
        for (int j = 0; j < n; j++) {
            p[offset + 5 * n + j] = (float) biases[j];
        }
        return offset + 6 * n;
    }

    /** Σ x log σ(b) + (1 − x) log σ(−b) with b the output biases of a constant decoder, per image. */
    private static double[] constantLogLikelihoods(HierarchicalAutoencoder constant, float[] x) {
        float[] p = constant.state().parameters();
        double[] c = new double[x.length / PIXELS];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < PIXELS; j++) {
                double b = p[DECODER_OUTPUT + 7 * 9 + j];
                double pixel = x[i * PIXELS + j];
                c[i] += -pixel * Math.log1p(Math.exp(-b)) - (1 - pixel) * Math.log1p(Math.exp(b));
            }
        }
        return c;
    }
}
