package org.latentlab.model;

/**
 * The loss terms of one pass over a batch, each a mean per image in nats.
 *
 * @param reconstruction      −log p(x|z), summed over pixels
 * @param kl                  the KL term, summed over latent dimensions and levels (0 for an autoencoder):
 *                            KL(q(z|x) ‖ N(0, I)) for a VAE
 * @param objective           the weighted sum that was minimised: wRec · reconstruction + β · kl
 * @param klPerDimension      the KL term split by latent dimension, lower level first (sums to {@code kl})
 * @param count               how many images the means are over
 * @param klPerLevel          the KL term split by stochastic level, lowest first (sums to {@code kl}): one
 *                            number, {@code kl} itself, for a model of one level
 */
public record BatchLosses(double reconstruction, double kl, double objective, double[] klPerDimension, int count,
                          double[] klPerLevel) {

    /** The losses of a model of one latent level. */
    public BatchLosses(double reconstruction, double kl, double objective, double[] klPerDimension, int count) {
        this(reconstruction, kl, objective, klPerDimension, count, new double[] {kl});
    }

    /** The negative evidence lower bound, −ELBO = reconstruction + KL, whatever the training weights. */
    public double negativeElbo() {
        return reconstruction + kl;
    }

    public boolean isFinite() {
        return Double.isFinite(reconstruction) && Double.isFinite(kl) && Double.isFinite(objective);
    }

    /** Combines per-batch means into the mean over all their images. */
    public static BatchLosses mean(Iterable<BatchLosses> parts, int latentSize) {
        double rec = 0;
        double kl = 0;
        double objective = 0;
        double[] perDim = new double[latentSize];
        double[] perLevel = null;
        int total = 0;
        for (BatchLosses part : parts) {
            rec += part.reconstruction * part.count;
            kl += part.kl * part.count;
            objective += part.objective * part.count;
            for (int j = 0; j < latentSize; j++) {
                perDim[j] += part.klPerDimension[j] * part.count;
            }
            if (perLevel == null) {
                perLevel = new double[part.klPerLevel.length];
            }
            for (int l = 0; l < perLevel.length; l++) {
                perLevel[l] += part.klPerLevel[l] * part.count;
            }
            total += part.count;
        }
        if (total == 0) {
            throw new IllegalArgumentException("no batches to average");
        }
        for (int j = 0; j < latentSize; j++) {
            perDim[j] /= total;
        }
        for (int l = 0; l < perLevel.length; l++) {
            perLevel[l] /= total;
        }
        return new BatchLosses(rec / total, kl / total, objective / total, perDim, total, perLevel);
    }
}
