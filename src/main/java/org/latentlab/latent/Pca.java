package org.latentlab.latent;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Principal component analysis of a set of rows: their mean, the leading eigenvectors of their
 * covariance (the principal components, unit length, in order of decreasing variance), and how
 * much of the total variance each explains. The compare lab uses it twice: on pixels, as the
 * linear baseline beside the autoencoders, and on latent means, to draw a latent space of more
 * than two dimensions in a plane.
 *
 * <p>The covariance is the population one, {@code Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ / n}, so the scores of
 * the fitted rows along component k have mean 0 and mean square {@link #variance(int) λ_k}.
 *
 * <p>The covariance matrix is never formed: block subspace iteration multiplies a few vectors by
 * it through the rows, {@code C·V = Xᶜᵀ(Xᶜ·V)/n}, with {@value #OVERSAMPLING} vectors more than
 * the components asked for, and a Rayleigh–Ritz step (Commons Math's symmetric eigensolver on the
 * small projected matrix) picks the components out of the block. It stops when every wanted
 * component's residual {@code ‖C·u − λ·u‖} is below {@value #TOLERANCE} of the largest variance,
 * which for 1,000 MNIST digits takes a few dozen iterations of ≈20 ms. If it has not after
 * {@value #MAX_ITERATIONS} iterations it keeps the best components found and says so:
 * {@link #converged()} is then false.
 *
 * <p>Each component's sign is chosen so that its largest entry (in absolute value) is positive,
 * which makes the result the same on every run. Immutable and safe to share between threads.
 */
public final class Pca {

    static final int OVERSAMPLING = 8;
    static final double TOLERANCE = 1e-9;
    static final int MAX_ITERATIONS = 1_000;
    private static final long START_SEED = 0x5EED_0F_9CAL;

    private final int dimension;
    private final double[] mean;
    private final double[][] components;
    private final double[] variances;
    private final double totalVariance;
    private final boolean converged;

    private Pca(double[] mean, double[][] components, double[] variances, double totalVariance, boolean converged) {
        this.dimension = mean.length;
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        this.totalVariance = totalVariance;
        this.converged = converged;
    }

    /**
     * Fits {@code components} principal components to {@code n} rows of {@code dimension} values.
     *
     * @param rows row-major, {@code n × dimension}
     * @throws IllegalArgumentException if the sizes do not fit, there are fewer than 2 rows, or a value is not finite
     */
    public static Pca fit(float[] rows, int n, int dimension, int components) {
        return fit(new FloatRows(rows), n, dimension, components);
    }

    /** {@link #fit(float[], int, int, int)} for rows of doubles. */
    public static Pca fit(double[] rows, int n, int dimension, int components) {
        return fit(new DoubleRows(rows), n, dimension, components);
    }

    private static Pca fit(Rows rows, int n, int dimension, int components) {
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + n);
        }
        if (dimension < 1 || components < 1 || components > dimension) {
            throw new IllegalArgumentException("cannot fit " + components + " components to rows of " + dimension
                    + " values: expected 1 ≤ components ≤ dimension");
        }
        if (rows.length() < (long) n * dimension) {
            throw new IllegalArgumentException(n + " rows of " + dimension + " values need " + (long) n * dimension
                    + " numbers, got " + rows.length());
        }
        double[] mean = new double[dimension];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dimension; d++) {
                double v = rows.get(i * dimension + d);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + i + " holds a value that is not finite: " + v);
                }
                mean[d] += v;
            }
        }
        for (int d = 0; d < dimension; d++) {
            mean[d] /= n;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dimension; d++) {
                double c = rows.get(i * dimension + d) - mean[d];
                total += c * c;
            }
        }
        total /= n;
        Covariance covariance = new Covariance(rows, n, dimension, mean);
        Eigenpairs leading = leadingEigenpairs(covariance, dimension, components);
        return new Pca(mean, leading.vectors(), leading.values(), total, leading.converged());
    }

    /** The top {@code k} eigenpairs of the covariance, by subspace iteration with Rayleigh–Ritz. */
    private static Eigenpairs leadingEigenpairs(Covariance covariance, int dimension, int k) {
        int block = Math.min(dimension, k + OVERSAMPLING);
        double[][] basis = new double[block][dimension];
        SplittableRandom random = new SplittableRandom(START_SEED);
        for (double[] vector : basis) {
            for (int d = 0; d < dimension; d++) {
                vector[d] = random.nextGaussian();
            }
        }
        orthonormalise(basis, random);
        Eigenpairs ritz = null;
        boolean converged = false;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] image = covariance.times(basis);
            ritz = rayleighRitz(basis, image, block);
            converged = converged(ritz, k);
            if (converged) {
                break;
            }
            basis = ritz.images();
            orthonormalise(basis, random);
        }
        double[][] vectors = new double[k][];
        for (int j = 0; j < k; j++) {
            vectors[j] = withDeterministicSign(ritz.vectors()[j]);
        }
        double[] values = new double[k];
        for (int j = 0; j < k; j++) {
            values[j] = Math.max(0, ritz.values()[j]);
        }
        return new Eigenpairs(values, vectors, null, converged);
    }

    /**
     * Eigenpairs in decreasing order, and the covariance times each vector.
     *
     * @param images    C·vectors[j], for the convergence test and the next iteration
     * @param converged whether every wanted pair met the tolerance (for the final pairs)
     */
    private record Eigenpairs(double[] values, double[][] vectors, double[][] images, boolean converged) {
    }

    /** The Ritz pairs of the covariance on span(basis), given image = C·basis. */
    private static Eigenpairs rayleighRitz(double[][] basis, double[][] image, int block) {
        double[][] projected = new double[block][block];
        for (int a = 0; a < block; a++) {
            for (int b = a; b < block; b++) {
                double h = dot(basis[a], image[b]);
                projected[a][b] = h;
                projected[b][a] = h;
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(projected));
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[block];
        for (int j = 0; j < block; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
        RealMatrix rotation = eigen.getV();
        double[] sortedValues = new double[block];
        double[][] vectors = new double[block][];
        double[][] images = new double[block][];
        for (int j = 0; j < block; j++) {
            sortedValues[j] = values[order[j]];
            double[] weights = rotation.getColumn(order[j]);
            vectors[j] = combine(basis, weights);
            images[j] = combine(image, weights);
        }
        return new Eigenpairs(sortedValues, vectors, images, false);
    }

    private static boolean converged(Eigenpairs ritz, int k) {
        double largest = Math.abs(ritz.values()[0]);
        if (largest == 0) {
            return true;
        }
        for (int j = 0; j < k; j++) {
            double[] u = ritz.vectors()[j];
            double[] cu = ritz.images()[j];
            double residual = 0;
            for (int d = 0; d < u.length; d++) {
                double r = cu[d] - ritz.values()[j] * u[d];
                residual += r * r;
            }
            if (Math.sqrt(residual) > TOLERANCE * largest) {
                return false;
            }
        }
        return true;
    }

    private static double[] combine(double[][] vectors, double[] weights) {
        double[] sum = new double[vectors[0].length];
        for (int j = 0; j < vectors.length; j++) {
            double w = weights[j];
            double[] v = vectors[j];
            for (int d = 0; d < sum.length; d++) {
                sum[d] += w * v[d];
            }
        }
        return sum;
    }

    /**
     * Modified Gram–Schmidt, twice (enough for orthogonality to machine precision). A vector that
     * lies in the span of the ones before it (rank-deficient data) is replaced by a random one.
     */
    private static void orthonormalise(double[][] vectors, SplittableRandom random) {
        for (int j = 0; j < vectors.length; j++) {
            double[] v = vectors[j];
            double before = Math.sqrt(dot(v, v));
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    double projection = dot(vectors[i], v);
                    double[] u = vectors[i];
                    for (int d = 0; d < v.length; d++) {
                        v[d] -= projection * u[d];
                    }
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (!(norm > 1e-10 * before)) {
                for (int d = 0; d < v.length; d++) {
                    v[d] = random.nextGaussian();
                }
                j--; // orthogonalise the fresh vector against the others
                continue;
            }
            for (int d = 0; d < v.length; d++) {
                v[d] /= norm;
            }
        }
    }

    private static double[] withDeterministicSign(double[] v) {
        int largest = 0;
        for (int d = 1; d < v.length; d++) {
            if (Math.abs(v[d]) > Math.abs(v[largest])) {
                largest = d;
            }
        }
        if (v[largest] < 0) {
            for (int d = 0; d < v.length; d++) {
                v[d] = -v[d];
            }
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }

    // ---- the fitted model -----------------------------------------------------------------------

    /** How many values a row has. */
    /**
     * Whether the components met the tolerance; if not, they are the best found in
     * {@value #MAX_ITERATIONS} iterations and may not be the leading ones.
     */
    public boolean converged() {
        return converged;
    }

    public int dimension() {
        return dimension;
    }

    /** How many components were fitted. */
    public int componentCount() {
        return components.length;
    }

    /** The mean row x̄. */
    public double[] mean() {
        return mean.clone();
    }

    /** Component {@code k} (0 = the direction of greatest variance), a unit vector. */
    public double[] component(int k) {
        return components[k].clone();
    }

    /** λ_k: the variance of the fitted rows along component {@code k}, an eigenvalue of the covariance. */
    public double variance(int k) {
        return variances[k];
    }

    /** √λ_k: the standard deviation of the scores along component {@code k}. */
    public double standardDeviation(int k) {
        return Math.sqrt(variances[k]);
    }

    /** The variance of the fitted rows summed over all their dimensions: the trace of the covariance. */
    public double totalVariance() {
        return totalVariance;
    }

    /** The share of the total variance that component {@code k} holds, λ_k / Σ λ, in [0, 1]; 0 if the rows do not vary. */
    public double explainedVarianceRatio(int k) {
        return totalVariance > 0 ? variances[k] / totalVariance : 0;
    }

    /** {@link #explainedVarianceRatio(int)} of every fitted component. */
    public double[] explainedVarianceRatio() {
        double[] ratio = new double[variances.length];
        for (int k = 0; k < ratio.length; k++) {
            ratio[k] = explainedVarianceRatio(k);
        }
        return ratio;
    }

    /**
     * The scores of {@code n} rows: {@code (xᵢ − x̄)·c_k} for each component.
     *
     * @return row-major {@code n × componentCount()}
     */
    public float[] project(float[] rows, int n) {
        requireLength(rows.length, n, dimension, "rows");
        int k = components.length;
        float[] scores = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double[] c = components[j];
                double sum = 0;
                for (int d = 0; d < dimension; d++) {
                    sum += (rows[i * dimension + d] - mean[d]) * c[d];
                }
                scores[i * k + j] = (float) sum;
            }
        }
        return scores;
    }

    /**
     * Rows rebuilt from their scores: {@code x̄ + Σ_k s_k·c_k}, the closest point to the original
     * row within the fitted components' plane (for rows that were projected).
     *
     * @param scores row-major {@code n × componentCount()}
     * @return row-major {@code n × dimension()}
     */
    public float[] reconstruct(float[] scores, int n) {
        int k = components.length;
        requireLength(scores.length, n, k, "scores");
        float[] rows = new float[n * dimension];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dimension; d++) {
                double sum = mean[d];
                for (int j = 0; j < k; j++) {
                    sum += scores[i * k + j] * components[j][d];
                }
                rows[i * dimension + d] = (float) sum;
            }
        }
        return rows;
    }

    private static void requireLength(int length, int n, int width, String what) {
        if (n < 0 || length < (long) n * width) {
            throw new IllegalArgumentException(n + " " + what + " of " + width + " values need " + (long) n * width
                    + " numbers, got " + length);
        }
    }

    // ---- the data, read as doubles whatever its type --------------------------------------------

    private interface Rows {
        double get(int index);

        int length();
    }

    private record FloatRows(float[] values) implements Rows {
        @Override public double get(int index) { return values[index]; }
        @Override public int length() { return values.length; }
    }

    private record DoubleRows(double[] values) implements Rows {
        @Override public double get(int index) { return values[index]; }
        @Override public int length() { return values.length; }
    }

    /** Multiplies vectors by the covariance through the rows, never forming it. */
    private record Covariance(Rows rows, int n, int dimension, double[] mean) {

        /** C·v for each v in {@code vectors}. */
        double[][] times(double[][] vectors) {
            int block = vectors.length;
            double[][] result = new double[block][dimension];
            double[] centred = new double[dimension];
            double[] scores = new double[block];
            for (int i = 0; i < n; i++) {
                int offset = i * dimension;
                for (int d = 0; d < dimension; d++) {
                    centred[d] = rows.get(offset + d) - mean[d];
                }
                for (int j = 0; j < block; j++) {
                    scores[j] = dot(centred, vectors[j]);
                }
                for (int j = 0; j < block; j++) {
                    double s = scores[j] / n;
                    double[] r = result[j];
                    for (int d = 0; d < dimension; d++) {
                        r[d] += s * centred[d];
                    }
                }
            }
            return result;
        }
    }
}
