package org.latentlab.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Adam over one flat parameter array and its gradient, with its two moment estimates kept in one
 * state array as {@code [m, v]} (the layout of the run file, docs/decisions/0003). Applies
 * {@link AdamKernel}'s update in place. Confined to the thread that owns the model.
 */
final class AdamOptimizer {

    static {
        NativeBackend.load(); // chooses OpenBLAS's kernels and threads before ND4J first loads
    }

    private final NativeFloats parameters;
    private final NativeFloats gradients;
    private final NativeFloats firstMoment;
    private final NativeFloats secondMoment;
    private final int length;
    private final AdamKernel kernel;

    /**
     * @param parameters a {@code 1 × n} array, updated in place
     * @param gradients  a {@code 1 × n} array holding ∂L/∂parameters when {@link #update} runs
     * @param state      a {@code 1 × 2n} array: m, then v
     */
    AdamOptimizer(INDArray parameters, INDArray gradients, INDArray state, AdamKernel kernel) {
        long n = parameters.length();
        if (gradients.length() != n || state.length() != 2 * n) {
            throw new IllegalArgumentException("Adam needs a gradient as long as the " + n
                    + " parameters and a state twice as long");
        }
        this.length = Math.toIntExact(n);
        this.parameters = new NativeFloats(parameters);
        this.gradients = new NativeFloats(gradients);
        this.firstMoment = new NativeFloats(state.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, n)));
        this.secondMoment = new NativeFloats(state.get(NDArrayIndex.point(0), NDArrayIndex.interval(n, 2 * n)));
        this.kernel = kernel;
    }

    /**
     * Adam's step number {@code t} (1 for the first update) over parameters {@code from} to {@code to}.
     */
    void update(double learningRate, long t, int from, int to) {
        double firstCorrection = 1 - Math.pow(AdamKernel.BETA1, t);
        double secondCorrection = 1 - Math.pow(AdamKernel.BETA2, t);
        kernel.update(parameters, gradients, firstMoment, secondMoment, from, to,
                (float) (learningRate / firstCorrection), (float) (1 / Math.sqrt(secondCorrection)));
    }

    /** Updates every parameter. */
    void update(double learningRate, long t) {
        update(learningRate, t, 0, length);
    }
}
