package org.latentlab.ui.collapse;

/**
 * What the collapse meter shows at one moment: each latent dimension's share of the held-out KL
 * term and whether it is in use. Immutable (the arrays are the reading's own; read them only).
 *
 * @param klPerDimension mean KL(q(z_d|x) ‖ N(0, 1)) over the held-out probe images, nats per image
 * @param active         whether each dimension is an active unit (its posterior means vary across
 *                       the images by more than {@link org.latentlab.training.TrainingSnapshot#ACTIVE_UNIT_THRESHOLD})
 * @param activeUnits    how many are active
 * @param pixels         pixels per image, to show the KL in bits per dimension
 * @param hasKl          whether the model has a KL term at all (not an autoencoder)
 * @param iteration      the training steps the model has taken
 */
public record CollapseReading(double[] klPerDimension, boolean[] active, int activeUnits, int pixels, boolean hasKl,
                              long iteration) {

    public CollapseReading {
        if (klPerDimension.length != active.length) {
            throw new IllegalArgumentException(klPerDimension.length + " KL values for " + active.length + " dimensions");
        }
    }

    public int dimensions() {
        return active.length;
    }

    /** The KL term summed over the dimensions, nats per image. */
    public double totalKl() {
        double total = 0;
        for (double kl : klPerDimension) {
            total += kl;
        }
        return total;
    }
}
