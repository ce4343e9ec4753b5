package org.latentlab.ui.plot;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Grayscale images as JavaFX pictures, drawn as in MNIST: intensity 1 is white (ink), 0 black;
 * values outside [0, 1] (a Gaussian decoder's) are clamped.
 */
public final class GrayImage {

    private GrayImage() {
    }

    /** One image of {@code width × height} intensities starting at {@code offset}. */
    public static WritableImage of(float[] pixels, int offset, int width, int height) {
        WritableImage image = new WritableImage(width, height);
        write(image, 0, 0, pixels, offset, width, height);
        return image;
    }

    /** Writes one image into {@code target} with its top-left corner at (x, y). */
    public static void write(WritableImage target, int x, int y, float[] pixels, int offset, int width, int height) {
        byte[] grey = new byte[width * height];
        for (int p = 0; p < grey.length; p++) {
            float v = pixels[offset + p];
            grey[p] = (byte) Math.round(255 * (v < 0 ? 0 : v > 1 ? 1 : v));
        }
        target.getPixelWriter().setPixels(x, y, width, height, PixelFormat.getByteRgbInstance(), expand(grey),
                0, width * 3);
    }

    private static byte[] expand(byte[] grey) {
        byte[] rgb = new byte[grey.length * 3];
        for (int i = 0; i < grey.length; i++) {
            rgb[3 * i] = grey[i];
            rgb[3 * i + 1] = grey[i];
            rgb[3 * i + 2] = grey[i];
        }
        return rgb;
    }

    /**
     * A strip or grid of {@code count} images, {@code columns} across, with {@code gap} pixels of
     * {@code gapGrey} (0–255) between them.
     */
    public static WritableImage grid(float[] pixels, int count, int columns, int width, int height, int gap, int gapGrey) {
        int rows = (count + columns - 1) / columns;
        int totalWidth = columns * width + (columns - 1) * gap;
        int totalHeight = rows * height + (rows - 1) * gap;
        WritableImage image = new WritableImage(Math.max(1, totalWidth), Math.max(1, totalHeight));
        if (gap > 0) {
            byte[] fill = new byte[totalWidth * totalHeight * 3];
            java.util.Arrays.fill(fill, (byte) gapGrey);
            image.getPixelWriter().setPixels(0, 0, totalWidth, totalHeight, PixelFormat.getByteRgbInstance(), fill, 0,
                    totalWidth * 3);
        }
        for (int i = 0; i < count; i++) {
            int x = i % columns * (width + gap);
            int y = i / columns * (height + gap);
            write(image, x, y, pixels, i * width * height, width, height);
        }
        return image;
    }
}
