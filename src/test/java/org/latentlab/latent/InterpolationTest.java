package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.latent.Interpolation.Kind;

class InterpolationTest {

    private static float[] random(SplittableRandom random, int d) {
        float[] v = new float[d];
        for (int j = 0; j < d; j++) {
            v[j] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] scaledTo(float[] v, double length) {
        float[] out = new float[v.length];
        double norm = Interpolation.norm(v);
        for (int j = 0; j < v.length; j++) {
            out[j] = (float) (v[j] * length / norm);
        }
        return out;
    }

    @Test
    void bothPathsStartAndEndExactlyAtTheEndpoints() {
        SplittableRandom random = new SplittableRandom(1);
        float[] a = random(random, 16);
        float[] b = random(random, 16);
        for (Kind kind : Kind.values()) {
            LatentPoints path = Interpolation.path(kind, a, b, 7);
            assertEquals(7, path.count());
            assertArrayEquals(a, path.point(0), kind.toString());
            assertArrayEquals(b, path.point(6), kind.toString());
        }
    }

    @Test
    void theLinearPathIsTheWeightedMeanOfTheEndpoints() {
        float[] point = Interpolation.lerp(new float[] {0, 2, -4}, new float[] {4, 2, 4}, 0.25);

        assertArrayEquals(new float[] {1, 2, -2}, point);
    }

    @Test
    void theSphericalPathKeepsTheLengthOfEndpointsOfEqualLength() {
        SplittableRandom random = new SplittableRandom(2);
        float[] a = scaledTo(random(random, 16), 4);
        float[] b = scaledTo(random(random, 16), 4);
        LatentPoints path = Interpolation.path(Kind.SPHERICAL, a, b, 11);
        LatentPoints straight = Interpolation.path(Kind.LINEAR, a, b, 11);

        for (int k = 0; k < path.count(); k++) {
            assertEquals(4, Interpolation.norm(path.point(k)), 1e-5, "step " + k);
        }
        assertEquals(true, Interpolation.norm(straight.point(5)) < 3.9, "the chord dips inside the sphere");
    }

    @Test
    void forEqualLengthsItIsWhitesSlerpFormula() {
        SplittableRandom random = new SplittableRandom(3);
        float[] a = scaledTo(random(random, 8), 2.5);
        float[] b = scaledTo(random(random, 8), 2.5);
        double cos = 0;
        for (int j = 0; j < 8; j++) {
            cos += (double) a[j] * b[j] / (2.5 * 2.5);
        }
        double omega = Math.acos(cos);
        for (double t : new double[] {0.1, 0.37, 0.5, 0.9}) {
            float[] expected = new float[8];
            for (int j = 0; j < 8; j++) {
                expected[j] = (float) ((Math.sin((1 - t) * omega) * a[j] + Math.sin(t * omega) * b[j]) / Math.sin(omega));
            }
            assertArrayEquals(expected, Interpolation.slerp(a, b, t), 1e-5f, "t " + t);
        }
    }

    @Test
    void halfWayBetweenTwoOrthogonalUnitVectorsIsTheirBisector() {
        float[] point = Interpolation.slerp(new float[] {1, 0, 0}, new float[] {0, 1, 0}, 0.5);
        float h = (float) Math.sqrt(0.5);

        assertArrayEquals(new float[] {h, h, 0}, point, 1e-7f);
    }

    @Test
    void forUnequalLengthsTheRadiusChangesLinearlyAndTheAngleEvenly() {
        float[] point = Interpolation.slerp(new float[] {2, 0}, new float[] {0, 4}, 1.0 / 3);
        // Radius 2 + (4 − 2)/3 = 8/3, at a third of the right angle: 30°.
        float r = 8f / 3;

        assertArrayEquals(new float[] {(float) (r * Math.cos(Math.PI / 6)), (float) (r * Math.sin(Math.PI / 6))}, point, 1e-6f);
    }

    @Test
    void nearlyParallelEndpointsFollowTheStraightLine() {
        float[] a = {1, 1, 1};
        float[] b = {2, 2, 2.0000001f};

        assertArrayEquals(Interpolation.lerp(a, b, 0.4), Interpolation.slerp(a, b, 0.4), 1e-6f);
    }

    @Test
    void oppositeEndpointsTurnThroughAPerpendicularAxisKeepingTheLength() {
        float[] a = {3, 0, 0.5f};
        float[] b = {-3, 0, -0.5f};

        float[] middle = Interpolation.slerp(a, b, 0.5);

        double length = Math.sqrt(9.25);
        assertEquals(length, Interpolation.norm(middle), 1e-5);
        assertEquals(0, (middle[0] * a[0] + middle[2] * a[2]), 1e-4, "perpendicular to both ends at half way");
        assertArrayEquals(new float[] {0, (float) length, 0}, middle, 1e-5f, "through the least aligned axis, y");
    }

    @Test
    void degenerateEndpointsFallBackToTheStraightLine() {
        assertArrayEquals(new float[] {0.5f, 1}, Interpolation.slerp(new float[] {0, 0}, new float[] {1, 2}, 0.5));
        assertArrayEquals(new float[] {-0.5f}, Interpolation.slerp(new float[] {1}, new float[] {-2}, 0.5));
    }

    @Test
    void refusesTooFewStepsAndMismatchedPoints() {
        assertThrows(IllegalArgumentException.class, () -> Interpolation.path(Kind.LINEAR, new float[2], new float[2], 1));
        assertThrows(IllegalArgumentException.class, () -> Interpolation.slerp(new float[2], new float[3], 0.5));
    }
}
