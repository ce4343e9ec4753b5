package org.latentlab.model;

/**
 * Where a set of images lands in latent space: row-major {@code count × latentSize} arrays.
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
    }

    public boolean hasPosterior() {
        return logVariances != null;
    }

    public float mean(int image, int dimension) {
        return means[image * latentSize + dimension];
    }
}
