package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timeline's image filter, vector by vector, against PNG's Paeth filter written out pixel by pixel. */
class PaethImagesTest {

    @ParameterizedTest(name = "{0} images of {1}×{2}")
    @CsvSource({"1, 1, 1", "3, 5, 3", "249, 28, 28", "7, 13, 11", "2, 1, 40", "4, 64, 3", "1, 200, 2"})
    void filtersAsPngsPaethFilterDoesAndUnfiltersBack(int count, int width, int height) {
        SplittableRandom random = new SplittableRandom(count * 1_000L + width * 31L + height);
        byte[] levels = new byte[count * width * height];
        for (int i = 0; i < levels.length; i++) {
            // runs of black with smooth strokes, and the extremes 0 and 63 next to each other
            int step = random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? TimelineImages.STEPS : random.nextInt(64);
            levels[i] = (byte) TimelineImages.eightBit(step);
        }
        TimelineImages images = new TimelineImages(levels.clone(), count, width, height);

        byte[] filtered = PaethImages.filter(images);

        assertArrayEquals(pixelByPixel(levels, count, width, height), filtered);
        assertArrayEquals(levels, PaethImages.unfilter(filtered, count, width, height).levels());
    }

    /** The filter as PNG defines it, over the levels, each image on its own, a pixel at a time. */
    private static byte[] pixelByPixel(byte[] eightBit, int count, int width, int height) {
        int[] step = new int[eightBit.length];
        for (int i = 0; i < step.length; i++) {
            step[i] = TimelineImages.step(eightBit[i] & 0xff);
        }
        byte[] filtered = new byte[step.length];
        for (int image = 0; image < count; image++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = (image * height + y) * width + x;
                    int a = x > 0 ? step[i - 1] : 0;
                    int b = y > 0 ? step[i - width] : 0;
                    int c = x > 0 && y > 0 ? step[i - width - 1] : 0;
                    int p = a + b - c;
                    int pa = Math.abs(p - a);
                    int pb = Math.abs(p - b);
                    int pc = Math.abs(p - c);
                    int prediction = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    filtered[i] = (byte) (step[i] - prediction);
                }
            }
        }
        return filtered;
    }
}
