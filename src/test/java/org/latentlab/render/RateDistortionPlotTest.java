package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateDistortionPlotTest {

    private static final FigureLabels LABELS = FigureLabels.titled("rate and distortion");
    private static final Color BLUE = Palette.modelColour(1);
    private static final Color PINK = Palette.modelColour(3);

    private static RateDistortionData twoTrails() {
        return new RateDistortionData(List.of(
                new RateDistortionData.Trail("reconstruction only", BLUE, new float[] {3, 20, 40},
                        new float[] {400, 200, 160}),
                new RateDistortionData.Trail("VAE", PINK, new float[] {3, 8, 5}, new float[] {400, 210, 165})));
    }

    @Test
    void rateStartsAtZeroAndTheDistortionAxisReachesEveryPoint() {
        RateDistortionPlot plot = new RateDistortionPlot();
        PlotAxes axes = plot.axes(twoTrails(), LABELS);
        assertEquals(0, axes.x().min(), 0.0);
        assertTrue(axes.x().max() >= 40 && axes.x().max() <= 50, "rate axis to " + axes.x().max());
        assertTrue(axes.y().min() <= 160 && axes.y().min() >= 100, "distortion from " + axes.y().min());
        assertTrue(axes.y().max() >= 400 && axes.y().max() <= 450, "distortion to " + axes.y().max());
    }

    @Test
    void eachTrailEndsInADotOfItsColourWhereItsLastPointSays() {
        RateDistortionData data = twoTrails();
        RateDistortionPlot plot = new RateDistortionPlot();
        BufferedImage image = plot.draw(data, LABELS);
        PlotAxes axes = plot.axes(data, LABELS);
        Color end = Pixels.at(image, axes.x().toPixel(40), axes.y().toPixel(160));
        assertTrue(Pixels.distance(end, BLUE) < 30, "the reconstruction-only model ends in blue, drawn " + end);
        Color vae = Pixels.at(image, axes.x().toPixel(5), axes.y().toPixel(165));
        assertTrue(Pixels.distance(vae, PINK) < 30, "the VAE ends in pink, drawn " + vae);
        // The path between two points is drawn: halfway from (20, 200) to (40, 160).
        Color between = Pixels.at(image, axes.x().toPixel(30), axes.y().toPixel(180));
        assertTrue(Pixels.distance(between, BLUE) < 60, "the path passes (30, 180), drawn " + between);
    }

    @Test
    void equalElboLinesRunDiagonallyThroughRoundSums() {
        RateDistortionData data = new RateDistortionData(List.of(new RateDistortionData.Trail("VAE", PINK,
                new float[] {0, 40}, new float[] {150, 300})));
        RateDistortionPlot plot = new RateDistortionPlot().withLegend(false);
        BufferedImage image = plot.draw(data, LABELS);
        PlotAxes axes = plot.axes(data, LABELS);
        // rate + distortion = 200: through (0, 200), (20, 180) and (40, 160), away from the trail.
        for (double rate : new double[] {5, 20, 35}) {
            double px = axes.x().toPixel(rate);
            double py = axes.y().toPixel(200 - rate);
            assertTrue(Pixels.darkestNear(image, px, py, 1) < 225, "an equal-ELBO line through (" + rate + ", "
                    + (200 - rate) + ")");
        }
        NiceTicks levels = NiceTicks.linear(axes.y().min(), axes.y().max() + axes.x().max(), 8);
        double between = 200 + levels.step() / 2;
        // Lighter than an equal-ELBO line (#B8B8B8); a faint grid line (#E3E3E3) may pass.
        assertTrue(Pixels.darkestNear(image, axes.x().toPixel(17), axes.y().toPixel(between - 17), 0) > 215,
                "nothing halfway between two lines");
    }
}
