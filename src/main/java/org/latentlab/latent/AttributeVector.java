package org.latentlab.latent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A direction in latent space that adds an attribute: the mean latent of examples that have it minus
 * the mean of those that do not (White 2016), with a figure for how well it captures the attribute.
 * Immutable; the direction is never handed out, only copies.
 *
 * <p><b>How it is made</b> ({@link #compute}). Each group of the {@link Contrast} is shuffled with
 * the seed and {@value #HELD_OUT_FRACTION} of it is held out (at least one example). The vector is the
 * difference of the group means over the rest, weighted by a {@link Balance} if one is given (the
 * balanced vector) or plainly. Its quality is the ROC AUC with which the projection z · v separates
 * the held-out positives from the held-out negatives ({@link RocAuc}): 0.5 is no better than chance,
 * 1 a perfect separation.
 *
 * <p><b>Using it.</b> {@link #moved(float[], double) moved(z, 1)} takes a point by the whole vector,
 * the average difference between the groups; a slider usually spans −2 to 2.
 *
 * @param name              what the vector adds: "smile", "3 → 8"
 * @param heldOutAuc        the AUC of the projection on the held-out examples
 * @param positives         positives the vector was computed from
 * @param negatives         negatives the vector was computed from
 * @param heldOutPositives  positives held out to measure the AUC
 * @param heldOutNegatives  negatives held out to measure the AUC
 * @param balanced          whether the groups were balanced on other attributes
 * @param keptShare         the share of the examples that balancing kept (those in strata holding both
 *                          groups); 1 for a plain vector
 */
public record AttributeVector(String name, float[] direction, double heldOutAuc, int positives, int negatives,
                              int heldOutPositives, int heldOutNegatives, boolean balanced, double keptShare) {

    /** The share of each group held out to measure the AUC. */
    public static final double HELD_OUT_FRACTION = 0.3;

    public AttributeVector {
        Objects.requireNonNull(name, "name");
        direction = direction.clone();
    }

    /** The plain vector: unweighted group means. */
    public static AttributeVector compute(LatentPoints latents, Contrast contrast, long seed) {
        return compute(latents, contrast, null, seed);
    }

    /**
     * The vector between the groups of {@code contrast}, balanced on other attributes if
     * {@code balance} is not {@code null}.
     *
     * @param latents  one point per example of the contrast
     * @param seed     chooses the held-out examples
     * @throws IllegalArgumentException if the sizes disagree, a group has fewer than 2 examples, or
     *                                  balancing leaves no stratum holding both groups
     */
    public static AttributeVector compute(LatentPoints latents, Contrast contrast, Balance balance, long seed) {
        int n = latents.count();
        if (contrast.size() != n) {
            throw new IllegalArgumentException(n + " latent points but a contrast of " + contrast.size() + " examples");
        }
        if (balance != null && balance.size() != n) {
            throw new IllegalArgumentException(n + " latent points but attributes to balance on of " + balance.size());
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[][] positive = heldOutSplit(members(contrast.positive()), random, contrast.name(), "with");
        int[][] negative = heldOutSplit(members(contrast.negative()), random, contrast.name(), "without");

        int[] fit = concat(positive[1], negative[1]);
        double[] weights = new double[fit.length];
        Arrays.fill(weights, 1);
        if (balance != null) {
            weights = balance.weights(fit, contrast.positive());
        }
        int d = latents.dimension();
        double[] meanPositive = new double[d];
        double[] meanNegative = new double[d];
        double weightPositive = 0;
        double weightNegative = 0;
        int kept = 0;
        for (int k = 0; k < fit.length; k++) {
            if (weights[k] == 0) {
                continue;
            }
            kept++;
            boolean isPositive = contrast.isPositive(fit[k]);
            double[] mean = isPositive ? meanPositive : meanNegative;
            for (int j = 0; j < d; j++) {
                mean[j] += weights[k] * latents.get(fit[k], j);
            }
            if (isPositive) {
                weightPositive += weights[k];
            } else {
                weightNegative += weights[k];
            }
        }
        if (!(weightPositive > 0 && weightNegative > 0)) {
            throw new IllegalArgumentException("cannot balance \"" + contrast.name()
                    + "\": no combination of the other attributes occurs in both groups; balance on fewer attributes or bins");
        }
        float[] direction = new float[d];
        for (int j = 0; j < d; j++) {
            direction[j] = (float) (meanPositive[j] / weightPositive - meanNegative[j] / weightNegative);
        }
        double auc = RocAuc.of(projections(latents, positive[0], direction), projections(latents, negative[0], direction));
        return new AttributeVector(contrast.name(), direction, auc, positive[1].length, negative[1].length,
                positive[0].length, negative[0].length, balance != null, (double) kept / fit.length);
    }

    /** A copy of the vector. */
    @Override
    public float[] direction() {
        return direction.clone();
    }

    public int dimension() {
        return direction.length;
    }

    /** Its Euclidean length. */
    public double length() {
        double sum = 0;
        for (float v : direction) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    /** z + amount · v, a new array. */
    public float[] moved(float[] z, double amount) {
        if (z.length != direction.length) {
            throw new IllegalArgumentException("a point of dimension " + z.length + " cannot move along a vector of dimension "
                    + direction.length);
        }
        float[] out = new float[z.length];
        for (int j = 0; j < z.length; j++) {
            out[j] = (float) (z[j] + amount * direction[j]);
        }
        return out;
    }

    /** Where z's projection onto the vector lies, in units of the vector: z · v / |v|². */
    public double along(float[] z) {
        double dot = 0;
        for (int j = 0; j < z.length; j++) {
            dot += (double) z[j] * direction[j];
        }
        double squared = length() * length();
        return squared == 0 ? 0 : dot / squared;
    }

    /** The cosine of the angle between this vector and {@code other}: 1 the same direction, 0 unrelated. */
    public double cosine(AttributeVector other) {
        double dot = 0;
        for (int j = 0; j < direction.length; j++) {
            dot += (double) direction[j] * other.direction[j];
        }
        return dot / (length() * other.length());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttributeVector that && name.equals(that.name) && Arrays.equals(direction, that.direction)
                && Double.compare(heldOutAuc, that.heldOutAuc) == 0 && positives == that.positives
                && negatives == that.negatives && heldOutPositives == that.heldOutPositives
                && heldOutNegatives == that.heldOutNegatives && balanced == that.balanced
                && Double.compare(keptShare, that.keptShare) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(direction), heldOutAuc, positives, negatives, balanced);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s vector (%s, |v| = %.3f, held-out AUC %.3f, %d + %d examples)",
                name, balanced ? "balanced" : "plain", length(), heldOutAuc, positives, negatives);
    }

    private static int[] members(boolean[] flags) {
        int[] out = new int[flags.length];
        int n = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The group shuffled and cut: [0] the held-out examples, [1] the rest. */
    private static int[][] heldOutSplit(int[] group, SplittableRandom random, String name, String side) {
        if (group.length < 2) {
            throw new IllegalArgumentException("the examples " + side + " \"" + name + "\" number " + group.length
                    + "; an attribute vector needs at least 2 on each side");
        }
        for (int i = group.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = group[i];
            group[i] = group[j];
            group[j] = swap;
        }
        int heldOut = (int) Math.max(1, Math.min(group.length - 1, Math.round(group.length * HELD_OUT_FRACTION)));
        return new int[][] {Arrays.copyOfRange(group, 0, heldOut), Arrays.copyOfRange(group, heldOut, group.length)};
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] projections(LatentPoints latents, int[] indices, float[] direction) {
        double[] out = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = latents.dot(indices[k], direction);
        }
        return out;
    }
}
