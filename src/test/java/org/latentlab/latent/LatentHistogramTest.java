package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatentHistogramTest {

    /**
     * Ten points in three dimensions: z₁ = 0 0 1 1 1 2 3 4 4 4; z₂ within ±0.001 (unused);
     * z₃ = −1 for the first five and +1 for the last five.
     */
    private static LatentPoints tenPoints() {
        float[] z1 = {0, 0, 1, 1, 1, 2, 3, 4, 4, 4};
        float[] values = new float[30];
        for (int i = 0; i < 10; i++) {
            values[3 * i] = z1[i];
            values[3 * i + 1] = 0.001f * (i % 2);
            values[3 * i + 2] = i < 5 ? -1 : 1;
        }
        return new LatentPoints(values, 10, 3);
    }

    @Test
    void densitiesAreTheSmoothedBinSharesOverTheBinWidthAsComputedByHand() {
        LatentHistogram histogram = LatentHistogram.fit(tenPoints(), 4, 0.01, 0.01);
        // z₁: range [0, 4], bins of width 1 holding 2, 3, 1 and 4 points (the maximum, 4, goes into
        // the last bin). Density = (count/10 + 0.01) / ((1 + 4 × 0.01) × 1).
        assertArrayEquals(new double[] {0.21 / 1.04, 0.31 / 1.04, 0.11 / 1.04, 0.41 / 1.04}, histogram.densities(0), 1e-12);
        // z₃: range [−1, 1], bins of width 0.5 holding 5, 0, 0 and 5 points. Density = (share + 0.01) / (1.04 × 0.5).
        assertArrayEquals(new double[] {0.51 / 0.52, 0.01 / 0.52, 0.01 / 0.52, 0.51 / 0.52}, histogram.densities(2), 1e-12);
        assertFalse(histogram.uses(1), "z₂ varies by 2.5·10⁻⁷, below the least variance 0.01");
        assertEquals(2, histogram.usedDimensions());
        assertEquals(1.0, histogram.density(1, 123), 0.0, "an unused dimension counts as density 1");
        for (int j : new int[] {0, 2}) {
            double integral = 0;
            for (double density : histogram.densities(j)) {
                integral += density * histogram.binWidth(j);
            }
            assertEquals(1.0, integral, 1e-12, "dimension " + j + " integrates to 1");
        }
    }

    @Test
    void theDensityOfAPointIsTheProductOverTheUsedDimensions() {
        LatentHistogram histogram = LatentHistogram.fit(tenPoints(), 4, 0.01, 0.01);
        // Point 2: z₁ = 1 (bin 2 of z₁), z₃ = −1 (bin 1 of z₃).
        assertEquals(Math.log(0.31 / 1.04 * (0.51 / 0.52)), histogram.logDensity(tenPoints(), 2), 1e-12);
        // Outside the range a point falls into the nearest end bin: z₁ = 5 → the last bin; z₃ = 0 → bin 3.
        LatentPoints outside = new LatentPoints(new float[] {5, 7, 0, -3, 0, -3}, 2, 3);
        double[] logs = histogram.logDensities(outside);
        assertEquals(Math.log(0.41 / 1.04 * (0.01 / 0.52)), logs[0], 1e-12);
        assertEquals(Math.log(0.21 / 1.04 * (0.51 / 0.52)), logs[1], 1e-12);
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LatentHistogram.fit(tenPoints(), 0, 0.01, 0.01));
        assertThrows(IllegalArgumentException.class, () -> LatentHistogram.fit(tenPoints(), 4, 0, 0.01));
        assertThrows(IllegalArgumentException.class, () -> LatentHistogram.fit(new LatentPoints(new float[0], 0, 3), 4,
                0.01, 0.01));
        LatentHistogram allUsed = LatentHistogram.fit(tenPoints(), 4, 0.01, 0);
        assertTrue(allUsed.uses(1), "with no least variance, every dimension that varies at all is used");
    }
}
