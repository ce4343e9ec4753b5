package org.latentlab.ui.plot;

import org.latentlab.render.MarkerShape;

/**
 * The coverage of each pixel by a marker of a given shape and radius centred in a small square,
 * computed once by supersampling, so that drawing thousands of smooth markers is a table look-up
 * per pixel. The figures draw the same shapes ({@link MarkerShape}). Immutable.
 */
public final class MarkerSprite {

    private static final int SUBSAMPLES = 4;

    private final MarkerShape shape;
    private final double radius;
    private final double centre;
    private final int size;
    private final float[] coverage;

    /** A disc of {@code radius} pixels. */
    public MarkerSprite(double radius) {
        this(MarkerShape.CIRCLE, radius);
    }

    public MarkerSprite(MarkerShape shape, double radius) {
        if (!(radius > 0) || radius > 32) {
            throw new IllegalArgumentException("a marker's radius must be in (0, 32] pixels, got " + radius);
        }
        this.shape = shape;
        this.radius = radius;
        this.centre = shape.extent() * radius;
        this.size = (int) Math.ceil(2 * centre) + 1;
        this.coverage = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int inside = 0;
                for (int sy = 0; sy < SUBSAMPLES; sy++) {
                    for (int sx = 0; sx < SUBSAMPLES; sx++) {
                        double px = x + (sx + 0.5) / SUBSAMPLES - centre;
                        double py = y + (sy + 0.5) / SUBSAMPLES - centre;
                        if (shape.contains(px / radius, py / radius)) {
                            inside++;
                        }
                    }
                }
                coverage[y * size + x] = inside / (float) (SUBSAMPLES * SUBSAMPLES);
            }
        }
    }

    public MarkerShape shape() {
        return shape;
    }

    public double radius() {
        return radius;
    }

    /** How far the square reaches from the marker's centre, in pixels. */
    public double centre() {
        return centre;
    }

    /** The side of the square the marker is drawn in, in pixels. */
    public int size() {
        return size;
    }

    /** How much of each pixel of the square, row by row, the marker covers, in [0, 1]. */
    public float coverage(int x, int y) {
        return coverage[y * size + x];
    }

    /**
     * The opacity, 0–255, of each pixel of the square for a marker drawn at opacity {@code alpha}:
     * computed once per drawing so that stamping thousands of markers needs no arithmetic on floats.
     */
    public int[] weights(double alpha) {
        int[] weights = new int[coverage.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (int) Math.round(255 * Math.min(1, Math.max(0, alpha)) * coverage[i]);
        }
        return weights;
    }
}
