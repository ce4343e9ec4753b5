package org.latentlab.model;

import java.util.ArrayList;
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
    private final List<DenseLayer> layers = new ArrayList<>();
    private final BatchBuffers<List<INDArray>> buffers;

    public SnapshotDecoder(DecoderWeights weights) {
        this.weights = weights;
        this.parameters = Nd4j.createFromArray(weights.parameters()).reshape(1, weights.parameters().length);
        List<Integer> widths = weights.widths();
        long offset = 0;
        for (int i = 0; i + 1 < widths.size(); i++) {
            boolean last = i + 2 == widths.size();
            layers.add(new DenseLayer(parameters, null, offset, widths.get(i), widths.get(i + 1),
                    last ? null : weights.activation()));
            offset += DenseLayer.parameterCount(widths.get(i), widths.get(i + 1));
        }
        this.buffers = new BatchBuffers<>(rows -> BatchBuffers.matrices(rows, widths));
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
            List<INDArray> acts = buffers.forRows(rows);
            fill(acts.get(0), latents, start * latentSize, rows * latentSize);
            for (int i = 0; i < layers.size(); i++) {
                layers.get(i).forward(acts.get(i), acts.get(i + 1));
            }
            INDArray logits = acts.get(layers.size());
            DenseLayer.floats(logits).get(out, start * outputSize, rows * outputSize);
            PixelLikelihood.toMeanImage(weights.likelihood(), out, start * outputSize, rows * outputSize);
        }
        return out;
    }

    static void fill(INDArray target, float[] source, int from, int length) {
        DenseLayer.floats(target).put(source, from, length);
    }
}
