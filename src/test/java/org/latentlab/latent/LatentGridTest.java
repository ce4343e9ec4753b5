package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatentGridTest {

    @Test
    void inverseCdfAxisHitsKnownNormalQuantiles() {
        LatentGrid two = new LatentGrid(2, GridSpacing.INVERSE_CDF);
        assertEquals(-0.6744898, two.axisValue(0), 1e-6); // Φ⁻¹(0.25)
        assertEquals(0.6744898, two.axisValue(1), 1e-6);
        LatentGrid ten = new LatentGrid(10, GridSpacing.INVERSE_CDF);
        assertEquals(-1.6448536, ten.axisValue(0), 1e-6); // Φ⁻¹(0.05)
        assertEquals(-0.1256613, ten.axisValue(4), 1e-6); // Φ⁻¹(0.45)
        LatentGrid twenty = new LatentGrid(20, GridSpacing.INVERSE_CDF);
        assertEquals(1.9599640, twenty.axisValue(19), 1e-6); // Φ⁻¹(0.975)
    }

    @Test
    void inverseCdfStepsWidenTowardsTheTailsWhileLinearStepsAreEqual() {
        LatentGrid icdf = new LatentGrid(10, GridSpacing.INVERSE_CDF);
        LatentGrid linear = new LatentGrid(10, GridSpacing.LINEAR);
        assertTrue(icdf.axisValue(1) - icdf.axisValue(0) > icdf.axisValue(5) - icdf.axisValue(4));
        double step = linear.axisValue(1) - linear.axisValue(0);
        for (int i = 1; i < 10; i++) {
            assertEquals(step, linear.axisValue(i) - linear.axisValue(i - 1), 1e-12);
        }
        assertEquals(icdf.axisValue(0), linear.axisValue(0), 1e-12);
        assertEquals(icdf.axisValue(9), linear.axisValue(9), 1e-12);
    }

    @Test
    void pointsRunRowByRowFromTheTopLeft() {
        LatentGrid grid = new LatentGrid(3, GridSpacing.LINEAR);
        float[] points = grid.points(4, 0, 2);
        double top = grid.axisValue(2);
        double left = grid.axisValue(0);
        assertEquals(left, points[0], 1e-6);     // row 0, column 0: smallest horizontal ...
        assertEquals(top, points[2], 1e-6);      // ... largest vertical
        assertEquals(0f, points[1], 0f);         // other dimensions sit at the prior mean
        assertEquals(0f, points[3], 0f);
        int lastPoint = (3 * 3 - 1) * 4;
        assertEquals(grid.axisValue(2), points[lastPoint], 1e-6);
        assertEquals(grid.axisValue(0), points[lastPoint + 2], 1e-6);
    }

    @Test
    void rejectsSizesAndDimensionsThatMakeNoGrid() {
        assertThrows(IllegalArgumentException.class, () -> new LatentGrid(1, GridSpacing.LINEAR));
        assertThrows(IllegalArgumentException.class, () -> new LatentGrid(3, GridSpacing.LINEAR).points(2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LatentGrid(3, GridSpacing.LINEAR).points(2, 0, 2));
    }
}
