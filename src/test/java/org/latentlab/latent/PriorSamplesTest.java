package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PriorSamplesTest {

    @Test
    void theSameSeedGivesTheSamePoints() {
        assertArrayEquals(PriorSamples.draw(16, 2, 7), PriorSamples.draw(16, 2, 7), 0f);
        assertFalse(Arrays.equals(PriorSamples.draw(16, 2, 7), PriorSamples.draw(16, 2, 8)));
    }

    @Test
    void pointsFollowTheStandardNormal() {
        float[] z = PriorSamples.draw(20_000, 2, 1);
        double sum = 0;
        double squares = 0;
        double cross = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += z[2 * i];
            squares += z[2 * i] * z[2 * i];
            cross += z[2 * i] * z[2 * i + 1];
        }
        // Standard errors: 1/√n ≈ 0.007 for the mean and the cross moment, √(2/n) ≈ 0.01 for the variance.
        assertEquals(0, sum / 20_000, 0.03);
        assertEquals(1, squares / 20_000, 0.04);
        assertEquals(0, cross / 20_000, 0.03);
    }
}
