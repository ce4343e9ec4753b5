package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatentPlaneTest {

    @Test
    void aTwoDimensionalSpaceIsItsOwnPlane() {
        float[] points = {1.5f, -2f, 0.25f, 3f};
        LatentPlane plane = LatentPlane.principal(points, 2, 2);
        assertFalse(plane.isPrincipal());
        assertArrayEquals(points, plane.project(points, 2), 0f);
        assertArrayEquals(points, plane.embed(points, 2), 0f);
        assertArrayEquals(new String[] {"z₁", "z₂"}, plane.axisNames());
    }

    @Test
    void theMeansOfAFiveDimensionalSpaceAreSeenOnThePlaneTheyLieIn() {
        // Means spread along e₃ (sd 3) and e₅ (sd 1), with a little noise elsewhere.
        SplittableRandom random = new SplittableRandom(5);
        int n = 2_000;
        float[] means = new float[n * 5];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 5; d++) {
                means[i * 5 + d] = (float) (0.01 * random.nextGaussian());
            }
            means[i * 5 + 2] += (float) (3 * random.nextGaussian());
            means[i * 5 + 4] += (float) random.nextGaussian();
        }
        LatentPlane plane = LatentPlane.principal(means, n, 5);
        assertTrue(plane.isPrincipal());
        // The sample correlation of e₃ and e₅ (≈ 1/√n) turns the plane by ≈ 0.01 rad within itself.
        float[] onPlane = plane.project(new float[] {0, 0, 2, 0, -1}, 1);
        assertEquals(2, Math.abs(onPlane[0]), 0.03);
        assertEquals(1, Math.abs(onPlane[1]), 0.03);
        float[] back = plane.embed(onPlane, 1);
        assertArrayEquals(new float[] {0, 0, 2, 0, -1}, back, 0.02f, "a point on the plane comes back");
    }

    @Test
    void aOneDimensionalSpaceIsDrawnOnALine() {
        LatentPlane line = LatentPlane.firstTwoAxes(1);
        assertArrayEquals(new float[] {0.7f, 0f}, line.project(new float[] {0.7f}, 1), 0f);
        assertArrayEquals(new float[] {0.7f}, line.embed(new float[] {0.7f, 5f}, 1), 0f);
    }
}
