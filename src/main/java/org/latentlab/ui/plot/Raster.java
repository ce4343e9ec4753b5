package org.latentlab.ui.plot;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A transparent picture drawn pixel by pixel in Java and shown through a {@link PixelBuffer}: the
 * data layer of a plot, where thousands of points or a long loss curve are drawn in about a
 * millisecond (FIELD-NOTES: ten times faster than Canvas shapes on the software pipeline).
 *
 * <p>Pixels are premultiplied ARGB. Drawing only fills the array; {@link #show()} hands the
 * finished picture to JavaFX. Confined to the JavaFX application thread.
 */
public final class Raster {

    private final int width;
    private final int height;
    private final int[] pixels;
    private final PixelBuffer<IntBuffer> buffer;
    private final WritableImage image;

    public Raster(int width, int height) {
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        this.pixels = new int[this.width * this.height];
        this.buffer = new PixelBuffer<>(this.width, this.height, IntBuffer.wrap(pixels),
                PixelFormat.getIntArgbPreInstance());
        this.image = new WritableImage(buffer);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public WritableImage image() {
        return image;
    }

    /** Makes every pixel transparent. */
    public void clear() {
        Arrays.fill(pixels, 0);
    }

    /** Shows what has been drawn since the last call. */
    public void show() {
        buffer.updateBuffer(b -> new Rectangle2D(0, 0, width, height));
    }

    /**
     * Blends {@code rgb} over pixel (x, y) with opacity {@code alpha} in [0, 1] ("source over");
     * pixels outside the raster are ignored.
     */
    private void blend(int x, int y, int rgb, double alpha) {
        if (x >= 0 && y >= 0 && x < width && y < height && alpha > 0) {
            blend(y * width + x, rgb, (int) Math.round(Math.min(1, alpha) * 255));
        }
    }

    /** Blends {@code rgb} over pixel {@code i} with opacity {@code a} in 0–255, premultiplied. */
    private void blend(int i, int rgb, int a) {
        int dst = pixels[i];
        int keep = 255 - a;
        pixels[i] = (a + mul(dst >>> 24, keep)) << 24
                | (mul((rgb >> 16) & 0xFF, a) + mul((dst >> 16) & 0xFF, keep)) << 16
                | (mul((rgb >> 8) & 0xFF, a) + mul((dst >> 8) & 0xFF, keep)) << 8
                | (mul(rgb & 0xFF, a) + mul(dst & 0xFF, keep));
    }

    /** x·y/255, rounded. */
    private static int mul(int x, int y) {
        int t = x * y + 128;
        return (t + (t >> 8)) >> 8;
    }

    /**
     * A marker of {@code sprite}'s shape centred on (cx, cy), in {@code rgb}, each pixel at the
     * opacity {@code weights} gives it ({@link MarkerSprite#weights}): the fast path for many markers.
     */
    public void stamp(MarkerSprite sprite, int[] weights, double cx, double cy, int rgb) {
        int size = sprite.size();
        int left = (int) Math.floor(cx - sprite.centre());
        int top = (int) Math.floor(cy - sprite.centre());
        for (int dy = 0; dy < size; dy++) {
            int y = top + dy;
            if (y < 0 || y >= height) {
                continue;
            }
            for (int dx = 0; dx < size; dx++) {
                int x = left + dx;
                int a = weights[dy * size + dx];
                if (a != 0 && x >= 0 && x < width) {
                    blend(y * width + x, rgb, a);
                }
            }
        }
    }

    /**
     * A vertical run of pixels in column {@code x} covering [yTop, yBottom] (fractional pixel rows),
     * with partial coverage at both ends so that curves look smooth.
     */
    public void verticalSpan(int x, double yTop, double yBottom, int rgb, double alpha) {
        if (x < 0 || x >= width) {
            return;
        }
        double top = Math.max(0, Math.min(yTop, yBottom));
        double bottom = Math.min(height, Math.max(yTop, yBottom));
        if (bottom <= top) {
            return;
        }
        int first = (int) Math.floor(top);
        int last = Math.min(height - 1, (int) Math.ceil(bottom) - 1);
        for (int y = first; y <= last; y++) {
            double covered = Math.min(bottom, y + 1) - Math.max(top, y);
            blend(x, y, rgb, alpha * covered);
        }
    }
}
