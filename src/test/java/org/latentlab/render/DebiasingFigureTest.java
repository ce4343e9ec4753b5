package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebiasingFigureTest {

    /** One point at (x, 0) per weight, the first one rare; a history of {@code epochs} epochs. */
    private static DebiasingFigureData.Panel panel(String title, double[] weights, int epochs) {
        int n = weights.length;
        float[] xs = new float[n];
        float[] ys = new float[n];
        boolean[] rare = new boolean[n];
        for (int i = 0; i < n; i++) {
            xs[i] = -2.5f + 5f * i / Math.max(1, n - 1);
        }
        rare[0] = true;
        int[] numbers = new int[epochs];
        double[] rareError = new double[epochs];
        double[] commonError = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            numbers[e] = e + 1;
            rareError[e] = 200 - 5 * e;
            commonError[e] = 150 - 5 * e;
        }
        return new DebiasingFigureData.Panel(title, xs, ys, rare, weights, "z₁", "z₂", "a note", numbers, rareError,
                commonError);
    }

    /** How many pixels of the rare group's vermillion (drawn at 80 % over white, or opaque) the picture holds. */
    private static int rarePixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                count += r > 190 && g < 160 && b < 110 ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void aDotsAreaGrowsInProportionToItsWeightWithinBounds() {
        assertEquals(2 * DebiasingFigure.radius(1), DebiasingFigure.radius(4), 1e-12);
        assertEquals(3 * DebiasingFigure.radius(1), DebiasingFigure.radius(9), 1e-12);
        assertEquals(DebiasingFigure.radius(1e6), DebiasingFigure.radius(Double.POSITIVE_INFINITY), 1e-12,
                "the largest dot is capped");
        assertTrue(DebiasingFigure.radius(0) > 0, "a weight of 0 still shows a dot");
    }

    @Test
    void aHeavierRareDotCoversMoreOfThePicture() {
        // The rare point drawn at weight 1 and at weight 16, with no history (so no lines).
        DebiasingFigureData.Panel light = panel("light", new double[] {1, 1, 1}, 0);
        DebiasingFigureData.Panel heavy = panel("heavy", new double[] {16, 1, 1}, 0);
        int lightPixels = rarePixels(new DebiasingFigure().draw(new DebiasingFigureData(List.of(light),
                FigureLabels.titled("t"))));
        int heavyPixels = rarePixels(new DebiasingFigure().draw(new DebiasingFigureData(List.of(heavy),
                FigureLabels.titled("t"))));
        // The legend's swatch is the same in both; the dot's area is 16 times larger.
        assertTrue(heavyPixels - lightPixels > 10 * Math.PI * Math.pow(DebiasingFigure.radius(1), 2),
                "light " + lightPixels + ", heavy " + heavyPixels);
    }

    @Test
    void twoModelsGetTwoScattersAndALongRunsChartIsFittedToItsLaterEpochs() {
        DebiasingFigureData one = new DebiasingFigureData(List.of(panel("a", new double[] {1, 2, 3}, 20)),
                FigureLabels.titled("t"));
        DebiasingFigureData two = new DebiasingFigureData(List.of(panel("a", new double[] {1, 2, 3}, 20),
                panel("b", new double[] {1, 1, 1}, 20)), FigureLabels.titled("t").withNote("n"));
        BufferedImage single = new DebiasingFigure().draw(one);
        BufferedImage pair = new DebiasingFigure().draw(two);
        assertEquals(650, pair.getWidth() - single.getWidth(), "one more scatter and its gap");
        assertEquals(6, DebiasingFigure.firstFittedEpoch(one));
        assertEquals(1, DebiasingFigure.firstFittedEpoch(new DebiasingFigureData(
                List.of(panel("a", new double[] {1}, 5)), FigureLabels.titled("t"))));
        assertThrows(IllegalArgumentException.class, () -> new DebiasingFigureData(List.of(), FigureLabels.titled("t")));
        assertThrows(IllegalArgumentException.class, () -> new DebiasingFigureData.Panel("x", new float[2], new float[2],
                new boolean[2], new double[1], "z₁", "z₂", "", new int[0], new double[0], new double[0]));
    }
}
