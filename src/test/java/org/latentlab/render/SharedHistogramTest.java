package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SharedHistogramTest {

    @Test
    void countsBothSetsOverTheSameBinsTheLargestValueInTheLast() {
        // From 1 to 5 in 4 bins of width 1: [1, 2), [2, 3), [3, 4), [4, 5]. The first set has 1 | 2, 2 | – | 4;
        // the second – | – | 3 | 5 (the largest value in the last bin, not a fifth).
        SharedHistogram bins = SharedHistogram.of(new double[] {2, 1, 4, 2}, new double[] {5, 3}, 4);

        assertEquals(1, bins.low(), 0);
        assertEquals(5, bins.high(), 0);
        assertEquals(1, bins.binWidth(), 0);
        assertEquals(3, bins.edge(2), 0);
        assertArrayEquals(new int[] {1, 2, 0, 1}, bins.firstCounts());
        assertArrayEquals(new int[] {0, 0, 1, 1}, bins.secondCounts());
        assertArrayEquals(new double[] {0.25, 0.5, 0, 0.25}, bins.firstFractions(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5}, bins.secondFractions(), 1e-15);
        assertEquals(0.5, bins.peakFraction(), 0);
    }

    @Test
    void equalValuesFallInTheFirstBinOfATinyRange() {
        SharedHistogram bins = SharedHistogram.of(new double[] {7, 7}, new double[] {7}, 10);

        assertEquals(1e-7, bins.binWidth(), 1e-20);
        assertArrayEquals(new int[] {2, 0, 0, 0, 0, 0, 0, 0, 0, 0}, bins.firstCounts());
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, bins.secondCounts());
    }

    @Test
    void refusesEmptySetsValuesThatAreNotFiniteAndNoBins() {
        assertThrows(IllegalArgumentException.class, () -> SharedHistogram.of(new double[0], new double[] {1}, 3));
        assertThrows(IllegalArgumentException.class,
                () -> SharedHistogram.of(new double[] {1}, new double[] {Double.POSITIVE_INFINITY}, 3));
        assertThrows(IllegalArgumentException.class, () -> SharedHistogram.of(new double[] {1}, new double[] {2}, 0));
    }
}
