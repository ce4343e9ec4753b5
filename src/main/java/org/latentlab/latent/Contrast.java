package org.latentlab.latent;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Two groups of examples to contrast: those that have an attribute (positive) and those that do not
 * (negative). An example may be in neither group, never in both. The vector between the groups
 * points from the negatives to the positives.
 *
 * <p>The flags are copied in. {@link #positive()} and {@link #negative()} hand out the record's own
 * arrays, for reading only; {@link #isPositive} and {@link #isNegative} read one flag.
 *
 * @param name     what the contrast is, for the user: "smile", "3 → 8"
 * @param positive for each example, whether it is in the positive group
 * @param negative for each example, whether it is in the negative group
 */
public record Contrast(String name, boolean[] positive, boolean[] negative) {

    public Contrast {
        Objects.requireNonNull(name, "name");
        if (positive.length != negative.length) {
            throw new IllegalArgumentException(positive.length + " positive flags but " + negative.length + " negative");
        }
        for (int i = 0; i < positive.length; i++) {
            if (positive[i] && negative[i]) {
                throw new IllegalArgumentException("example " + i + " is in both groups of " + name);
            }
        }
        positive = positive.clone();
        negative = negative.clone();
    }

    /** Whether example {@code i} is in the positive group. */
    public boolean isPositive(int i) {
        return positive[i];
    }

    /** Whether example {@code i} is in the negative group. */
    public boolean isNegative(int i) {
        return negative[i];
    }

    /**
     * From one class to another: negatives are class {@code from}, positives class {@code to}, so the
     * vector adds "to-ness" and removes "from-ness" ("3 → 8").
     */
    public static Contrast betweenClasses(int[] labels, int from, int to, List<String> classNames) {
        if (from == to) {
            throw new IllegalArgumentException("a class contrast needs two different classes, got " + from + " twice");
        }
        boolean[] positive = new boolean[labels.length];
        boolean[] negative = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            positive[i] = labels[i] == to;
            negative[i] = labels[i] == from;
        }
        return new Contrast(className(classNames, from) + " → " + className(classNames, to), positive, negative);
    }

    private static String className(List<String> classNames, int label) {
        return label >= 0 && label < classNames.size() ? classNames.get(label) : Integer.toString(label);
    }

    /**
     * A continuous attribute's extremes: positives are the top {@code fraction} of the values,
     * negatives the bottom {@code fraction}; the middle is left out, so the vector is not blurred by
     * examples near the boundary. NaN values are in neither group. Ties at a cut go with the group
     * they tie with, so a group may be a little larger than the fraction.
     *
     * @throws IllegalArgumentException if the fraction is not in (0, ½] or the values are too tied to cut
     */
    public static Contrast extremes(String attribute, double[] values, double fraction) {
        if (!(fraction > 0 && fraction <= 0.5)) {
            throw new IllegalArgumentException("the fraction of each extreme must be in (0, 0.5], got " + fraction);
        }
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int take = (int) Math.ceil(fraction * sorted.length);
        if (take == 0) {
            throw new IllegalArgumentException("the attribute " + attribute + " has no values to contrast");
        }
        double low = sorted[take - 1];
        double high = sorted[sorted.length - take];
        if (!(low < high)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the attribute %s takes too few distinct values to contrast its extremes", attribute));
        }
        return atThresholds(attribute, values, low, high);
    }

    /** {@link #extremes} with the top third against the bottom third. */
    public static Contrast thirds(String attribute, double[] values) {
        return extremes(attribute, values, 1.0 / 3);
    }

    /** Positives have {@code value ≥ high}, negatives {@code value ≤ low}; NaN is in neither. */
    public static Contrast atThresholds(String attribute, double[] values, double low, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException("the low threshold " + low + " must lie below the high one " + high);
        }
        boolean[] positive = new boolean[values.length];
        boolean[] negative = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            positive[i] = values[i] >= high;
            negative[i] = values[i] <= low;
        }
        return new Contrast(attribute, positive, negative);
    }

    /** How many examples the contrast is about (in a group or not). */
    public int size() {
        return positive.length;
    }
}
