package org.latentlab.ui.scatter;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.latentlab.latent.LatentGrid;
import org.latentlab.ui.plot.AxisMapping;

/**
 * The marks the explorer's scatter draws over its points for the other views: a posterior's
 * ellipse, the paths of a moved point and of interpolations, and the decoded grid's cells. Confined
 * to the JavaFX application thread.
 */
final class ScatterMarks {

    /** A posterior's ellipse, and where a moved point ends (amber). */
    private static final String POSTERIOR_HEX = "#FFB000";

    private ScatterMarks() {
    }

    /** The posterior's μ ± σ ellipse, filled faintly and outlined in amber. */
    static void drawEllipse(GraphicsContext g, PosteriorEllipse ellipse, AxisMapping x, AxisMapping y) {
        double[] axes = ellipse.principalAxes();
        g.save();
        g.translate(x.toPixel(ellipse.x()), y.toPixel(ellipse.y()));
        g.rotate(-Math.toDegrees(axes[2]));
        double a = axes[0] * x.scale();
        double b = axes[1] * x.scale();
        g.setFill(Color.web(POSTERIOR_HEX, 0.18));
        g.fillOval(-a, -b, 2 * a, 2 * b);
        g.setStroke(Color.web(POSTERIOR_HEX));
        g.setLineWidth(2.5);
        g.strokeOval(-a, -b, 2 * a, 2 * b);
        g.restore();
    }

    /** A path through latent space, drawn on the plane in its style; {@code text} is the theme's text colour. */
    static void drawPath(GraphicsContext g, ScatterOverlay.Style style, double[][] plane, AxisMapping x, AxisMapping y,
                         Color text) {
        int n = plane[0].length;
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = x.toPixel(plane[0][i]);
            py[i] = y.toPixel(plane[1][i]);
        }
        switch (style) {
            case RAIL -> {
                g.setStroke(Color.color(text.getRed(), text.getGreen(), text.getBlue(), 0.45));
                g.setLineWidth(1.5);
                g.setLineDashes(4, 4);
                g.strokePolyline(px, py, n);
                g.setLineDashes(null);
                for (int i = 0; i < n; i++) {
                    ScatterDrawing.ring(g, px[i], py[i], 2.5,
                            Color.color(text.getRed(), text.getGreen(), text.getBlue(), 0.6), 1.2);
                }
            }
            case MOVE -> {
                g.setStroke(text);
                g.setLineWidth(3);
                g.strokePolyline(px, py, n);
                ScatterDrawing.ring(g, px[0], py[0], 5, text, 2);
                g.setFill(Color.web(POSTERIOR_HEX));
                g.fillOval(px[n - 1] - 6, py[n - 1] - 6, 12, 12);
                ScatterDrawing.ring(g, px[n - 1], py[n - 1], 6, text, 1.5);
            }
            case LINEAR, SPHERICAL -> {
                Color colour = Color.web(style == ScatterOverlay.Style.LINEAR ? LatentScatterView.LINEAR_HEX
                        : LatentScatterView.SPHERICAL_HEX);
                g.setStroke(colour);
                g.setLineWidth(2.5);
                g.strokePolyline(px, py, n);
                g.setFill(colour);
                for (int i = 0; i < n; i++) {
                    g.fillOval(px[i] - 3.5, py[i] - 3.5, 7, 7);
                }
                g.setFill(text);
                g.fillText("A", px[0] + 8, py[0] - 8);
                g.fillText("B", px[n - 1] + 8, py[n - 1] - 8);
            }
        }
    }

    /**
     * The grid's sampling points as crosses and the borders of the cells they stand for as faint
     * lines; inverse-CDF cells reach to the edge of the view, since the outer ones are unbounded.
     */
    static void drawGridCells(GraphicsContext g, LatentGrid grid, AxisMapping x, AxisMapping y, Color colour) {
        double[] axis = grid.axisValues();
        double[] edges = grid.cellEdges();
        double low = Math.max(edges[0], Math.min(x.min(), y.min()));
        double high = Math.min(edges[edges.length - 1], Math.max(x.max(), y.max()));
        g.setStroke(Color.color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0.35));
        g.setLineWidth(1);
        for (double edge : edges) {
            if (Double.isFinite(edge)) {
                g.strokeLine(x.toPixel(edge), y.toPixel(low), x.toPixel(edge), y.toPixel(high));
                g.strokeLine(x.toPixel(low), y.toPixel(edge), x.toPixel(high), y.toPixel(edge));
            }
        }
        g.setStroke(colour);
        g.setLineWidth(1.2);
        for (double u : axis) {
            for (double v : axis) {
                double px = x.toPixel(u);
                double py = y.toPixel(v);
                g.strokeLine(px - 3, py, px + 3, py);
                g.strokeLine(px, py - 3, px, py + 3);
            }
        }
    }

}
