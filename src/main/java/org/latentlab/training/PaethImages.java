package org.latentlab.training;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A timeline's images as they are packed: each pixel's level ({@link TimelineImages#STEPS} + 1 of
 * them) minus the prediction of PNG's Paeth filter from its left, upper and upper-left neighbours
 * in the same image, so that smooth pictures become mostly small numbers, which Huffman coding
 * packs well ({@link TimelineFrame#compact}).
 */
final class PaethImages {

    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;

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

    /**
     * The filtered levels of {@code images}, one byte per pixel. Every residual depends on the
     * levels only, not on other residuals, so all but the first row and column of each image are
     * filtered a vector at a time ({@link #paethRows}); the first column is then put right.
     */
    static byte[] filter(TimelineImages images) {
        byte[] source = images.levels();
        byte[] steps = new byte[source.length];
        for (int i = 0; i < source.length; i++) {
            steps[i] = STEP_OF[source[i] & 0xff];
        }
        byte[] filtered = new byte[steps.length];
        int width = images.width();
        int size = width * images.height();
        for (int start = 0; start < steps.length; start += size) {
            filtered[start] = steps[start];
            for (int i = start + 1; i < start + width; i++) { // the first row: from the left neighbour
                filtered[i] = (byte) (steps[i] - steps[i - 1]);
            }
            paethRows(steps, filtered, start + width + 1, start + size, width);
            for (int row = start + width; row < start + size; row += width) {
                filtered[row] = (byte) (steps[row] - steps[row - width]); // the first column: from above
            }
        }
        return filtered;
    }

    /**
     * Residuals from the Paeth prediction for pixels {@code from} to {@code to}, which start after
     * an image's first row and column, as if each had a left neighbour (the first column's are
     * overwritten after). Levels are at most
     * {@value TimelineImages#STEPS}, so the distances |b − c|, |a − c| and |a + b − 2c| fit a byte.
     */
    private static void paethRows(byte[] steps, byte[] filtered, int from, int to, int width) {
        int i = from;
        for (int end = from + BYTES.loopBound(to - from); i < end; i += BYTES.length()) {
            ByteVector x = ByteVector.fromArray(BYTES, steps, i);
            ByteVector a = ByteVector.fromArray(BYTES, steps, i - 1);
            ByteVector b = ByteVector.fromArray(BYTES, steps, i - width);
            ByteVector c = ByteVector.fromArray(BYTES, steps, i - width - 1);
            ByteVector bc = b.sub(c);
            ByteVector ac = a.sub(c);
            ByteVector pa = bc.abs();
            ByteVector pb = ac.abs();
            ByteVector pc = bc.add(ac).abs();
            VectorMask<Byte> left = pa.compare(VectorOperators.LE, pb).and(pa.compare(VectorOperators.LE, pc));
            ByteVector prediction = c.blend(b, pb.compare(VectorOperators.LE, pc)).blend(a, left);
            x.sub(prediction).intoArray(filtered, i);
        }
        for (; i < to; i++) {
            filtered[i] = (byte) (steps[i] - paeth(steps[i - 1], steps[i - width], steps[i - width - 1]));
        }
    }

    /**
     * Undoes {@link #filter} on {@code filtered}, which becomes the images' levels.
     *
     * @throws IllegalArgumentException if a level comes out beyond {@link TimelineImages#STEPS}
     */
    static TimelineImages unfilter(byte[] filtered, int count, int width, int height) {
        int length = count * width * height;
        int overflow = 0;
        for (int start = 0; start < length; start += width * height) {
            for (int i = start + 1; i < start + width; i++) {
                filtered[i] += filtered[i - 1];
                overflow |= filtered[i];
            }
            for (int row = start + width; row < start + width * height; row += width) {
                filtered[row] += filtered[row - width];
                overflow |= filtered[row];
                for (int i = row + 1; i < row + width; i++) {
                    filtered[i] += (byte) paeth(filtered[i - 1], filtered[i - width], filtered[i - width - 1]);
                    overflow |= filtered[i];
                }
            }
            overflow |= filtered[start];
        }
        if ((overflow & ~TimelineImages.STEPS) != 0) {
            throw new IllegalArgumentException("an image holds a level beyond the " + (TimelineImages.STEPS + 1)
                    + " it may have");
        }
        for (int i = 0; i < length; i++) {
            filtered[i] = EIGHT_BIT_OF[filtered[i]];
        }
        return new TimelineImages(filtered, count, width, height);
    }

    /**
     * PNG's Paeth predictor from a pixel's left (a), upper (b) and upper-left (c) neighbours:
     * whichever is nearest to a + b − c. At the top row it is the left neighbour, at the left
     * column the upper one (the others being 0 there).
     */
    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
