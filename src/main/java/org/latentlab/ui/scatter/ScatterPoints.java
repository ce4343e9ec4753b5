package org.latentlab.ui.scatter;

import java.util.List;

/**
 * The probe set as the scatter draws it: one 2-D position per image (the latent means, or their
 * projection onto two principal components), its class, and what the axes mean. Immutable.
 *
 * @param xs          horizontal coordinates
 * @param ys          vertical coordinates
 * @param labels      class of each point, or −1
 * @param classNames  names of the classes, for the legend
 * @param xTitle      what the horizontal axis is ("z₁", "PC 1")
 * @param yTitle      what the vertical axis is
 * @param note        one line on how the plane was obtained, or empty for the raw latent space
 * @param projection  the 2 × latentSize matrix that maps a latent point to the plane (row-major),
 *                    applied after subtracting {@code centre}
 * @param centre      the latent point subtracted before projecting (zeros for the raw latent plane)
 */
public record ScatterPoints(float[] xs, float[] ys, int[] labels, List<String> classNames, String xTitle,
                            String yTitle, String note, double[] projection, double[] centre) {

    public ScatterPoints {
        classNames = List.copyOf(classNames);
    }

    public int size() {
        return xs.length;
    }

    /** Whether the plane is two latent coordinates themselves, so latent grids can be drawn on it. */
    public boolean isRawLatentPlane() {
        return note.isEmpty();
    }

    public int latentSize() {
        return centre.length;
    }

    /** The plane's coordinates of latent point {@code z}. */
    public double[] project(float[] z) {
        double[] p = new double[2];
        for (int row = 0; row < 2; row++) {
            for (int j = 0; j < centre.length; j++) {
                p[row] += projection[row * centre.length + j] * (z[j] - centre[j]);
            }
        }
        return p;
    }
}
