package org.latentlab.latent;

import java.util.Objects;

/**
 * Points in a latent space, one after another: point {@code i} is
 * {@code values[i·dimension ..< (i+1)·dimension]} (an encoder's posterior means, for instance).
 * The array is not copied: do not change it while the points are in use.
 *
 * @param values    {@code count × dimension} coordinates, row-major
 * @param count     how many points
 * @param dimension the latent dimension
 */
public record LatentPoints(float[] values, int count, int dimension) {

    public LatentPoints {
        Objects.requireNonNull(values, "values");
        if (dimension < 1 || count < 0) {
            throw new IllegalArgumentException("need a positive dimension and a count ≥ 0, got " + count + " × " + dimension);
        }
        if (values.length != (long) count * dimension) {
            throw new IllegalArgumentException(count + " points of dimension " + dimension + " need "
                    + (long) count * dimension + " values, got " + values.length);
        }
    }

    /** Coordinate {@code j} of point {@code i}. */
    public float get(int i, int j) {
        return values[i * dimension + j];
    }

    /** A copy of point {@code i}. */
    public float[] point(int i) {
        Objects.checkIndex(i, count);
        float[] out = new float[dimension];
        System.arraycopy(values, i * dimension, out, 0, dimension);
        return out;
    }

    /** The dot product of point {@code i} with {@code direction}. */
    public double dot(int i, float[] direction) {
        double sum = 0;
        int base = i * dimension;
        for (int j = 0; j < dimension; j++) {
            sum += (double) values[base + j] * direction[j];
        }
        return sum;
    }

    /** The squared Euclidean distance from point {@code i} to {@code z}. */
    public double squaredDistance(int i, float[] z) {
        double sum = 0;
        int base = i * dimension;
        for (int j = 0; j < dimension; j++) {
            double d = values[base + j] - z[j];
            sum += d * d;
        }
        return sum;
    }
}
