package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/**
 * The course of a learned decoder σ: the residual's RMS read back from a Gaussian reconstruction
 * term in closed form, the points taken from the history at each epoch's end, the σ map's
 * quantiles, and, on a real run, σ closing in on the held-out residual's RMS.
 */
class DecoderStdCourseTest {

    private static ModelConfig gaussian(DecoderVariance variance) {
        ModelConfig small = TestDatasets.smallModel(ModelKind.VAE, 2);
        return new ModelConfig(ModelKind.VAE, 4, 4, small.hiddenSizes(), 2, small.activation(), Likelihood.GAUSSIAN, 0.1,
                1, 0, 0, variance);
    }

    @Test
    void theResidualsRmsComesBackFromTheGaussianTerm() {
        SplittableRandom random = new SplittableRandom(5);
        int pixels = 784;
        double std = 0.17;
        double term = 0;
        double squares = 0;
        for (int p = 0; p < pixels; p++) {
            double r = 0.3 * random.nextGaussian();
            squares += r * r;
            term += 0.5 * r * r / (std * std) + Math.log(std) + 0.5 * Math.log(2 * Math.PI);
        }
        assertEquals(Math.sqrt(squares / pixels), DecoderStdCourse.residualRms(term, std, pixels), 1e-12);
        // A perfect fit: only the density's constant is left, and the RMS is 0.
        assertEquals(0, DecoderStdCourse.residualRms(pixels * (Math.log(std) + 0.5 * Math.log(2 * Math.PI)), std,
                pixels), 1e-6);
    }

    @Test
    void aSharedSigmaClosesInOnTheHeldOutResidualsRms() {
        TrainingSession session = new TrainingSession(TestDatasets.bars(512, 1), TestDatasets.bars(128, 2),
                gaussian(DecoderVariance.LEARNED),
                new TrainingConfig(1e-2, 32, 0, new BetaSchedule.Constant(1), LossTerms.COMBINED, 3));
        for (int e = 0; e < 40; e++) {
            session.runEpoch();
        }
        for (int k = 0; k < 2; k++) {
            session.step();
        }
        DecoderStdCourse course = DecoderStdCourse.of(session.history(), session.epochs(), session.epochProgress(),
                session.model().decoderWeights().pixelStds(), 4, 16);
        assertEquals(42, course.size());
        assertTrue(course.shared());
        assertEquals(0, course.epochs()[0]);
        assertEquals(1, course.epochs()[1]);
        assertEquals(40 + 2 / 16.0, course.epochs()[41], 1e-12, "two of the sixteen steps of epoch 41");
        EpochMetrics tenth = session.epochs().get(9);
        assertEquals(session.history().decoderStd((int) tenth.iteration() - 1).mean(), course.mean()[10], 0);
        assertEquals(session.history().decoderStd(0).mean(), course.mean()[0], 0);
        assertTrue(Double.isNaN(course.residualRms()[0]) && Double.isNaN(course.residualRms()[41]));
        double firstGap = Math.abs(course.mean()[1] - course.residualRms()[1]);
        double lastGap = Math.abs(course.mean()[40] - course.residualRms()[40]);
        System.out.printf("shared σ after epoch 1: %.4f, residual RMS %.4f; after 40: %.4f and %.4f%n",
                course.mean()[1], course.residualRms()[1], course.mean()[40], course.residualRms()[40]);
        assertTrue(lastGap < 0.25 * firstGap, "σ closes in on the residual: " + firstGap + " then " + lastGap);
        // It follows the RMS up while the fit is poor and down as the fit improves (after 1, 6, 11, …, 36
        // epochs: 0.115 → 0.186 at 11 → 0.111 at 36, under an RMS going 0.382 → 0.203 → 0.072), lagging
        // by Adam's pace: wherever the two are 0.03 apart, the next five epochs move σ towards the RMS.
        for (int e = 1; e <= 35; e += 5) {
            double gap = course.residualRms()[e] - course.mean()[e];
            if (Math.abs(gap) > 0.03) {
                assertTrue(Math.signum(course.mean()[e + 5] - course.mean()[e]) == Math.signum(gap),
                        "after epoch " + e + ": σ " + course.mean()[e] + " RMS " + course.residualRms()[e]
                                + " then σ " + course.mean()[e + 5]);
            }
        }
    }

    @Test
    void perPixelTheCourseKeepsTheRangeAndTheMapsQuantiles() {
        TrainingSession session = new TrainingSession(TestDatasets.bars(256, 1), TestDatasets.bars(64, 2),
                gaussian(DecoderVariance.LEARNED_PER_PIXEL), TrainingConfig.defaults(0, 3));
        session.runEpoch();
        session.runEpoch();
        float[] map = session.model().decoderWeights().pixelStds();
        DecoderStdCourse course = DecoderStdCourse.of(session.history(), session.epochs(), 0, map, 4, 16);
        assertEquals(4, course.size());
        assertEquals(16, course.map().length);
        assertEquals(4, course.mapWidth());
        for (int i = 0; i < course.size(); i++) {
            assertTrue(Double.isNaN(course.residualRms()[i]), "no RMS per pixel");
            assertTrue(course.min()[i] <= course.mean()[i] && course.mean()[i] <= course.max()[i]);
        }
        assertTrue(course.max()[2] > course.min()[2], "two epochs spread the pixels' σ");

        DecoderStdCourse known = new DecoderStdCourse(new double[] {0}, new double[] {1}, new double[] {1},
                new double[] {1}, new double[] {Double.NaN}, new float[] {5, 1, 4, 2, 3}, 5);
        assertEquals(3, known.quantile(0.5), 0);
        assertEquals(1.4, known.quantile(0.1), 1e-6, "a tenth of the way from 1 to 5 over four gaps");
        assertEquals(4.6, known.quantile(0.9), 1e-6);
        assertArrayEquals(new float[] {5, 1, 4, 2, 3}, known.map(), 0f, "the map is not sorted in place");
    }
}
