package org.latentlab.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Encoding;

/** Scoring a set in chunks against the whole-set evaluation and the closed form; ranking and spreading. */
class LikelihoodRankingTest {

    private static final LinearGaussianModel MODEL = new LinearGaussianModel(2, 12, 0.5, 3);
    /** More than two chunks, the last one short. */
    private static final int COUNT = 2 * LikelihoodRanking.CHUNK + 44;

    private static float[] images() {
        SplittableRandom random = new SplittableRandom(5);
        float[] all = new float[COUNT * MODEL.pixels];
        for (int i = 0; i < COUNT; i++) {
            System.arraycopy(MODEL.sample(random), 0, all, i * MODEL.pixels, MODEL.pixels);
        }
        return all;
    }

    /** q(z|x) = the true posterior p(z|x) (shrunk towards 0 by {@code shrink} when below 1). */
    private static Encoding posteriors(float[] images, double shrink) {
        float[] means = new float[COUNT * 2];
        float[] logVariances = new float[COUNT * 2];
        for (int i = 0; i < COUNT; i++) {
            double[] exact = MODEL.posteriorMean(Arrays.copyOfRange(images, i * MODEL.pixels, (i + 1) * MODEL.pixels));
            for (int j = 0; j < 2; j++) {
                means[2 * i + j] = (float) (shrink * exact[j]);
                logVariances[2 * i + j] = (float) (2 * Math.log(MODEL.posteriorStd(j)));
            }
        }
        return new Encoding(means, logVariances, COUNT, 2);
    }

    @Test
    void withTheTruePosteriorAsQEveryImageGetsItsClosedFormLogLikelihood() {
        float[] x = images();
        List<Integer> reports = new ArrayList<>();
        double[] values = LikelihoodRanking.negativeLogMarginals(MODEL.weights(), x, null, posteriors(x, 1),
                new EvaluationSettings(10, 1, null, 1), reports::add, () -> false);

        // Every importance weight p(x, z) / q(z|x) equals p(x) when q is the posterior: exact for any K, up to
        // q's parameters and the decoder's weights being floats (seen: 0.0025 nats).
        for (int i = 0; i < COUNT; i++) {
            double exact = -MODEL.logMarginal(Arrays.copyOfRange(x, i * MODEL.pixels, (i + 1) * MODEL.pixels));
            assertEquals(exact, values[i], 0.01, "image " + i);
        }
        assertEquals(List.of(128, 256, COUNT), reports);
    }

    @Test
    void chunksGiveTheNumbersOfOneEvaluationOfTheWholeSet() {
        float[] x = images();
        Encoding q = posteriors(x, 0.8);
        EvaluationSettings settings = new EvaluationSettings(20, 9, null, 2);
        double[] chunked = LikelihoodRanking.negativeLogMarginals(MODEL.weights(), x, null, q, settings, done -> { },
                () -> false);
        LikelihoodReport whole = LikelihoodEvaluation.run(MODEL.weights(), x, null, q, settings, () -> false);
        for (int i = 0; i < COUNT; i++) {
            assertEquals(whole.negativeLogMarginal(i), chunked[i], 0, "image " + i);
        }
        assertThrows(CancellationException.class, () -> LikelihoodRanking.negativeLogMarginals(MODEL.weights(), x,
                null, q, settings, done -> { }, () -> true));
    }

    @Test
    void ranksLowestFirstAndHighestFirstWithTiesInAStableOrder() {
        double[] values = {3, 1, 2, 1, 5};

        assertArrayEquals(new int[] {1, 3, 2}, LikelihoodRanking.lowest(values, 3));
        assertArrayEquals(new int[] {4, 0, 2, 3}, LikelihoodRanking.highest(values, 4));
        assertArrayEquals(new int[] {1, 3, 2, 0, 4}, LikelihoodRanking.lowest(values, 9), "at most all of them");
    }

    @Test
    void spreadsPicksEvenlyThroughASet() {
        assertArrayEquals(new int[] {0, 2, 5, 7}, LikelihoodRanking.spread(10, 4));
        assertArrayEquals(new int[] {0, 1, 2}, LikelihoodRanking.spread(3, 5));
    }
}
