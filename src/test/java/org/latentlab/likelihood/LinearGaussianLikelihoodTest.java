package org.latentlab.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Encoding;

/**
 * The likelihood engine on a linear-Gaussian model, where p(x), p(z|x) and the ELBO are known in
 * closed form ({@link LinearGaussianModel}): 2 latent dimensions, 20 pixels, σ = 0.5, so the true
 * posterior has a standard deviation of about 0.2. The posterior q(z|x) handed to the engine is the
 * true one moved and rescaled, as a trained encoder's would be, so importance sampling has work to
 * do and the gap is not zero. All seeded.
 */
class LinearGaussianLikelihoodTest {

    private static final LinearGaussianModel MODEL = new LinearGaussianModel(2, 20, 0.5, 7);

    private static float[][] images(LinearGaussianModel model, int count) {
        SplittableRandom random = new SplittableRandom(11);
        float[][] x = new float[count][];
        for (int i = 0; i < count; i++) {
            x[i] = model.sample(random);
        }
        return x;
    }

    /** {mean, logVariance} of a q whose mean is {@code shift} posterior sds off and whose sds are {@code scale} times the posterior's. */
    private static float[][] posterior(LinearGaussianModel model, float[] x, double shift, double scale) {
        double[] exact = model.posteriorMean(x);
        float[] mean = new float[model.latent];
        float[] logVariance = new float[model.latent];
        for (int j = 0; j < model.latent; j++) {
            double sd = model.posteriorStd(j);
            mean[j] = (float) (exact[j] + shift * sd);
            logVariance[j] = (float) (2 * Math.log(scale * sd));
        }
        return new float[][] {mean, logVariance};
    }

    private static Encoding encoding(LinearGaussianModel model, float[][] x, double shift, double scale) {
        int d = model.latent;
        float[] means = new float[x.length * d];
        float[] logVariances = new float[x.length * d];
        for (int i = 0; i < x.length; i++) {
            float[][] q = posterior(model, x[i], shift, scale);
            System.arraycopy(q[0], 0, means, i * d, d);
            System.arraycopy(q[1], 0, logVariances, i * d, d);
        }
        return new Encoding(means, logVariances, x.length, d);
    }

    private static float[] flat(float[][] x) {
        float[] all = new float[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, all, i * x[i].length, x[i].length);
        }
        return all;
    }

    /**
     * Quadrature within 10⁻³ nats of the exact log p(x). What remains is float32 rounding in the
     * decoder (≈10⁻⁵ nats on values of ≈20 nats) and the posterior mass outside the grid, which the
     * edge check holds below 10⁻³ of the band and so far below 10⁻³ nats; the midpoint rule itself
     * is accurate to far less for a Gaussian sampled at several cells per standard deviation.
     * The grid's posterior mean must sit on the exact one, to a hundredth of a posterior sd.
     */
    @Test
    void quadratureMatchesTheExactMarginalLikelihoodAndPosterior() {
        LikelihoodEstimator estimator = new LikelihoodEstimator(MODEL.weights());
        for (float[] x : images(MODEL, 10)) {
            float[][] q = posterior(MODEL, x, 0.5, 0.8);
            PosteriorGrid grid = estimator.posterior(x, q[0], q[1], QuadratureRule.STANDARD);
            assertEquals(-MODEL.logMarginal(x), grid.negativeLogMarginal(), 1e-3);
            double[] mean = grid.posteriorMean();
            double[] exact = MODEL.posteriorMean(x);
            assertEquals(exact[0], mean[0], 0.01 * MODEL.posteriorStd(0));
            assertEquals(exact[1], mean[1], 0.01 * MODEL.posteriorStd(1));
            assertTrue(grid.edgeMass() < QuadratureRule.STANDARD.edgeMassLimit(), "edge mass " + grid.edgeMass());
        }
    }

    /**
     * A q ten times narrower than the posterior and two posterior sds off: the first grid (6 sds
     * of q to each side) holds little of the posterior, so it must move and widen until it holds
     * it, and still give log p(x) within 10⁻³ nats.
     */
    @Test
    void quadratureWidensItsGridWhenTheTruePosteriorIsWiderThanQ() {
        LikelihoodEstimator estimator = new LikelihoodEstimator(MODEL.weights());
        for (float[] x : images(MODEL, 5)) {
            float[][] q = posterior(MODEL, x, 2, 0.1);
            PosteriorGrid grid = estimator.posterior(x, q[0], q[1], QuadratureRule.STANDARD);
            assertTrue(grid.step1() * grid.cells() > 2 * MODEL.posteriorStd(0) * 4, "the grid widened to "
                    + grid.step1() * grid.cells());
            assertEquals(-MODEL.logMarginal(x), grid.negativeLogMarginal(), 1e-3);
        }
    }

    /**
     * The folded model's posterior has two mirror-image modes of equal mass, far apart; q sits on
     * one of them and fits it exactly. A grid around q holds that mode whole, with nothing at its
     * edge, and would give log p(x) − log 2; the scan of the whole latent space finds the other
     * mode, and the sum is log p(x) within 10⁻³ nats again.
     */
    @Test
    void quadratureFindsASecondModeFarFromQ() {
        LikelihoodEstimator estimator = new LikelihoodEstimator(MODEL.foldedWeights());
        SplittableRandom random = new SplittableRandom(12);
        int checked = 0;
        while (checked < 3) {
            float[] x = MODEL.sample(random);
            double[] mode = MODEL.posteriorMean(x);
            if (mode[0] < 8 * MODEL.posteriorStd(0)) {
                continue; // the two modes overlap; look for an image whose modes lie apart
            }
            float[] mean = {(float) mode[0], (float) mode[1]};
            float[] logVariance = {(float) (2 * Math.log(MODEL.posteriorStd(0))), (float) (2 * Math.log(MODEL.posteriorStd(1)))};
            PosteriorGrid grid = estimator.posterior(x, mean, logVariance, QuadratureRule.STANDARD);
            assertEquals(-MODEL.foldedLogMarginal(x), grid.negativeLogMarginal(), 1e-3);
            checked++;
        }
    }

    /**
     * With q 20 % wider than the true posterior and half a posterior sd away, the importance
     * weights vary little (effective sample size above 3,000 of 5,000), so −log p̂₅₀₀₀ has a Monte
     * Carlo standard error near √(1/ESS − 1/K) ≈ 0.01 nats and a bias below that. 0.05 nats is
     * five standard errors.
     */
    @Test
    void importanceSamplingWithManySamplesMatchesTheExactMarginalLikelihood() {
        float[][] x = images(MODEL, 10);
        List<ImportanceEstimate> estimates = new LikelihoodEstimator(MODEL.weights())
                .importanceSampling(flat(x), encoding(MODEL, x, 0.5, 1.2), 0, x.length, 5000, 3, () -> false);
        for (int i = 0; i < x.length; i++) {
            ImportanceEstimate estimate = estimates.get(i);
            assertTrue(estimate.effectiveSampleSize() > 3000, "ESS " + estimate.effectiveSampleSize());
            assertEquals(-MODEL.logMarginal(x[i]), estimate.negativeLogMarginal(), 0.05);
        }
    }

    /**
     * The −ELBO estimate from 5,000 samples against the closed form: within four of its own
     * standard errors (√(variance of −log p(x|z) / K)); and the gap −ELBO − (−log p(x)) against the
     * exact KL(q ‖ p(z|x)) = log p(x) − ELBO, to the same tolerance plus the quadrature's 10⁻³.
     */
    @Test
    void elboEstimateAndGapMatchTheirClosedForms() {
        float[][] x = images(MODEL, 10);
        Encoding q = encoding(MODEL, x, 0.5, 0.8);
        LikelihoodReport report = LikelihoodEvaluation.run(MODEL.weights(), flat(x), null, q,
                new EvaluationSettings(5000, 3, QuadratureRule.STANDARD, 1), () -> false);
        for (int i = 0; i < x.length; i++) {
            float[] mean = Arrays.copyOfRange(q.means(), 2 * i, 2 * i + 2);
            float[] logVariance = Arrays.copyOfRange(q.logVariances(), 2 * i, 2 * i + 2);
            double exactElbo = MODEL.elbo(x[i], mean, logVariance);
            ImportanceEstimate estimate = report.importance(i);
            double standardError = Math.sqrt(estimate.reconstructionVariance() / estimate.samples());
            assertEquals(-exactElbo, estimate.negativeElbo(), 4 * standardError);
            double exactGap = MODEL.logMarginal(x[i]) - exactElbo;
            assertTrue(exactGap > 0.1, "q is off the posterior, so the gap is clear: " + exactGap);
            assertEquals(exactGap, report.gap(i), 4 * standardError + 1e-3);
        }
    }

    /**
     * E[log p̂₁(x)] is the ELBO: the mean of 20,000 one-sample estimates of one image (each from its
     * own seed) within four standard errors of the closed-form −ELBO, and of the −ELBO estimator's
     * mean over the same number of samples.
     */
    @Test
    void oneSampleImportanceSamplingIsTheElboOnAverage() {
        float[] x = images(MODEL, 1)[0];
        int replicas = 20_000;
        float[][] same = new float[replicas][];
        Arrays.fill(same, x);
        Encoding q = encoding(MODEL, same, 0.5, 0.8);
        List<ImportanceEstimate> estimates = new LikelihoodEstimator(MODEL.weights())
                .importanceSampling(flat(same), q, 0, replicas, 1, 5, () -> false);
        double[] oneSample = estimates.stream().mapToDouble(ImportanceEstimate::negativeLogMarginal).toArray();
        double mean = Arrays.stream(oneSample).average().orElseThrow();
        double variance = Arrays.stream(oneSample).map(v -> (v - mean) * (v - mean)).sum() / (replicas - 1);
        double standardError = Math.sqrt(variance / replicas);
        double exact = -MODEL.elbo(x, Arrays.copyOf(q.means(), 2), Arrays.copyOf(q.logVariances(), 2));
        assertEquals(exact, mean, 4 * standardError);
        double elboEstimator = estimates.stream().mapToDouble(ImportanceEstimate::negativeElbo).average().orElseThrow();
        assertEquals(elboEstimator, mean, 4 * standardError);
    }

    /**
     * With a poor q (70 % of the posterior's width, a posterior sd off), the mean over 100 images
     * of −log p̂_K(x) falls at every step K = 1, 2, 5, …, 1000 (Burda et al.: E[log p̂_K] rises with
     * K), starts at the −ELBO, stays above the exact mean −log p(x) and closes most of the gap to it.
     * Not all: a q narrower than the posterior gives importance weights with heavy tails, and the
     * last tenth of the gap closes slowly, as it does for a trained VAE.
     */
    @Test
    void importanceSamplingTightensAsSamplesGrow() {
        float[][] x = images(MODEL, 100);
        Encoding q = encoding(MODEL, x, 1, 0.7);
        LikelihoodEstimator estimator = new LikelihoodEstimator(MODEL.weights());
        int[] steps = IwaeCurve.stepsUpTo(1000);
        double[] meanCurve = new double[steps.length];
        double exact = 0;
        double elbo = 0;
        for (int i = 0; i < x.length; i++) {
            float[] mean = Arrays.copyOfRange(q.means(), 2 * i, 2 * i + 2);
            float[] logVariance = Arrays.copyOfRange(q.logVariances(), 2 * i, 2 * i + 2);
            IwaeCurve curve = estimator.iwaeCurve(x[i], mean, logVariance, 1000, 100 + i, c -> { }, () -> false);
            for (int s = 0; s < steps.length; s++) {
                meanCurve[s] += curve.negativeLogMarginal()[s] / x.length;
            }
            exact -= MODEL.logMarginal(x[i]) / x.length;
            elbo -= MODEL.elbo(x[i], mean, logVariance) / x.length;
        }
        for (int s = 1; s < steps.length; s++) {
            assertTrue(meanCurve[s] < meanCurve[s - 1], "K = " + steps[s] + ": " + Arrays.toString(meanCurve));
        }
        assertTrue(elbo - exact > 0.5, "a clear gap to close: " + (elbo - exact));
        assertEquals(elbo, meanCurve[0], 0.1);
        double last = meanCurve[steps.length - 1];
        assertTrue(last > exact - 0.01, "on average an upper bound on −log p(x): " + last + " vs " + exact);
        assertTrue(elbo - last > 0.85 * (elbo - exact), "most of the gap closed: " + last + " vs " + exact);
    }

    /** Importance sampling works in any latent size; quadrature refuses all but two dimensions. */
    @Test
    void importanceSamplingWorksInThreeDimensionsWhereQuadratureRefuses() {
        LinearGaussianModel model = new LinearGaussianModel(3, 20, 0.5, 8);
        float[][] x = images(model, 5);
        Encoding q = encoding(model, x, 0.3, 0.9);
        LikelihoodEstimator estimator = new LikelihoodEstimator(model.weights());
        List<ImportanceEstimate> estimates = estimator.importanceSampling(flat(x), q, 0, x.length, 5000, 3, () -> false);
        for (int i = 0; i < x.length; i++) {
            assertEquals(-model.logMarginal(x[i]), estimates.get(i).negativeLogMarginal(), 0.05);
        }
        assertThrows(IllegalArgumentException.class, () -> estimator.posterior(x[0], new float[3], new float[3],
                QuadratureRule.STANDARD));
    }
}
