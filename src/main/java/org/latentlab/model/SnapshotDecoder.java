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
    private final INDArray parameters;
    private final List<DenseLayer> layers;
    private final BatchBuffers<Chain> buffers;

    public SnapshotDecoder(DecoderWeights weights) {
        this.weights = weights;
        float[] values = weights.parameters();
        this.parameters = Nd4j.createFromArray(values).reshape(1, values.length);
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
        int latentSize = weights.latentSize();
        if (latents.length < count * latentSize) {
            throw new IllegalArgumentException(count + " latent points need " + count * latentSize
                    + " values, got " + latents.length);
        }
        int outputSize = weights.outputSize();
        float[] out = new float[count * outputSize];
        for (int start = 0; start < count; start += BatchBuffers.MAX_ROWS) {
            int rows = Math.min(BatchBuffers.MAX_ROWS, count - start);
            Chain chain = buffers.forRows(rows);
            chain.z.putRows(latents, start * latentSize, rows, latentSize, latentSize + 1);
            for (LayerPass layer : chain.layers) {
                layer.forward();
            }
            NativeFloats images = chain.layers.get(chain.layers.size() - 1).output;
            TrainingKernels.LIKELIHOOD.meanImage(weights.likelihood(), images, 0, rows * outputSize);
            images.copyTo(0, out, start * outputSize, rows * outputSize);
        }
        return out;
    }

    /** The decoder bound to one batch height: z̃ = [z, 1] and the layers' forward passes. */
    private final class Chain {
        final NativeFloats z;
        final List<LayerPass> layers;

        Chain(int rows) {
            this.z = NativeFloats.augmentedMatrix(rows, weights.latentSize());
            this.layers = LayerPass.chain(SnapshotDecoder.this.layers, z, null, false);
        }
    }
}
