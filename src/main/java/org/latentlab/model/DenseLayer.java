package org.latentlab.model;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One fully connected layer, y = f(x·W + b), whose W and b are views into a network's flat
 * parameter array (and dW, db into its flat gradient array), so that the optimizer and
 * save/restore see one vector.
 *
 * <p>Activations are row-major {@code rows × width} arrays owned by the caller. The multiplies go
 * to BLAS through {@link Nd4j#gemm}; the bias, the nonlinearity and their derivatives are one fused
 * pass over the array's memory. Confined to the thread that owns the network.
 */
final class DenseLayer {

    final int inputs;
    final int outputs;
    private final Activation activation;
    private final INDArray weights;
    private final FloatBuffer parameters;
    private final long biasOffset;
    private final INDArray weightGradient;
    private final FloatBuffer gradients;
    private final long biasGradientOffset;

    /**
     * @param activation the nonlinearity, or {@code null} for a linear layer
     * @param gradients  the flat gradient array laid out like {@code parameters}, or {@code null}
     *                   for a layer that is only ever run forward
     */
    DenseLayer(INDArray parameters, INDArray gradients, long offset, int inputs, int outputs, Activation activation) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.weights = matrixView(parameters, offset, inputs, outputs);
        this.parameters = floats(parameters);
        this.biasOffset = offset + (long) inputs * outputs;
        this.weightGradient = gradients == null ? null : matrixView(gradients, offset, inputs, outputs);
        this.gradients = gradients == null ? null : floats(gradients);
        this.biasGradientOffset = gradients == null ? -1 : offset + (long) inputs * outputs;
    }

    /** How many parameters a layer of this shape takes: the weights, then the biases. */
    static long parameterCount(int inputs, int outputs) {
        return (long) inputs * outputs + outputs;
    }

    /** output = f(input · W + b). */
    void forward(INDArray input, INDArray output) {
        Nd4j.gemm(input, weights, output, false, false, 1.0, 0.0);
        FloatBuffer y = floats(output);
        int rows = (int) output.rows();
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < outputs; c++, i++) {
                float a = y.get(i) + parameters.get((int) biasOffset + c);
                y.put(i, activation == null ? a : activation.apply(a));
            }
        }
    }

    /**
     * Back-propagates through the layer. On entry {@code outputGradient} holds ∂L/∂y; it is turned
     * in place into ∂L/∂a (a = x·W + b) using the stored outputs y. Writes ∂L/∂W and ∂L/∂b into the
     * gradient array and, if {@code inputGradient} is not null, ∂L/∂x into it (added to what is
     * there when {@code accumulate}).
     */
    void backward(INDArray input, INDArray output, INDArray outputGradient, INDArray inputGradient, boolean accumulate) {
        FloatBuffer dy = floats(outputGradient);
        int rows = (int) outputGradient.rows();
        if (activation != null) {
            FloatBuffer y = floats(output);
            for (int i = 0, n = rows * outputs; i < n; i++) {
                dy.put(i, dy.get(i) * activation.derivativeFromOutput(y.get(i)));
            }
        }
        Nd4j.gemm(input, outputGradient, weightGradient, true, false, 1.0, 0.0);
        for (int c = 0; c < outputs; c++) {
            float sum = 0f;
            for (int r = 0; r < rows; r++) {
                sum += dy.get(r * outputs + c);
            }
            gradients.put((int) biasGradientOffset + c, sum);
        }
        if (inputGradient != null) {
            Nd4j.gemm(outputGradient, weights, inputGradient, false, true, 1.0, accumulate ? 1.0 : 0.0);
        }
    }

    /** The layer's weights and biases as a copy, laid out as in the flat parameter array. */
    float[] copyParameters() {
        float[] out = new float[(int) parameterCount(inputs, outputs)];
        float[] w = weights.dup().data().asFloat();
        System.arraycopy(w, 0, out, 0, w.length);
        for (int c = 0; c < outputs; c++) {
            out[w.length + c] = parameters.get((int) biasOffset + c);
        }
        return out;
    }

    private static INDArray matrixView(INDArray flat, long offset, int rows, int columns) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + (long) rows * columns))
                .reshape('c', rows, columns);
    }

    /**
     * The memory behind an array as floats, indexed from the array's first element. The caller must keep the array reachable while using it:
     * the buffer alone does not keep the native memory alive.
     */
    static FloatBuffer floats(INDArray array) {
        FloatBuffer all = array.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        if (array.offset() == 0) {
            return all;
        }
        return all.position((int) array.offset()).slice();
    }
}
