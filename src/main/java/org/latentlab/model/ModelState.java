package org.latentlab.model;

/**
 * A copy of a model's trainable state. Immutable: the arrays are copied in, and handed out as
 * copies (a model's state is read when it is saved or restored, not on every frame).
 *
 * @param parameters     every weight and bias in the network's flat layout
 * @param optimizerState Adam's first and second moment estimates, each as long as {@code parameters}
 * @param steps          optimisation steps taken (Adam's bias correction depends on it)
 */
public record ModelState(float[] parameters, float[] optimizerState, long steps) {

    public ModelState {
        if (optimizerState.length != 2 * parameters.length) {
            throw new IllegalArgumentException("optimizer state holds " + optimizerState.length
                    + " values, expected twice the " + parameters.length + " parameters");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("step count must be ≥ 0, got " + steps);
        }
        parameters = parameters.clone();
        optimizerState = optimizerState.clone();
    }

    /** A copy of the weights and biases. */
    @Override
    public float[] parameters() {
        return parameters.clone();
    }

    /** A copy of Adam's moments. */
    @Override
    public float[] optimizerState() {
        return optimizerState.clone();
    }

    /** How many weights and biases the state holds. */
    public int parameterCount() {
        return parameters.length;
    }

    /** How many values of the state are subnormal, 0 &lt; |x| &lt; {@link Float#MIN_NORMAL} (docs/decisions/0012). */
    public SubnormalCounts subnormalCounts() {
        int n = parameters.length;
        return new SubnormalCounts(Subnormals.count(parameters, 0, n), Subnormals.count(optimizerState, 0, n),
                Subnormals.count(optimizerState, n, 2 * n));
    }

    /** Subnormal values among the parameters, Adam's first moments m and its second moments v. */
    public record SubnormalCounts(int parameters, int firstMoments, int secondMoments) {

        public int total() {
            return parameters + firstMoments + secondMoments;
        }
    }
}
