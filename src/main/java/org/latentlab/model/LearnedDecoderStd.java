package org.latentlab.model;

/**
 * A Gaussian decoder's learned standard deviation: one value of s = log σ shared by every pixel,
 * or one per pixel, kept in the network's flat parameters (so Adam trains it and the run file
 * saves it) and started at log of the configured σ. Why log σ: see docs/decisions/0081.
 *
 * <pre>
 *   per pixel and image   −log p(x|z) = ½ (x − m)² e^(−2s) + s + ½ log 2π
 *   with k = wRec / B:    ∂L/∂m = k (m − x) e^(−2s)
 *                         ∂L/∂s = k Σ (1 − (x − m)² e^(−2s))      (over the batch's images, and its pixels if shared)
 * </pre>
 *
 * <p>For fixed means the loss is smallest where e^(2s) is the mean of (x − m)²: the learned σ
 * goes to the root mean square of the residuals. After each step σ is kept at
 * {@link DecoderVariance#SMALLEST_LEARNED_STD} or above. Confined to the thread that owns the network.
 */
final class LearnedDecoderStd {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final float SMALLEST_LOG_STD = (float) Math.log(DecoderVariance.SMALLEST_LEARNED_STD);

    private final int count;
    private final NativeFloats logStd;
    private final NativeFloats gradient;
    /** Per column k·e^(−2s) for the kernel, and each column's Σ (x − m)²: reused from batch to batch. */
    private final float[] columnScales;
    private final float[] columnSums;

    /** Lays out the log σ values the configuration asks for as the next parameters of {@code parameters}. */
    LearnedDecoderStd(FlatParameters parameters, ModelConfig config) {
        this.count = config.decoderStdParameters();
        if (count == 0) {
            throw new IllegalArgumentException("a decoder of fixed σ learns no σ");
        }
        int offset = parameters.values(count, (float) Math.log(config.decoderStd()));
        this.logStd = parameters.parameterView(offset, count);
        this.gradient = parameters.gradientView(offset, count);
        this.columnScales = new float[count];
        this.columnSums = new float[count];
    }

    /**
     * −log p(x|m) summed over a batch, in nats; with {@code gradientOfMeans}, also writes
     * k·∂(−log p)/∂m there and k·∂(−log p)/∂s into the gradient of log σ, k = {@code scale}.
     *
     * @param means   the decoder's outputs, {@code rows × width}
     * @param targets the images, rows {@code targetStride} apart
     */
    double negativeLogLikelihood(NativeFloats means, NativeFloats targets, int targetStride,
            NativeFloats gradientOfMeans, float scale, int rows, int width) {
        if (count == 1) {
            float s = logStd.get(0);
            float inverseVariance = (float) Math.exp(-2.0 * s);
            double squares = TrainingKernels.LIKELIHOOD.squaredResiduals(means, targets, targetStride, gradientOfMeans,
                    scale * inverseVariance, rows, width);
            if (gradientOfMeans != null) {
                gradient.put(0, flushed(scale * ((double) rows * width - inverseVariance * squares)));
            }
            return 0.5 * inverseVariance * squares + (double) rows * width * (s + HALF_LOG_TWO_PI);
        }
        for (int c = 0; c < width; c++) {
            columnScales[c] = (float) (scale * Math.exp(-2.0 * logStd.get(c)));
        }
        TrainingKernels.LIKELIHOOD.squaredResidualsByColumn(means, targets, targetStride, gradientOfMeans, columnScales,
                columnSums, rows, width);
        double total = 0;
        for (int c = 0; c < width; c++) {
            float s = logStd.get(c);
            double inverseVariance = Math.exp(-2.0 * s);
            total += 0.5 * inverseVariance * columnSums[c] + rows * (s + HALF_LOG_TWO_PI);
            if (gradientOfMeans != null) {
                gradient.put(c, flushed(scale * (rows - inverseVariance * columnSums[c])));
            }
        }
        return total;
    }

    /** Puts every log σ below log(1/255) back there: after an optimizer step. */
    void keepAboveSmallest() {
        for (int i = 0; i < count; i++) {
            if (logStd.get(i) < SMALLEST_LOG_STD) {
                logStd.put(i, SMALLEST_LOG_STD);
            }
        }
    }

    private static float flushed(double value) {
        return Math.abs(value) < Float.MIN_NORMAL ? 0f : (float) value;
    }

    /** σ = e^s, one value or one per pixel. */
    float[] stds() {
        float[] stds = new float[count];
        for (int i = 0; i < count; i++) {
            stds[i] = (float) Math.exp(logStd.get(i));
        }
        return stds;
    }

    /** The current σ, summarised. */
    DecoderStd summary() {
        return DecoderStd.of(stds());
    }
}
