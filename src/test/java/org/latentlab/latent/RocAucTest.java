package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void matchesAHandCountOfPairsWithATie() {
        // Pairs (positive, negative): 0.8 beats all three; 0.4 beats 0.2, ties 0.4, loses to 0.7;
        // 0.6 beats 0.2 and 0.4, loses to 0.7. Wins 3 + 1.5 + 2 = 6.5 of 9 pairs.
        double auc = RocAuc.of(new double[] {0.8, 0.4, 0.6}, new double[] {0.2, 0.4, 0.7});

        assertEquals(6.5 / 9, auc, 1e-15);
    }

    @Test
    void isOneForPerfectSeparationZeroForReversedAndAHalfForAllTied() {
        assertEquals(1.0, RocAuc.of(new double[] {3, 4}, new double[] {1, 2, 2.5}));
        assertEquals(0.0, RocAuc.of(new double[] {1, 2, 2.5}, new double[] {3, 4}));
        assertEquals(0.5, RocAuc.of(new double[] {7, 7, 7}, new double[] {7, 7}));
    }

    @Test
    void equalsTheShareOfWinningPairsOnRandomScoresWithManyTies() {
        SplittableRandom random = new SplittableRandom(4);
        double[] positives = new double[300];
        double[] negatives = new double[200];
        for (int i = 0; i < positives.length; i++) {
            positives[i] = random.nextInt(20) + 3;
        }
        for (int i = 0; i < negatives.length; i++) {
            negatives[i] = random.nextInt(20);
        }
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }

        assertEquals(wins / (300 * 200), RocAuc.of(positives, negatives), 1e-12);
    }

    @Test
    void needsBothGroupsAndNoNaN() {
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[] {Double.NaN}, new double[] {1}));
    }
}
