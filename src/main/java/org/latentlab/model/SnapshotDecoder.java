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
        this.buffers = new BatchBuffers<>(rows -> new DecodingChain(priorMean, layers, rows,
                weights.conditionClasses()));
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
        int latentSize = weights.latentSize();
        if (latents.length < count * latentSize) {
            throw new IllegalArgumentException(count + " latent points need " + count * latentSize
                    + " values, got " + latents.length);
        }
        if (weights.conditional() && (labels == null || labels.length < count)) {
            throw new IllegalArgumentException("a conditional decoder draws a class: " + count
                    + " latent points need as many labels");
        }
        PixelNoise noise = output.sample() ? new PixelNoise(weights.pixelStds(), output.seed()) : null;
        float[] out = new float[count * weights.outputSize()];
        BatchBuffers.forEachChunk(count,
                (start, rows) -> buffers.forRows(rows).decode(latents, labels, start, weights.likelihood(), noise, out));
        return out;
    }
}
