package org.latentlab.render;

/**
 * What the outlier figure shows: the held-out images a model finds most and least likely, each with
 * its −log p(x) in nats, and optionally how another dataset's −log p(x) compares.
 *
 * @param mostLikely        the most likely images, most likely first
 * @param mostLikelyValues  their −log p(x)
 * @param leastLikely       the least likely images, least likely first
 * @param leastLikelyValues their −log p(x)
 * @param comparison        the two sets' −log p(x), or {@code null} for the images alone
 */
public record OutlierFigureData(GrayscaleImages mostLikely, double[] mostLikelyValues, GrayscaleImages leastLikely,
                                double[] leastLikelyValues, Comparison comparison) {

    public OutlierFigureData {
        if (mostLikely.count() != mostLikelyValues.length || leastLikely.count() != leastLikelyValues.length) {
            throw new IllegalArgumentException("one value per image is needed");
        }
        mostLikelyValues = mostLikelyValues.clone();
        leastLikelyValues = leastLikelyValues.clone();
    }

    /**
     * −log p(x) of the held-out images and of other data, and how well it tells them apart.
     *
     * @param heldOut   −log p(x) of each held-out image
     * @param other     −log p(x) of each image of the other data
     * @param otherName the other data's name, e.g. "Fashion-MNIST"
     * @param auroc     the AUROC of −log p(x) as a score for "other": the chance that an image of the
     *                  other data scores above a held-out image
     */
    public record Comparison(double[] heldOut, double[] other, String otherName, double auroc) {

        public Comparison {
            if (heldOut.length == 0 || other.length == 0) {
                throw new IllegalArgumentException("both sets need images");
            }
            heldOut = heldOut.clone();
            other = other.clone();
        }

        /** Whether the model finds the other data more likely than its own, on the whole. */
        public boolean otherLooksMoreLikely() {
            return auroc < 0.5;
        }
    }
}
