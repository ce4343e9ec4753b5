package org.latentlab.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Encoding;

/** The whole-set evaluation: threads, cancellation, the report's means and units, the curve's steps. */
class LikelihoodEvaluationTest {

    private static final LinearGaussianModel MODEL = new LinearGaussianModel(2, 20, 0.5, 7);
    private static final int COUNT = 30;

    private static float[] images() {
        SplittableRandom random = new SplittableRandom(2);
        float[] all = new float[COUNT * MODEL.pixels];
        for (int i = 0; i < COUNT; i++) {
            System.arraycopy(MODEL.sample(random), 0, all, i * MODEL.pixels, MODEL.pixels);
        }
        return all;
    }

    /** q = N(0.9 · posterior mean, (0.3)²) for every image: a plausible, imperfect encoder. */
    private static Encoding encoding(float[] images) {
        float[] means = new float[COUNT * 2];
        float[] logVariances = new float[COUNT * 2];
        for (int i = 0; i < COUNT; i++) {
            float[] x = java.util.Arrays.copyOfRange(images, i * MODEL.pixels, (i + 1) * MODEL.pixels);
            double[] exact = MODEL.posteriorMean(x);
            for (int j = 0; j < 2; j++) {
                means[2 * i + j] = (float) (0.9 * exact[j]);
                logVariances[2 * i + j] = (float) Math.log(0.09);
            }
        }
        return new Encoding(means, logVariances, COUNT, 2);
    }

    @Test
    void twoThreadsGiveTheSameReportAsOne() {
        float[] x = images();
        Encoding q = encoding(x);
        LikelihoodReport one = LikelihoodEvaluation.run(MODEL.weights(), x, null, q,
                new EvaluationSettings(50, 4, QuadratureRule.STANDARD, 1), () -> false);
        LikelihoodReport two = LikelihoodEvaluation.run(MODEL.weights(), x, null, q,
                new EvaluationSettings(50, 4, QuadratureRule.STANDARD, 2), () -> false);
        for (int i = 0; i < COUNT; i++) {
            assertEquals(one.importance(i), two.importance(i));
            assertEquals(one.quadrature(i), two.quadrature(i));
        }
    }

    @Test
    void theReportsMeansAndStandardErrorFollowTheirDefinitions() {
        float[] x = images();
        LikelihoodReport report = LikelihoodEvaluation.run(MODEL.weights(), x, null, encoding(x),
                new EvaluationSettings(40, 4, QuadratureRule.STANDARD, 2), () -> false);
        double elbo = 0;
        double variance = 0;
        double quadrature = 0;
        for (int i = 0; i < COUNT; i++) {
            elbo += report.importance(i).negativeElbo() / COUNT;
            variance += report.importance(i).reconstructionVariance();
            quadrature += report.quadrature(i) / COUNT;
            assertEquals(report.importance(i).negativeElbo() - report.quadrature(i), report.gap(i), 1e-12);
        }
        assertEquals(elbo, report.negativeElbo(), 1e-9);
        assertEquals(Math.sqrt(variance / 40) / COUNT, report.negativeElboStandardError(), 1e-12);
        assertEquals(quadrature, report.negativeLogMarginalQuadrature(), 1e-9);
        assertEquals(elbo - quadrature, report.gap(), 1e-9);
        assertTrue(report.gap() > 0, "q is not the posterior, so the ELBO is below log p(x): " + report.gap());
    }

    @Test
    void bitsPerDimensionDivideNatsByPixelsTimesLnTwo() {
        assertEquals(1.0, LikelihoodReport.bitsPerDimension(784 * Math.log(2), 784), 1e-12);
        assertEquals(100 / (784 * Math.log(2)), LikelihoodReport.bitsPerDimension(100, 784), 1e-12);
    }

    @Test
    void aCancelledEvaluationStopsWithCancellation() {
        float[] x = images();
        Encoding q = encoding(x);
        AtomicInteger asked = new AtomicInteger();
        assertThrows(CancellationException.class, () -> LikelihoodEvaluation.run(MODEL.weights(), x, null, q,
                new EvaluationSettings(10, 4, QuadratureRule.STANDARD, 2), () -> asked.incrementAndGet() > 3));
    }

    @Test
    void withoutQuadratureTheGapIsMeasuredAgainstImportanceSampling() {
        float[] x = images();
        LikelihoodReport report = LikelihoodEvaluation.run(MODEL.weights(), x, null, encoding(x),
                new EvaluationSettings(20, 4, null, 1), () -> false);
        assertTrue(Double.isNaN(report.negativeLogMarginalQuadrature()));
        assertEquals(report.negativeElbo() - report.negativeLogMarginalIwae(), report.gap(), 1e-9);
    }

    /** The curve is handed over after every K, each time one point longer, the last the one returned. */
    @Test
    void theCurveArrivesPointByPoint() {
        float[] x = java.util.Arrays.copyOf(images(), MODEL.pixels);
        List<IwaeCurve> seen = new ArrayList<>();
        IwaeCurve curve = new LikelihoodEstimator(MODEL.weights()).iwaeCurve(x, new float[] {0.1f, -0.2f},
                new float[] {-2f, -2f}, 100, 9, seen::add, () -> false);
        assertArrayEquals(new int[] {1, 2, 5, 10, 20, 50, 100}, curve.samples());
        assertEquals(7, seen.size());
        for (int s = 0; s < seen.size(); s++) {
            assertEquals(s + 1, seen.get(s).size());
            assertEquals(curve.negativeLogMarginal()[s], seen.get(s).last());
        }
    }

    @Test
    void curveStepsRunOneTwoFiveUpToTheLargest() {
        assertArrayEquals(new int[] {1}, IwaeCurve.stepsUpTo(1));
        assertArrayEquals(new int[] {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000}, IwaeCurve.stepsUpTo(5000));
        assertArrayEquals(new int[] {1, 2, 5, 10, 20, 50, 100, 200, 300}, IwaeCurve.stepsUpTo(300));
        assertThrows(IllegalArgumentException.class, () -> IwaeCurve.stepsUpTo(5001));
        assertThrows(IllegalArgumentException.class, () -> IwaeCurve.stepsUpTo(0));
    }
}
