package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;

/** Framing a drawing as MNIST's digits were: a 20 × 20 box, centred by mass. */
class DigitFramingTest {

    /** A filled rectangle of the given pixels, as a digit drawn small in a corner. */
    private static float[] rectangle(int left, int top, int width, int height) {
        float[] image = new float[28 * 28];
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                image[y * 28 + x] = 1;
            }
        }
        return image;
    }

    @Test
    void aSmallDrawingInACornerIsScaledToTwentyPixelsAndCentredByItsMass() {
        float[] framed = DigitFraming.frame(rectangle(2, 3, 5, 10), 28, 28);
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double v = framed[y * 28 + x];
                mass += v;
                sumX += v * (x + 0.5);
                sumY += v * (y + 0.5);
            }
        }
        assertEquals(14, sumX / mass, 0.05, "centre of mass across");
        assertEquals(14, sumY / mass, 0.05, "centre of mass down");
        // A 5 × 10 block scaled by 2: 10 × 20 pixels of ink, so its mass grows by 4.
        assertEquals(4 * 50, mass, 4);
        double rows = 0;
        for (int y = 0; y < 28; y++) {
            rows += framed[y * 28 + 14];
        }
        assertEquals(20, rows, 0.5, "the tall side fills 20 of the 28 rows");
    }

    @Test
    void anEmptyPadIsReturnedAsItIs() {
        float[] empty = new float[28 * 28];
        float[] framed = DigitFraming.frame(empty, 28, 28);
        assertArrayEquals(empty, framed);
        assertNotSame(empty, framed);
    }
}
