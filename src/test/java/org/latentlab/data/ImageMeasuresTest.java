package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageMeasuresTest {

    private static final int SIZE = 28;

    private static double measure(float[] image, String name) {
        return ImageMeasures.measure(image, SIZE, SIZE)[ImageMeasures.NAMES.indexOf(name)];
    }

    /** A filled rectangle of full ink: columns [left, left + width), rows [top, top + height). */
    private static float[] rectangle(int left, int top, int width, int height) {
        float[] image = new float[SIZE * SIZE];
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                image[y * SIZE + x] = 1;
            }
        }
        return image;
    }

    @Test
    void aFilledRectangleMeasuresExactlyItsWidthHeightAndShareOfInk() {
        float[] image = rectangle(3, 5, 10, 16);

        assertEquals(10, measure(image, ImageMeasures.INK_WIDTH), 1e-12);
        assertEquals(16, measure(image, ImageMeasures.INK_HEIGHT), 1e-12);
        assertEquals(160.0 / 784, measure(image, ImageMeasures.INK), 1e-12);
        assertEquals(0, measure(image, ImageMeasures.SLANT), 1e-12);
    }

    @Test
    void theThicknessOfALongBarIsCloseToItsWidth() {
        // 2·area / outline = 2·(24 w) / (2·24 + 2 w), a little under w for a bar 24 long.
        for (int w : new int[] {2, 3, 5}) {
            double expected = 2.0 * 24 * w / (2 * 24 + 2 * w);
            assertEquals(expected, measure(rectangle(2, 10, 24, w), ImageMeasures.THICKNESS), 0.03 * expected, "w " + w);
        }
    }

    @Test
    void aLineLeaningRightAtFortyFiveDegreesHasSlantOne() {
        float[] image = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            image[y * SIZE + (SIZE - 1 - y)] = 1; // "/" : one pixel further right per row up
        }
        // −μ₁₁/μ₀₂ with μ₁₁ = −Var(y) and μ₀₂ = Var(y) + 1/12 per pixel, Var(y) = (28² − 1)/12.
        double variance = (SIZE * SIZE - 1) / 12.0;

        assertEquals(variance / (variance + 1.0 / 12), measure(image, ImageMeasures.SLANT), 1e-12);
        assertEquals(-variance / (variance + 1.0 / 12), measure(mirror(image), ImageMeasures.SLANT), 1e-12);
    }

    @Test
    void aBlankImageMeasuresZero() {
        assertArrayEquals(new double[ImageMeasures.NAMES.size()], ImageMeasures.measure(new float[SIZE * SIZE], SIZE, SIZE));
    }

    @Test
    void theMeasuresOfASetAreAttributesOfItsImages() {
        float[] pixels = new float[2 * SIZE * SIZE];
        System.arraycopy(rectangle(0, 0, 4, 4), 0, pixels, SIZE * SIZE, SIZE * SIZE);
        Dataset data = new Dataset("two", SIZE, SIZE, pixels, null, List.of());

        Attributes measured = ImageMeasures.of(data);

        assertEquals(ImageMeasures.NAMES, measured.names());
        assertArrayEquals(new double[] {0, 4}, measured.column(ImageMeasures.INK_WIDTH), 1e-12);
    }

    @Test
    void onFacesTheSlantReadsTheTiltAndTheInkWidthTheFaceWidth() {
        Dataset faces = SyntheticFaces.generate(2_000, 8);
        Attributes measured = ImageMeasures.of(faces);

        // A face turned clockwise leans right at the top: the slant follows the tilt.
        assertEquals(1, SyntheticFacesTest.correlation(faces.attributes().column("tilt"),
                measured.column(ImageMeasures.SLANT)), 0.1);
        assertEquals(1, SyntheticFacesTest.correlation(faces.attributes().column("width"),
                measured.column(ImageMeasures.INK_WIDTH)), 0.02);
    }

    private static float[] mirror(float[] image) {
        float[] out = new float[image.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                out[y * SIZE + x] = image[y * SIZE + SIZE - 1 - x];
            }
        }
        return out;
    }
}
