package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Per-dimension KL and active units (Burda et al. 2016: dimension d is active when Cov over x of
 * E_q[z_d] exceeds 0.01) against a four-image example worked by hand.
 */
class EncodingTest {

    private static final double THRESHOLD = 0.01;

    /**
     * Four images, three dimensions. Means by dimension: {1, −1, 1, −1} (variance 1: active),
     * {0.09, −0.09, 0.09, −0.09} (variance 0.0081: inactive) and {t, 0.3, t, 0.3}: with t = 0.48
     * mean 0.39 and variance 0.09² = 0.0081 (inactive), with t = 0.6 mean 0.45 and variance
     * 0.15² = 0.0225 (active).
     */
    private static Encoding example(float third) {
        float[] means = {
            1, 0.09f, third,
            -1, -0.09f, 0.3f,
            1, 0.09f, third,
            -1, -0.09f, 0.3f};
        float[] logVariances = {
            0, (float) Math.log(2), 0,
            0, (float) Math.log(2), 0,
            0, (float) Math.log(2), 0,
            0, (float) Math.log(2), 0};
        return new Encoding(means, logVariances, 4, 3);
    }

    @Test
    void meanVariancesAreThePopulationVariancesOfThePosteriorMeans() {
        assertArrayEquals(new double[] {1, 0.0081, 0.0081}, example(0.48f).meanVariances(), 1e-7);
        assertArrayEquals(new double[] {1, 0.0081, 0.0225}, example(0.6f).meanVariances(), 1e-7);
    }

    @Test
    void aDimensionIsActiveOnlyWhenItsMeansVaryByMoreThanTheThreshold() {
        assertArrayEquals(new boolean[] {true, false, false}, example(0.48f).activeDimensions(THRESHOLD));
        assertEquals(1, example(0.48f).activeUnits(THRESHOLD));
        assertArrayEquals(new boolean[] {true, false, true}, example(0.6f).activeDimensions(THRESHOLD));
        assertEquals(2, example(0.6f).activeUnits(THRESHOLD));
        assertEquals(1, example(0.6f).activeUnits(0.03), "0.0225 is not above 0.03");
    }

    @Test
    void klPerDimensionIsTheMeanOfTheClosedFormKlToTheStandardNormal() {
        // KL(N(μ, σ²) ‖ N(0, 1)) = ½ (σ² + μ² − 1 − ln σ²) per image, averaged over the four:
        // dimension 1: ½ (1 + 1 − 1 − 0) = 0.5; dimension 2: ½ (2 + 0.0081 − 1 − ln 2) = 0.157476;
        // dimension 3 (means 0.48, 0.3, σ² = 1): ½ (0.2304 + 0.09) / 2 = 0.0801.
        double[] kl = example(0.48f).klPerDimension();
        assertEquals(0.5, kl[0], 1e-6);
        assertEquals(0.157476, kl[1], 1e-6);
        assertEquals(0.0801, kl[2], 1e-6);
    }

    @Test
    void oneImageHasNoActiveUnitsAndAnAutoencoderNoKl() {
        Encoding one = new Encoding(new float[] {3, -2}, new float[] {0, 0}, 1, 2);
        assertEquals(0, one.activeUnits(THRESHOLD));
        Encoding autoencoder = new Encoding(new float[] {1, -1, 2, 0}, null, 2, 2);
        assertArrayEquals(new double[] {0, 0}, autoencoder.klPerDimension());
        assertEquals(2, autoencoder.activeUnits(THRESHOLD));
    }
}
