package org.latentlab.ui.debiasing;

import org.latentlab.ui.scatter.ScatterPoints;

/**
 * The debiased model's held-out faces as the Debiasing tab draws them: each face's place on the
 * scatter's plane, whether it belongs to the rare group, and its sampling weight, how often the
 * debiased sampler would draw it against the average training face (1 everywhere before the first
 * epoch's histograms). Immutable.
 *
 * @param points  the faces' latent means on a plane
 * @param rare    whether each face is in the rare group
 * @param weights each face's sampling weight
 * @param epoch   the epoch whose histograms gave the weights (0: none yet)
 */
public record WeightedPoints(ScatterPoints points, boolean[] rare, double[] weights, int epoch) {

    public WeightedPoints {
        if (rare.length != points.size() || weights.length != points.size()) {
            throw new IllegalArgumentException(points.size() + " points but " + rare.length + " memberships and "
                    + weights.length + " weights");
        }
        rare = rare.clone();
        weights = weights.clone();
    }

    public int size() {
        return points.size();
    }

    public boolean isRare(int i) {
        return rare[i];
    }

    public double weight(int i) {
        return weights[i];
    }

    @Override
    public boolean[] rare() {
        return rare.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** How the points are placed on the plane, and where the dots' sizes come from. */
    public String caption() {
        String sizes = epoch == 0 ? "Every dot the same size: the sampler has no histograms before the first epoch."
                : "Dot sizes from the histograms made at the start of epoch " + epoch + ".";
        return points.note().isEmpty() ? sizes : points.note() + ". " + sizes;
    }

    /** The mean weight of the rare faces (NaN if there are none): above 1 when the sampler favours them. */
    public double meanRareWeight() {
        return meanWeight(true);
    }

    /** The mean weight of the other faces (NaN if there are none). */
    public double meanCommonWeight() {
        return meanWeight(false);
    }

    private double meanWeight(boolean ofRare) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < weights.length; i++) {
            if (rare[i] == ofRare) {
                sum += weights[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
