package org.latentlab.ui.outliers;

import org.latentlab.render.SharedHistogram;

/**
 * What the Outliers tab shows of one reading of the model: every held-out image's −log p(x), the
 * most and the least likely of them with their reconstructions, and, when other data was loaded,
 * how its −log p(x) compares. Values in nats per image. Immutable (its arrays are not handed out
 * to be written).
 *
 * @param iteration  the training iterations of the model scored
 * @param samples    K, the importance samples per image (IWAE)
 * @param imageWidth  the images' width in pixels
 * @param imageHeight their height
 * @param heldOut    −log p(x) of each held-out image, in the scatter's order
 * @param mostLikely the held-out images of lowest −log p(x), lowest first
 * @param leastLikely the held-out images of highest −log p(x), highest first
 * @param comparison the other data's scores, or {@code null} before any is loaded
 */
public record OutlierScores(long iteration, int samples, int imageWidth, int imageHeight, double[] heldOut, Shown mostLikely,
                            Shown leastLikely, Comparison comparison) {

    /** Pixels per image, D: a value in nats over D · ln 2 is in bits per dimension. */
    public int pixels() {
        return imageWidth * imageHeight;
    }

    /**
     * Images shown in a block, in order.
     *
     * @param indices         their places among the held-out images (the scatter's indices)
     * @param values          their −log p(x)
     * @param images          their pixels, one image after another
     * @param reconstructions the decoder's mean at each image's posterior mean μ(x), in the same layout
     */
    public record Shown(int[] indices, double[] values, float[] images, float[] reconstructions) {

        public int count() {
            return indices.length;
        }
    }

    /**
     * The other data's −log p(x) beside the held-out images'.
     *
     * @param otherName what the other data is, "Synthetic faces"
     * @param other     −log p(x) of each of its images scored
     * @param auroc     the AUROC of −log p(x) as a score for "not from the training data": the chance
     *                  that an image of the other data scores above a held-out image
     * @param histogram both sets counted over the same bins, the held-out images first
     */
    public record Comparison(String otherName, double[] other, double auroc, SharedHistogram histogram) {

        /** Whether the model rates the other data as more likely than its own held-out images, on the whole. */
        public boolean otherLooksMoreLikely() {
            return auroc < 0.5;
        }
    }
}
