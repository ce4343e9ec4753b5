package org.latentlab.data;

/**
 * Frames a hand-drawn image the way MNIST's digits were framed (LeCun et al.): the ink scaled so
 * that its bounding box fits a box of 20/28 of the image's side, keeping its proportions, and
 * placed so that its centre of mass lies at the image's centre. A digit drawn small, large or in a
 * corner of a drawing pad then looks to an encoder like the digits it was trained on. Stateless and
 * thread-safe.
 *
 * <p>Resampling is bilinear at the output pixels' centres, so the scaling is about the centre of
 * mass, which therefore stays put: the framed image's centre of mass is the image centre (up to the
 * ink that falls outside, which a 20/28 box leaves little room for).
 */
public final class DigitFraming {

    /** The share of the side the ink's bounding box is scaled to (MNIST: 20 of 28 pixels). */
    public static final double BOX_SHARE = 20.0 / 28;
    /** Pixels fainter than this do not count towards the bounding box. */
    static final float INK_THRESHOLD = 0.05f;
    /** A dot is not blown up to fill the box: at most this much enlargement. */
    static final double MAX_SCALE = 4;

    private DigitFraming() {
    }

    /**
     * The framed image, a new array; an image without ink comes back as a copy.
     *
     * @param image {@code width × height} intensities, row-major
     */
    public static float[] frame(float[] image, int width, int height) {
        if (image.length < width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image needs " + width * height
                    + " pixels, got " + image.length);
        }
        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = image[y * width + x];
                mass += v;
                sumX += v * (x + 0.5);
                sumY += v * (y + 0.5);
                if (v > INK_THRESHOLD) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0 || !(mass > 0)) {
            return image.clone();
        }
        double side = Math.max(right - left + 1, bottom - top + 1);
        double scale = Math.min(MAX_SCALE, BOX_SHARE * Math.min(width, height) / side);
        double centreX = sumX / mass;
        double centreY = sumY / mass;
        float[] out = new float[width * height];
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                // Where this output pixel's centre comes from, in continuous source coordinates.
                double x = centreX + (u + 0.5 - width / 2.0) / scale;
                double y = centreY + (v + 0.5 - height / 2.0) / scale;
                out[v * width + u] = bilinear(image, width, height, x - 0.5, y - 0.5);
            }
        }
        return out;
    }

    /** The image at (x, y) in pixel-index coordinates, interpolated; 0 (paper) outside. */
    private static float bilinear(float[] image, int width, int height, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double top = (1 - fx) * at(image, width, height, x0, y0) + fx * at(image, width, height, x0 + 1, y0);
        double bottom = (1 - fx) * at(image, width, height, x0, y0 + 1) + fx * at(image, width, height, x0 + 1, y0 + 1);
        return (float) ((1 - fy) * top + fy * bottom);
    }

    private static float at(float[] image, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : image[y * width + x];
    }
}
