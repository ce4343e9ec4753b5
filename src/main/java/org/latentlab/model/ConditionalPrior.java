package org.latentlab.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a copy of a hierarchical VAE's conditional prior p(z₁|z₂) forward, through the same layer
 * code and bound multiplies as training: for each top-level point z₂, the mean m and log-variance v
 * of the Gaussian over z₁. Confined to its creating thread (it reuses its buffers between calls).
 */
public final class ConditionalPrior {

    static {
        NativeBackend.load(); // chooses OpenBLAS's kernels and threads before ND4J first loads
    }

    private final ConditionalPriorWeights weights;
    /** Keeps the weights' native memory alive as long as the layers that view it. */
    private final INDArray parameters;
    private final List<DenseLayer> meanPath;
    private final DenseLayer logVarianceHead;
    private final BatchBuffers<Pass> buffers = new BatchBuffers<>(Pass::new);

    public ConditionalPrior(ConditionalPriorWeights weights) {
        this.weights = weights;
        float[] values = weights.parameters();
        this.parameters = Nd4j.createFromArray(values).reshape(1, values.length);
        this.meanPath = DenseLayer.chain(parameters, null, weights.meanWidths(), 0, weights.activation(), null);
        long headOffset = values.length - DenseLayer.parameterCount(weights.hiddenSize(), weights.lowerLatentSize());
        this.logVarianceHead = new DenseLayer(parameters, null, headOffset, weights.hiddenSize(),
                weights.lowerLatentSize(), null);
    }

    public ConditionalPriorWeights weights() {
        return weights;
    }

    /**
     * m(z₂) and v(z₂) for {@code count} top-level points, as an {@link Encoding} of z₁'s size
     * (its means are m, its log-variances v).
     *
     * @param upperLatents {@code count × upperLatentSize}, row-major
     */
    public Encoding at(float[] upperLatents, int count) {
        int d1 = weights.lowerLatentSize();
        int d2 = weights.upperLatentSize();
        if (upperLatents.length < count * d2) {
            throw new IllegalArgumentException(count + " top-level points need " + count * d2 + " values, got "
                    + upperLatents.length);
        }
        float[] means = new float[count * d1];
        float[] logVariances = new float[count * d1];
        BatchBuffers.forEachChunk(count, (start, rows) -> {
            Pass pass = buffers.forRows(rows);
            pass.input.putRows(upperLatents, start * d2, rows, d2, d2 + 1);
            for (LayerPass layer : pass.mean) {
                layer.forward();
            }
            pass.logVariance.forward();
            pass.mean.get(1).output.copyTo(0, means, start * d1, rows * d1);
            pass.logVariance.output.copyTo(0, logVariances, start * d1, rows * d1);
        });
        return new Encoding(means, logVariances, count, d1);
    }

    /** The arrays and bound multiplies for {@code rows} points. */
    private final class Pass {
        final NativeFloats input;
        final List<LayerPass> mean;
        final LayerPass logVariance;

        Pass(int rows) {
            this.input = NativeFloats.augmentedMatrix(rows, weights.upperLatentSize());
            this.mean = LayerPass.chain(meanPath, input, null, false);
            this.logVariance = new LayerPass(logVarianceHead, mean.get(0).output, null, false, false);
        }
    }
}
