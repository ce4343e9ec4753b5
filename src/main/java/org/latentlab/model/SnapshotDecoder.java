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

    public SnapshotDecoder(DecoderWeights weights) {
        this.weights = weights;
        this.parameters = flat(weights.parameters());
        this.priorMeanParameters = flat(weights.priorMeanParameters());
        List<DenseLayer> layers = DenseLayer.chain(parameters, null, weights.widths(), 0, weights.activation(), null);
        List<DenseLayer> priorMean = weights.twoStage()
                ? DenseLayer.chain(priorMeanParameters, null, weights.priorMeanWidths(), 0, weights.activation(), null)
                : List.of();
        this.buffers = new BatchBuffers<>(rows -> new DecodingChain(priorMean, layers, rows));
    }

    private static INDArray flat(float[] values) {
        return values.length == 0 ? null : Nd4j.createFromArray(values).reshape(1, values.length);
    }

    public DecoderWeights weights() {
        return weights;
    }

    /**
     * The decoder's mean image for each latent point: Bernoulli probabilities, or Gaussian means
     * clipped to the displayable [0, 1]. A hierarchical VAE's points are z₂, decoded through the
     * mean of p(z₁|z₂).
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
        float[] out = new float[count * weights.outputSize()];
        BatchBuffers.forEachChunk(count,
                (start, rows) -> buffers.forRows(rows).decode(latents, start, weights.likelihood(), out));
        return out;
    }
}
