package org.latentlab.latent;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How to balance the two groups of a {@link Contrast} on other attributes, so that an attribute
 * vector does not also carry what merely correlates with its attribute (White 2016's bias-corrected
 * vectors, there made by replicating examples).
 *
 * <p>A covariate with at most {@value #MAX_DISCRETE_VALUES} distinct values among the examples (a
 * class label, a yes/no flag, a small count) is discrete: each value is a stratum of its own, however
 * rare. A covariate with more values is cut into {@code bins} bins at its quantiles. The joint bin of
 * all the covariates is an example's stratum. Within each stratum s holding n₊ positives and n₋ negatives,
 * every positive gets the weight (n₊ + n₋) / n₊ and every negative (n₊ + n₋) / n₋, so both groups
 * carry each stratum in proportion to its share of the pooled examples: after weighting, the
 * covariates are distributed the same way in both groups, up to the spread within a bin. This is
 * replication by a rational factor instead of an integer one. Strata missing one of the groups get
 * weight 0 (there is nothing to compare them with).
 *
 * @param covariates one value per example for each attribute to balance on (NaN is a bin of its own);
 *                   the arrays are not copied, so do not change them while the balance is in use
 * @param bins       the quantile bins per continuous covariate, 2 to {@value #MAX_BINS}
 */
public record Balance(List<double[]> covariates, int bins) {

    public static final int DEFAULT_BINS = 4;
    public static final int MAX_BINS = 20;
    /** A covariate with at most this many distinct values gets one stratum per value. */
    public static final int MAX_DISCRETE_VALUES = 20;

    public Balance {
        covariates = List.copyOf(covariates);
        for (double[] covariate : covariates) {
            if (covariate.length != covariates.get(0).length) {
                throw new IllegalArgumentException("the attributes to balance on differ in length: "
                        + covariate.length + " and " + covariates.get(0).length);
            }
        }
        if (covariates.isEmpty()) {
            throw new IllegalArgumentException("balancing needs at least one attribute to balance on");
        }
        if (bins < 2 || bins > MAX_BINS) {
            throw new IllegalArgumentException("bins per attribute must be in 2.." + MAX_BINS + ", got " + bins);
        }
    }

    /** Balancing on {@code covariates} with {@value #DEFAULT_BINS} quantile bins each. */
    public static Balance on(List<double[]> covariates) {
        return new Balance(covariates, DEFAULT_BINS);
    }

    /** How many examples each covariate describes. */
    public int size() {
        return covariates.get(0).length;
    }

    /**
     * The weight of each of {@code members} (indices into the examples) for the group means;
     * {@code positive[i]} says which group example i is in.
     */
    double[] weights(int[] members, boolean[] positive) {
        long[] strata = strata(members);
        Map<Long, int[]> counts = new HashMap<>();
        for (int k = 0; k < members.length; k++) {
            counts.computeIfAbsent(strata[k], s -> new int[2])[positive[members[k]] ? 1 : 0]++;
        }
        double[] weights = new double[members.length];
        for (int k = 0; k < members.length; k++) {
            int[] count = counts.get(strata[k]);
            int own = count[positive[members[k]] ? 1 : 0];
            boolean bothPresent = count[0] > 0 && count[1] > 0;
            weights[k] = bothPresent ? (double) (count[0] + count[1]) / own : 0;
        }
        return weights;
    }

    /** The joint bin of each member, as one number in mixed radix over the covariates' bins. */
    private long[] strata(int[] members) {
        long[] strata = new long[members.length];
        for (double[] covariate : covariates) {
            Bins binning = Bins.of(covariate, members, bins);
            for (int k = 0; k < members.length; k++) {
                strata[k] = Math.addExact(Math.multiplyExact(strata[k], binning.count()), binning.of(covariate[members[k]]));
            }
        }
        return strata;
    }

    /**
     * How one covariate's values fall into bins: a value's bin is how many edges lie strictly below
     * it, and NaN has a bin of its own. With every distinct value as an edge, each value gets its
     * own bin; with the quantiles as edges, equal values share a bin and a value at an edge joins
     * the bin below.
     *
     * @param edges sorted, distinct
     */
    private record Bins(double[] edges) {

        static Bins of(double[] covariate, int[] members, int bins) {
            double[] values = new double[members.length];
            int n = 0;
            for (int member : members) {
                if (!Double.isNaN(covariate[member])) {
                    values[n++] = covariate[member];
                }
            }
            Arrays.sort(values, 0, n);
            double[] distinct = Arrays.stream(values, 0, n).distinct().toArray();
            return new Bins(distinct.length <= MAX_DISCRETE_VALUES ? distinct : quantileEdges(values, n, bins));
        }

        /** The distinct values at the quantiles 1/bins, …, (bins−1)/bins of the n sorted values. */
        private static double[] quantileEdges(double[] sorted, int n, int bins) {
            double[] edges = new double[bins - 1];
            int distinct = 0;
            for (int q = 1; q < bins; q++) {
                double edge = sorted[Math.min(n - 1, (int) Math.floor((double) q * n / bins))];
                if (distinct == 0 || edge > edges[distinct - 1]) {
                    edges[distinct++] = edge;
                }
            }
            return Arrays.copyOf(edges, distinct);
        }

        /** The bins, NaN's included. */
        long count() {
            return edges.length + 2L;
        }

        int of(double v) {
            if (Double.isNaN(v)) {
                return edges.length + 1;
            }
            int below = 0;
            while (below < edges.length && edges[below] < v) {
                below++;
            }
            return below;
        }
    }
}
