package org.latentlab.training;

/**
 * Grayscale images as a timeline keeps them: {@value #STEPS} + 1 grey levels, a step of 1/63
 * (1.6 %), which the eye does not tell from 8 bits in these small, soft pictures, and which packs
 * in 40 % less than 8 bits (docs/decisions/0096). Each level is held as the 8-bit value a screen
 * shows for it, round(k · 255 / 63).
 *
 * <p>The array is not copied (a timeline holds thousands of images, read once per replayed frame):
 * nobody writes to it.
 *
 * @param levels {@code count × width × height} 8-bit values, 0 (black) … 255 (white), row-major
 */
public record TimelineImages(byte[] levels, int count, int width, int height) {

    /** Intensities are kept as k / STEPS, k = 0 … STEPS. */
    public static final int STEPS = 63;
    /** The 8-bit value of every level. */
    private static final byte[] EIGHT_BIT = new byte[STEPS + 1];

    static {
        for (int k = 0; k <= STEPS; k++) {
            EIGHT_BIT[k] = (byte) eightBit(k);
        }
    }

    public TimelineImages {
        if (count < 0 || width < 1 || height < 1 || levels.length != (long) count * width * height) {
            throw new IllegalArgumentException(levels.length + " levels are not " + count + " images of "
                    + width + "×" + height);
        }
    }

    /**
     * {@code count} images of intensities in [0, 1] (values outside are clamped) from
     * {@code intensities[offset]} on, at the timeline's levels.
     */
    public static TimelineImages quantised(float[] intensities, int offset, int count, int width, int height) {
        byte[] levels = new byte[count * width * height];
        for (int i = 0; i < levels.length; i++) {
            float v = intensities[offset + i];
            levels[i] = EIGHT_BIT[v >= 1 ? STEPS : v > 0 ? (int) (v * STEPS + 0.5f) : 0];
        }
        return new TimelineImages(levels, count, width, height);
    }

    /** The 8-bit value of level {@code k} of {@value #STEPS}. */
    static int eightBit(int k) {
        return (k * 255 + STEPS / 2) / STEPS;
    }

    /** The level k of an 8-bit value {@link #eightBit} made. */
    static int step(int eightBit) {
        return (eightBit * STEPS + 127) / 255;
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
