package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class PcaTest {

    private static final double[] U = {1 / Math.sqrt(2), 1 / Math.sqrt(2), 0, 0, 0, 0};
    private static final double[] V = {0.5, -0.5, 0.5, 0.5, 0, 0};
    private static final double[] W = {0, 0, 0.5, -0.5, 0.5, 0.5};
    private static final double[] CENTRE = {3, -2, 0.5, 0, 1, 7};

    /**
     * Six rows x̄ ± 5u, x̄ ± 3v, x̄ ± w for orthonormal u, v, w: the covariance is exactly
     * (2·25·uuᵀ + 2·9·vvᵀ + 2·1·wwᵀ)/6, with eigenvalues 25/3, 3, 1/3 and 0.
     */
    private static double[] plantedRows() {
        double[][] directions = {U, V, W};
        double[] lengths = {5, 3, 1};
        double[] rows = new double[6 * 6];
        for (int p = 0; p < 3; p++) {
            for (int sign = 0; sign < 2; sign++) {
                int row = 2 * p + sign;
                for (int d = 0; d < 6; d++) {
                    rows[row * 6 + d] = CENTRE[d] + (sign == 0 ? 1 : -1) * lengths[p] * directions[p][d];
                }
            }
        }
        return rows;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void findsThePlantedComponentsVariancesAndMeanExactly() {
        Pca pca = Pca.fit(plantedRows(), 6, 6, 3);
        assertArrayEquals(CENTRE, pca.mean(), 1e-12);
        assertEquals(25.0 / 3, pca.variance(0), 1e-9);
        assertEquals(3.0, pca.variance(1), 1e-9);
        assertEquals(1.0 / 3, pca.variance(2), 1e-9);
        assertEquals(35.0 / 3, pca.totalVariance(), 1e-9);
        assertArrayEquals(new double[] {25.0 / 35, 9.0 / 35, 1.0 / 35}, pca.explainedVarianceRatio(), 1e-9);
        assertEquals(1, Math.abs(dot(pca.component(0), U)), 1e-9);
        assertEquals(1, Math.abs(dot(pca.component(1), V)), 1e-9);
        assertEquals(1, Math.abs(dot(pca.component(2), W)), 1e-9);
    }

    @Test
    void scoresOfTheFittedRowsHaveMeanZeroAndMeanSquareTheVariance() {
        double[] rows = plantedRows();
        float[] floats = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            floats[i] = (float) rows[i];
        }
        Pca pca = Pca.fit(floats, 6, 6, 2);
        float[] scores = pca.project(floats, 6);
        for (int k = 0; k < 2; k++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < 6; i++) {
                sum += scores[i * 2 + k];
                squares += scores[i * 2 + k] * scores[i * 2 + k];
            }
            assertEquals(0, sum / 6, 1e-5);
            assertEquals(pca.variance(k), squares / 6, 1e-4);
        }
        // Rows x̄ ± 5u and x̄ ± 3v lie in the plane of the first two components: rebuilt exactly.
        float[] rebuilt = pca.reconstruct(scores, 6);
        for (int i = 0; i < 4 * 6; i++) {
            assertEquals(floats[i], rebuilt[i], 1e-5, "value " + i);
        }
        // x̄ ± w is orthogonal to that plane: it is rebuilt as the mean.
        for (int d = 0; d < 6; d++) {
            assertEquals(CENTRE[d], rebuilt[4 * 6 + d], 1e-5);
        }
    }

    @Test
    void agreesWithAFullEigendecompositionOfTheSampleCovarianceOfPlantedGaussianData() {
        int dim = 40;
        int n = 4_000;
        SplittableRandom random = new SplittableRandom(11);
        double[][] gaussian = new double[dim][dim];
        for (double[] row : gaussian) {
            for (int j = 0; j < dim; j++) {
                row[j] = random.nextGaussian();
            }
        }
        RealMatrix rotation = new QRDecomposition(MatrixUtils.createRealMatrix(gaussian)).getQ();
        double[] spread = new double[dim];
        for (int d = 0; d < dim; d++) {
            spread[d] = d < 4 ? new double[] {4, 3, 2, 1.5}[d] : 0.3; // standard deviations
        }
        double[] rows = new double[n * dim];
        for (int i = 0; i < n; i++) {
            double[] latent = new double[dim];
            for (int d = 0; d < dim; d++) {
                latent[d] = spread[d] * random.nextGaussian();
            }
            double[] x = rotation.operate(latent);
            System.arraycopy(x, 0, rows, i * dim, dim);
        }
        Pca pca = Pca.fit(rows, n, dim, 3);

        // The population truth: components are the rotation's first columns, variances σ².
        for (int k = 0; k < 3; k++) {
            assertTrue(Math.abs(dot(pca.component(k), rotation.getColumn(k))) > 0.99, "component " + k);
            assertEquals(spread[k] * spread[k], pca.variance(k), 0.08 * spread[k] * spread[k]);
        }
        // The sample truth, to solver precision.
        double[] mean = pca.mean();
        double[][] covariance = new double[dim][dim];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < dim; b++) {
                    covariance[a][b] += (rows[i * dim + a] - mean[a]) * (rows[i * dim + b] - mean[b]) / n;
                }
            }
        }
        EigenDecomposition exact = new EigenDecomposition(MatrixUtils.createRealMatrix(covariance));
        double[] values = exact.getRealEigenvalues().clone();
        Arrays.sort(values);
        for (int k = 0; k < 3; k++) {
            assertEquals(values[dim - 1 - k], pca.variance(k), 1e-8 * values[dim - 1]);
            double[] vector = pca.component(k);
            double[] image = MatrixUtils.createRealMatrix(covariance).operate(vector);
            for (int d = 0; d < dim; d++) {
                assertEquals(pca.variance(k) * vector[d], image[d], 1e-7, "C·c = λ·c, component " + k);
            }
        }
        double trace = 0;
        for (int d = 0; d < dim; d++) {
            trace += covariance[d][d];
        }
        assertEquals(trace, pca.totalVariance(), 1e-9 * trace);
    }

    @Test
    void theSameRowsGiveTheSameComponentsAndSigns() {
        Pca first = Pca.fit(plantedRows(), 6, 6, 2);
        Pca second = Pca.fit(plantedRows(), 6, 6, 2);
        assertArrayEquals(first.component(0), second.component(0), 0.0);
        double[] c = first.component(1);
        int largest = 0;
        for (int d = 1; d < c.length; d++) {
            largest = Math.abs(c[d]) > Math.abs(c[largest]) ? d : largest;
        }
        assertTrue(c[largest] > 0, "the largest entry of a component is positive");
    }

    @Test
    void fewerRowsThanComponentsPlusOversamplingStillConverge() {
        // Three images of 784 pixels span a plane (after centring): rank 2, far below the block of 10.
        float[] rows = new float[3 * 784];
        for (int d = 0; d < 784; d++) {
            rows[d] = d % 7 == 0 ? 1 : 0;
            rows[784 + d] = d % 5 == 0 ? 1 : 0;
            rows[2 * 784 + d] = 0.5f;
        }
        Pca pca = Pca.fit(rows, 3, 784, 3);
        assertEquals(pca.totalVariance(), pca.variance(0) + pca.variance(1), 1e-9 * pca.totalVariance());
        assertEquals(0, pca.variance(2), 1e-9 * pca.totalVariance());
        float[] rebuilt = pca.reconstruct(pca.project(rows, 3), 3);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(rows[i], rebuilt[i], 1e-5);
        }
    }

    @Test
    void refusesWhatItCannotFit() {
        assertEquals("PCA needs at least 2 rows, got 1",
                assertThrows(IllegalArgumentException.class, () -> Pca.fit(new float[4], 1, 4, 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new float[8], 2, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new float[7], 2, 4, 2));
        float[] bad = new float[8];
        bad[5] = Float.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Pca.fit(bad, 2, 4, 1))
                .getMessage().contains("row 1"));
    }

    /**
     * Rows ±s_j e_j in {@code d} dimensions with s_j² = 1 + 10⁻⁵ (d − j): the covariance is diagonal
     * with variances (1 + 10⁻⁵ (d − j)) / d, so close together that subspace iteration cannot
     * separate the leading two in {@value Pca#MAX_ITERATIONS} iterations.
     */
    static double[] flatSpectrumRows(int d) {
        double[] rows = new double[2 * d * d];
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(1 + 1e-5 * (d - j));
            rows[(2 * j) * d + j] = s;
            rows[(2 * j + 1) * d + j] = -s;
        }
        return rows;
    }

    @Test
    void aSpectrumTooFlatToSeparateIsReportedAsNotConverged() {
        int d = 30;
        Pca flat = Pca.fit(flatSpectrumRows(d), 2 * d, d, 2);
        assertFalse(flat.converged(), "the leading variances differ by 10⁻⁵ of their size");
        assertEquals(1.0 / d, flat.variance(0), 1e-3 / d, "still a variance the data has");
        assertEquals(1, Math.sqrt(dot(flat.component(0), flat.component(0))), 1e-9, "still a unit vector");
        assertTrue(Pca.fit(plantedRows(), 6, 6, 2).converged());
    }
}
