package org.latentlab.render;

/**
 * Two sets of values counted over the same bins, so that their histograms can be drawn on one axis:
 * the range from the smallest value of either set to the largest, cut into equal bins, each bin
 * holding the values from its left edge up to (not including) its right edge, and the last bin also
 * the largest value. Immutable.
 *
 * @param low          the left edge of the first bin: the smallest value of either set
 * @param high         the largest value of either set, which the last bin holds
 * @param firstCounts  how many values of the first set fall in each bin
 * @param secondCounts how many values of the second set fall in each bin
 */
public record SharedHistogram(double low, double high, int[] firstCounts, int[] secondCounts) {

    public SharedHistogram {
        if (!(high >= low)) {
            throw new IllegalArgumentException("the bins run from " + low + " to " + high);
        }
        if (firstCounts.length != secondCounts.length || firstCounts.length == 0) {
            throw new IllegalArgumentException("both sets need the same bins, at least one: got " + firstCounts.length
                    + " and " + secondCounts.length);
        }
        firstCounts = firstCounts.clone();
        secondCounts = secondCounts.clone();
    }

    /**
     * Counts both sets over {@code bins} shared bins.
     *
     * @throws IllegalArgumentException if a set is empty, a value is not finite or {@code bins < 1}
     */
    public static SharedHistogram of(double[] first, double[] second, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, got " + bins);
        }
        if (first.length == 0 || second.length == 0) {
            throw new IllegalArgumentException("both sets need values, got " + first.length + " and " + second.length);
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] set : new double[][] {first, second}) {
            for (double v : set) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("a histogram counts finite values, got " + v);
                }
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        double binWidth = width(low, high, bins);
        return new SharedHistogram(low, high, counts(first, low, binWidth, bins), counts(second, low, binWidth, bins));
    }

    private static int[] counts(double[] values, double low, double binWidth, int bins) {
        int[] counts = new int[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - low) / binWidth))]++;
        }
        return counts;
    }

    public int bins() {
        return firstCounts.length;
    }

    /** The width of every bin: the range over the bins, the range at least 10⁻⁶ (all values equal). */
    public double binWidth() {
        return width(low, high, bins());
    }

    private static double width(double low, double high, int bins) {
        return Math.max(1e-6, high - low) / bins;
    }

    /** The left edge of bin {@code b}. */
    public double edge(int b) {
        return low + b * binWidth();
    }

    /** Each bin's share of the first set's values: its count over the set's size. */
    public double[] firstFractions() {
        return fractions(firstCounts);
    }

    /** Each bin's share of the second set's values. */
    public double[] secondFractions() {
        return fractions(secondCounts);
    }

    /** The largest share any bin of either set holds. */
    public double peakFraction() {
        double peak = 0;
        for (double[] set : new double[][] {firstFractions(), secondFractions()}) {
            for (double f : set) {
                peak = Math.max(peak, f);
            }
        }
        return peak;
    }

    private static double[] fractions(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        double[] fractions = new double[counts.length];
        for (int b = 0; b < counts.length; b++) {
            fractions[b] = (double) counts[b] / total;
        }
        return fractions;
    }

    @Override
    public int[] firstCounts() {
        return firstCounts.clone();
    }

    @Override
    public int[] secondCounts() {
        return secondCounts.clone();
    }
}
