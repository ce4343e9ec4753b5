package org.latentlab.ui.scatter;

import java.util.List;
import org.latentlab.latent.LatentPlane;

/**
 * The probe set as the scatter draws it: one 2-D position per image (the latent means, or their
 * shadow on the plane of their two leading principal components), its class, and what the axes
 * mean. Immutable.
 *
 * @param xs         horizontal coordinates
 * @param ys         vertical coordinates
 * @param labels     class of each point, or −1
 * @param classNames names of the classes, for the legend
 * @param plane      the plane of the latent space the points are drawn on
 * @param note       one line on how the plane was chosen, or empty for the raw latent plane
 */
public record ScatterPoints(float[] xs, float[] ys, int[] labels, List<String> classNames, LatentPlane plane,
                            String note) {

    public ScatterPoints {
        classNames = List.copyOf(classNames);
    }

    public int size() {
        return xs.length;
    }

    /** Whether the plane is two latent coordinates themselves, so latent grids can be drawn on it. */
    public boolean isRawLatentPlane() {
        return !plane.isPrincipal();
    }

    /**
     * The point nearest to (x, y) within {@code radius} plane units, or −1. Ties go to the point
     * with the higher index.
     */
    public int nearest(double x, double y, double radius) {
        int best = -1;
        double bestDistance = radius * radius;
        for (int i = 0; i < xs.length; i++) {
            double dx = xs[i] - x;
            double dy = ys[i] - y;
            double d = dx * dx + dy * dy;
            if (d <= bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    public int latentSize() {
        return plane.latentSize();
    }

    /** The plane's coordinates of latent point {@code z}. */
    public double[] project(float[] z) {
        float[] p = plane.project(z, 1);
        return new double[] {p[0], p[1]};
    }

    public String xTitle() {
        return plane.axisNames()[0];
    }

    public String yTitle() {
        return plane.latentSize() == 1 ? "" : plane.axisNames()[1];
    }
}
