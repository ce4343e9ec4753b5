package org.latentlab.training;

/**
 * A timeline's images as they are packed: each pixel's level ({@link TimelineImages#STEPS} + 1 of
 * them) minus the prediction of PNG's Paeth filter from its left, upper and upper-left neighbours
 * in the same image, so that smooth pictures become mostly small numbers, which Huffman coding
 * packs well (better and several times faster, on these residuals, than deflate's string matching).
 */
final class PaethImages {

    private PaethImages() {
    }

    /** Level k of an 8-bit value, for every 8-bit value. */
    private static final byte[] STEP_OF = new byte[256];
    /** The 8-bit value of level k, for every k a byte holds (levels beyond STEPS are refused first). */
    private static final byte[] EIGHT_BIT_OF = new byte[256];

    static {
        for (int v = 0; v < 256; v++) {
            STEP_OF[v] = (byte) TimelineImages.step(v);
            EIGHT_BIT_OF[v] = (byte) TimelineImages.eightBit(Math.min(v, TimelineImages.STEPS));
        }
    }

    /** The filtered levels of {@code images}, one byte per pixel. */
    static byte[] filter(TimelineImages images) {
        byte[] source = images.levels();
        byte[] steps = new byte[source.length];
        for (int i = 0; i < source.length; i++) {
            steps[i] = STEP_OF[source[i] & 0xff];
        }
        byte[] filtered = new byte[steps.length];
        int width = images.width();
        int height = images.height();
        for (int start = 0; start < steps.length; start += width * height) {
            for (int y = 0, i = start; y < height; y++) {
                for (int x = 0; x < width; x++, i++) {
                    filtered[i] = (byte) (steps[i] - predict(steps, i, x, y, width));
                }
            }
        }
        return filtered;
    }

    /**
     * Undoes {@link #filter} on {@code filtered}, which becomes the images' levels.
     *
     * @throws IllegalArgumentException if a level comes out beyond {@link TimelineImages#STEPS}
     */
    static TimelineImages unfilter(byte[] filtered, int count, int width, int height) {
        int length = count * width * height;
        for (int start = 0; start < length; start += width * height) {
            for (int y = 0, i = start; y < height; y++) {
                for (int x = 0; x < width; x++, i++) {
                    int step = (filtered[i] + predict(filtered, i, x, y, width)) & 0xff;
                    if (step > TimelineImages.STEPS) {
                        throw new IllegalArgumentException("an image holds level " + step + " of "
                                + TimelineImages.STEPS);
                    }
                    filtered[i] = (byte) step;
                }
            }
        }
        for (int i = 0; i < length; i++) {
            filtered[i] = EIGHT_BIT_OF[filtered[i]];
        }
        return new TimelineImages(filtered, count, width, height);
    }

    /**
     * PNG's Paeth predictor of pixel {@code i} at (x, y) of its image: whichever of its left (a),
     * upper (b) and upper-left (c) neighbours, 0 beyond the edge, is nearest to a + b − c.
     */
    private static int predict(byte[] steps, int i, int x, int y, int width) {
        int a = x > 0 ? steps[i - 1] : 0;
        int b = y > 0 ? steps[i - width] : 0;
        int c = x > 0 && y > 0 ? steps[i - width - 1] : 0;
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
