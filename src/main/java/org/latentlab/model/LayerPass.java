package org.latentlab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DenseLayer} bound to a batch of fixed height: the arrays it reads and writes and its
 * three multiplies, made once and re-run every step, so a step allocates nothing.
 *
 * <pre>
 *   forward    a = x̃·W̃                 (x̃ = [x, 1]: the bias comes with the multiply)
 *              y = f(a), stored as ỹ = [y, 1] for the next layer; a linear layer's y is a itself
 *   backward   ∂L/∂a = ∂L/∂y ⊙ f'(a)     (in place, f' from y)
 *              ∂L/∂x = ∂L/∂a · Wᵀ          (into the previous layer's output gradient, or added to it)
 *              ∂L/∂W̃ = x̃ᵀ · ∂L/∂a         (straight into the flat gradient array: ∂L/∂W and ∂L/∂b)
 * </pre>
 *
 * <p>Confined to the thread that owns the network.
 */
final class LayerPass {

    final DenseLayer layer;
    final int rows;
    /** x̃, {@code rows × (inputs + 1)} with ones in the last column; owned by whoever fills it. */
    final NativeFloats input;
    /** a = x̃·W̃, {@code rows × outputs}. */
    final NativeFloats preActivation;
    /** ỹ = [f(a), 1], {@code rows × (outputs + 1)}, for a hidden layer; a itself for a linear one. */
    final NativeFloats output;
    /** ∂L/∂y on entry to {@link #backward}, ∂L/∂a after; {@code null} when built without gradients. */
    final NativeFloats outputGradient;
    private final MatrixMultiply forward;
    private final MatrixMultiply weightGradient;
    private final MatrixMultiply inputGradient;

    /**
     * @param input                   x̃ for this layer
     * @param inputGradient           where ∂L/∂x goes ({@code rows × inputs}), or {@code null} when nobody needs it;
     *                                when narrower than the inputs, ∂L/∂x of the first inputs alone (a conditional
     *                                VAE's z, whose class inputs need no gradient)
     * @param accumulateInputGradient add ∂L/∂x to what is there instead of overwriting it
     * @param withGradients           also bind the backward pass
     */
    LayerPass(DenseLayer layer, NativeFloats input, NativeFloats inputGradient, boolean accumulateInputGradient,
            boolean withGradients) {
        this.layer = layer;
        this.rows = input.array.rows();
        this.input = input;
        this.preActivation = NativeFloats.matrix(rows, layer.outputs);
        this.output = layer.activation == null ? preActivation : NativeFloats.augmentedMatrix(rows, layer.outputs);
        this.forward = new MatrixMultiply(input.array, false, layer.augmentedWeights, false, preActivation.array, false);
        if (withGradients) {
            this.outputGradient = NativeFloats.matrix(rows, layer.outputs);
            this.weightGradient = new MatrixMultiply(input.array, true, outputGradient.array, false,
                    layer.augmentedWeightGradient, false);
            this.inputGradient = inputGradient == null ? null
                    : new MatrixMultiply(outputGradient.array, false,
                            layer.leadingWeights((int) inputGradient.array.columns()), true, inputGradient.array,
                            accumulateInputGradient);
        } else {
            this.outputGradient = null;
            this.weightGradient = null;
            this.inputGradient = null;
        }
    }

    /**
     * Binds a chain of layers, each reading the previous one's output; the first reads
     * {@code input} and sends its input gradient to {@code inputGradient} (if not {@code null}).
     */
    static List<LayerPass> chain(List<DenseLayer> layers, NativeFloats input, NativeFloats inputGradient,
            boolean withGradients) {
        List<LayerPass> passes = new ArrayList<>(layers.size());
        NativeFloats x = input;
        NativeFloats dx = inputGradient;
        for (DenseLayer layer : layers) {
            LayerPass pass = new LayerPass(layer, x, dx, false, withGradients);
            passes.add(pass);
            x = pass.output;
            dx = pass.outputGradient;
        }
        return passes;
    }

    void forward() {
        forward.run();
        if (layer.activation != null) {
            TrainingKernels.ACTIVATION.forward(layer.activation, preActivation, output, rows, layer.outputs,
                    layer.outputs + 1);
        }
    }

    /** Only the multiplies of {@link #forward} and {@link #backward}: for measuring their share of a step. */
    void multipliesOnly() {
        forward.run();
        if (inputGradient != null) {
            inputGradient.run();
        }
        weightGradient.run();
    }

    void backward() {
        if (layer.activation != null) {
            TrainingKernels.ACTIVATION.backward(layer.activation, outputGradient, output, rows, layer.outputs,
                    layer.outputs + 1);
        }
        if (inputGradient != null) {
            inputGradient.run();
        }
        weightGradient.run();
    }
}
