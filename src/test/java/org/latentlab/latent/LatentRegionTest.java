package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentlab.latent.LatentRegion.RegionCheck;

class LatentRegionTest {

    /** A 10 × 10 square lattice of spacing 0.4 centred on the origin: every nearest neighbour is 0.4 away. */
    private static LatentRegion lattice() {
        float[] values = new float[200];
        for (int i = 0; i < 100; i++) {
            values[2 * i] = (float) (0.4 * (i % 10 - 4.5));
            values[2 * i + 1] = (float) (0.4 * (i / 10 - 4.5));
        }
        return LatentRegion.around(new LatentPoints(values, 100, 2));
    }

    @Test
    void theTypicalNearestDistanceOfALatticeIsItsSpacing() {
        assertEquals(0.4, lattice().typicalNearestDistance(), 1e-6);
    }

    @Test
    void aPointAmongTheDataIsInsideAndAPointBeyondItIsFar() {
        LatentRegion region = lattice();

        RegionCheck among = region.check(new float[] {0.2f, 0.2f}); // a lattice point
        RegionCheck beyond = region.check(new float[] {4, 0.2f}); // 2.2 beyond the lattice's edge at x = 1.8

        assertEquals(0, among.nearestDistance(), 1e-6);
        assertFalse(among.outside());
        assertEquals(2.2, beyond.nearestDistance(), 1e-6);
        assertEquals(5.5, beyond.relativeDistance(), 1e-5);
        assertTrue(beyond.farFromData());
    }

    @Test
    void thePriorFiguresAreTheClosedFormsOfTheStandardNormal() {
        RegionCheck check = lattice().check(new float[] {3, 4});

        // In two dimensions P(χ²₂ ≥ r²) = exp(−r²/2) and log N(z; 0, I) = −log 2π − r²/2.
        assertEquals(5, check.radius(), 1e-12);
        assertEquals(Math.exp(-12.5), check.priorTail(), 1e-15);
        assertEquals(-Math.log(2 * Math.PI) - 12.5, check.logPriorDensity(), 1e-12);
        assertTrue(check.unlikelyUnderPrior());
    }

    @Test
    void inOneDimensionTheTailIsTheTwoSidedNormalTail() {
        LatentRegion line = LatentRegion.around(new LatentPoints(new float[] {-1, 0, 1}, 3, 1));

        assertEquals(0.05, line.check(new float[] {1.959964f}).priorTail(), 1e-6);
    }

    @Test
    void needsTwoReferencePointsAndTheirDimension() {
        assertThrows(IllegalArgumentException.class, () -> LatentRegion.around(new LatentPoints(new float[] {1}, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> lattice().check(new float[3]));
    }
}
