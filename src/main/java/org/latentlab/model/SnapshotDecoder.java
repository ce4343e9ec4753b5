package org.latentlab.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Decodes latent points with a copy of a decoder, on whichever thread creates it: the same layer
 * code as training, run forward over weights that nobody is updating. Confined to its creating
 * thread (it reuses its buffers between calls).
 */
public final class SnapshotDecoder {

    static {
        NativeBackend.load(); // chooses OpenBLAS's kernels and threads before ND4J first loads
    }

    private final DecoderWeights weights;
    /** Keep the weights' native memory alive as long as the layers that view it. */
    private final INDArray parameters;
    private final INDArray priorMeanParameters;
    private final BatchBuffers<DecodingChain> buffers;
    private final PixelLikelihood pixelLikelihood;
    /** The images that {@link #logLikelihoods} scores against, made on first use. */
    private RowViews targets;
    /** Views of the rows of the last decoder output scored, reused while the same output comes back. */
    private RowViews outputRows;

    public SnapshotDecoder(DecoderWeights weights) {
        this.weights = weights;
        this.parameters = flat(weights.parameters());
        this.priorMeanParameters = flat(weights.priorMeanParameters());
        List<DenseLayer> layers = DenseLayer.chain(parameters, null, weights.widths(), 0, weights.activation(), null);
        List<DenseLayer> priorMean = weights.twoStage()
                ? DenseLayer.chain(priorMeanParameters, null, weights.priorMeanWidths(), 0, weights.activation(), null)
                : List.of();
        this.buffers = new BatchBuffers<>(rows -> new DecodingChain(priorMean, layers, rows,
                weights.conditionClasses()));
        this.pixelLikelihood = new PixelLikelihood(weights);
    }

    private static INDArray flat(float[] values) {
        return values.length == 0 ? null : Nd4j.createFromArray(values).reshape(1, values.length);
    }

    public DecoderWeights weights() {
        return weights;
    }

    /**
     * The decoder's mean image for each latent point of an unconditional decoder: Bernoulli
     * probabilities, or Gaussian means clipped to the displayable [0, 1]. A hierarchical VAE's
     * points are z₂, decoded through the mean of p(z₁|z₂).
     *
     * @param latents {@code count × latentSize}, row-major
     * @return {@code count × outputSize}, row-major
     */
    public float[] decode(float[] latents, int count) {
        return decode(latents, null, count, DecoderOutput.MEAN);
    }

    /**
     * The mean image of p(x|z), or a sample of it, for each latent point and, for a conditional
     * decoder, its class: {@code labels[i]} is point i's class (a conditional VAE's decoder draws
     * that class in the style that z gives).
     *
     * @param labels one class per point for a conditional decoder; ignored (may be {@code null}) otherwise
     * @return {@code count × outputSize}, row-major, intensities in [0, 1]
     * @throws IllegalArgumentException if a conditional decoder gets no labels, or a label outside its classes
     */
    public float[] decode(float[] latents, int[] labels, int count, DecoderOutput output) {
        checkInputs(latents, labels, count);
        PixelNoise noise = output.sample() ? new PixelNoise(weights.pixelStds(), output.seed()) : null;
        float[] out = new float[count * weights.outputSize()];
        BatchBuffers.forEachChunk(count,
                (start, rows) -> buffers.forRows(rows).decode(latents, labels, start, weights.likelihood(), noise, out));
        return out;
    }

    /**
     * log p(x|z) in nats for many latent points, point r scored against image r / rowsPerImage:
     * the decoder's likelihood summed over the pixels, the same formula as the training loss's
     * reconstruction term (Bernoulli: minus the binary cross-entropy; Gaussian: the log density
     * with the decoder's σ, shared or per pixel, its constant included). A conditional decoder's
     * class is fixed first ({@link DecoderWeights#forClass}).
     *
     * @param latents      {@code count × latentSize}, row-major, count = number of images × rowsPerImage
     * @param images       the images, {@code outputSize} intensities each, one after another
     * @param rowsPerImage how many consecutive latent points belong to each image
     * @return {@code count} log-likelihoods
     * @throws IllegalArgumentException for a conditional decoder, or a hierarchical VAE's two-stage
     *                                  one, whose points are z₂: decoding the mean of p(z₁|z₂) does not give p(x|z₂)
     */
    public double[] logLikelihoods(float[] latents, float[] images, int rowsPerImage) {
        int n = weights.outputSize();
        if (rowsPerImage < 1 || images.length == 0 || images.length % n != 0) {
            throw new IllegalArgumentException("need whole images of " + n + " pixels and at least one point per"
                    + " image, got " + images.length + " values and " + rowsPerImage + " points per image");
        }
        int count = images.length / n * rowsPerImage;
        checkScorable(latents, count);
        if (targets == null) {
            targets = new RowViews(NativeFloats.matrix(BatchBuffers.MAX_ROWS, n), BatchBuffers.MAX_ROWS, n);
        }
        float[] scratch = new float[n];
        double[] out = new double[count];
        BatchBuffers.forEachChunk(count, (start, rows) -> {
            int firstImage = start / rowsPerImage;
            int lastImage = (start + rows - 1) / rowsPerImage;
            targets.all.copyFrom(images, firstImage * n, 0, (lastImage - firstImage + 1) * n);
            RowViews outputs = outputRows(buffers.forRows(rows).forward(latents, null, start), rows);
            for (int r = 0; r < rows; r++) {
                out[start + r] = pixelLikelihood.logLikelihood(outputs.row(r),
                        targets.row((start + r) / rowsPerImage - firstImage), scratch);
            }
        });
        return out;
    }

    /**
     * Decodes {@code count} latent points once, so that images can then be scored against all of
     * them cheaply ({@link DecodedPoints}); not for a conditional or two-stage decoder, as above.
     */
    public DecodedPoints decodePoints(float[] latents, int count) {
        checkScorable(latents, count);
        int n = weights.outputSize();
        NativeFloats outputs = NativeFloats.matrix(count, n);
        float[] chunk = new float[BatchBuffers.MAX_ROWS * n];
        BatchBuffers.forEachChunk(count, (start, rows) -> {
            buffers.forRows(rows).forward(latents, null, start).copyTo(0, chunk, 0, rows * n);
            outputs.copyFrom(chunk, 0, start * n, rows * n);
        });
        return new DecodedPoints(weights.likelihood(), pixelLikelihood, n, outputs, count);
    }

    private void checkScorable(float[] latents, int count) {
        if (weights.twoStage()) {
            throw new IllegalArgumentException("a hierarchical VAE's decoder cannot score log p(x|z) from its top-level"
                    + " points alone: p(x|z₂) is an integral over z₁");
        }
        if (weights.conditional()) {
            throw new IllegalArgumentException("a conditional decoder scores an image with its class: fix the class"
                    + " first (DecoderWeights.forClass)");
        }
        checkInputs(latents, null, count);
    }

    private void checkInputs(float[] latents, int[] labels, int count) {
        int latentSize = weights.latentSize();
        if (latents.length < count * latentSize) {
            throw new IllegalArgumentException(count + " latent points need " + count * latentSize
                    + " values, got " + latents.length);
        }
        if (weights.conditional() && (labels == null || labels.length < count)) {
            throw new IllegalArgumentException("a conditional decoder draws a class: " + count
                    + " latent points need as many labels");
        }
    }

    private RowViews outputRows(NativeFloats output, int rows) {
        if (outputRows == null || outputRows.all != output) {
            outputRows = new RowViews(output, rows, weights.outputSize());
        }
        return outputRows;
    }

    /** A matrix and a view of each of its rows, made once so that scoring a row allocates nothing. */
    private static final class RowViews {
        final NativeFloats all;
        private final NativeFloats[] rows;

        RowViews(NativeFloats all, int count, int width) {
            this.all = all;
            this.rows = new NativeFloats[count];
            for (int r = 0; r < count; r++) {
                rows[r] = all.from(r * width);
            }
        }

        NativeFloats row(int r) {
            return rows[r];
        }
    }
}
