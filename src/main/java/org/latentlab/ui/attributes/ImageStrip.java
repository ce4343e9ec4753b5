package org.latentlab.ui.attributes;

/**
 * A row of {@code count} grayscale images, one after another, {@code width × height} intensities
 * each (a single image when {@code count} is 1). Not copied: do not change the array.
 */
public record ImageStrip(float[] pixels, int count, int width, int height) {

    public ImageStrip {
        if (pixels.length < count * width * height) {
            throw new IllegalArgumentException(count + " images of " + width + "×" + height + " need "
                    + count * width * height + " values, got " + pixels.length);
        }
    }

    /** Image {@code i} of the strip, as its own strip. */
    public ImageStrip image(int i) {
        int n = width * height;
        float[] one = new float[n];
        System.arraycopy(pixels, i * n, one, 0, n);
        return new ImageStrip(one, 1, width, height);
    }
}
