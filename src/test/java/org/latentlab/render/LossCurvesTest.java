package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LossCurvesTest {

    private static final FigureLabels LABELS = FigureLabels.titled("training");

    private static float[] constant(int n, float value) {
        float[] values = new float[n];
        Arrays.fill(values, value);
        return values;
    }

    @Test
    void aHundredThousandIterationsDrawAtTheRequestedSize() {
        LossHistoryData run = SyntheticData.vaeRun(100_000, 2_000, 4);
        LossCurves curves = new LossCurves().withSize(1000, 600);
        curves.draw(run, LABELS);
        long start = System.nanoTime();
        BufferedImage image = curves.draw(run, LABELS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Loss curves of 100,000 iterations drawn in " + millis + " ms");
        assertEquals(1000, image.getWidth());
        assertEquals(600, image.getHeight());
    }

    @Test
    void onALogScaleEachDecadeIsTheSameHeight() {
        int n = 400;
        LossHistoryData run = LossHistoryData.training(constant(n, 400), constant(n, 40), constant(n, 4));
        LossCurves curves = new LossCurves().withLogScale(true).withSmoothingWindow(5);
        BufferedImage image = curves.draw(run, LABELS);
        PlotAxes axes = curves.axes(run, LABELS);
        int column = (int) axes.x().toPixel(n / 2.0);

        double total = rowClosestTo(image, column, axes, Palette.TOTAL);
        double reconstruction = rowClosestTo(image, column, axes, Palette.RECONSTRUCTION);
        double kl = rowClosestTo(image, column, axes, Palette.KL);
        assertEquals(axes.y().toPixel(400), total, 2);
        assertEquals(axes.y().toPixel(4), kl, 2);
        assertEquals(reconstruction - total, kl - reconstruction, 2, "400→40 and 40→4 span equal heights");
        assertTrue(kl - reconstruction > 50);
    }

    @Test
    void theTrainingNegativeElboIsDrawnOnlyWhereTheObjectiveIsNotIt() {
        int n = 400;
        Color wine = Color.decode(Palette.NEGATIVE_ELBO_HEX);
        // β = 4: objective 100 + 4 · 10 = 140, −ELBO 100 + 10 = 110.
        LossHistoryData weighted = LossHistoryData.training(constant(n, 140), constant(n, 100), constant(n, 10));
        LossCurves curves = new LossCurves().withSmoothingWindow(5).withYRange(0, 200);
        BufferedImage image = curves.draw(weighted, LABELS);
        PlotAxes axes = curves.axes(weighted, LABELS);
        int column = (int) axes.x().toPixel(n / 2.0);
        assertEquals(axes.y().toPixel(110), rowClosestTo(image, column, axes, wine), 2);
        assertEquals(axes.y().toPixel(140), rowClosestTo(image, column, axes, Palette.TOTAL), 2);

        LossHistoryData atOne = LossHistoryData.training(constant(n, 110), constant(n, 100), constant(n, 10));
        assertEquals(0, Pixels.countNear(curves.draw(atOne, LABELS), wine, 40), "at β = 1 the objective is the −ELBO");
    }

    @Test
    void aScaledHistoryIsTheSameLossesInOtherUnits() {
        LossHistoryData nats = new LossHistoryData(new float[] {543.4f, -10}, new float[] {540, -12}, new float[] {3.4f, 2},
                new int[] {2}, new float[] {500});
        double perNat = 1 / (784 * Math.log(2));
        LossHistoryData bits = nats.scaled(perNat);
        assertEquals(543.4 * perNat, bits.total()[0], 1e-6);
        assertEquals(-12 * perNat, bits.reconstruction()[1], 1e-7);
        assertEquals(500 * perNat, bits.validationNegativeElbo()[0], 1e-6);
        assertEquals(2, bits.validationIterations()[0]);
        assertTrue(LossCurves.hasNegative(nats));
        assertTrue(!LossCurves.hasNegative(LossHistoryData.training(constant(3, 1), constant(3, 1), constant(3, 0))));
    }

    /** The middle of the run of rows in {@code column} drawn in {@code colour}. */
    private static double rowClosestTo(BufferedImage image, int column, PlotAxes axes, Color colour) {
        Rectangle2D area = axes.area();
        double sum = 0;
        int count = 0;
        for (int y = (int) area.getMinY() + 2; y < area.getMaxY() - 2; y++) {
            if (Pixels.distance(Pixels.at(image, column, y), colour) < 40) {
                sum += y;
                count++;
            }
        }
        assertTrue(count > 0, "no pixel of " + colour + " in column " + column);
        return sum / count;
    }

    @Test
    void theLinearRangeFollowsTheSmoothedLinesNotTheFirstIterations() {
        LossHistoryData run = SyntheticData.vaeRun(23_450, 469, 1);
        PlotAxes axes = new LossCurves().axes(run, LABELS);
        assertEquals(0, axes.y().min(), 0);
        assertTrue(axes.y().max() >= 250 && axes.y().max() < 450, "top of the axis at " + axes.y().max());
        PlotAxes everything = new LossCurves().withSmoothingWindow(1).axes(run, LABELS);
        assertTrue(everything.y().max() >= 540, "without smoothing every value fits: " + everything.y().max());
        PlotAxes fixed = new LossCurves().withYRange(100, 300).axes(run, LABELS);
        assertEquals(100, fixed.y().min(), 0);
        assertEquals(300, fixed.y().max(), 0);
    }

    @Test
    void validationPointsSitAtTheirIterations() {
        int n = 1000;
        LossHistoryData run = new LossHistoryData(constant(n, 200), null, null, new int[] {500, 1000}, new float[] {150, 150});
        LossCurves curves = new LossCurves().withYRange(0, 300);
        BufferedImage image = curves.draw(run, LABELS);
        PlotAxes axes = curves.axes(run, LABELS);
        Color centre = Pixels.at(image, axes.x().toPixel(500), axes.y().toPixel(150));
        assertTrue(Pixels.distance(centre, Palette.VALIDATION) < 30, "validation dot drawn as " + centre);
    }

    @Test
    void thinningKeepsEveryExtremeButFewPoints() {
        int n = 100_000;
        float[] values = constant(n, 100);
        values[12_345] = 250;
        values[67_890] = 20;
        AxisScale x = AxisScale.linear(0, n, 0, 800);
        AxisScale y = AxisScale.linear(0, 300, 600, 0);
        Path2D path = SeriesOutline.path(values, x, y);
        Rectangle2D bounds = path.getBounds2D();
        assertEquals(y.toPixel(250), bounds.getMinY(), 1e-6);
        assertEquals(y.toPixel(20), bounds.getMaxY(), 1e-6);
        int vertices = 0;
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            vertices++;
        }
        assertTrue(vertices <= 4 * 801, vertices + " vertices for 800 pixel columns");
    }

    @Test
    void centredMeanAveragesNeighboursAndSkipsNaN() {
        assertArrayEquals(new float[] {1.5f, 2, 3, 4, 4.5f}, SeriesOutline.centredMean(new float[] {1, 2, 3, 4, 5}, 3), 1e-6f);
        assertArrayEquals(new float[] {1, 1, 3, 3}, SeriesOutline.centredMean(new float[] {1, Float.NaN, Float.NaN, 3}, 3), 1e-6f);
    }

    @Test
    void anEmptyRunAndADivergedRunStillDrawTheirAxes() {
        BufferedImage empty = new LossCurves().draw(LossHistoryData.training(new float[0], null, null), LABELS);
        assertEquals(LossCurves.DEFAULT_WIDTH, empty.getWidth());

        float[] diverged = constant(1_000, 180);
        Arrays.fill(diverged, 600, 1_000, Float.NaN);
        LossCurves curves = new LossCurves().withLogScale(true);
        BufferedImage image = curves.draw(LossHistoryData.training(diverged, null, null), LABELS);
        PlotAxes axes = curves.axes(LossHistoryData.training(diverged, null, null), LABELS);
        assertEquals(LossCurves.DEFAULT_HEIGHT, image.getHeight());
        assertTrue(axes.y().contains(180) && axes.y().min() > 0);
        double row = axes.y().toPixel(180);
        assertTrue(Pixels.darkestNear(image, axes.x().toPixel(300), row, 2) < 100, "the line before the NaNs is drawn");
        assertTrue(Pixels.darkestNear(image, axes.x().toPixel(900), row, 2) > 200, "nothing is drawn for NaN iterations");
    }

    @Test
    void refusesHistoriesWhoseSeriesDisagree() {
        assertThrows(IllegalArgumentException.class, () -> LossHistoryData.training(new float[3], new float[2], null));
        assertThrows(IllegalArgumentException.class, () -> new LossHistoryData(new float[3], null, null, new int[] {1}, null));
        assertThrows(IllegalArgumentException.class, () -> new LossCurves().withLogScale(true).withYRange(0, 10));
    }
}
