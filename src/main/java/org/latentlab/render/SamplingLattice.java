package org.latentlab.render;

import java.util.Arrays;

/**
 * The latent coordinates at which a manifold grid was decoded: every pair
 * ({@code xValues[c]}, {@code yValues[r]}) is one image of the grid.
 *
 * <p>For Kingma and Welling's manifold the values are inverse-normal-CDF spaced, e.g. Φ⁻¹(0.05) …
 * Φ⁻¹(0.95) = −1.64 … 1.64, so each cell covers an equal share of the prior. The arrays are copied.
 *
 * @param xValues the first latent coordinate (z₁) of each grid column
 * @param yValues the second latent coordinate (z₂) of each grid row
 */
public record SamplingLattice(double[] xValues, double[] yValues) {

    public SamplingLattice {
        xValues = checked(xValues, "x");
        yValues = checked(yValues, "y");
    }

    @Override
    public double[] xValues() {
        return xValues.clone();
    }

    @Override
    public double[] yValues() {
        return yValues.clone();
    }

    int columns() {
        return xValues.length;
    }

    int rows() {
        return yValues.length;
    }

    double x(int column) {
        return xValues[column];
    }

    double y(int row) {
        return yValues[row];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SamplingLattice that
                && Arrays.equals(xValues, that.xValues) && Arrays.equals(yValues, that.yValues);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(xValues) + Arrays.hashCode(yValues);
    }

    @Override
    public String toString() {
        return "SamplingLattice[x=" + Arrays.toString(xValues) + ", y=" + Arrays.toString(yValues) + "]";
    }

    private static double[] checked(double[] values, String axis) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a sampling lattice needs at least one " + axis + " value");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("lattice " + axis + " value " + value + " is not finite");
            }
        }
        return values.clone();
    }
}
