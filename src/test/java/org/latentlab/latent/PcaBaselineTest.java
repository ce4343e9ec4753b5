package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaBaselineTest {

    /** 500 "images" of 16 pixels that vary along two patterns with standard deviations 0.2 and 0.1. */
    private static float[] images(int count) {
        SplittableRandom random = new SplittableRandom(3);
        float[] images = new float[count * 16];
        for (int i = 0; i < count; i++) {
            double a = 0.2 * random.nextGaussian();
            double b = 0.1 * random.nextGaussian();
            for (int p = 0; p < 16; p++) {
                double pattern1 = p < 8 ? 0.25 : -0.25;
                double pattern2 = p % 2 == 0 ? 0.25 : -0.25;
                images[i * 16 + p] = (float) (0.5 + a * pattern1 + b * pattern2 + 0.001 * random.nextGaussian());
            }
        }
        return images;
    }

    @Test
    void codesOfTheFittedImagesAreStandardisedLikeThePrior() {
        float[] images = images(500);
        PcaBaseline baseline = PcaBaseline.fit(images, 500, 16);
        float[] codes = baseline.encode(images, 500);
        for (int k = 0; k < 2; k++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < 500; i++) {
                sum += codes[2 * i + k];
                squares += codes[2 * i + k] * codes[2 * i + k];
            }
            assertEquals(0, sum / 500, 1e-4);
            assertEquals(1, squares / 500, 1e-3);
        }
        assertTrue(baseline.explainedVariance() > 0.99, "two patterns explain " + baseline.explainedVariance());
    }

    @Test
    void decodingTheCodesGivesTheImagesBack() {
        float[] images = images(500);
        PcaBaseline baseline = PcaBaseline.fit(images, 500, 16);
        float[] decoded = baseline.decode(baseline.encode(images, 500), 500);
        for (int i = 0; i < images.length; i++) {
            assertEquals(images[i], decoded[i], 0.005);
        }
        float[] origin = baseline.decode(new float[2], 1);
        assertEquals(0.5, origin[0], 0.01, "z = 0 decodes to the mean image");
    }

    @Test
    void decodedImagesAreClippedToTheDisplayableRange() {
        PcaBaseline baseline = PcaBaseline.fit(images(500), 500, 16);
        float[] far = baseline.decode(new float[] {100, 100}, 1);
        for (float v : far) {
            assertTrue(v >= 0 && v <= 1, "pixel " + v);
        }
    }
}
