package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The likelihood figure draws the posterior, q's ellipses and the curve where their numbers say. */
class LikelihoodFigureTest {

    private static final FigureLabels LABELS = FigureLabels.titled("likelihood");

    /**
     * A posterior N((0.5, −0.2), 0.1² I) on 60 cells of 0.02 around (0.4, −0.1); q centred at
     * (0.2, 0) with σ = (0.15, 0.05); a curve falling from 12 to 10.5 nats.
     */
    private static PosteriorPanel panel() {
        int cells = 60;
        double step = 0.02;
        double first1 = 0.4 - 0.6 + step / 2;
        double first2 = -0.1 - 0.6 + step / 2;
        double[] density = new double[cells * cells];
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                double d1 = first1 + i * step - 0.5;
                double d2 = first2 + j * step + 0.2;
                density[j * cells + i] = Math.exp(-0.5 * (d1 * d1 + d2 * d2) / 0.01);
            }
        }
        return new PosteriorPanel(new GrayscaleImages(new float[784], 28, 28), "7", first1, first2, step, cells, density,
                new double[] {0.2, 0}, new double[] {0.15, 0.05}, 12, 10, new int[] {1, 10, 100, 1000},
                new double[] {12.2, 11.3, 10.6, 10.5});
    }

    @Test
    void thePosteriorIsDarkestAtItsPeakAndWhiteFarFromIt() {
        PosteriorPanel panel = panel();
        BufferedImage image = new LikelihoodFigure().draw(List.of(panel, panel), LABELS);
        for (int column = 0; column < 2; column++) {
            PlotAxes axes = LikelihoodFigure.layout(List.of(panel, panel), LABELS).mapAxes(panel, column);
            Color peak = Pixels.at(image, axes.x().toPixel(0.5), axes.y().toPixel(-0.2));
            assertTrue(Pixels.distance(peak, new Color(HeatColours.rgb(1))) < 30, "the peak is drawn " + peak);
            Color far = Pixels.at(image, axes.x().toPixel(0.9), axes.y().toPixel(-0.6));
            assertTrue(Pixels.brightness(far) > 250, "4 sds away the map is white, drawn " + far);
        }
    }

    /** q's 1σ ellipse passes through (μ₁ + σ₁, μ₂) and (μ₁, μ₂ + σ₂), in q's colour. */
    @Test
    void qsEllipsePassesOneStandardDeviationFromItsMean() {
        PosteriorPanel panel = panel();
        BufferedImage image = new LikelihoodFigure().draw(List.of(panel), LABELS);
        PlotAxes axes = LikelihoodFigure.layout(List.of(panel), LABELS).mapAxes(panel, 0);
        for (double[] point : new double[][] {{0.35, 0}, {0.2, 0.05}, {0.05, 0}}) {
            Color drawn = nearestTo(image, axes.x().toPixel(point[0]), axes.y().toPixel(point[1]), Palette.KL);
            assertTrue(Pixels.distance(drawn, Palette.KL) < 60, "q's ellipse at (" + point[0] + ", " + point[1]
                    + "), drawn " + drawn);
        }
    }

    @Test
    void theCurveStartsAtItsFirstEstimateAndTheAxesHoldBothLevels() {
        PosteriorPanel panel = panel();
        BufferedImage image = new LikelihoodFigure().draw(List.of(panel), LABELS);
        PlotAxes axes = LikelihoodFigure.layout(List.of(panel), LABELS).curveAxes(panel, 0);
        assertTrue(axes.x().logarithmic());
        assertEquals(1, axes.x().min(), 0);
        assertTrue(axes.y().min() < 10 && axes.y().max() > 12.2, axes.y().min() + " to " + axes.y().max());
        Color first = Pixels.at(image, axes.x().toPixel(1) + 1, axes.y().toPixel(12.2));
        assertTrue(Pixels.distance(first, Palette.RECONSTRUCTION) < 40, "the K = 1 dot, drawn " + first);
    }

    @Test
    void panelsCheckTheirShapes() {
        assertThrows(IllegalArgumentException.class, () -> new LikelihoodFigure().draw(List.of(), LABELS));
        assertThrows(IllegalArgumentException.class, () -> new PosteriorPanel(new GrayscaleImages(new float[784], 28, 28),
                null, 0, 0, 0.1, 4, new double[15], new double[2], new double[2], 1, 1, new int[] {1}, new double[] {1}));
        assertEquals(2, panel().gap(), 1e-12);
    }

    /** The pixel within 3 of (x, y) closest in colour to {@code target}. */
    private static Color nearestTo(BufferedImage image, double x, double y, Color target) {
        Color best = Color.WHITE;
        for (int dy = -3; dy <= 3; dy++) {
            for (int dx = -3; dx <= 3; dx++) {
                Color c = Pixels.at(image, x + dx, y + dy);
                if (Pixels.distance(c, target) < Pixels.distance(best, target)) {
                    best = c;
                }
            }
        }
        return best;
    }
}
