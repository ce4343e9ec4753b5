package org.latentlab.ui.plot;

/**
 * The coverage of each pixel by a disc of a given radius centred in a small square, computed once
 * by supersampling, so that drawing thousands of smooth dots is a table look-up per pixel.
 * Immutable.
 */
public final class DiscSprite {

    private static final int SUBSAMPLES = 4;

    private final double radius;
    private final int size;
    private final float[] coverage;

    public DiscSprite(double radius) {
        if (!(radius > 0) || radius > 32) {
            throw new IllegalArgumentException("a dot's radius must be in (0, 32] pixels, got " + radius);
        }
        this.radius = radius;
        this.size = (int) Math.ceil(2 * radius) + 1;
        this.coverage = new float[size * size];
        double centre = radius;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int inside = 0;
                for (int sy = 0; sy < SUBSAMPLES; sy++) {
                    for (int sx = 0; sx < SUBSAMPLES; sx++) {
                        double px = x + (sx + 0.5) / SUBSAMPLES - centre;
                        double py = y + (sy + 0.5) / SUBSAMPLES - centre;
                        if (px * px + py * py <= radius * radius) {
                            inside++;
                        }
                    }
                }
                coverage[y * size + x] = inside / (float) (SUBSAMPLES * SUBSAMPLES);
            }
        }
    }

    public double radius() {
        return radius;
    }

    /** The side of the square the disc is drawn in, in pixels. */
    public int size() {
        return size;
    }

    /**
     * The opacity, 0–255, of each pixel of the square for a dot drawn at opacity {@code alpha}:
     * computed once per drawing so that stamping thousands of dots needs no arithmetic on floats.
     */
    public int[] weights(double alpha) {
        int[] weights = new int[coverage.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (int) Math.round(255 * Math.min(1, Math.max(0, alpha)) * coverage[i]);
        }
        return weights;
    }

}
