package org.latentlab.ui.scatter;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.latentlab.ui.plot.AxisMapping;
import org.latentlab.ui.plot.Raster;

/**
 * How a latent scatter is drawn, shared by the explorer's scatter and the compare lab's panels so
 * that the same codes look the same in both: markers coloured and shaped by class on a plot's raster, the prior's
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

    /** How opaque each marker is drawn: a little more on a dark plot, where overlaps darken less. */
    public static double markerOpacity(boolean dark) {
        return dark ? 0.8 : 0.65;
    }

    /**
     * {@code current} if it fits {@code classes} classes at {@code radius} and {@code opacity},
     * otherwise new markers that do.
     */
    public static ClassMarkers markers(ClassMarkers current, int classes, double radius, double opacity) {
        return current != null && current.fits(classes, radius, opacity) ? current
                : new ClassMarkers(classes, radius, opacity);
    }

    /**
     * Stamps one translucent marker per point, in its class's colour and shape ({@link Palette}),
     * in {@code drawOrder} (so that no class always lies on top); points far outside the raster are
     * skipped.
     */
    public static void drawPoints(Raster raster, AxisMapping x, AxisMapping y, ScatterPoints points, int[] drawOrder,
                                  ClassMarkers markers) {
        int n = points.size();
        double margin = 2 * markers.reach();
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
            markers.stamp(raster, points.labels()[i], px, py);
        }
    }

    /**
     * The prior N(0, I)'s 1σ and 2σ circles, dashed, {@code 1.5 × markScale} pixels wide, with their
     * names when {@code labelled}.
     */
    public static void drawPriorContours(GraphicsContext g, AxisMapping x, AxisMapping y, Color colour,
                                         boolean labelled, double markScale) {
        g.setStroke(colour);
        g.setLineWidth(1.5 * markScale);
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
