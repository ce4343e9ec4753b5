package org.latentlab.likelihood;

import org.latentlab.model.DecodedPoints;
import org.latentlab.model.SnapshotDecoder;

/**
 * A coarse look over the whole square [−{@value #HALF_WIDTH}, {@value #HALF_WIDTH}]² of a 2-D latent
 * space, where the prior N(0, I) keeps all but e⁻¹⁸ of its density, for where an image's posterior
 * lies: {@value #CELLS} × {@value #CELLS} points decoded once, then each image scored against all of
 * them with one matrix multiply per 16 images ({@link DecodedPoints}). A grid placed around q(z|x) can
 * hold a posterior whole and still miss a second region of it far away (a trained encoder sometimes
 * puts q there, or the decoder maps two regions to similar images); the scan shows such regions.
 *
 * <p>Confined to the thread that owns its decoder.
 */
final class PosteriorScan {

    static final double HALF_WIDTH = 6;
    static final int CELLS = 96;
    /** A point whose share of the scanned posterior is below this lies outside the box of {@link Seen#box()}. */
    private static final double SMALLEST_SHARE = 1e-7;

    private final DecodedPoints points;
    private final double step = 2 * HALF_WIDTH / CELLS;

    PosteriorScan(SnapshotDecoder decoder) {
        float[] latents = new float[2 * CELLS * CELLS];
        for (int j = 0; j < CELLS; j++) {
            for (int i = 0; i < CELLS; i++) {
                latents[2 * (j * CELLS + i)] = (float) z(i);
                latents[2 * (j * CELLS + i) + 1] = (float) z(j);
            }
        }
        this.points = decoder.decodePoints(latents, CELLS * CELLS);
    }

    /** The spacing of the scan's points. */
    double step() {
        return step;
    }

    /**
     * What the scan sees of each image's posterior.
     *
     * @param images the images, one after another
     */
    Seen[] scan(float[] images, int count) {
        double[][] logLikelihoods = points.logLikelihoods(images, count);
        Seen[] seen = new Seen[count];
        for (int image = 0; image < count; image++) {
            seen[image] = new Seen(logLikelihoods[image]);
        }
        return seen;
    }

    private double z(int i) {
        return -HALF_WIDTH + (i + 0.5) * step;
    }

    /**
     * One image's posterior on the scan's points, each point's share of the sum: a rough picture
     * (a peak narrower than the spacing can fall between points and look smaller than it is), good
     * for finding where the posterior lies, not for its integral.
     */
    final class Seen {

        private final double[] share;

        /** @param logJoint log p(x|z) at the scan's points, turned in place into shares of p(x, z) */
        private Seen(double[] logJoint) {
            double largest = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < CELLS; j++) {
                for (int i = 0; i < CELLS; i++) {
                    logJoint[j * CELLS + i] -= 0.5 * (z(i) * z(i) + z(j) * z(j));
                    largest = Math.max(largest, logJoint[j * CELLS + i]);
                }
            }
            double sum = 0;
            for (int k = 0; k < logJoint.length; k++) {
                logJoint[k] = Math.exp(logJoint[k] - largest);
                sum += logJoint[k];
            }
            for (int k = 0; k < logJoint.length; k++) {
                logJoint[k] /= sum;
            }
            this.share = logJoint;
        }

        /**
         * The share of the scanned posterior at points more than one spacing outside {@code box}
         * {z₁ from, z₁ to, z₂ from, z₂ to}.
         */
        double shareOutside(double[] box) {
            double outside = 0;
            for (int j = 0; j < CELLS; j++) {
                for (int i = 0; i < CELLS; i++) {
                    if (z(i) < box[0] - step || z(i) > box[1] + step || z(j) < box[2] - step || z(j) > box[3] + step) {
                        outside += share[j * CELLS + i];
                    }
                }
            }
            return outside;
        }

        /** The box {z₁ from, z₁ to, z₂ from, z₂ to} around every point with a share of at least 10⁻⁷, each with its cell. */
        double[] box() {
            double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY};
            for (int j = 0; j < CELLS; j++) {
                for (int i = 0; i < CELLS; i++) {
                    if (share[j * CELLS + i] >= SMALLEST_SHARE) {
                        box[0] = Math.min(box[0], z(i) - step / 2);
                        box[1] = Math.max(box[1], z(i) + step / 2);
                        box[2] = Math.min(box[2], z(j) - step / 2);
                        box[3] = Math.max(box[3], z(j) + step / 2);
                    }
                }
            }
            return box;
        }
    }
}
