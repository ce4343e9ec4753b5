package org.latentlab.latent;

/**
 * A plane through the origin of a latent space, spanned by two orthonormal directions: where a
 * latent space of more than two dimensions is drawn as a scatter and decoded as a grid. Because
 * the prior N(0, I) is the same in every direction, its shadow on any such plane is N(0, I₂), so
 * the prior's circles and an inverse-CDF grid mean the same on the plane as in two dimensions.
 *
 * <p>For a 2-D latent space the plane is the space itself (z₁, z₂); for a 1-D one, the line z₁
 * with a second coordinate that is always 0. Immutable and safe to share between threads.
 */
public final class LatentPlane {

    /** A scatter's principal plane is fitted to at most this many means. */
    static final int FIT_LIMIT = 2_000;

    private final int latentSize;
    private final double[] first;
    private final double[] second;
    private final boolean principal;
    private final boolean converged;

    private LatentPlane(int latentSize, double[] first, double[] second, boolean principal, boolean converged) {
        this.latentSize = latentSize;
        this.first = first;
        this.second = second;
        this.principal = principal;
        this.converged = converged;
    }

    /** The plane of z₁ and z₂ (just z₁ for a 1-D latent space). */
    public static LatentPlane firstTwoAxes(int latentSize) {
        if (latentSize < 1) {
            throw new IllegalArgumentException("a latent space has at least 1 dimension, got " + latentSize);
        }
        double[] first = new double[latentSize];
        double[] second = new double[latentSize];
        first[0] = 1;
        if (latentSize > 1) {
            second[1] = 1;
        }
        return new LatentPlane(latentSize, first, second, false, true);
    }

    /**
     * A plane spanned by two given orthonormal directions of a latent space of more than two
     * dimensions, as a principal plane found earlier (read back from a file).
     *
     * @throws IllegalArgumentException if the directions are not unit vectors at right angles
     */
    public static LatentPlane principalSpannedBy(double[] first, double[] second, boolean converged) {
        if (first.length != second.length || first.length <= 2) {
            throw new IllegalArgumentException("a principal plane needs two directions of the same latent space of more"
                    + " than 2 dimensions, got " + first.length + " and " + second.length + " values");
        }
        double dot = 0;
        double firstNorm = 0;
        double secondNorm = 0;
        for (int d = 0; d < first.length; d++) {
            dot += first[d] * second[d];
            firstNorm += first[d] * first[d];
            secondNorm += second[d] * second[d];
        }
        if (!(Math.abs(firstNorm - 1) < 1e-4 && Math.abs(secondNorm - 1) < 1e-4 && Math.abs(dot) < 1e-4)) {
            throw new IllegalArgumentException("a plane's directions must be unit vectors at right angles (lengths²"
                    + " " + firstNorm + " and " + secondNorm + ", dot product " + dot + ")");
        }
        return new LatentPlane(first.length, first.clone(), second.clone(), true, converged);
    }

    /**
     * The plane a scatter of {@code count} latent means is drawn on: the latent space itself for
     * at most two dimensions, else the plane of their two leading principal components (fitted to
     * at most the first {@value #FIT_LIMIT}: the same directions, for less), each axis pointing
     * the way it did on {@code previous} so that the picture does not flip between two moments.
     *
     * @param previous the plane the means were drawn on before, or {@code null}
     */
    public static LatentPlane forScatter(float[] means, int count, int latentSize, LatentPlane previous) {
        return principal(means, Math.min(count, FIT_LIMIT), latentSize).alignedWith(previous);
    }

    /**
     * The plane of the two leading principal components of {@code count} latent means: the view
     * that spreads them out most. For a latent space of at most 2 dimensions, {@link #firstTwoAxes}.
     * If PCA did not converge the plane is the best it found, and {@link #converged()} says so.
     */
    public static LatentPlane principal(float[] means, int count, int latentSize) {
        if (latentSize <= 2 || count < 2) {
            return firstTwoAxes(latentSize);
        }
        Pca pca = Pca.fit(means, count, latentSize, 2);
        return new LatentPlane(latentSize, pca.component(0), pca.component(1), true, pca.converged());
    }

    public int latentSize() {
        return latentSize;
    }

    /** Whether the plane was chosen by PCA (rather than being z₁, z₂). */
    public boolean isPrincipal() {
        return principal;
    }

    /**
     * Whether the plane is what it says: false for a principal plane whose PCA did not converge,
     * which may then not be the plane of the two leading components.
     */
    public boolean converged() {
        return converged;
    }

    /** The plane's horizontal (0) or vertical (1) direction, a unit vector of the latent space. */
    public double[] direction(int axis) {
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException("a plane has axes 0 and 1, not " + axis);
        }
        return (axis == 0 ? first : second).clone();
    }

    /**
     * This plane with each axis turned round if it points against the same axis of
     * {@code previous}: refitting PCA to codes that moved a little finds the same directions, but
     * either sign, and a scatter should not flip over between two frames.
     */
    public LatentPlane alignedWith(LatentPlane previous) {
        if (previous == null || previous.latentSize != latentSize || !principal) {
            return this;
        }
        return new LatentPlane(latentSize, sameSense(first, previous.first), sameSense(second, previous.second), true,
                converged);
    }

    private static double[] sameSense(double[] direction, double[] reference) {
        double dot = 0;
        for (int d = 0; d < direction.length; d++) {
            dot += direction[d] * reference[d];
        }
        if (dot >= 0) {
            return direction;
        }
        double[] turned = new double[direction.length];
        for (int d = 0; d < direction.length; d++) {
            turned[d] = -direction[d];
        }
        return turned;
    }

    /** Names for the plane's two axes: "z₁", "z₂", or "PC 1", "PC 2" of the latent means. */
    public String[] axisNames() {
        return principal ? new String[] {"PC 1 of z", "PC 2 of z"} : new String[] {"z₁", "z₂"};
    }

    /** The coordinates on the plane of {@code count} latent points: {@code count × 2}, row-major. */
    public float[] project(float[] points, int count) {
        requireLength(points.length, count * latentSize);
        float[] plane = new float[count * 2];
        for (int i = 0; i < count; i++) {
            double u = 0;
            double v = 0;
            for (int d = 0; d < latentSize; d++) {
                float z = points[i * latentSize + d];
                u += z * first[d];
                v += z * second[d];
            }
            plane[2 * i] = (float) u;
            plane[2 * i + 1] = (float) v;
        }
        return plane;
    }

    /** The latent points at {@code count} plane coordinates ({@code count × 2}): {@code count × latentSize}. */
    public float[] embed(float[] plane, int count) {
        requireLength(plane.length, count * 2);
        float[] points = new float[count * latentSize];
        for (int i = 0; i < count; i++) {
            for (int d = 0; d < latentSize; d++) {
                points[i * latentSize + d] = (float) (plane[2 * i] * first[d] + plane[2 * i + 1] * second[d]);
            }
        }
        return points;
    }

    private static void requireLength(int length, int needed) {
        if (length < needed) {
            throw new IllegalArgumentException("expected at least " + needed + " values, got " + length);
        }
    }
}
