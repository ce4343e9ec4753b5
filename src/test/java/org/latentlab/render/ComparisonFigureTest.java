package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonFigureTest {

    /** A grid whose image k is uniformly grey at brightness (k + 1)/(n² + 1): each cell can be told apart. */
    private static GrayscaleImages numberedGrid(int n) {
        float[] pixels = new float[n * n * 28 * 28];
        for (int k = 0; k < n * n; k++) {
            Arrays.fill(pixels, k * 784, (k + 1) * 784, (k + 1f) / (n * n + 1));
        }
        return new GrayscaleImages(pixels, 28, 28);
    }

    private static ComparisonFigureData.Panel panel(String title, float spread, int colour) {
        ScatterData points = SyntheticData.latentBlobs(20, 4);
        float[] xs = points.xs().clone();
        float[] ys = points.ys().clone();
        for (int i = 0; i < xs.length; i++) {
            xs[i] *= spread;
            ys[i] *= spread;
        }
        return new ComparisonFigureData.Panel(title, Palette.modelColour(colour),
                new ScatterData(xs, ys, points.labels(), points.classNames()), "z₁", "z₂", numberedGrid(4), 4,
                SyntheticData.priorSamples(8, 3), List.of("reconstruction 160.0 nats", "KL 5.00 nats"));
    }

    private static ComparisonFigureData data(ComparisonFigureData.Panel... panels) {
        RateDistortionData trails = new RateDistortionData(List.of(new RateDistortionData.Trail("VAE",
                Palette.modelColour(1), new float[] {2, 5}, new float[] {300, 170})));
        return new ComparisonFigureData(FigureLabels.titled("compare"), List.of(panels), trails);
    }

    @Test
    void everyPanelSharesTheWidestFittedRange() {
        ComparisonFigureData data = data(panel("narrow", 1, 0), panel("wide", 6, 1));
        double[] range = new ComparisonFigure().scatterRange(data);
        double wide = Scatter.fittedRange(data.panels().get(1).scatter())[1];
        assertTrue(wide > Scatter.fittedRange(data.panels().get(0).scatter())[1]);
        assertArrayEquals(new double[] {-wide, wide}, range, 0.0);
        assertArrayEquals(new double[] {-7, 7}, new ComparisonFigure().withScatterRange(-7, 7).scatterRange(data), 0.0);
    }

    @Test
    void eachPanelsGridIsPaintedPixelForPixelInItsColumn() {
        ComparisonFigureData data = data(panel("first", 1, 0), panel("second", 2, 1), panel("third", 1, 2));
        ComparisonFigure figure = new ComparisonFigure();
        BufferedImage image = figure.draw(data);
        ComparisonFigure.Layout layout = figure.layout(data);
        assertEquals(layout.width(), image.getWidth());
        assertEquals(layout.height(), image.getHeight());
        int cell = 28 * layout.gridScale();
        for (int column = 0; column < 3; column++) {
            int left = layout.columnLeft(column) + (layout.columnWidth() - layout.gridWidth()) / 2;
            for (int k : new int[] {0, 5, 15}) {
                double x = left + (k % 4) * cell + cell / 2.0;
                double y = layout.gridTop() + (k / 4) * cell + cell / 2.0;
                double expected = Math.round((k + 1f) / 17 * 255f);
                assertEquals(expected, Pixels.brightness(Pixels.at(image, x, y)), 0.5, "panel " + column + ", image " + k);
            }
        }
        assertTrue(layout.sideLeft() > layout.columnLeft(2) + layout.columnWidth(), "the side column is right of the panels");
    }

    @Test
    void panelsMustAgreeOnTheirGridsAndSamples() {
        ComparisonFigureData.Panel four = panel("four", 1, 0);
        List<ComparisonFigureData.Panel> panels = new ArrayList<>(List.of(four));
        panels.add(new ComparisonFigureData.Panel("three", Palette.modelColour(1), four.scatter(), "z₁", "z₂",
                numberedGrid(3), 3, four.samples(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ComparisonFigureData(FigureLabels.titled("x"), panels,
                new RateDistortionData(List.of())));
        assertThrows(IllegalArgumentException.class, () -> new ComparisonFigureData.Panel("bad", Palette.modelColour(0),
                four.scatter(), "z₁", "z₂", numberedGrid(3), 4, four.samples(), List.of()));
    }

    @Test
    void withoutALegendAScatterCountsWhatItLeavesOutInsideThePlot() {
        ScatterData data = ScatterData.unlabelled(new float[] {0, 9}, new float[] {0, 0});
        FigureLabels labels = new FigureLabels(null, "z₁", "z₂", null);
        Scatter bare = new Scatter().withSize(700, 500).withRange(-4, 4).withLegend(false);
        Scatter legended = new Scatter().withSize(700, 500).withRange(-4, 4);
        double bareSide = bare.axes(data, labels).area().getWidth();
        assertTrue(bareSide > legended.axes(data, labels).area().getWidth(), "the plot takes the legend's room");
        BufferedImage image = bare.draw(data, labels);
        var area = bare.axes(data, labels).area();
        assertTrue(Pixels.darkestNear(image, area.getMinX() + 30, area.getMaxY() - 14, 6) < 100,
                "\"1 of 2 outside the axes\" in the lower-left corner");
    }
}
