package org.latentlab.latent;

import java.util.Arrays;

/**
 * The area under the ROC curve of a score that should be higher for positives than negatives:
 * the probability that a random positive scores above a random negative, ties counting one half.
 * Stateless.
 *
 * <p>Computed exactly from the Mann–Whitney rank statistic: rank all scores together (tied scores
 * share the mean of their ranks), sum the positives' ranks R₊, and AUC = (R₊ − n₊(n₊+1)/2) / (n₊ n₋).
 * O(n log n).
 */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * @throws IllegalArgumentException if either group is empty or a score is NaN
     */
    public static double of(double[] positives, double[] negatives) {
        int np = positives.length;
        int nn = negatives.length;
        if (np == 0 || nn == 0) {
            throw new IllegalArgumentException("the AUC needs positives and negatives, got " + np + " and " + nn);
        }
        // All scores in one array, positives first: an index below np is a positive. The indices
        // are then sorted by their score.
        double[] scores = new double[np + nn];
        System.arraycopy(positives, 0, scores, 0, np);
        System.arraycopy(negatives, 0, scores, np, nn);
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double midRank = (start + end) / 2.0 + 1; // ranks are 1-based
            for (int k = start; k <= end; k++) {
                if (order[k] < np) {
                    positiveRankSum += midRank;
                }
            }
            start = end + 1;
        }
        return (positiveRankSum - np * (np + 1.0) / 2) / ((double) np * nn);
    }
}
