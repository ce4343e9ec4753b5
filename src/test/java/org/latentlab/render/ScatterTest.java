package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScatterTest {

    private static final FigureLabels LABELS = FigureLabels.titled("latent space");

    private static ScatterData onePoint(float x, float y, int label) {
        return new ScatterData(new float[] {x}, new float[] {y}, new int[] {label}, SyntheticData.DIGITS);
    }

    @Test
    void aPointOfClassThreeIsDrawnInClassThreesColourWhereItsCoordinatesSay() {
        ScatterData data = onePoint(1.5f, -1.0f, 3);
        Scatter scatter = new Scatter().withRange(-3, 3).withPriorContours(false);
        BufferedImage image = scatter.draw(data, LABELS);
        PlotAxes axes = scatter.axes(data, LABELS);
        Color drawn = Pixels.at(image, axes.x().toPixel(1.5), axes.y().toPixel(-1.0));

        int nearest = -1;
        double nearestDistance = Double.MAX_VALUE;
        for (int label = 0; label < 10; label++) {
            double distance = Pixels.distance(drawn, Pixels.overWhite(Palette.classColour(label), 0.6));
            if (distance < nearestDistance) {
                nearest = label;
                nearestDistance = distance;
            }
        }
        assertEquals(3, nearest, "drawn as " + drawn);
        assertTrue(nearestDistance < 25, "drawn as " + drawn);
        // Nothing of that colour a little away from the point.
        assertTrue(Pixels.distance(Pixels.at(image, axes.x().toPixel(1.5) + 12, axes.y().toPixel(-1.0)), Color.WHITE) < 40);
    }

    @Test
    void bothAxesHaveTheSameScale() {
        Scatter scatter = new Scatter().withSize(1300, 700);
        PlotAxes axes = scatter.axes(SyntheticData.latentBlobs(50, 3), LABELS);
        double xPerUnit = axes.x().toPixel(1) - axes.x().toPixel(0);
        double yPerUnit = axes.y().toPixel(0) - axes.y().toPixel(1);
        assertEquals(xPerUnit, yPerUnit, 1e-9);
        assertEquals(axes.xTicks().values(), axes.yTicks().values());
    }

    @Test
    void thePriorsTwoSigmaCirclePassesThroughRadiusTwo() {
        ScatterData none = ScatterData.unlabelled(new float[0], new float[0]);
        Scatter scatter = new Scatter();
        BufferedImage image = scatter.draw(none, LABELS);
        PlotAxes axes = scatter.axes(none, LABELS);
        double cy = axes.y().toPixel(0);
        assertTrue(Pixels.darkestNear(image, axes.x().toPixel(2), cy, 1) < 120, "2σ circle at (2, 0)");
        int dark = 0;
        for (int degree = 0; degree < 360; degree++) {
            double angle = Math.toRadians(degree + 0.5);
            if (Pixels.darkestNear(image, axes.x().toPixel(2 * Math.cos(angle)), axes.y().toPixel(2 * Math.sin(angle)), 1) < 120) {
                dark++;
            }
        }
        assertTrue(dark > 360 * 0.4 && dark < 360 * 0.9, "the 2σ circle is dashed: " + dark + " of 360 points drawn");
        assertTrue(Pixels.darkestNear(image, axes.x().toPixel(1), cy, 1) < 120, "1σ circle at (1, 0)");
        assertTrue(Pixels.darkestNear(image, axes.x().toPixel(1.5), cy, 2) > 200, "nothing between the circles");
        assertTrue(Pixels.darkestNear(image, axes.x().toPixel(2.4), cy, 2) > 200, "nothing outside the 2σ circle");
    }

    @Test
    void aLatticePointIsACrossAtItsCoordinates() {
        ScatterData none = ScatterData.unlabelled(new float[0], new float[0]);
        SamplingLattice lattice = new SamplingLattice(new double[] {0.5}, new double[] {-1.25});
        Scatter scatter = new Scatter().withPriorContours(false).withLattice(lattice);
        BufferedImage image = scatter.draw(none, LABELS);
        PlotAxes axes = scatter.axes(none, LABELS);
        double x = axes.x().toPixel(0.5);
        double y = axes.y().toPixel(-1.25);
        assertTrue(Pixels.darkestNear(image, x, y, 0) < 120, "centre of the cross");
        assertTrue(Pixels.darkestNear(image, x + 4, y, 0) < 160, "right arm");
        assertTrue(Pixels.darkestNear(image, x + 4, y + 4, 0) > 200, "no diagonal");
    }

    @Test
    void fittedRangeIsSymmetricReachesEveryPointAndAtLeastThree() {
        ScatterData near = ScatterData.unlabelled(new float[] {0.2f, -1f}, new float[] {0.5f, 0.3f});
        assertArrayEquals(new double[] {-3, 3}, Scatter.fittedRange(near), 1e-12);
        ScatterData far = ScatterData.unlabelled(new float[] {0.2f, 1f}, new float[] {-4.2f, Float.NaN});
        assertArrayEquals(new double[] {-5, 5}, Scatter.fittedRange(far), 1e-12);
    }

    @Test
    void tenThousandPointsShowEachClassInItsOwnColourWhereItsPointsLie() {
        ScatterData data = SyntheticData.latentBlobs(1_000, 9);
        Scatter scatter = new Scatter().withLattice(SyntheticData.inverseCdfLattice(20));
        BufferedImage image = scatter.draw(data, LABELS);
        assertEquals(Scatter.DEFAULT_WIDTH, image.getWidth());
        assertEquals(Scatter.DEFAULT_HEIGHT, image.getHeight());
        PlotAxes axes = scatter.axes(data, LABELS);
        for (int label = 0; label < SyntheticData.DIGITS.size(); label++) {
            double x = 0;
            double y = 0;
            int count = 0;
            for (int i = 0; i < data.size(); i++) {
                if (data.labels()[i] == label) {
                    x += data.xs()[i];
                    y += data.ys()[i];
                    count++;
                }
            }
            assertEquals(1_000, count);
            double px = axes.x().toPixel(x / count);
            double py = axes.y().toPixel(y / count);
            int[] votes = new int[SyntheticData.DIGITS.size()];
            for (int dy = -3; dy <= 3; dy++) {
                for (int dx = -3; dx <= 3; dx++) {
                    votes[nearestClass(Pixels.at(image, px + dx, py + dy))]++;
                }
            }
            int winner = 0;
            for (int c = 1; c < votes.length; c++) {
                winner = votes[c] > votes[winner] ? c : winner;
            }
            assertEquals(label, winner, "around the centre of class " + label + "'s points, votes " + Arrays.toString(votes));
            assertTrue(votes[label] >= 15, "class " + label + " covers " + votes[label] + " of 49 pixels at its centre");
        }
    }

    /** The class whose colour (as dense dots: the colour itself) is nearest to {@code colour}. */
    private static int nearestClass(Color colour) {
        int nearest = 0;
        for (int c = 1; c < SyntheticData.DIGITS.size(); c++) {
            if (Pixels.distance(colour, Palette.classColour(c)) < Pixels.distance(colour, Palette.classColour(nearest))) {
                nearest = c;
            }
        }
        return nearest;
    }

    @Test
    void refusesLabelsWithoutNames() {
        assertThrows(IllegalArgumentException.class,
                () -> new ScatterData(new float[] {0}, new float[] {0}, new int[] {10}, SyntheticData.DIGITS));
        assertThrows(IllegalArgumentException.class,
                () -> new ScatterData(new float[] {0, 1}, new float[] {0}, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Scatter().withRange(2, -2));
    }
}
