package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Central differences of a network's weighted objective, with the same noise each time, against its
 * back-propagated gradient. Float32 arithmetic limits agreement to about three digits.
 */
final class GradientCheck {

    private static final float STEP = 1e-2f;

    private GradientCheck() {
    }

    /** Seeded images of which about 40 % of pixels are 0, the rest uniform in [0, 1]. */
    static float[] images(int count, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[count * size];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextDouble() < 0.4 ? 0f : (float) random.nextDouble();
        }
        return pixels;
    }

    /**
     * For each parameter range {@code [from[g], from[g + 1])} (the last runs to the end): the worst
     * relative error |numeric − analytic| / max(10⁻², |numeric| + |analytic|), and then, after all
     * of them, the largest |analytic| of each range, so that a range that gets no gradient at all
     * shows.
     *
     * @return {@code 2 × groups} numbers: the errors, then the largest gradients
     */
    static double[] check(BackpropagatedModel<?> model, int count, LossWeights weights, long... from) {
        return check(model, count, null, weights, from);
    }

    /** {@link #check(BackpropagatedModel, int, LossWeights, long...)} with a class for each image. */
    static double[] check(BackpropagatedModel<?> model, int count, int[] labels, LossWeights weights, long... from) {
        float[] x = images(count, model.config().inputSize(), 5);
        model.computeGradients(x, labels, count, weights, new SplittableRandom(3));
        float[] analytic = model.gradient();
        ModelState original = model.state();
        float[] parameters = original.parameters();
        double[] result = new double[2 * from.length];
        int group = 0;
        for (int i = 0; i < parameters.length; i++) {
            while (group + 1 < from.length && i >= from[group + 1]) {
                group++;
            }
            float saved = parameters[i];
            parameters[i] = saved + STEP;
            model.restore(new ModelState(parameters, original.optimizerState(), 0));
            double plus = model.computeGradients(x, labels, count, weights, new SplittableRandom(3)).objective();
            parameters[i] = saved - STEP;
            model.restore(new ModelState(parameters, original.optimizerState(), 0));
            double minus = model.computeGradients(x, labels, count, weights, new SplittableRandom(3)).objective();
            parameters[i] = saved;
            double numeric = (plus - minus) / (2 * STEP);
            double error = Math.abs(numeric - analytic[i]) / Math.max(1e-2, Math.abs(numeric) + Math.abs(analytic[i]));
            result[group] = Math.max(result[group], error);
            result[from.length + group] = Math.max(result[from.length + group], Math.abs(analytic[i]));
        }
        model.restore(original);
        return result;
    }

    /**
     * Asserts what {@link #check} found for each named group: its worst relative error below
     * {@code tolerance}, and a largest gradient above 10⁻⁴ exactly for the groups
     * {@code getsGradient} names (a group the loss never reaches gets none).
     */
    static void assertEveryGroup(double[] result, String[] groups, double tolerance, IntPredicate getsGradient) {
        for (int g = 0; g < groups.length; g++) {
            assertTrue(result[g] < tolerance, groups[g] + ": worst relative gradient error " + result[g]);
            assertEquals(getsGradient.test(g), result[groups.length + g] > 1e-4,
                    groups[g] + ": largest gradient " + result[groups.length + g]);
        }
    }

    /** The worst relative error over every parameter. */
    static double worstError(BackpropagatedModel<?> model, LossWeights weights) {
        return check(model, 4, weights, 0)[0];
    }
}
