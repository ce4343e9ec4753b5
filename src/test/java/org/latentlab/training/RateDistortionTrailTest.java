package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateDistortionTrailTest {

    @Test
    void averagesEachWindowOfIterationsIntoOnePoint() {
        IterationHistory history = new IterationHistory();
        for (int i = 1; i <= 7; i++) {
            history.append(100 + i, 100 - i, i, 1); // objective, reconstruction, KL, β
        }
        RateDistortionTrail trail = RateDistortionTrail.ofIterations(history.view(), 3);
        assertArrayEquals(new int[] {3, 6, 7}, trail.iterations());
        assertArrayEquals(new float[] {2, 5, 7}, trail.rates(), 1e-6f); // means of 1..3, 4..6, 7
        assertArrayEquals(new float[] {98, 95, 93}, trail.distortions(), 1e-6f);
        assertEquals(3, RateDistortionTrail.windowFor(7, 3));
        assertEquals(1, RateDistortionTrail.windowFor(7, 100));
    }

    @Test
    void epochsGiveTheHeldOutRateAndDistortion() {
        EpochMetrics first = new EpochMetrics(1, 70, 200, 190, 10, 180, 12, 1, 0.5);
        EpochMetrics second = new EpochMetrics(2, 140, 170, 162, 8, 160, 9, 1, 0.5);
        RateDistortionTrail trail = RateDistortionTrail.ofEpochs(List.of(first, second));
        assertArrayEquals(new int[] {70, 140}, trail.iterations());
        assertArrayEquals(new float[] {12, 9}, trail.rates(), 0f);
        assertArrayEquals(new float[] {180, 160}, trail.distortions(), 0f);
    }
}
