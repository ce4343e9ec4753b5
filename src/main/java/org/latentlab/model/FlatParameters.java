package org.latentlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's weights and biases in one flat array, its gradient laid out the same way, Adam's two
 * moment estimates and the step count: what the optimizer updates and a run file saves. Layers are
 * laid out one after another in the order they are asked for ({@link #layer}, {@link #chain}), which
 * is the order of the run file's {@code parameters.f32}. Confined to the thread that owns the network.
 */
final class FlatParameters {

    static {
        NativeBackend.load(); // chooses OpenBLAS's kernels and threads before ND4J first loads
    }

    final INDArray parameters;
    final INDArray gradients;
    private final INDArray optimizerState;
    private final AdamOptimizer adam;
    private final List<DenseLayer> layers = new ArrayList<>();
    private long next;
    private long steps;

    /** Room for {@code count} weights and biases, all zero until {@link #initialise}. */
    FlatParameters(long count) {
        if (count > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("a network of " + count + " parameters is too large");
        }
        this.parameters = Nd4j.create(DataType.FLOAT, 1, count);
        this.gradients = Nd4j.create(DataType.FLOAT, 1, count);
        this.optimizerState = Nd4j.create(DataType.FLOAT, 1, 2 * count);
        this.adam = new AdamOptimizer(parameters, gradients, optimizerState, TrainingKernels.ADAM);
    }

    /** The next layer of the layout: {@code inputs × outputs} weights then {@code outputs} biases. */
    DenseLayer layer(int inputs, int outputs, Activation activation) {
        DenseLayer layer = new DenseLayer(parameters, gradients, next, inputs, outputs, activation);
        next += DenseLayer.parameterCount(inputs, outputs);
        layers.add(layer);
        return layer;
    }

    /** The next layers of the layout, of the given widths; see {@link DenseLayer#chain}. */
    List<DenseLayer> chain(List<Integer> widths, Activation hidden, Activation last) {
        List<DenseLayer> chain = DenseLayer.chain(parameters, gradients, widths, next, hidden, last);
        for (DenseLayer layer : chain) {
            next += DenseLayer.parameterCount(layer.inputs, layer.outputs);
        }
        layers.addAll(chain);
        return chain;
    }

    /** Where the next layer laid out would start. */
    long offset() {
        return next;
    }

    /**
     * Every weight and bias ~ U(−1/√fan_in, 1/√fan_in), PyTorch's default for linear layers, drawn
     * layer by layer in layout order. The layout must fill the array exactly.
     */
    void initialise(RandomGenerator random) {
        if (next != parameters.length()) {
            throw new IllegalStateException("the layers take " + next + " parameters but the network has "
                    + parameters.length());
        }
        NativeFloats p = new NativeFloats(parameters);
        int i = 0;
        for (DenseLayer layer : layers) {
            double bound = 1 / Math.sqrt(layer.inputs);
            for (long k = 0; k < DenseLayer.parameterCount(layer.inputs, layer.outputs); k++) {
                p.put(i++, (float) random.nextDouble(-bound, bound));
            }
        }
    }

    /** One Adam step from the gradient array. */
    void step(double learningRate) {
        steps++;
        adam.update(learningRate, steps);
    }

    long steps() {
        return steps;
    }

    /** A copy of parameters {@code from} (inclusive) to {@code to} (exclusive). */
    float[] copy(long from, long to) {
        float[] copy = new float[Math.toIntExact(to - from)];
        new NativeFloats(parameters).copyTo(Math.toIntExact(from), copy, 0, copy.length);
        return copy;
    }

    /** A copy of the gradient array. */
    float[] gradient() {
        return gradients.toFloatVector();
    }

    ModelState state() {
        return new ModelState(parameters.toFloatVector(), optimizerState.toFloatVector(), steps);
    }

    void restore(ModelState state) {
        load(state.parameters());
        float[] moments = state.optimizerState();
        new NativeFloats(optimizerState).copyFrom(moments, 0, 0, moments.length);
        steps = state.steps();
    }

    /** Takes {@code values} as the weights and biases, leaving the optimizer's state as it is. */
    void load(float[] values) {
        if (values.length != parameters.length()) {
            throw new IllegalArgumentException("state has " + values.length
                    + " parameters but this network has " + parameters.length());
        }
        new NativeFloats(parameters).copyFrom(values, 0, 0, values.length);
    }
}
