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
 * <p>Each covariate is cut into {@code bins} bins at its quantiles (a covariate with fewer distinct
 * values, such as a label or a yes/no flag, keeps one bin per value); the joint bin of all the
 * covariates is an example's stratum. Within each stratum s holding n₊ positives and n₋ negatives,
 * every positive gets the weight (n₊ + n₋) / n₊ and every negative (n₊ + n₋) / n₋, so both groups
 * carry each stratum in proportion to its share of the pooled examples: after weighting, the
 * covariates are distributed the same way in both groups, up to the spread within a bin. This is
 * replication by a rational factor instead of an integer one. Strata missing one of the groups get
 * weight 0 (there is nothing to compare them with).
 *
 * @param covariates one value per example for each attribute to balance on (NaN is a bin of its own);
 *                   the arrays are not copied, so do not change them while the balance is in use
 * @param bins       the quantile bins per covariate, 2 to {@value #MAX_BINS}
 */
public record Balance(List<double[]> covariates, int bins) {

    public static final int DEFAULT_BINS = 4;
    public static final int MAX_BINS = 20;

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

    /** The joint bin of each member, as one number in mixed radix (bins + 1 per covariate, for NaN). */
    private long[] strata(int[] members) {
        long[] strata = new long[members.length];
        for (double[] covariate : covariates) {
            double[] edges = quantileEdges(covariate, members);
            for (int k = 0; k < members.length; k++) {
                double v = covariate[members[k]];
                int bin = Double.isNaN(v) ? bins : binOf(v, edges);
                strata[k] = Math.addExact(Math.multiplyExact(strata[k], bins + 1L), bin);
            }
        }
        return strata;
    }

    /** The distinct values at the quantiles 1/bins, …, (bins−1)/bins of the members' values. */
    private double[] quantileEdges(double[] covariate, int[] members) {
        double[] values = new double[members.length];
        int n = 0;
        for (int member : members) {
            double v = covariate[member];
            if (!Double.isNaN(v)) {
                values[n++] = v;
            }
        }
        Arrays.sort(values, 0, n);
        double[] edges = new double[bins - 1];
        int distinct = 0;
        for (int q = 1; q < bins && n > 0; q++) {
            double edge = values[Math.min(n - 1, (int) Math.floor((double) q * n / bins))];
            if (distinct == 0 || edge > edges[distinct - 1]) {
                edges[distinct++] = edge;
            }
        }
        return Arrays.copyOf(edges, distinct);
    }

    /** How many edges lie strictly below v: equal values share a bin, and a value at an edge joins the bin below. */
    private static int binOf(double v, double[] edges) {
        int bin = 0;
        while (bin < edges.length && edges[bin] < v) {
            bin++;
        }
        return bin;
    }
}
