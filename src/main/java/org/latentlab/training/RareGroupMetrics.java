package org.latentlab.training;

/**
 * How the images of a planted rare group ({@link org.latentlab.data.RareGroup}) fared in one epoch
 * against the others, for debiasing: does the model reconstruct the rare images as well as the
 * common ones, and how often did training see them?
 *
 * @param rareReconstruction   the reconstruction term on the held-out images of the group, nats per
 *                             image (NaN if none was held out)
 * @param commonReconstruction the same on the other held-out images
 * @param rareShareOfDraws     the share of the epoch's draws that were images of the group: its
 *                             share of the training images under a plain shuffle, more when
 *                             debiasing draws it more often
 */
public record RareGroupMetrics(double rareReconstruction, double commonReconstruction, double rareShareOfDraws) {
}
