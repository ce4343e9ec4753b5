package org.latentlab.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;

/**
 * The small marks that stand for one value in a plot, drawn the same way in the plot and in its
 * legend.
 */
final class Marks {

    /** Half the width of a cross, in pixels. */
    static final double CROSS_ARM = 5;
    /** The radius of a validation dot, in pixels. */
    static final double RINGED_DOT_RADIUS = 5.5;

    private Marks() {
    }

    /** The outline of a class marker of {@code shape} centred on (x, y), {@code radius} pixels in size. */
    static Shape marker(MarkerShape shape, double x, double y, double radius) {
        double[] corners = shape.polygon();
        if (corners.length == 0) {
            return new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x + radius * corners[0], y + radius * corners[1]);
        for (int i = 2; i < corners.length; i += 2) {
            path.lineTo(x + radius * corners[i], y + radius * corners[i + 1]);
        }
        path.closePath();
        return path;
    }

    /** An upright cross centred on (x, y), in the graphics' current colour and stroke. */
    static void drawCross(Graphics2D g, double x, double y) {
        g.draw(new Line2D.Double(x - CROSS_ARM, y, x + CROSS_ARM, y));
        g.draw(new Line2D.Double(x, y - CROSS_ARM, x, y + CROSS_ARM));
    }

    /** A filled dot with a white ring, so it stands out from a line of the same colour under it. */
    static void drawRingedDot(Graphics2D g, Color colour, double x, double y) {
        drawRingedDot(g, colour, x, y, RINGED_DOT_RADIUS);
    }

    /** {@link #drawRingedDot(Graphics2D, Color, double, double)} with the given radius in pixels. */
    static void drawRingedDot(Graphics2D g, Color colour, double x, double y, double radius) {
        Ellipse2D dot = new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
        g.setColor(colour);
        g.fill(dot);
        g.setColor(Color.WHITE);
        g.setStroke(FigureCanvas.solid(radius > 4 ? 1.5f : 1f));
        g.draw(dot);
    }

    /**
     * A series of measured points: a line through them in order, then a ringed dot on each.
     *
     * @param xs the points' pixel columns
     * @param ys their pixel rows
     */
    static void drawDottedSeries(Graphics2D g, Color colour, float lineWidth, double radius, double[] xs, double[] ys) {
        Path2D.Double line = new Path2D.Double();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) {
                line.moveTo(xs[i], ys[i]);
            } else {
                line.lineTo(xs[i], ys[i]);
            }
        }
        g.setColor(colour);
        g.setStroke(FigureCanvas.solid(lineWidth));
        g.draw(line);
        for (int i = 0; i < xs.length; i++) {
            drawRingedDot(g, colour, xs[i], ys[i], radius);
        }
    }
}
