package org.latentlab.model;

/**
 * The reconstruction term −log p(x|z) of each {@link Likelihood}, computed from the decoder's
 * last-layer outputs in one pass that also writes the loss's gradient with respect to them.
 * This is the scalar reference, which also finishes the rows that {@link VectorLikelihoodKernels}
 * leaves over. Stateless.
 *
 * <p>Bernoulli, from logits l: −log p = softplus(l) − x·l, computed as
 * max(l, 0) + log(1 + e^−|l|) − x·l so that no exponential overflows; its derivative is
 * sigmoid(l) − x = (l ≥ 0 ? 1 : e^−|l|) / (1 + e^−|l|) − x, where e^−|l| is taken as 0 for
 * |l| &gt; 40 ({@link Subnormals#NEGLIGIBLE_EXPONENT}). Gaussian with fixed σ, from the mean m:
 * −log p = ½((x − m)/σ)² + log σ + ½ log 2π, with derivative (m − x)/σ². A Gaussian whose σ is
 * learned per pixel takes {@link #squaredResidualsByColumn}: each column's residuals scaled by its
 * own 1/σ², and each column's sum of squares for the gradient of its σ ({@link LearnedDecoderStd}).
 */
class LikelihoodKernels {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    /**
     * Sums −log p(x|z) over a batch and writes {@code scale · ∂(−log p)/∂output}.
     *
     * @param outputs      the decoder's outputs (logits or means), {@code rows × width}
     * @param targets      the images x, rows {@code targetStride} apart
     * @param gradient     receives {@code scale · ∂(−log p)/∂output}, {@code rows × width}; {@code null} to skip
     * @return the sum over all pixels of the batch, in nats
     */
    final double negativeLogLikelihood(Likelihood likelihood, double std, NativeFloats outputs, NativeFloats targets,
            int targetStride, NativeFloats gradient, float scale, int rows, int width) {
        if (likelihood == Likelihood.BERNOULLI) {
            return bernoulli(outputs, targets, targetStride, gradient, scale, rows, width);
        }
        float inverseVariance = (float) (1 / (std * std));
        double squares = squaredResiduals(outputs, targets, targetStride, gradient, scale * inverseVariance, rows, width);
        return 0.5 * inverseVariance * squares + (double) rows * width * (Math.log(std) + HALF_LOG_TWO_PI);
    }

    /** Σ softplus(l) − x·l over the batch; writes scale · (sigmoid(l) − x). */
    double bernoulli(NativeFloats logits, NativeFloats targets, int targetStride, NativeFloats gradient, float scale,
            int rows, int width) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            total += bernoulli(logits, r * width, targets, r * targetStride, gradient, scale, 0, width);
        }
        return total;
    }

    /** Σ (m − x)² over the batch; writes gradientScale · (m − x). */
    double squaredResiduals(NativeFloats means, NativeFloats targets, int targetStride, NativeFloats gradient,
            float gradientScale, int rows, int width) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            total += squaredResiduals(means, r * width, targets, r * targetStride, gradient, gradientScale, 0, width);
        }
        return total;
    }

    /**
     * Σ_rows (m − x)² for each column into {@code columnSums} (overwritten); writes
     * {@code columnScales[c] · (m − x)} into the gradient, as 0 where it would be subnormal.
     *
     * @param columnScales one factor per column (the scale and 1/σ² of its pixel)
     * @param gradient     receives the scaled residuals, {@code rows × width}; {@code null} to skip
     */
    void squaredResidualsByColumn(NativeFloats means, NativeFloats targets, int targetStride, NativeFloats gradient,
            float[] columnScales, float[] columnSums, int rows, int width) {
        java.util.Arrays.fill(columnSums, 0, width, 0f);
        for (int r = 0; r < rows; r++) {
            squaredResidualsByColumn(means, r * width, targets, r * targetStride, gradient, columnScales, columnSums,
                    0, width);
        }
    }

    /** Columns {@code from} to {@code to} of one row of {@link #squaredResidualsByColumn}. */
    static void squaredResidualsByColumn(NativeFloats means, int row, NativeFloats targets, int targetRow,
            NativeFloats gradient, float[] columnScales, float[] columnSums, int from, int to) {
        for (int c = from; c < to; c++) {
            float residual = means.get(row + c) - targets.get(targetRow + c);
            columnSums[c] += residual * residual;
            if (gradient != null) {
                float g = columnScales[c] * residual;
                gradient.put(row + c, Math.abs(g) < Float.MIN_NORMAL ? 0f : g);
            }
        }
    }

    /**
     * Σ softplus(l) = Σ −log(1 − sigmoid(l)) over each of {@code rows} rows of {@code width}
     * logits, into {@code sums}: the part of −log p(x|z) under a Bernoulli decoder that does not
     * depend on x.
     */
    void softplusSums(NativeFloats logits, int rows, int width, double[] sums) {
        for (int r = 0; r < rows; r++) {
            sums[r] = softplus(logits, r * width, 0, width);
        }
    }

    /** Columns {@code from} to {@code to} of one row of {@link #softplusSums}. */
    static double softplus(NativeFloats logits, int row, int from, int to) {
        double total = 0;
        for (int c = from; c < to; c++) {
            float l = logits.get(row + c);
            total += Math.max(l, 0f) + (saturated(l) ? 0 : Math.log1p(Math.exp(-Math.abs(l))));
        }
        return total;
    }

    /** Columns {@code from} to {@code to} of one row of {@link #bernoulli}. */
    static double bernoulli(NativeFloats logits, int row, NativeFloats targets, int targetRow, NativeFloats gradient,
            float scale, int from, int to) {
        double total = 0;
        for (int c = from; c < to; c++) {
            float l = logits.get(row + c);
            float x = targets.get(targetRow + c);
            double e = saturated(l) ? 0 : Math.exp(-Math.abs(l));
            total += Math.max(l, 0f) + Math.log(1 + e) - x * l;
            if (gradient != null) {
                double sigmoid = (l >= 0 ? 1 : e) / (1 + e);
                gradient.put(row + c, (float) (scale * (sigmoid - x)));
            }
        }
        return total;
    }

    /** Columns {@code from} to {@code to} of one row of {@link #squaredResiduals}. */
    static double squaredResiduals(NativeFloats means, int row, NativeFloats targets, int targetRow, NativeFloats gradient,
            float gradientScale, int from, int to) {
        double total = 0;
        for (int c = from; c < to; c++) {
            float residual = means.get(row + c) - targets.get(targetRow + c);
            total += residual * residual;
            if (gradient != null) {
                gradient.put(row + c, gradientScale * residual);
            }
        }
        return total;
    }

    /**
     * Turns the decoder's raw outputs, elements {@code from} to {@code to}, into displayable mean
     * images in place: sigmoid(l), or m clipped to [0, 1].
     */
    void meanImage(Likelihood likelihood, NativeFloats outputs, int from, int to) {
        meanImageRange(likelihood, outputs, from, to);
    }

    static void meanImageRange(Likelihood likelihood, NativeFloats outputs, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = outputs.get(i);
            if (likelihood == Likelihood.GAUSSIAN) {
                outputs.put(i, Math.min(1f, Math.max(0f, v)));
            } else {
                outputs.put(i, saturated(v) ? (v < 0 ? 0f : 1f) : (float) (1 / (1 + Math.exp(-v))));
            }
        }
    }

    /**
     * Whether e^−|l| is taken as 0, as the vector kernels do: then σ(l) is exactly 0 or 1 and
     * log(1 + e^−|l|) is 0, which keeps the gradient σ(l)/B out of the subnormal range.
     */
    private static boolean saturated(float l) {
        return Math.abs(l) > Subnormals.NEGLIGIBLE_EXPONENT;
    }
}
