package org.latentlab.latent;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Principal component analysis of a set of points: the directions along which they vary most.
 * Fitted from the eigenvectors of the points' covariance, largest eigenvalue first; each
 * component's sign is fixed so that its largest coefficient is positive, so refitting similar
 * data gives similar axes. Immutable.
 */
public final class Pca {

    private final double[] mean;
    private final double[][] components;
    private final double[] variances;
    private final double totalVariance;

    private Pca(double[] mean, double[][] components, double[] variances, double totalVariance) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        this.totalVariance = totalVariance;
    }

    /**
     * Fits {@code k} components to {@code count} points of {@code dimension} coordinates.
     *
     * @param rows {@code count × dimension} values, row-major
     */
    public static Pca fit(float[] rows, int count, int dimension, int k) {
        if (k < 1 || k > dimension) {
            throw new IllegalArgumentException("cannot take " + k + " components of " + dimension + "-D points");
        }
        if (count < 2 || rows.length < count * dimension) {
            throw new IllegalArgumentException("PCA needs at least 2 points of " + dimension + " values, got " + count);
        }
        double[] mean = new double[dimension];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dimension; j++) {
                mean[j] += rows[i * dimension + j];
            }
        }
        for (int j = 0; j < dimension; j++) {
            mean[j] /= count;
        }
        double[][] covariance = new double[dimension][dimension];
        double[] centred = new double[dimension];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dimension; j++) {
                centred[j] = rows[i * dimension + j] - mean[j];
            }
            for (int a = 0; a < dimension; a++) {
                double ca = centred[a];
                double[] row = covariance[a];
                for (int b = a; b < dimension; b++) {
                    row[b] += ca * centred[b];
                }
            }
        }
        double total = 0;
        for (int a = 0; a < dimension; a++) {
            for (int b = a; b < dimension; b++) {
                covariance[a][b] /= count - 1;
                covariance[b][a] = covariance[a][b];
            }
            total += covariance[a][a];
        }
        RealMatrix matrix = new Array2DRowRealMatrix(covariance, false);
        EigenDecomposition eigen = new EigenDecomposition(matrix);
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[dimension];
        for (int i = 0; i < dimension; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double[][] components = new double[k][];
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            double[] v = eigen.getEigenvector(order[c]).toArray();
            int largest = 0;
            for (int j = 1; j < dimension; j++) {
                if (Math.abs(v[j]) > Math.abs(v[largest])) {
                    largest = j;
                }
            }
            if (v[largest] < 0) {
                for (int j = 0; j < dimension; j++) {
                    v[j] = -v[j];
                }
            }
            components[c] = v;
            variances[c] = Math.max(0, values[order[c]]);
        }
        return new Pca(mean, components, variances, total);
    }

    /** The points' mean, which projects to the origin. */
    public double[] mean() {
        return mean.clone();
    }

    /** Component {@code c} as a unit vector. */
    public double[] component(int c) {
        return components[c].clone();
    }

    public int componentCount() {
        return components.length;
    }

    /** The variance of the points along component {@code c}. */
    public double variance(int c) {
        return variances[c];
    }

    /** The share of the points' total variance that component {@code c} holds, in [0, 1]. */
    public double explainedVarianceRatio(int c) {
        return totalVariance > 0 ? variances[c] / totalVariance : 0;
    }

    /** The coordinates of {@code count} points along the components: {@code count × k}, row-major. */
    public float[] project(float[] rows, int count) {
        int dimension = mean.length;
        int k = components.length;
        float[] out = new float[count * k];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < k; c++) {
                double sum = 0;
                for (int j = 0; j < dimension; j++) {
                    sum += components[c][j] * (rows[i * dimension + j] - mean[j]);
                }
                out[i * k + c] = (float) sum;
            }
        }
        return out;
    }
}
