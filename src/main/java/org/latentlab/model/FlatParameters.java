package org.latentlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A network's weights and biases in one flat array, its gradient laid out the same way, Adam's two
 * moment estimates and the step count: what the optimizer updates and a run file saves. Layers (and
 * blocks of single values, such as a decoder's learned log σ) are laid out one after another in the
 * order they are asked for ({@link #layer}, {@link #chain}, {@link #values}), which is the order of
 * the run file's {@code parameters.f32}. Confined to the thread that owns the network.
 */
final class FlatParameters {

    static {
        NativeBackend.load(); // chooses OpenBLAS's kernels and threads before ND4J first loads
    }

    final INDArray parameters;
    final INDArray gradients;
    private final INDArray optimizerState;
    private final AdamOptimizer adam;
    /** Everything laid out so far, in layout order. */
    private final List<Segment> segments = new ArrayList<>();
    private long next;
    private long steps;
    /** Adam's own step count, its bias correction's t: {@link #steps} unless its moments were dropped. */
    private long optimizerSteps;

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
        add(layer);
        return layer;
    }

    /** The next layers of the layout, of the given widths; see {@link DenseLayer#chain}. */
    List<DenseLayer> chain(List<Integer> widths, Activation hidden, Activation last) {
        List<DenseLayer> chain = DenseLayer.chain(parameters, gradients, widths, next, hidden, last);
        for (DenseLayer layer : chain) {
            add(layer);
        }
        return chain;
    }

    private void add(DenseLayer layer) {
        long count = DenseLayer.parameterCount(layer.inputs, layer.outputs);
        segments.add(new Segment(next, count, layer, 0f));
        next += count;
    }

    /**
     * The next {@code count} parameters of the layout, which belong to no layer, each starting at
     * {@code initial}; returns where they start.
     */
    int values(int count, float initial) {
        int start = Math.toIntExact(next);
        segments.add(new Segment(next, count, null, initial));
        next += count;
        return start;
    }

    /** Parameters {@code from}… ({@code count} of them) as memory the kernels can read and write. */
    NativeFloats parameterView(int from, int count) {
        return new NativeFloats(parameters.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, from + count)));
    }

    /** The gradient of parameters {@code from}… ({@code count} of them). */
    NativeFloats gradientView(int from, int count) {
        return new NativeFloats(gradients.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, from + count)));
    }

    /** Where the next layer laid out would start. */
    long offset() {
        return next;
    }

    /**
     * Every weight and bias ~ U(−1/√fan_in, 1/√fan_in), PyTorch's default for linear layers, drawn
     * layer by layer in layout order; each block of {@link #values} at its initial value (drawing
     * nothing). The layout must fill the array exactly.
     */
    void initialise(RandomGenerator random) {
        if (next != parameters.length()) {
            throw new IllegalStateException("the layers take " + next + " parameters but the network has "
                    + parameters.length());
        }
        NativeFloats p = new NativeFloats(parameters);
        for (Segment segment : segments) {
            double bound = segment.layer == null ? 0 : 1 / Math.sqrt(segment.layer.inputs);
            for (int i = Math.toIntExact(segment.offset); i < segment.offset + segment.count; i++) {
                p.put(i, segment.layer == null ? segment.initial : (float) random.nextDouble(-bound, bound));
            }
        }
    }

    /** Parameters {@code offset}… of one layer, or a block of {@code initial} values ({@code layer} null). */
    private record Segment(long offset, long count, DenseLayer layer, float initial) {
    }

    /** One Adam step from the gradient array. */
    void step(double learningRate) {
        steps++;
        optimizerSteps++;
        adam.update(learningRate, optimizerSteps);
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
        return new ModelState(parameters.toFloatVector(), optimizerState.toFloatVector(), steps, optimizerSteps);
    }

    void restore(ModelState state) {
        load(state.parameters());
        float[] moments = state.optimizerState();
        new NativeFloats(optimizerState).copyFrom(moments, 0, 0, moments.length);
        steps = state.steps();
        optimizerSteps = state.optimizerSteps();
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
