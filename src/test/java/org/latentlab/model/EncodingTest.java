package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Per-dimension KL and active units (Burda et al. 2016) against numbers worked out by hand. */
class EncodingTest {

    /**
     * Three images, three dimensions. Dimension 1: μ = 1, 0, −1 and σ² = 1, e⁻², 1; dimension 2:
     * μ = 0 and σ² = 1 (the prior itself); dimension 3: μ = 0.05, −0.05, 0 and σ² = e⁻¹.
     */
    private static Encoding threeImages() {
        float e2 = -2f; // log σ² of e⁻²
        float e1 = -1f; // log σ² of e⁻¹
        float[] means = {
                1f, 0f, 0.05f,
                0f, 0f, -0.05f,
                -1f, 0f, 0f};
        float[] logVariances = {
                0f, 0f, e1,
                e2, 0f, e1,
                0f, 0f, e1};
        return new Encoding(means, logVariances, 3, 3);
    }

    /**
     * KL(N(μ, σ²) ‖ N(0, 1)) = ½(μ² + σ² − 1 − log σ²), averaged over the images:
     * dimension 1: (½ + ½(e⁻² − 1 + 2) + ½) / 3 = (3 + e⁻²) / 6; dimension 2: 0;
     * dimension 3: ½(μ² + e⁻¹) each, so (½(0.0025 + e⁻¹)·2 + ½e⁻¹) / 3 = (0.005 + 3e⁻¹) / 6.
     */
    @Test
    void klPerDimensionIsTheMeanClosedFormKlOfEachDimension() {
        double[] expected = {(3 + Math.exp(-2)) / 6, 0, (0.005 + 3 * Math.exp(-1)) / 6};
        assertArrayEquals(expected, threeImages().klPerDimension(), 1e-6);
    }

    /**
     * The variance over images of E_q[z_d] = μ_d (population variance, dividing by N): dimension 1
     * has (1 + 0 + 1)/3 = 0.667, dimension 2 has 0, dimension 3 has (0.0025·2)/3 = 0.00167. With
     * Burda's threshold 0.01 only dimension 1 is active; with 0.001 dimension 3 is too.
     */
    @Test
    void activeUnitsCountTheDimensionsWhosePosteriorMeansVary() {
        assertEquals(1, threeImages().activeUnits(0.01));
        assertEquals(2, threeImages().activeUnits(0.001));
        assertEquals(0, threeImages().activeUnits(0.7));
    }

    @Test
    void anAutoencoderHasNoKlAndOneImageNoActiveUnit() {
        Encoding codes = new Encoding(new float[] {3f, -3f}, null, 1, 2);
        assertArrayEquals(new double[] {0, 0}, codes.klPerDimension());
        assertEquals(0, codes.activeUnits(0.01));
    }
}
