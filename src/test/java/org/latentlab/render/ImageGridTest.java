package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageGridTest {

    private static final int SIDE = 8;

    /** {@code count} black images of SIDE × SIDE with image {@code bright} all white. */
    private static GrayscaleImages blackExcept(int count, int bright) {
        float[] pixels = new float[count * SIDE * SIDE];
        for (int p = 0; p < SIDE * SIDE; p++) {
            pixels[bright * SIDE * SIDE + p] = 1f;
        }
        return new GrayscaleImages(pixels, SIDE, SIDE);
    }

    private static double centreBrightness(BufferedImage image, ImageGrid.Layout layout, int row, int column) {
        return Pixels.brightness(Pixels.at(image,
                layout.cellLeft(column) + layout.cellWidth() / 2.0, layout.cellTop(row) + layout.cellHeight() / 2.0));
    }

    @Test
    void largestZ2IsTheTopRowWhenTheLatticeListsZ2Ascending() {
        SamplingLattice lattice = new SamplingLattice(new double[] {-1, 0, 1}, new double[] {-1, 0, 1});
        // Lattice row 2 (z₂ = 1, the largest), column 1 (z₁ = 0): image 2 · 3 + 1.
        ImageGridData data = ImageGridData.manifold(blackExcept(9, 7), lattice, FigureLabels.titled("manifold"));
        ImageGrid grid = new ImageGrid().withScale(4);
        BufferedImage image = grid.draw(data);
        ImageGrid.Layout layout = grid.layout(data);

        assertEquals(0, layout.displayRow(2), "z₂ = 1 is drawn in the top row");
        assertEquals(2, layout.displayRow(0), "z₂ = −1 is drawn in the bottom row");
        assertEquals(layout.top(), layout.cellTop(2));
        assertEquals(255, centreBrightness(image, layout, 2, 1), 0.5);
        int brightCentreY = layout.top() + layout.cellHeight() / 2;
        int middleX = layout.left() + layout.cellWidth() + layout.cellWidth() / 2;
        assertEquals(255, Pixels.brightness(Pixels.at(image, middleX, brightCentreY)), 0.5, "top-middle cell is the bright one");
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                if (row != 2 || column != 1) {
                    assertEquals(0, centreBrightness(image, layout, row, column), 0.5, "cell " + row + "," + column);
                }
            }
        }
    }

    @Test
    void rowsAreOrderedByValueWhateverOrderTheLatticeGives() {
        SamplingLattice lattice = new SamplingLattice(new double[] {1, -1, 0}, new double[] {0.5, 2, -3});
        ImageGridData data = ImageGridData.manifold(blackExcept(9, 0), lattice, FigureLabels.titled(null));
        ImageGrid.Layout layout = new ImageGrid().layout(data);
        assertArrayEquals(new int[] {1, 0, 2}, layout.displayRowOf(), "z₂ = 2 on top, then 0.5, then −3");
        assertArrayEquals(new int[] {2, 0, 1}, layout.displayColumnOf(), "z₁ = −1 left, then 0, then 1");
    }

    @Test
    void samplesWithoutLatticeAreInReadingOrder() {
        ImageGridData data = ImageGridData.samples(blackExcept(6, 4), 2, 3, FigureLabels.titled("samples"));
        ImageGrid grid = new ImageGrid().withScale(3).withGap(2);
        BufferedImage image = grid.draw(data);
        ImageGrid.Layout layout = grid.layout(data);
        assertEquals(1, layout.displayRow(1));
        assertEquals(layout.left() + SIDE * 3 + 2, layout.cellLeft(1), "a 2-pixel gap between columns");
        // Image 4 is row 1, column 1.
        assertEquals(255, centreBrightness(image, layout, 1, 1), 0.5);
        assertEquals(0, centreBrightness(image, layout, 0, 1), 0.5);
    }

    @Test
    void eachImagePixelLandsUnflippedAtItsScaledPlace() {
        float[] pixels = new float[2 * SIDE * SIDE];
        int x = 3;
        int y = 5;
        pixels[SIDE * SIDE + y * SIDE + x] = 1f;
        pixels[SIDE * SIDE + 0] = 0.5f;
        ImageGridData data = ImageGridData.samples(new GrayscaleImages(pixels, SIDE, SIDE), 1, 2, FigureLabels.titled(null));
        ImageGrid grid = new ImageGrid().withScale(5);
        BufferedImage image = grid.draw(data);
        ImageGrid.Layout layout = grid.layout(data);
        int left = layout.cellLeft(1);
        int top = layout.cellTop(0);
        for (int dy = 0; dy < 5; dy++) {
            for (int dx = 0; dx < 5; dx++) {
                assertEquals(255, Pixels.brightness(Pixels.at(image, left + x * 5 + dx, top + y * 5 + dy)), 0.5);
            }
        }
        assertEquals(0, Pixels.brightness(Pixels.at(image, left + y * 5 + 2, top + x * 5 + 2)), 0.5, "not transposed");
        assertEquals(0, Pixels.brightness(Pixels.at(image, left + x * 5 + 2, top + (SIDE - 1 - y) * 5 + 2)), 0.5, "not flipped");
        assertEquals(128, Pixels.brightness(Pixels.at(image, left + 2, top + 2)), 0.5, "intensity 0.5 is mid grey");
    }

    @Test
    void twentyColumnsOfMnistDigitsMakeAGridAboutElevenHundredPixelsWide() {
        assertEquals(2, ImageGrid.automaticScale(20, 28));
        SamplingLattice lattice = SyntheticData.inverseCdfLattice(20);
        ImageGridData data = ImageGridData.manifold(new GrayscaleImages(new float[400 * 784], 28, 28), lattice,
                FigureLabels.titled("manifold"));
        ImageGrid.Layout layout = new ImageGrid().layout(data);
        assertEquals(1120, layout.gridWidth());
        assertTrue(layout.width() > 1120 && layout.width() < 1400, "figure width " + layout.width());
    }

    @Test
    void thinnedLabelsAreSymmetricAndKeepBothEnds() {
        boolean[] labelled = ImageGrid.labelledPositions(20, 100, 56);
        assertTrue(labelled[0] && labelled[19]);
        for (int i = 0; i < 20; i++) {
            assertEquals(labelled[i], labelled[19 - i], "position " + i);
        }
        boolean[] all = ImageGrid.labelledPositions(20, 50, 56);
        for (boolean each : all) {
            assertTrue(each);
        }
    }

    @Test
    void latticeValuesAreLabelledWithAsFewDecimalsAsShowThemExactly() {
        assertEquals(java.util.List.of("−2", "0", "2"), ImageGrid.coordinateLabels(new double[] {-2, 0, 2}));
        assertEquals(java.util.List.of("−1.64", "1.64"), ImageGrid.coordinateLabels(new double[] {-1.6448536, 1.6448536}));
        assertEquals(java.util.List.of("−0.5", "0.5"), ImageGrid.coordinateLabels(new double[] {-0.5, 0.5}));
    }

    @Test
    void refusesAGridThatDoesNotMatchItsImages() {
        GrayscaleImages five = new GrayscaleImages(new float[5 * 4], 2, 2);
        assertThrows(IllegalArgumentException.class, () -> ImageGridData.samples(five, 2, 3, FigureLabels.titled(null)));
        SamplingLattice twoByTwo = new SamplingLattice(new double[] {0, 1}, new double[] {0, 1});
        GrayscaleImages six = new GrayscaleImages(new float[6 * 4], 2, 2);
        assertThrows(IllegalArgumentException.class, () -> new ImageGridData(six, 2, 3, twoByTwo, FigureLabels.titled(null)));
        assertThrows(IllegalArgumentException.class, () -> new GrayscaleImages(new float[] {0, Float.NaN, 0, 0}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new GrayscaleImages(new float[7], 2, 2));
    }

    /** Named rows are in reading order, and each name is written left of its row, clear of the images. */
    @Test
    void namedRowsKeepReadingOrderAndWriteEachNameLeftOfItsRow() {
        ImageGridData data = ImageGridData.namedRows(blackExcept(6, 4), java.util.List.of("frown", "smile"), 3,
                FigureLabels.titled("classes").withAxes(null, "class"));
        ImageGrid grid = new ImageGrid().withScale(4);
        BufferedImage image = grid.draw(data);
        ImageGrid.Layout layout = grid.layout(data);
        assertEquals(255, centreBrightness(image, layout, 1, 1), 0.5, "image 4 is row 1, column 1");
        assertEquals(0, centreBrightness(image, layout, 0, 1), 0.5);
        for (int row = 0; row < 2; row++) {
            double centre = layout.cellTop(row) + layout.cellHeight() / 2.0;
            assertTrue(Pixels.darkestNear(image, layout.left() - 20, centre, 6) < 128, "no name left of row " + row);
        }
        assertTrue(layout.left() > 60, "the names and the axis title need room: left edge " + layout.left());
        assertThrows(IllegalArgumentException.class, () -> new ImageGridData(blackExcept(6, 0), 2, 3, null,
                FigureLabels.titled(null), java.util.List.of("only one")));
    }
}
