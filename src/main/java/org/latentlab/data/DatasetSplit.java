package org.latentlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * A dataset cut into a training part and a validation part, with no image in both.
 *
 * <p>The factories are deterministic: the same set, fraction and seed give the same split on every
 * run and every JVM ({@link Random}'s sequence is fixed by its specification). Both parts come in a
 * shuffled order, so a set stored class by class (like {@link EmbeddedMnist}) is mixed.
 *
 * @param train             the images to learn from
 * @param validation        the held-out images
 * @param validationIndices where each held-out image is in the whole dataset, in the order of
 *                          {@code validation}: image i of {@code validation} is image
 *                          {@code validationIndices[i]} of the set that was split
 */
public record DatasetSplit(Dataset train, Dataset validation, int[] validationIndices) {

    /** The share of images held out unless the user says otherwise. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;

    public DatasetSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        if (validationIndices.length != validation.size()) {
            throw new IllegalArgumentException(validation.size() + " held-out images but " + validationIndices.length
                    + " indices");
        }
        validationIndices = validationIndices.clone();
    }

    @Override
    public int[] validationIndices() {
        return validationIndices.clone();
    }

    /** {@link #stratified} for a labelled set, {@link #random} for an unlabelled one. */
    public static DatasetSplit of(Dataset dataset, double validationFraction, long seed) {
        return dataset.hasLabels()
                ? stratified(dataset, validationFraction, seed)
                : random(dataset, validationFraction, seed);
    }

    /**
     * A split that keeps each label's share: {@code round(size × validationFraction)} images (at
     * least 1, at most size − 1) are held out, shared between the labels in proportion to their
     * counts (largest remainders get the odd ones). The 10,000 embedded digits at 0.1 give 9,000 /
     * 1,000, about 100 of each digit.
     *
     * @throws IllegalArgumentException if the set has no labels or the fraction is not in (0, 1)
     * @throws DatasetException         if the set has fewer than 2 images
     */
    public static DatasetSplit stratified(Dataset dataset, double validationFraction, long seed) {
        if (!dataset.hasLabels()) {
            throw new IllegalArgumentException(dataset.name() + " has no labels to stratify by; use random()");
        }
        int validationSize = validationSize(dataset, validationFraction);
        int n = dataset.size();
        int[] counts = dataset.labelCounts();
        int[] quota = apportion(counts, n, validationSize);

        List<int[]> byLabel = new ArrayList<>();
        int[] filled = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            byLabel.add(new int[counts[c]]);
        }
        for (int i = 0; i < n; i++) {
            int label = dataset.label(i);
            byLabel.get(label)[filled[label]++] = i;
        }

        Random random = new Random(seed);
        int[] validation = new int[validationSize];
        int[] train = new int[n - validationSize];
        int v = 0;
        int t = 0;
        for (int c = 0; c < counts.length; c++) {
            int[] indices = byLabel.get(c);
            shuffle(indices, random);
            System.arraycopy(indices, 0, validation, v, quota[c]);
            System.arraycopy(indices, quota[c], train, t, indices.length - quota[c]);
            v += quota[c];
            t += indices.length - quota[c];
        }
        shuffle(train, random);
        shuffle(validation, random);
        return cut(dataset, train, validation);
    }

    /**
     * A split that ignores labels: a seeded shuffle, then the first
     * {@code round(size × validationFraction)} images (at least 1, at most size − 1) are held out.
     *
     * @throws IllegalArgumentException if the fraction is not in (0, 1)
     * @throws DatasetException         if the set has fewer than 2 images
     */
    public static DatasetSplit random(Dataset dataset, double validationFraction, long seed) {
        int validationSize = validationSize(dataset, validationFraction);
        int[] order = new int[dataset.size()];
        Arrays.setAll(order, i -> i);
        shuffle(order, new Random(seed));
        return cut(dataset, Arrays.copyOfRange(order, validationSize, order.length),
                Arrays.copyOfRange(order, 0, validationSize));
    }

    private static int validationSize(Dataset dataset, double validationFraction) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be between 0 and 1 (exclusive), got "
                    + validationFraction);
        }
        int n = dataset.size();
        if (n < 2) {
            throw new DatasetException(String.format(Locale.ROOT,
                    "%s holds %d image(s); splitting off a validation set needs at least 2", dataset.name(), n));
        }
        long rounded = Math.round(n * validationFraction);
        return (int) Math.max(1, Math.min(n - 1, rounded));
    }

    /**
     * Shares {@code total} between classes in proportion to {@code counts} (which sum to {@code n})
     * by largest remainder; ties go to the lower label.
     */
    private static int[] apportion(int[] counts, int n, int total) {
        int[] quota = new int[counts.length];
        long[] remainder = new long[counts.length];
        int given = 0;
        for (int c = 0; c < counts.length; c++) {
            long exact = (long) counts[c] * total;
            quota[c] = (int) (exact / n);
            remainder[c] = exact % n;
            given += quota[c];
        }
        for (; given < total; given++) {
            int best = -1;
            for (int c = 0; c < counts.length; c++) {
                if (quota[c] < counts[c] && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
        }
        return quota;
    }

    /** Fisher–Yates, drawing from {@code random}. */
    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static DatasetSplit cut(Dataset dataset, int[] train, int[] validation) {
        return new DatasetSplit(dataset.subset(train, dataset.name() + " (train)"),
                dataset.subset(validation, dataset.name() + " (validation)"), validation);
    }
}
