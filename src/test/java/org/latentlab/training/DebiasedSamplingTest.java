package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.latent.LatentPoints;

/**
 * Debiased sampling on a planted latent distribution whose histogram is known exactly: 9,000
 * common points, 1,000 in each of nine bins of z₁, and 100 rare ones in a tenth bin; z₂ puts 910
 * points in each of its ten bins, the same for every point, so only z₁ decides.
 */
class DebiasedSamplingTest {

    private static final int COMMON = 9_000;
    private static final int RARE = 100;
    private static final int N = COMMON + RARE;

    /** z₁ = bin + ½ for bins 0 … 8 (common) and 9 (rare); z₂ = (i mod 10) + ½. */
    private static LatentPoints planted() {
        float[] values = new float[2 * N];
        for (int i = 0; i < N; i++) {
            values[2 * i] = i < COMMON ? i % 9 + 0.5f : 9.5f;
            values[2 * i + 1] = i % 10 + 0.5f;
        }
        return new LatentPoints(values, N, 2);
    }

    /** How much more often a rare point is drawn than a common one: (q̂ common / q̂ rare)^α. */
    private static double factor(double alpha) {
        double eps = DebiasedSampling.SMOOTHING;
        return Math.pow((1_000.0 / N + eps) / (100.0 / N + eps), alpha);
    }

    @Test
    void probabilitiesAreProportionalToTheInverseDensityToThePowerAlpha() {
        for (double alpha : new double[] {0.5, 1, 2}) {
            DebiasedSampling sampling = DebiasedSampling.draw(planted(), alpha, new SplittableRandom(1), 0);
            double rareProbability = factor(alpha) / (COMMON + RARE * factor(alpha));
            double commonProbability = 1 / (COMMON + RARE * factor(alpha));
            assertEquals(rareProbability, sampling.probability(N - 1), 1e-12 * rareProbability, "α " + alpha);
            assertEquals(commonProbability, sampling.probability(17), 1e-12 * commonProbability, "α " + alpha);
            assertEquals(N * rareProbability, sampling.expectedDraws(N - 1), 1e-9);
            double total = 0;
            for (int i = 0; i < N; i++) {
                total += sampling.probability(i);
            }
            assertEquals(1, total, 1e-9);
        }
        assertEquals(2.6216, factor(1), 1e-4, "(1,000/9,100 + 0.05) / (100/9,100 + 0.05)");
    }

    @Test
    void rarePointsAreDrawnMoreOftenByTheRightFactor() {
        double alpha = 2;
        boolean[] rare = new boolean[N];
        for (int i = COMMON; i < N; i++) {
            rare[i] = true;
        }
        int rareDraws = 0;
        int epochs = 10;
        for (int seed = 0; seed < epochs; seed++) {
            DebiasedSampling sampling = DebiasedSampling.draw(planted(), alpha, new SplittableRandom(seed), 0);
            assertEquals(N, sampling.order().length, "an epoch makes as many draws as there are images");
            for (int i : sampling.order()) {
                rareDraws += rare[i] ? 1 : 0;
            }
            assertEquals(RARE * factor(alpha) / (COMMON + RARE * factor(alpha)), sampling.expectedShare(rare), 1e-12);
        }
        // The rare share of the draws is p = 687.3/9,687.3 = 0.0710 (1.1 % by a plain shuffle); over
        // 10 × 9,100 draws its standard deviation is √(p(1−p)/91,000) = 0.00085: allow 4σ.
        double share = (double) rareDraws / (epochs * N);
        double expected = RARE * factor(alpha) / (COMMON + RARE * factor(alpha));
        assertEquals(expected, share, 4 * Math.sqrt(expected * (1 - expected) / (epochs * N)));
        // Per image, a rare point is drawn factor(2) ≈ 6.87 times as often as a common one (4σ ≈ ±5 %).
        double perRare = rareDraws / (double) (epochs * RARE);
        double perCommon = (epochs * N - rareDraws) / (double) (epochs * COMMON);
        assertEquals(factor(alpha), perRare / perCommon, 0.06 * factor(alpha));
    }

    @Test
    void heldOutPointsGetTheWeightOfTheirBinAgainstTheAverageTrainingImage() {
        DebiasedSampling sampling = DebiasedSampling.draw(planted(), 1, new SplittableRandom(3), 0);
        LatentPoints probe = new LatentPoints(new float[] {9.6f, 3.3f, 4.2f, 0.7f, 30f, -30f}, 3, 2);
        double[] weights = sampling.relativeWeights(probe);
        assertEquals(sampling.expectedDraws(N - 1), weights[0], 1e-9, "a point in the rare bin");
        assertEquals(sampling.expectedDraws(4), weights[1], 1e-9, "a point in a common bin");
        assertEquals(sampling.expectedDraws(N - 1), weights[2], 1e-9, "beyond the range: the nearest end bin");
    }

    @Test
    void theDrawsDependOnlyOnTheSeedAndAlphaMustBePositive() {
        int[] first = DebiasedSampling.draw(planted(), 1, new SplittableRandom(9), 0).order();
        assertArrayEquals(first, DebiasedSampling.draw(planted(), 1, new SplittableRandom(9), 0).order());
        assertNotEquals(java.util.Arrays.toString(first),
                java.util.Arrays.toString(DebiasedSampling.draw(planted(), 1, new SplittableRandom(10), 0).order()));
        assertThrows(IllegalArgumentException.class, () -> DebiasedSampling.draw(planted(), 0, new SplittableRandom(1), 0));
    }
}
