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
    /** Points whose log p(x, z) is within this many nats of the largest count as the posterior's. */
    static final double SIGNIFICANT = 12;

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
     * For each image, the box {z₁ from, z₁ to, z₂ from, z₂ to} around the scan's points whose
     * log p(x, z) is within {@value #SIGNIFICANT} nats of the image's largest (each point standing
     * for its cell).
     *
     * @param images the images, one after another
     */
    double[][] significantBoxes(float[] images, int count) {
        double[][] logLikelihoods = points.logLikelihoods(images, count);
        double[][] boxes = new double[count][];
        for (int image = 0; image < count; image++) {
            boxes[image] = significantBox(logLikelihoods[image]);
        }
        return boxes;
    }

    private double[] significantBox(double[] logJoint) {
        double largest = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < CELLS; j++) {
            for (int i = 0; i < CELLS; i++) {
                logJoint[j * CELLS + i] -= 0.5 * (z(i) * z(i) + z(j) * z(j));
                largest = Math.max(largest, logJoint[j * CELLS + i]);
            }
        }
        double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (int j = 0; j < CELLS; j++) {
            for (int i = 0; i < CELLS; i++) {
                if (logJoint[j * CELLS + i] >= largest - SIGNIFICANT) {
                    box[0] = Math.min(box[0], z(i) - step / 2);
                    box[1] = Math.max(box[1], z(i) + step / 2);
                    box[2] = Math.min(box[2], z(j) - step / 2);
                    box[3] = Math.max(box[3], z(j) + step / 2);
                }
            }
        }
        return box;
    }

    private double z(int i) {
        return -HALF_WIDTH + (i + 0.5) * step;
    }
}
