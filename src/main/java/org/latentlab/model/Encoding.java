package org.latentlab.model;

/**
 * Where a set of images lands in latent space: row-major {@code count × latentSize} arrays.
 *
 * <p>The arrays are copied in, so whoever made them may go on using theirs. They are handed out
 * as they are, since views read them for every new snapshot (a copy there would cost up to
 * 2.5 MB each time): read them, never write to them; {@link #mean} and {@link #logVariance} read
 * one value.
 *
 * @param means        μ(x), or z itself for a deterministic autoencoder
 * @param logVariances log σ²(x) of the posterior, or {@code null} for an autoencoder, which has
 *                     no posterior
 */
public record Encoding(float[] means, float[] logVariances, int count, int latentSize) {

    public Encoding {
        if (means.length != count * latentSize) {
            throw new IllegalArgumentException("means hold " + means.length + " values, expected " + count * latentSize);
        }
        if (logVariances != null && logVariances.length != means.length) {
            throw new IllegalArgumentException("log-variances and means differ in length");
        }
        means = means.clone();
        logVariances = logVariances == null ? null : logVariances.clone();
    }

    public boolean hasPosterior() {
        return logVariances != null;
    }

    public float mean(int image, int dimension) {
        return means[image * latentSize + dimension];
    }

    /** log σ² of image {@code image}'s posterior in {@code dimension}; only for a VAE. */
    public float logVariance(int image, int dimension) {
        if (logVariances == null) {
            throw new IllegalStateException("an autoencoder's codes have no posterior variance");
        }
        return logVariances[image * latentSize + dimension];
    }

    /**
     * The mean over the images of KL(q(z|x) ‖ N(0, I)) split by latent dimension, in nats; all
     * zeros for an autoencoder. A dimension whose KL is near zero carries no information about x.
     */
    public double[] klPerDimension() {
        double[] kl = new double[latentSize];
        if (!hasPosterior() || count == 0) {
            return kl;
        }
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < latentSize; j++) {
                kl[j] += GaussianKl.fromStandardNormal(means[i * latentSize + j], logVariances[i * latentSize + j]);
            }
        }
        for (int j = 0; j < latentSize; j++) {
            kl[j] /= count;
        }
        return kl;
    }

    /**
     * How much each latent dimension's posterior mean varies across the images: Cov over x of
     * E_q[z_d], the population variance of column d of {@link #means} (0 for fewer than two images).
     */
    public double[] meanVariances() {
        double[] variances = new double[latentSize];
        if (count < 2) {
            return variances;
        }
        for (int j = 0; j < latentSize; j++) {
            double sum = 0;
            double sumOfSquares = 0;
            for (int i = 0; i < count; i++) {
                double m = means[i * latentSize + j];
                sum += m;
                sumOfSquares += m * m;
            }
            double mean = sum / count;
            variances[j] = Math.max(0, sumOfSquares / count - mean * mean);
        }
        return variances;
    }

    /**
     * Which latent dimensions are in use ("active units", Burda et al. 2016): those whose posterior
     * mean varies across the images with variance above {@code threshold} (they use 0.01). An
     * inactive dimension says the same thing for every image: it has collapsed onto the prior.
     */
    public boolean[] activeDimensions(double threshold) {
        double[] variances = meanVariances();
        boolean[] active = new boolean[latentSize];
        for (int j = 0; j < latentSize; j++) {
            active[j] = variances[j] > threshold;
        }
        return active;
    }

    /** How many of {@link #activeDimensions} are in use. */
    public int activeUnits(double threshold) {
        int active = 0;
        for (boolean used : activeDimensions(threshold)) {
            active += used ? 1 : 0;
        }
        return active;
    }
}
