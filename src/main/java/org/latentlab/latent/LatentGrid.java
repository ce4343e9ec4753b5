package org.latentlab.latent;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * An n × n lattice of points in two latent dimensions, at which a decoder draws the "manifold"
 * picture of what each region of latent space means.
 *
 * <p>With {@link GridSpacing#INVERSE_CDF} the axis values are Φ⁻¹((i + ½)/n), i = 0 … n−1: the
 * midpoints of n equal slices of probability under N(0, 1). With {@link GridSpacing#LINEAR} they
 * are evenly spaced over the same range [−Φ⁻¹(1 − ½/n), Φ⁻¹(1 − ½/n)], so the two differ only in
 * spacing.
 *
 * <p>Points are ordered row by row from the top-left: row 0 holds the largest value of the
 * vertical dimension, as on a plot, and column 0 the smallest value of the horizontal one.
 */
public final class LatentGrid {

    public static final int MIN_SIZE = 2;
    public static final int MAX_SIZE = 60;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final int size;
    private final GridSpacing spacing;
    private final double[] axis;

    public LatentGrid(int size, GridSpacing spacing) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("grid size " + size + " is outside " + MIN_SIZE + ".." + MAX_SIZE);
        }
        this.size = size;
        this.spacing = spacing;
        this.axis = new double[size];
        double extent = STANDARD_NORMAL.inverseCumulativeProbability(1 - 0.5 / size);
        for (int i = 0; i < size; i++) {
            axis[i] = spacing == GridSpacing.INVERSE_CDF
                    ? STANDARD_NORMAL.inverseCumulativeProbability((i + 0.5) / size)
                    : -extent + 2 * extent * i / (size - 1);
        }
    }

    public int size() {
        return size;
    }

    public GridSpacing spacing() {
        return spacing;
    }

    /** The coordinate of column i (and of row size−1−i), increasing with i. */
    public double axisValue(int i) {
        return axis[i];
    }

    public double[] axisValues() {
        return axis.clone();
    }

    /**
     * The borders of the cells the grid's images stand for, n + 1 values increasing. With inverse-CDF
     * spacing they are Φ⁻¹(i/n): every cell holds the same prior probability 1/n per axis, so cells
     * widen away from 0 and the outer ones reach ±∞. With linear spacing they lie halfway between
     * the points, and half a step beyond the outer ones.
     */
    public double[] cellEdges() {
        double[] edges = new double[size + 1];
        for (int i = 0; i <= size; i++) {
            if (spacing == GridSpacing.INVERSE_CDF) {
                edges[i] = i == 0 ? Double.NEGATIVE_INFINITY
                        : i == size ? Double.POSITIVE_INFINITY
                        : STANDARD_NORMAL.inverseCumulativeProbability((double) i / size);
            } else {
                double step = axis[1] - axis[0];
                edges[i] = axis[0] + (i - 0.5) * step;
            }
        }
        return edges;
    }

    /**
     * The grid's points in a latent space of {@code latentSize} dimensions: the grid spans
     * {@code horizontal} and {@code vertical}; every other coordinate is 0, the prior's mean.
     *
     * @return {@code size² × latentSize} values, row-major, rows from the top
     */
    public float[] points(int latentSize, int horizontal, int vertical) {
        if (horizontal == vertical || horizontal < 0 || vertical < 0
                || horizontal >= latentSize || vertical >= latentSize) {
            throw new IllegalArgumentException("grid dimensions " + horizontal + " and " + vertical
                    + " must be two different dimensions of a " + latentSize + "-D latent space");
        }
        float[] points = new float[size * size * latentSize];
        for (int row = 0; row < size; row++) {
            for (int column = 0; column < size; column++) {
                int base = (row * size + column) * latentSize;
                points[base + horizontal] = (float) axis[column];
                points[base + vertical] = (float) axis[size - 1 - row];
            }
        }
        return points;
    }

    /**
     * The grid's points on {@code plane} of a latent space, as the decoded grid shows them: for a
     * 1-D space the {@code size} axis values alone; otherwise {@code size²} points, rows from the top.
     *
     * @return row-major, {@code latentSize} values per point
     */
    public float[] pointsOn(LatentPlane plane) {
        if (plane.latentSize() == 1) {
            float[] line = new float[size];
            for (int i = 0; i < size; i++) {
                line[i] = (float) axis[i];
            }
            return line;
        }
        return plane.embed(points(2, 0, 1), size * size);
    }

    /** How many points {@link #pointsOn} gives in a latent space of {@code latentSize} dimensions. */
    public int countIn(int latentSize) {
        return latentSize == 1 ? size : size * size;
    }
}
