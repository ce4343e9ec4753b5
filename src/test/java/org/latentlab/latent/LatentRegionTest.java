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
        assertEquals(Math.exp(-12.5), check.priorShareBeyond(), 1e-15);
        assertEquals(-Math.expm1(-12.5), check.priorShareWithin(), 1e-15);
        assertEquals(-Math.log(2 * Math.PI) - 12.5, check.logPriorDensity(), 1e-12);
        assertTrue(check.fartherOutThanThePrior());
        assertFalse(check.nearerTheCentreThanThePrior());
        assertTrue(check.unlikelyUnderPrior());
    }

    @Test
    void inManyDimensionsAPointNearTheCentreHasALengthThePriorsCodesAlmostNeverHave() {
        int d = 16;
        float[] typical = new float[d];
        float[] nearCentre = new float[d];
        for (int j = 0; j < d; j++) {
            typical[j] = 1;         // |z| = 4 = √16, the root mean square length
            nearCentre[j] = 0.25f;  // |z| = 1: P(χ²₁₆ ≤ 1) ≈ 1.7e-7
        }
        LatentRegion region = LatentRegion.around(new LatentPoints(concat(typical, nearCentre), 2, d));

        RegionCheck centre = region.check(nearCentre);
        // P(χ²₁₆ ≤ 1) = 1 − e^{−1/2} Σ_{k<8} (1/2)^k / k!
        double sum = 0;
        double term = 1;
        for (int k = 0; k < 8; k++) {
            sum += term;
            term *= 0.5 / (k + 1);
        }
        assertEquals(1 - Math.exp(-0.5) * sum, centre.priorShareWithin(), 1e-15);
        assertTrue(centre.nearerTheCentreThanThePrior());
        assertTrue(centre.unlikelyUnderPrior());
        assertFalse(region.check(typical).unlikelyUnderPrior());

        // In 2-D the centre is where the codes are densest; only a disc of radius 0.045 holds fewer than 1e-3 of them.
        LatentRegion plane = lattice();
        assertFalse(plane.check(new float[] {0.05f, 0}).unlikelyUnderPrior());
        assertTrue(plane.check(new float[] {0.04f, 0}).nearerTheCentreThanThePrior());
    }

    private static float[] concat(float[] a, float[] b) {
        float[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void inOneDimensionTheTailIsTheTwoSidedNormalTail() {
        LatentRegion line = LatentRegion.around(new LatentPoints(new float[] {-1, 0, 1}, 3, 1));

        assertEquals(0.05, line.check(new float[] {1.959964f}).priorShareBeyond(), 1e-6);
    }

    @Test
    void needsTwoReferencePointsAndTheirDimension() {
        assertThrows(IllegalArgumentException.class, () -> LatentRegion.around(new LatentPoints(new float[] {1}, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> lattice().check(new float[3]));
    }
}
