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

    private final DecoderWeights weights;
    private final INDArray parameters;
    private final List<DenseLayer> layers;
    private final BatchBuffers<Chain> buffers;
    /** The images that {@link #logLikelihoods} scores against, made on first use. */
    private RowViews targets;

    public SnapshotDecoder(DecoderWeights weights) {
        this.weights = weights;
        this.parameters = Nd4j.createFromArray(weights.parameters()).reshape(1, weights.parameters().length);
        this.layers = DenseAutoencoder.layers(parameters, null, weights.widths(), 0, weights.activation(), null);
        this.buffers = new BatchBuffers<>(Chain::new);
    }

    public DecoderWeights weights() {
        return weights;
    }

    /**
     * The decoder's mean image for each latent point: Bernoulli probabilities, or Gaussian means
     * clipped to the displayable [0, 1].
     *
     * @param latents {@code count × latentSize}, row-major
     * @return {@code count × outputSize}, row-major
     */
    public float[] decode(float[] latents, int count) {
        checkLatents(latents, count);
        int outputSize = weights.outputSize();
        float[] out = new float[count * outputSize];
        for (int start = 0; start < count; start += BatchBuffers.MAX_ROWS) {
            int rows = Math.min(BatchBuffers.MAX_ROWS, count - start);
            NativeFloats images = forward(latents, start, rows).output();
            TrainingKernels.LIKELIHOOD.meanImage(weights.likelihood(), images, 0, rows * outputSize);
            images.copyTo(0, out, start * outputSize, rows * outputSize);
        }
        return out;
    }

    /**
     * log p(x|z) in nats for many latent points, point r scored against image r / rowsPerImage:
     * the decoder's likelihood summed over the pixels, the same formula as the training loss's
     * reconstruction term (Bernoulli: minus the binary cross-entropy; Gaussian: the log density
     * with σ = {@link DecoderWeights#decoderStd()}, its constant included).
     *
     * @param latents      {@code count × latentSize}, row-major, count = number of images × rowsPerImage
     * @param images       the images, {@code outputSize} intensities each, one after another
     * @param rowsPerImage how many consecutive latent points belong to each image
     * @return {@code count} log-likelihoods
     */
    public double[] logLikelihoods(float[] latents, float[] images, int rowsPerImage) {
        int n = weights.outputSize();
        if (rowsPerImage < 1 || images.length == 0 || images.length % n != 0) {
            throw new IllegalArgumentException("need whole images of " + n + " pixels and at least one point per"
                    + " image, got " + images.length + " values and " + rowsPerImage + " points per image");
        }
        int count = images.length / n * rowsPerImage;
        checkLatents(latents, count);
        if (targets == null) {
            targets = new RowViews(NativeFloats.matrix(BatchBuffers.MAX_ROWS, n), BatchBuffers.MAX_ROWS, n);
        }
        double[] out = new double[count];
        for (int start = 0; start < count; start += BatchBuffers.MAX_ROWS) {
            int rows = Math.min(BatchBuffers.MAX_ROWS, count - start);
            int firstImage = start / rowsPerImage;
            int lastImage = (start + rows - 1) / rowsPerImage;
            targets.all.copyFrom(images, firstImage * n, 0, (lastImage - firstImage + 1) * n);
            Chain chain = forward(latents, start, rows);
            for (int r = 0; r < rows; r++) {
                out[start + r] = -TrainingKernels.LIKELIHOOD.negativeLogLikelihood(weights.likelihood(),
                        weights.decoderStd(), chain.outputRows.row(r), targets.row((start + r) / rowsPerImage - firstImage),
                        0, null, 0f, 1, n);
            }
        }
        return out;
    }

    /**
     * Decodes {@code count} latent points once, so that images can then be scored against all of
     * them cheaply ({@link DecodedPoints}).
     */
    public DecodedPoints decodePoints(float[] latents, int count) {
        checkLatents(latents, count);
        int n = weights.outputSize();
        NativeFloats outputs = NativeFloats.matrix(count, n);
        NativeFloats zeros = NativeFloats.matrix(1, n);
        double[] pointTerms = new double[count];
        float[] chunk = new float[BatchBuffers.MAX_ROWS * n];
        for (int start = 0; start < count; start += BatchBuffers.MAX_ROWS) {
            int rows = Math.min(BatchBuffers.MAX_ROWS, count - start);
            Chain chain = forward(latents, start, rows);
            chain.output().copyTo(0, chunk, 0, rows * n);
            outputs.copyFrom(chunk, 0, start * n, rows * n);
            for (int r = 0; r < rows; r++) {
                // Scored against a black image, the kernel gives Σ softplus(l), or ‖m‖²/2σ² + the constant.
                pointTerms[start + r] = -TrainingKernels.LIKELIHOOD.negativeLogLikelihood(weights.likelihood(),
                        weights.decoderStd(), chain.outputRows.row(r), zeros, 0, null, 0f, 1, n);
            }
        }
        return new DecodedPoints(weights, outputs, pointTerms);
    }

    private void checkLatents(float[] latents, int count) {
        int latentSize = weights.latentSize();
        if (latents.length < count * latentSize) {
            throw new IllegalArgumentException(count + " latent points need " + count * latentSize
                    + " values, got " + latents.length);
        }
    }

    /** Runs the decoder over {@code rows} latent points from point {@code start}; the outputs are in the chain. */
    private Chain forward(float[] latents, int start, int rows) {
        int latentSize = weights.latentSize();
        Chain chain = buffers.forRows(rows);
        chain.z.putRows(latents, start * latentSize, rows, latentSize, latentSize + 1);
        for (LayerPass layer : chain.layers) {
            layer.forward();
        }
        return chain;
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

    /** The decoder bound to one batch height: z̃ = [z, 1], the layers' forward passes and their outputs. */
    private final class Chain {
        final NativeFloats z;
        final List<LayerPass> layers;
        /** The last layer's outputs (logits or means), row by row. */
        final RowViews outputRows;

        Chain(int rows) {
            this.z = NativeFloats.augmentedMatrix(rows, weights.latentSize());
            this.layers = LayerPass.chain(SnapshotDecoder.this.layers, z, null, false);
            this.outputRows = new RowViews(output(), rows, weights.outputSize());
        }

        NativeFloats output() {
            return layers.get(layers.size() - 1).output;
        }
    }
}
