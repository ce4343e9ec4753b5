package org.latentlab.ui.scatter;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.latentlab.render.Palette;
import org.latentlab.ui.plot.AxisMapping;
import org.latentlab.ui.plot.Colours;
import org.latentlab.ui.plot.DiscSprite;
import org.latentlab.ui.plot.Raster;

/**
 * How a latent scatter is drawn, shared by the explorer's scatter and the compare lab's panels so
 * that the same codes look the same in both: dots coloured by class on a plot's raster, the prior's
 * 1σ and 2σ circles and rings round chosen points on its marks layer. Confined to the JavaFX
 * application thread.
 */
public final class ScatterDrawing {

    private ScatterDrawing() {
    }

    /** A dot radius, in pixels, that keeps {@code count} points readable: larger when there are few. */
    public static double dotRadius(int count) {
        return count <= 1_000 ? 4 : count <= 5_000 ? 3 : 2.4;
    }

    /**
     * Stamps one translucent dot per point, in its class colour, in {@code drawOrder} (so that no
     * class always lies on top), with the disc's coverage turned into integer weights once for all
     * points; points far outside the raster are skipped.
     */
    public static void drawPoints(Raster raster, AxisMapping x, AxisMapping y, ScatterPoints points, int[] drawOrder,
                                  DiscSprite dot, boolean dark) {
        int n = points.size();
        int[] weights = dot.weights(dark ? 0.8 : 0.65);
        int[] colours = new int[Math.max(1, points.classNames().size())];
        for (int c = 0; c < colours.length; c++) {
            colours[c] = Colours.rgb(Palette.classHex(c));
        }
        double margin = 2 * dot.radius();
        for (int i : drawOrder) {
            if (i >= n) {
                continue;
            }
            double px = x.toPixel(points.xs()[i]);
            double py = y.toPixel(points.ys()[i]);
            if (px < -margin || py < -margin || px > raster.width() + margin || py > raster.height() + margin
                    || Double.isNaN(px + py)) {
                continue;
            }
            int label = points.labels()[i];
            raster.stamp(dot, weights, px, py, label >= 0 ? colours[label % colours.length] : colours[0]);
        }
    }

    /** The prior N(0, I)'s 1σ and 2σ circles, dashed, with their names when {@code labelled}. */
    public static void drawPriorContours(GraphicsContext g, AxisMapping x, AxisMapping y, Color colour,
                                         boolean labelled) {
        g.setStroke(colour);
        g.setLineWidth(1.5);
        g.setLineDashes(7, 5);
        for (int sigma = 1; sigma <= 2; sigma++) {
            double r = sigma * x.scale();
            g.strokeOval(x.toPixel(0) - r, y.toPixel(0) - r, 2 * r, 2 * r);
        }
        g.setLineDashes(null);
        if (labelled) {
            g.setFill(colour);
            g.fillText("1σ", x.toPixel(0.72), y.toPixel(0.72));
            g.fillText("2σ", x.toPixel(1.43), y.toPixel(1.43));
        }
    }

    /** A circle of {@code radius} pixels round (x, y). */
    public static void ring(GraphicsContext g, double x, double y, double radius, Color colour, double width) {
        g.setStroke(colour);
        g.setLineWidth(width);
        g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
    }
}
