package org.latentlab.training;

/**
 * Grayscale images kept at 8 bits per pixel: a decoded grid or strip in a timeline. A quarter of
 * the memory of floats, and a step of 1/255 is below what a screen or an eye tells apart.
 *
 * <p>The array is not copied (a timeline holds thousands of images, read once per replayed frame):
 * nobody writes to it.
 *
 * @param levels {@code count × width × height} levels, 0 (black) … 255 (white), row-major
 */
public record TimelineImages(byte[] levels, int count, int width, int height) {

    public TimelineImages {
        if (count < 0 || width < 1 || height < 1 || levels.length != (long) count * width * height) {
            throw new IllegalArgumentException(levels.length + " levels are not " + count + " images of "
                    + width + "×" + height);
        }
    }

    /**
     * {@code count} images of intensities in [0, 1] (values outside are clamped) from
     * {@code intensities[offset]} on, as 8-bit levels.
     */
    public static TimelineImages quantised(float[] intensities, int offset, int count, int width, int height) {
        byte[] levels = new byte[count * width * height];
        for (int i = 0; i < levels.length; i++) {
            float v = intensities[offset + i];
            levels[i] = (byte) Math.round((v > 1 ? 1 : v > 0 ? v : 0) * 255f);
        }
        return new TimelineImages(levels, count, width, height);
    }

    /** The intensities, in [0, 1]: level / 255. */
    public float[] intensities() {
        float[] values = new float[levels.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (levels[i] & 0xff) / 255f;
        }
        return values;
    }
}
