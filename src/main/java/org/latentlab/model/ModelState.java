package org.latentlab.model;

/**
 * A copy of a model's trainable state. Immutable: the arrays are copied in, and handed out as
 * copies (a model's state is read when it is saved or restored, not on every frame).
 *
 * @param parameters     every weight and bias in the network's flat layout
 * @param optimizerState Adam's first and second moment estimates, each as long as {@code parameters}
 * @param steps          optimisation steps taken
 * @param optimizerSteps the steps Adam's moments have averaged, its bias correction's t: {@code steps},
 *                       or fewer when the moments were dropped ({@link #withoutOptimizerState}) and
 *                       Adam started again from zero moments
 */
public record ModelState(float[] parameters, float[] optimizerState, long steps, long optimizerSteps) {

    public ModelState {
        if (optimizerState.length != 2 * parameters.length) {
            throw new IllegalArgumentException("optimizer state holds " + optimizerState.length
                    + " values, expected twice the " + parameters.length + " parameters");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("step count must be ≥ 0, got " + steps);
        }
        if (optimizerSteps < 0 || optimizerSteps > steps) {
            throw new IllegalArgumentException("Adam's moments cannot average " + optimizerSteps + " steps of the "
                    + steps + " taken");
        }
        parameters = parameters.clone();
        optimizerState = optimizerState.clone();
    }

    /** A state whose Adam moments have averaged every step taken. */
    public ModelState(float[] parameters, float[] optimizerState, long steps) {
        this(parameters, optimizerState, steps, steps);
    }

    /**
     * The same weights and step count without Adam's moments: training on from it starts Adam
     * again, with zero moments and its bias correction from the first step (docs/decisions/0091).
     */
    public ModelState withoutOptimizerState() {
        return new ModelState(parameters, new float[optimizerState.length], steps, 0);
    }

    /**
     * Whether Adam's moments were dropped ({@link #withoutOptimizerState}) and have averaged no step
     * since: the model has trained, but its moments are all zero.
     */
    public boolean optimizerStateDropped() {
        return optimizerSteps == 0 && steps > 0;
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
