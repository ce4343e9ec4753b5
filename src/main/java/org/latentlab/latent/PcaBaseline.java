package org.latentlab.latent;

/**
 * The linear baseline of the compare lab: an "autoencoder" whose encoder projects an image onto
 * the two leading principal components of a set of images and whose decoder adds those
 * components back to the mean image.
 *
 * <p>Its codes are the PCA scores divided by their standard deviations, {@code zₖ = sₖ/√λₖ}, so
 * that over the fitted images they have mean 0 and variance 1 like a VAE's codes under the prior
 * N(0, I): its panel shares the axes, the prior's circles and the decoded grid with the VAE panels.
 * (This is probabilistic PCA in the limit of no pixel noise, whose prior on z is also N(0, I).)
 * Decoded images are clipped to the displayable [0, 1].
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param pca two principal components of the images
 */
public record PcaBaseline(Pca pca) {

    /** The latent size of the baseline. */
    public static final int COMPONENTS = 2;

    public PcaBaseline {
        if (pca.componentCount() != COMPONENTS) {
            throw new IllegalArgumentException("the baseline uses " + COMPONENTS + " components, got "
                    + pca.componentCount());
        }
    }

    /** Fits the baseline to {@code count} images of {@code pixelsPerImage} pixels each. */
    public static PcaBaseline fit(float[] images, int count, int pixelsPerImage) {
        return new PcaBaseline(Pca.fit(images, count, pixelsPerImage, COMPONENTS));
    }

    /** The standardised scores of {@code count} images: {@code count × 2}, row-major. */
    public float[] encode(float[] images, int count) {
        float[] scores = pca.project(images, count);
        for (int i = 0; i < scores.length; i++) {
            double sd = pca.standardDeviation(i % COMPONENTS);
            scores[i] = sd > 0 ? (float) (scores[i] / sd) : 0f;
        }
        return scores;
    }

    /** The images at {@code count} codes ({@code count × 2}, row-major), clipped to [0, 1]. */
    public float[] decode(float[] codes, int count) {
        float[] scores = new float[count * COMPONENTS];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) (codes[i] * pca.standardDeviation(i % COMPONENTS));
        }
        float[] images = pca.reconstruct(scores, count);
        for (int i = 0; i < images.length; i++) {
            images[i] = Math.max(0f, Math.min(1f, images[i]));
        }
        return images;
    }

    /** The share of the images' variance the two components keep, in [0, 1]. */
    public double explainedVariance() {
        double[] ratio = pca.explainedVarianceRatio();
        return ratio[0] + ratio[1];
    }
}
