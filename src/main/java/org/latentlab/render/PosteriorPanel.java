package org.latentlab.render;

import java.util.Arrays;

/**
 * What the likelihood figure shows of one image: the image, the true posterior p(z|x) on a grid in
 * a 2-D latent space, the encoder's q(z|x), the numbers, and the importance-sampling estimate as
 * the number of samples grows. Values in nats per image.
 *
 * @param image               the image alone
 * @param label               a caption, e.g. its class ("7"), or {@code null}
 * @param first1              z₁ at the centre of the heat map's first column
 * @param first2              z₂ at the centre of its first (bottom) row
 * @param step                the width and height of a heat-map cell, in latent units
 * @param cells               cells along each axis
 * @param density             p(z|x) at each cell, row by row from the bottom (index {@code j · cells + i}); any scale
 * @param qMean               q(z|x)'s mean, {z₁, z₂}
 * @param qStd                q(z|x)'s standard deviations, {σ₁, σ₂}
 * @param negativeElbo        the −ELBO estimate
 * @param negativeLogMarginal −log p(x) by quadrature
 * @param samples             the K of each point of the importance-sampling curve, increasing
 * @param iwae                −log p̂_K(x) at each K
 */
public record PosteriorPanel(GrayscaleImages image, String label, double first1, double first2, double step, int cells,
                             double[] density, double[] qMean, double[] qStd, double negativeElbo,
                             double negativeLogMarginal, int[] samples, double[] iwae) {

    public PosteriorPanel {
        if (image.count() != 1) {
            throw new IllegalArgumentException("a panel shows one image, got " + image.count());
        }
        if (cells < 2 || density.length != cells * cells || !(step > 0)) {
            throw new IllegalArgumentException("a heat map of " + cells + " cells a side needs " + cells * cells
                    + " values and a positive step");
        }
        if (qMean.length != 2 || qStd.length != 2) {
            throw new IllegalArgumentException("q(z|x) in two dimensions needs two means and two standard deviations");
        }
        if (samples.length != iwae.length || samples.length == 0) {
            throw new IllegalArgumentException("the curve needs one estimate per K, got " + samples.length + " and "
                    + iwae.length);
        }
        density = density.clone();
        qMean = qMean.clone();
        qStd = qStd.clone();
        samples = samples.clone();
        iwae = iwae.clone();
    }

    /** −ELBO − (−log p(x)) = KL(q(z|x) ‖ p(z|x)). */
    public double gap() {
        return negativeElbo - negativeLogMarginal;
    }

    /** The largest density on the map. */
    double peak() {
        return Arrays.stream(density).max().orElseThrow();
    }
}
