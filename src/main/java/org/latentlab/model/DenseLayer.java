package org.latentlab.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One fully connected layer, y = f(x·W + b), whose weights W and biases b are views into a
 * network's flat parameter array (and ∂L/∂W, ∂L/∂b into its flat gradient array), so that the
 * optimizer and save/restore see one vector.
 *
 * <p>The flat layout stores W ({@code inputs × outputs}, row-major) followed by b, which is the
 * augmented matrix W̃ = [W; bᵀ] of {@code (inputs + 1) × outputs}: with inputs augmented by a
 * column of ones, x̃ = [x, 1], one multiply gives x̃·W̃ = x·W + b, and x̃ᵀ·∂L/∂a gives ∂L/∂W and
 * ∂L/∂b together. {@link LayerPass} runs the layer over a batch. Confined to the thread that owns
 * the network.
 */
final class DenseLayer {

    static {
        NativeBackend.load(); // chooses OpenBLAS's kernels and threads before ND4J first loads
    }

    final int inputs;
    final int outputs;
    /** The nonlinearity, or {@code null} for a linear layer (the latent heads and the decoder's output). */
    final Activation activation;
    /** W̃ = [W; bᵀ], {@code (inputs + 1) × outputs}. */
    final INDArray augmentedWeights;
    /** W alone, the first {@code inputs} rows of W̃. */
    final INDArray weights;
    /** ∂L/∂W̃ in the gradient array, or {@code null} for a layer that only ever runs forward. */
    final INDArray augmentedWeightGradient;
    private final INDArray flatParameters;
    private final long offset;

    /**
     * @param gradients the flat gradient array laid out like {@code parameters}, or {@code null}
     */
    DenseLayer(INDArray parameters, INDArray gradients, long offset, int inputs, int outputs, Activation activation) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.augmentedWeights = matrixView(parameters, offset, inputs + 1, outputs);
        this.weights = matrixView(parameters, offset, inputs, outputs);
        this.augmentedWeightGradient = gradients == null ? null : matrixView(gradients, offset, inputs + 1, outputs);
        this.flatParameters = parameters;
        this.offset = offset;
    }

    /**
     * The weights of the first {@code rows} inputs alone, the first rows of W: for the gradient with
     * respect to those inputs only (a conditional VAE's z, beside the class inputs that need none).
     */
    INDArray leadingWeights(int rows) {
        if (rows < 1 || rows > inputs) {
            throw new IllegalArgumentException("the first " + rows + " of " + inputs + " inputs");
        }
        return rows == inputs ? weights : matrixView(flatParameters, offset, rows, outputs);
    }

    /** How many parameters a layer of this shape takes: the weights, then the biases. */
    static long parameterCount(int inputs, int outputs) {
        return (long) (inputs + 1) * outputs;
    }

    /**
     * Dense layers of the given widths laid out one after another from {@code offset}: all with
     * the {@code hidden} activation but the last, which has {@code last} ({@code null}: linear).
     *
     * @param gradients the flat gradient array laid out like {@code parameters}, or {@code null}
     */
    static List<DenseLayer> chain(INDArray parameters, INDArray gradients, List<Integer> widths, long offset,
            Activation hidden, Activation last) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int i = 0; i + 1 < widths.size(); i++) {
            Activation activation = i + 2 == widths.size() ? last : hidden;
            layers.add(new DenseLayer(parameters, gradients, offset, widths.get(i), widths.get(i + 1), activation));
            offset += parameterCount(widths.get(i), widths.get(i + 1));
        }
        return layers;
    }

    private static INDArray matrixView(INDArray flat, long offset, int rows, int columns) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + (long) rows * columns))
                .reshape('c', rows, columns);
    }
}
