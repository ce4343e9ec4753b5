package org.latentlab.render;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A run of equally sized grayscale images in one array, as a decoder or a data set hands them
 * over: row-major pixels, one image after another, each an intensity in [0, 1].
 *
 * <p>Intensity is brightness, as in MNIST pictures: 1 is drawn white (the ink of a digit), 0 black.
 * Values a little outside [0, 1] (from a Gaussian decoder) are drawn clamped; NaN is refused, since
 * a picture of it would hide a broken model. The array is not copied: do not change it while a
 * figure is drawn from it. Being a record over an array, two instances are equal only when they
 * share the array.
 *
 * @param pixels {@code count × width × height} intensities
 * @param width  the width of each image in pixels
 * @param height the height of each image in pixels
 */
public record GrayscaleImages(float[] pixels, int width, int height) {

    public GrayscaleImages {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "×" + height);
        }
        int perImage = width * height;
        if (pixels.length == 0 || pixels.length % perImage != 0) {
            throw new IllegalArgumentException("pixel array of length " + pixels.length
                    + " is not a positive whole number of " + width + "×" + height + " images");
        }
        for (int i = 0; i < pixels.length; i++) {
            if (Float.isNaN(pixels[i])) {
                throw new IllegalArgumentException("image " + i / perImage + " has a NaN pixel at ("
                        + (i % perImage) % width + ", " + (i % perImage) / width + ")");
            }
        }
    }

    /** How many images there are. */
    public int count() {
        return pixels.length / (width * height);
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive) of this run, copied. */
    public GrayscaleImages range(int from, int to) {
        if (from < 0 || to > count() || from >= to) {
            throw new IllegalArgumentException("no images " + from + ".." + to + " among " + count());
        }
        int perImage = width * height;
        return new GrayscaleImages(Arrays.copyOfRange(pixels, from * perImage, to * perImage), width, height);
    }

    /**
     * Paints image {@code index} into {@code target} with its top-left corner at (left, top), each
     * source pixel as a {@code scale × scale} square: nearest-neighbour, so pixels stay pixels.
     */
    void paint(int index, BufferedImage target, int left, int top, int scale) {
        int offset = index * width * height;
        int[] row = new int[width * scale];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = pixels[offset + y * width + x];
                int level = Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
                int rgb = (level << 16) | (level << 8) | level;
                Arrays.fill(row, x * scale, (x + 1) * scale, rgb);
            }
            for (int dy = 0; dy < scale; dy++) {
                target.setRGB(left, top + y * scale + dy, width * scale, 1, row, 0, width * scale);
            }
        }
    }
}
