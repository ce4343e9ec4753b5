package org.latentlab.latent;

/**
 * Paths between two latent points, decoded along the way to show what lies between two images.
 * Stateless.
 *
 * <ul>
 *   <li><b>Linear</b>: (1 − t) a + t b. Between two typical points of a high-dimensional N(0, I) the
 *       straight line passes closer to the origin than any typical point (the midpoint of two
 *       orthogonal points of norm r has norm r/√2), into a region the decoder rarely saw.</li>
 *   <li><b>Spherical</b> (White 2016): the direction turns at constant angular speed along the great
 *       circle from a's direction to b's, while the length changes linearly from |a| to |b|. For
 *       endpoints of equal length this is White's slerp, sin((1−t)Ω)/sin Ω · a + sin(tΩ)/sin Ω · b
 *       with cos Ω = â·b̂, and every point keeps that length; for unequal lengths White's formula would
 *       bulge and, for nearly opposite endpoints, diverge, while this one stays between the two
 *       lengths.</li>
 * </ul>
 *
 * <p>Degenerate cases: with an endpoint at the origin (no direction) or in one dimension the
 * spherical path is the linear one; for nearly parallel directions (angle below 1e−6) it is too, as
 * the arc and the chord coincide; for exactly opposite directions the great circle is not unique, and
 * the path turns through the coordinate axis least aligned with a.
 */
public final class Interpolation {

    /** Which path. */
    public enum Kind { LINEAR, SPHERICAL }

    private static final double PARALLEL = 1e-6;

    private Interpolation() {
    }

    /**
     * {@code steps} points from {@code a} to {@code b} at t = 0, 1/(steps−1), …, 1; the first is
     * exactly a and the last exactly b.
     *
     * @throws IllegalArgumentException if steps &lt; 2 or the points differ in dimension
     */
    public static LatentPoints path(Kind kind, float[] a, float[] b, int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("a path needs at least 2 steps, got " + steps);
        }
        int d = requireSameDimension(a, b);
        float[] values = new float[steps * d];
        for (int k = 0; k < steps; k++) {
            double t = (double) k / (steps - 1);
            float[] point = kind == Kind.LINEAR ? lerp(a, b, t) : slerp(a, b, t);
            System.arraycopy(point, 0, values, k * d, d);
        }
        return new LatentPoints(values, steps, d);
    }

    /** (1 − t) a + t b; exactly a at t = 0 and b at t = 1. */
    public static float[] lerp(float[] a, float[] b, double t) {
        int d = requireSameDimension(a, b);
        if (t == 0 || t == 1) {
            return (t == 0 ? a : b).clone();
        }
        float[] out = new float[d];
        for (int j = 0; j < d; j++) {
            out[j] = (float) ((1 - t) * a[j] + t * b[j]);
        }
        return out;
    }

    /** The spherical path at t (see the class description); exactly a at t = 0 and b at t = 1. */
    public static float[] slerp(float[] a, float[] b, double t) {
        int d = requireSameDimension(a, b);
        double lengthA = norm(a);
        double lengthB = norm(b);
        if (t == 0 || t == 1 || d == 1 || lengthA == 0 || lengthB == 0) {
            return lerp(a, b, t);
        }
        double[] unitA = new double[d];
        double cos = 0;
        for (int j = 0; j < d; j++) {
            unitA[j] = a[j] / lengthA;
            cos += unitA[j] * (b[j] / lengthB);
        }
        // The part of b̂ perpendicular to â; its length is sin Ω, a stable way to the angle.
        double[] across = new double[d];
        for (int j = 0; j < d; j++) {
            across[j] = b[j] / lengthB - cos * unitA[j];
        }
        double sin = norm(across);
        double angle = Math.atan2(sin, cos);
        if (sin < PARALLEL) {
            if (cos > 0) {
                return lerp(a, b, t);
            }
            across = perpendicular(unitA);
            sin = 1;
            angle = Math.PI;
        }
        double turn = Math.cos(t * angle);
        double lift = Math.sin(t * angle) / sin;
        double length = (1 - t) * lengthA + t * lengthB;
        float[] out = new float[d];
        for (int j = 0; j < d; j++) {
            out[j] = (float) (length * (turn * unitA[j] + lift * across[j]));
        }
        return out;
    }

    /** A unit vector perpendicular to the unit vector u: the axis least aligned with u, minus its part along u. */
    private static double[] perpendicular(double[] u) {
        int axis = 0;
        for (int j = 1; j < u.length; j++) {
            if (Math.abs(u[j]) < Math.abs(u[axis])) {
                axis = j;
            }
        }
        double[] p = new double[u.length];
        for (int j = 0; j < u.length; j++) {
            p[j] = (j == axis ? 1 : 0) - u[axis] * u[j];
        }
        double length = norm(p);
        for (int j = 0; j < p.length; j++) {
            p[j] /= length;
        }
        return p;
    }

    private static int requireSameDimension(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("cannot interpolate between points of dimension " + a.length + " and " + b.length);
        }
        return a.length;
    }

    static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
