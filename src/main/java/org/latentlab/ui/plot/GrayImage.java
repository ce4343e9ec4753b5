package org.latentlab.ui.plot;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Grayscale images as JavaFX pictures, drawn as in MNIST: intensity 1 is white (ink), 0 black;
 * values outside [0, 1] (a Gaussian decoder's) are clamped. Each picture is made in one pass over
 * premultiplied ARGB pixels that the image wraps ({@link PixelBuffer}): the renderer takes them as
 * they are, with no conversion, which matters when a replay of training changes the pictures every
 * frame.
 */
public final class GrayImage {

    private GrayImage() {
    }

    /** One image of {@code width × height} intensities starting at {@code offset}. */
    public static WritableImage of(float[] pixels, int offset, int width, int height) {
        int[] argb = new int[width * height];
        write(argb, 0, width, pixels, offset, width, height);
        return image(argb, width, height);
    }

    /**
     * A strip or grid of {@code count} images, {@code columns} across, with {@code gap} pixels of
     * {@code gapGrey} (0–255) between them.
     */
    public static WritableImage grid(float[] pixels, int count, int columns, int width, int height, int gap, int gapGrey) {
        int[] argb = new int[gridWidth(columns, width, gap) * gridHeight(count, columns, height, gap)];
        writeGrid(argb, pixels, count, columns, width, height, gap, gapGrey);
        return image(argb, gridWidth(columns, width, gap), gridHeight(count, columns, height, gap));
    }

    /** The width in pixels of a grid of {@code columns} images {@code width} wide, {@code gap} apart. */
    static int gridWidth(int columns, int width, int gap) {
        return Math.max(1, columns * width + (columns - 1) * gap);
    }

    /** The height in pixels of a grid of {@code count} images in {@code columns}, {@code height} high, {@code gap} apart. */
    static int gridHeight(int count, int columns, int height, int gap) {
        int rows = (count + columns - 1) / columns;
        return Math.max(1, rows * height + (rows - 1) * gap);
    }

    /** Draws a grid as {@link #grid} does into {@code argb}, which has its size. */
    static void writeGrid(int[] argb, float[] pixels, int count, int columns, int width, int height, int gap,
                          int gapGrey) {
        int totalWidth = gridWidth(columns, width, gap);
        if (gap > 0) {
            Arrays.fill(argb, grey(gapGrey));
        }
        for (int i = 0; i < count; i++) {
            int x = i % columns * (width + gap);
            int y = i / columns * (height + gap);
            write(argb, y * totalWidth + x, totalWidth, pixels, i * width * height, width, height);
        }
    }

    /** Writes one image into {@code argb} (rows {@code stride} apart) with its top-left pixel at {@code at}. */
    private static void write(int[] argb, int at, int stride, float[] pixels, int offset, int width, int height) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = pixels[offset + y * width + x];
                argb[at + y * stride + x] = grey(Math.round(255 * (v < 0 ? 0 : v > 1 ? 1 : v)));
            }
        }
    }

    private static int grey(int level) {
        return 0xff000000 | level << 16 | level << 8 | level;
    }

    private static WritableImage image(int[] argb, int width, int height) {
        return new WritableImage(buffer(argb, width, height));
    }

    /** A pixel buffer over {@code argb}, premultiplied ARGB pixels of {@code width × height}. */
    static PixelBuffer<IntBuffer> buffer(int[] argb, int width, int height) {
        return new PixelBuffer<>(width, height, IntBuffer.wrap(argb), PixelFormat.getIntArgbPreInstance());
    }
}
