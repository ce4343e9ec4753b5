package org.latentlab.render;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The axes of a rectangular plot: faint grid lines at the ticks, the frame, the tick marks and
 * their labels, and the axis titles. A figure draws {@link #drawGrid} before its data and
 * {@link #drawFrame} after it, so data never hides the axes.
 */
final class PlotAxes {

    /** Pixels a tick mark sticks out of the frame. */
    static final int TICK_LENGTH = 7;
    /** Gap between a tick mark and its label. */
    private static final int LABEL_GAP = 5;
    /** Gap between the tick labels and the axis title. */
    private static final int TITLE_GAP = 12;
    /** The least distance between neighbouring tick labels along the horizontal axis. */
    private static final int MIN_X_TICK_SPACING = 90;
    /** The least distance between neighbouring tick labels along the vertical axis. */
    private static final int MIN_Y_TICK_SPACING = 48;

    /** The room under the plot for tick marks, tick labels and the axis title. */
    static final int BOTTOM_MARGIN = TICK_LENGTH + LABEL_GAP + 18 + TITLE_GAP + 24;

    private final AxisScale x;
    private final AxisScale y;
    private final NiceTicks xTicks;
    private final NiceTicks yTicks;
    private final String xTitle;
    private final String yTitle;

    PlotAxes(AxisScale x, AxisScale y, String xTitle, String yTitle) {
        this(x, y, xTitle, yTitle, MIN_X_TICK_SPACING, MIN_Y_TICK_SPACING);
    }

    /** Axes whose tick labels are at least the given numbers of pixels apart along each axis. */
    PlotAxes(AxisScale x, AxisScale y, String xTitle, String yTitle, int minXSpacing, int minYSpacing) {
        this.x = x;
        this.y = y;
        this.xTicks = ticksFor(x, minXSpacing);
        this.yTicks = ticksFor(y, minYSpacing);
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    /** The ticks a vertical axis of this range and pixel length gets. */
    static NiceTicks ticksFor(AxisScale scale, int minSpacing) {
        return scale.ticks(Math.max(2, (int) (scale.pixelLength() / minSpacing) + 1));
    }

    /**
     * The room left of the plot for the labels of these vertical ticks and the axis title: what a
     * figure reserves before it knows the exact plot width.
     */
    static double leftMargin(FigureCanvas canvas, NiceTicks ticks, String yTitle) {
        double widest = 0;
        for (String label : ticks.labels()) {
            widest = Math.max(widest, canvas.textWidth(label, FigureCanvas.TICK_LABEL));
        }
        double title = yTitle == null ? 0 : TITLE_GAP + canvas.verticalAxisTitleWidth(yTitle);
        return TICK_LENGTH + LABEL_GAP + widest + title + 16;
    }

    AxisScale x() {
        return x;
    }

    AxisScale y() {
        return y;
    }

    NiceTicks xTicks() {
        return xTicks;
    }

    NiceTicks yTicks() {
        return yTicks;
    }

    /** The plot rectangle in pixels. */
    Rectangle2D area() {
        double left = Math.min(x.pixelAtMin(), x.pixelAtMax());
        double top = Math.min(y.pixelAtMin(), y.pixelAtMax());
        return new Rectangle2D.Double(left, top, x.pixelLength(), y.pixelLength());
    }

    /** Faint lines across the plot at every tick. */
    void drawGrid(FigureCanvas canvas) {
        Graphics2D g = canvas.graphics();
        Rectangle2D area = area();
        g.setColor(Palette.GRID_LINE);
        g.setStroke(FigureCanvas.solid(1f));
        for (double value : xTicks.values()) {
            double px = x.toPixel(value);
            g.draw(new Line2D.Double(px, area.getMinY(), px, area.getMaxY()));
        }
        for (double value : yTicks.values()) {
            double py = y.toPixel(value);
            g.draw(new Line2D.Double(area.getMinX(), py, area.getMaxX(), py));
        }
    }

    /** The frame, tick marks, tick labels and axis titles. */
    void drawFrame(FigureCanvas canvas) {
        Graphics2D g = canvas.graphics();
        Rectangle2D area = area();
        g.setColor(Palette.AXIS);
        g.setStroke(FigureCanvas.solid(1.5f));
        g.draw(area);

        List<String> xLabels = xTicks.labels();
        for (int i = 0; i < xLabels.size(); i++) {
            double px = x.toPixel(xTicks.values().get(i));
            g.setColor(Palette.AXIS);
            g.draw(new Line2D.Double(px, area.getMaxY(), px, area.getMaxY() + TICK_LENGTH));
            canvas.drawText(xLabels.get(i), FigureCanvas.TICK_LABEL, Palette.TEXT,
                    px, area.getMaxY() + TICK_LENGTH + LABEL_GAP,
                    FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.TOP);
        }
        List<String> yLabels = yTicks.labels();
        double widest = 0;
        for (int i = 0; i < yLabels.size(); i++) {
            double py = y.toPixel(yTicks.values().get(i));
            g.setColor(Palette.AXIS);
            g.draw(new Line2D.Double(area.getMinX() - TICK_LENGTH, py, area.getMinX(), py));
            canvas.drawText(yLabels.get(i), FigureCanvas.TICK_LABEL, Palette.TEXT,
                    area.getMinX() - TICK_LENGTH - LABEL_GAP, py,
                    FigureCanvas.Horizontal.RIGHT, FigureCanvas.Vertical.MIDDLE);
            widest = Math.max(widest, canvas.textWidth(yLabels.get(i), FigureCanvas.TICK_LABEL));
        }
        g.setColor(Palette.AXIS);
        g.setStroke(FigureCanvas.solid(1f));
        for (Shape minor : minorTicks(area)) {
            g.draw(minor);
        }

        if (xTitle != null) {
            double top = area.getMaxY() + TICK_LENGTH + LABEL_GAP + 18 + TITLE_GAP;
            canvas.drawText(xTitle, FigureCanvas.AXIS_TITLE, Palette.TEXT, area.getCenterX(), top,
                    FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.TOP);
        }
        if (yTitle != null) {
            double right = area.getMinX() - TICK_LENGTH - LABEL_GAP - widest - TITLE_GAP;
            canvas.drawVerticalAxisTitle(yTitle, right, area.getCenterY());
        }
    }

    /** Short unlabelled marks at 2…9 times each decade of a logarithmic axis with decade ticks only. */
    private List<Shape> minorTicks(Rectangle2D area) {
        List<Shape> marks = new ArrayList<>();
        if (y.logarithmic()) {
            for (double value : minorValues(y)) {
                double py = y.toPixel(value);
                marks.add(new Line2D.Double(area.getMinX() - TICK_LENGTH / 2.0, py, area.getMinX(), py));
            }
        }
        if (x.logarithmic()) {
            for (double value : minorValues(x)) {
                double px = x.toPixel(value);
                marks.add(new Line2D.Double(px, area.getMaxY(), px, area.getMaxY() + TICK_LENGTH / 2.0));
            }
        }
        return marks;
    }

    private static List<Double> minorValues(AxisScale scale) {
        List<Double> values = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(scale.min()));
        int last = (int) Math.ceil(Math.log10(scale.max()));
        for (int e = first; e <= last; e++) {
            for (int m = 2; m <= 9; m++) {
                double value = m * Math.pow(10, e);
                if (scale.contains(value)) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
