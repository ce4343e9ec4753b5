package org.latentlab.ui.debiasing;

import java.util.List;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.RareGroupMetrics;

/**
 * One model's held-out reconstruction term over training, for the rare group and for the other
 * faces, one value per completed epoch (nats per image; lower is better), and the rare group's
 * share of each epoch's draws. Epochs without a rare-group measurement are left out. Immutable.
 *
 * @param epochs     the 1-based epochs measured, in order
 * @param rare       the rare group's held-out reconstruction term after each
 * @param common     the other faces' held-out reconstruction term after each
 * @param rareShare  the rare group's share of each epoch's draws
 */
public record GroupErrors(int[] epochs, double[] rare, double[] common, double[] rareShare) {

    /** Nothing measured yet. */
    public static final GroupErrors NONE = new GroupErrors(new int[0], new double[0], new double[0], new double[0]);

    public GroupErrors {
        if (rare.length != epochs.length || common.length != epochs.length || rareShare.length != epochs.length) {
            throw new IllegalArgumentException(epochs.length + " epochs but " + rare.length + ", " + common.length
                    + " and " + rareShare.length + " values");
        }
        epochs = epochs.clone();
        rare = rare.clone();
        common = common.clone();
        rareShare = rareShare.clone();
    }

    /** The groups' figures of every epoch of {@code history} that measured them. */
    public static GroupErrors of(List<EpochMetrics> history) {
        List<EpochMetrics> measured = history.stream().filter(EpochMetrics::hasRareGroup).toList();
        int n = measured.size();
        int[] epochs = new int[n];
        double[] rare = new double[n];
        double[] common = new double[n];
        double[] share = new double[n];
        for (int i = 0; i < n; i++) {
            RareGroupMetrics group = measured.get(i).rareGroup();
            epochs[i] = measured.get(i).epoch();
            rare[i] = group.rareReconstruction();
            common[i] = group.commonReconstruction();
            share[i] = group.rareShareOfDraws();
        }
        return new GroupErrors(epochs, rare, common, share);
    }

    public int size() {
        return epochs.length;
    }

    @Override
    public int[] epochs() {
        return epochs.clone();
    }

    @Override
    public double[] rare() {
        return rare.clone();
    }

    @Override
    public double[] common() {
        return common.clone();
    }

    @Override
    public double[] rareShare() {
        return rareShare.clone();
    }

    public int epoch(int i) {
        return epochs[i];
    }

    public double rare(int i) {
        return rare[i];
    }

    public double common(int i) {
        return common[i];
    }

    public double rareShare(int i) {
        return rareShare[i];
    }

    /**
     * The range a chart of {@code models} shows: every value, padded by 5 % (at least half a nat)
     * and rounded out to whole nats; once a model has three epochs, its first is left out, since its
     * error lies far above the rest and would flatten the differences the chart is for.
     *
     * @return {low, high}; {0, 1} when nothing is measured
     */
    public static double[] valueRange(GroupErrors... models) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (GroupErrors errors : models) {
            for (int i = errors.size() >= 3 ? 1 : 0; i < errors.size(); i++) {
                for (double v : new double[] {errors.rare[i], errors.common[i]}) {
                    if (Double.isFinite(v)) {
                        low = Math.min(low, v);
                        high = Math.max(high, v);
                    }
                }
            }
        }
        if (!(low <= high)) {
            return new double[] {0, 1};
        }
        double pad = Math.max(0.5, 0.05 * (high - low));
        return new double[] {Math.floor(low - pad), Math.ceil(high + pad)};
    }
}
