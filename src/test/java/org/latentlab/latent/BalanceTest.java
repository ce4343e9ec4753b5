package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * After balancing, a covariate is distributed alike in the two groups: for a discrete covariate,
 * each of its values has the same weighted share in both, however rare the value and however few
 * bins are asked for.
 */
class BalanceTest {

    private static final int N = 4000;

    /** The weighted share of examples with {@code covariate == value} within one group. */
    private static double weightedShare(double[] covariate, boolean[] positive, double[] weights, boolean group,
            double value) {
        double hit = 0;
        double all = 0;
        for (int i = 0; i < covariate.length; i++) {
            if (positive[i] == group) {
                all += weights[i];
                hit += covariate[i] == value ? weights[i] : 0;
            }
        }
        return hit / all;
    }

    @Test
    void aSkewedYesNoCovariateIsBalancedOnBothValues() {
        SplittableRandom random = new SplittableRandom(7);
        double[] flag = new double[N];
        boolean[] positive = new boolean[N];
        for (int i = 0; i < N; i++) {
            positive[i] = random.nextBoolean();
            // 15 % zeros overall: 25 % among the positives, 5 % among the negatives.
            flag[i] = random.nextDouble() < (positive[i] ? 0.25 : 0.05) ? 0 : 1;
        }
        double[] weights = Balance.on(List.of(flag)).weights(IntStream.range(0, N).toArray(), positive);
        double positives = weightedShare(flag, positive, weights, true, 0);
        double negatives = weightedShare(flag, positive, weights, false, 0);
        assertEquals(0.15, positives, 0.03, "the pooled share of zeros");
        assertEquals(positives, negatives, 1e-12);
    }

    @Test
    void tenClassLabelsWithFourBinsAreTenStrata() {
        SplittableRandom random = new SplittableRandom(11);
        double[] label = new double[N];
        boolean[] positive = new boolean[N];
        for (int i = 0; i < N; i++) {
            label[i] = random.nextInt(10);
            // The positives lean to high labels, the negatives to low ones.
            positive[i] = random.nextDouble() < 0.2 + 0.06 * label[i];
        }
        double[] weights = new Balance(List.of(label), 4).weights(IntStream.range(0, N).toArray(), positive);
        for (int digit = 0; digit < 10; digit++) {
            assertEquals(weightedShare(label, positive, weights, true, digit),
                    weightedShare(label, positive, weights, false, digit), 1e-12, "digit " + digit);
        }
    }

    @Test
    void aContinuousCovariateIsCutAtItsQuantiles() {
        SplittableRandom random = new SplittableRandom(3);
        double[] x = new double[N];
        boolean[] positive = new boolean[N];
        for (int i = 0; i < N; i++) {
            x[i] = random.nextDouble();
            positive[i] = random.nextDouble() < x[i];
        }
        double[] weights = new Balance(List.of(x), 4).weights(IntStream.range(0, N).toArray(), positive);
        // Four strata cut at the sample's quartiles (a value at an edge joins the bin below): each
        // carries the same share of both groups' weight, and that share is its share of the examples.
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] edges = {Double.NEGATIVE_INFINITY, sorted[N / 4], sorted[N / 2], sorted[3 * N / 4], 1.0};
        for (int b = 0; b < 4; b++) {
            double[] quarter = {edges[b], edges[b + 1]};
            double[] share = new double[2];
            double[] total = new double[2];
            for (int i = 0; i < N; i++) {
                int g = positive[i] ? 1 : 0;
                total[g] += weights[i];
                share[g] += x[i] > quarter[0] && x[i] <= quarter[1] ? weights[i] : 0;
            }
            assertEquals(share[0] / total[0], share[1] / total[1], 1e-12);
            assertEquals(0.25, share[1] / total[1], 1e-3);
        }
    }
}
