package org.latentlab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A figure of models' paths through the rate–distortion plane: rate (the KL term) across,
 * distortion (the reconstruction term) up, each model a line from a hollow dot where training
 * began to a filled dot where it is now. Thin grey diagonals join the points of equal negative
 * ELBO (rate + distortion): moving along one trades distortion for rate at no cost to the bound.
 *
 * <p>Both axes are linear; the rate axis starts at 0 and the distortion axis just below the
 * lowest point. The axis titles default to "rate: KL (nats)" and "distortion: reconstruction
 * (nats)".
 *
 * <p>Immutable and safe to share between threads; each {@link #draw} makes a new picture.
 */
public final class RateDistortionPlot {

    public static final int DEFAULT_WIDTH = 900;
    public static final int DEFAULT_HEIGHT = 700;

    private static final int PADDING = 24;
    private static final int LEGEND_GAP = 24;
    private static final double START_RADIUS = 5;
    private static final double END_RADIUS = 7;
    private static final Color ISO_ELBO = new Color(0xB8B8B8);
    private static final String RATE_TITLE = "rate: KL (nats)";
    private static final String DISTORTION_TITLE = "distortion: reconstruction (nats)";

    private final int width;
    private final int height;
    private final boolean showLegend;

    /** A plot of the default size with its legend on the right. */
    public RateDistortionPlot() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT, true);
    }

    private RateDistortionPlot(int width, int height, boolean showLegend) {
        if (width < 300 || height < 300) {
            throw new IllegalArgumentException("a rate–distortion plot needs at least 300×300 pixels, got "
                    + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.showLegend = showLegend;
    }

    /** This plot drawn at {@code width × height} pixels. */
    public RateDistortionPlot withSize(int width, int height) {
        return new RateDistortionPlot(width, height, showLegend);
    }

    /**
     * This plot with or without its legend on the right; without, the plot takes the whole width
     * (for a figure that draws {@link #legendFor} elsewhere).
     */
    public RateDistortionPlot withLegend(boolean show) {
        return new RateDistortionPlot(width, height, show);
    }

    public BufferedImage draw(RateDistortionData data, FigureLabels labels) {
        FigureLabels shown = labels.withDefaultAxes(RATE_TITLE, DISTORTION_TITLE);
        FigureCanvas canvas = FigureCanvas.blank(width, height);
        Legend legend = showLegend ? legendFor(data) : null;
        PlotAxes axes = axes(data, shown, canvas, legend);
        Rectangle2D area = axes.area();
        axes.drawGrid(canvas);

        Graphics2D g = canvas.graphics();
        Shape savedClip = g.getClip();
        g.clip(area);
        drawIsoElbo(canvas, axes);
        for (RateDistortionData.Trail trail : data.trails()) {
            drawPath(g, trail, axes);
        }
        g.setClip(savedClip);
        // Dots are drawn whole even on the frame: a model with no rate sits on the left edge.
        for (RateDistortionData.Trail trail : data.trails()) {
            drawEnds(g, trail, axes);
        }
        axes.drawFrame(canvas);
        canvas.drawHeader(shown, area.getMinX(), area.getMaxX());
        if (legend != null) {
            legend.draw(canvas, area.getMaxX() + LEGEND_GAP, area.getMinY());
        }
        return canvas.finish();
    }

    /** The legend of a plot of {@code data}: each model's line, and the equal-ELBO diagonals; {@code null} if empty. */
    static Legend legendFor(RateDistortionData data) {
        if (data.trails().isEmpty()) {
            return null;
        }
        List<Legend.Entry> entries = new ArrayList<>();
        for (RateDistortionData.Trail trail : data.trails()) {
            entries.add(new Legend.Entry(trail.label(), trail.colour(), Legend.Swatch.LINE_WITH_DOT));
        }
        entries.add(new Legend.Entry("equal −ELBO", ISO_ELBO, Legend.Swatch.LINE));
        return new Legend(entries);
    }

    /** The axes {@link #draw} uses for {@code data}: where each rate and distortion lands in pixels. */
    PlotAxes axes(RateDistortionData data, FigureLabels labels) {
        FigureLabels shown = labels.withDefaultAxes(RATE_TITLE, DISTORTION_TITLE);
        return axes(data, shown, FigureCanvas.forMeasuring(), showLegend ? legendFor(data) : null);
    }

    private PlotAxes axes(RateDistortionData data, FigureLabels labels, FigureCanvas measure, Legend legend) {
        double[] rate = {0, 1};
        double[] distortion = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (RateDistortionData.Trail trail : data.trails()) {
            for (int i = 0; i < trail.size(); i++) {
                if (Float.isFinite(trail.rates()[i]) && Float.isFinite(trail.distortions()[i])) {
                    rate[1] = Math.max(rate[1], trail.rates()[i]);
                    distortion[0] = Math.min(distortion[0], trail.distortions()[i]);
                    distortion[1] = Math.max(distortion[1], trail.distortions()[i]);
                }
            }
        }
        if (distortion[0] > distortion[1]) {
            distortion = new double[] {0, 1};
        }
        double rateSpan = rate[1];
        rate[1] = NiceTicks.roundUp(rate[1] * 1.04, rateSpan, 8);
        double span = Math.max(1e-6, distortion[1] - distortion[0]);
        double yMin = Math.max(0, NiceTicks.roundDown(distortion[0] - 0.04 * span, span, 8));
        double yMax = NiceTicks.roundUp(distortion[1] + 0.04 * span, span, 8);

        int top = FigureCanvas.headerHeight(labels) + 8;
        int bottom = height - PlotAxes.BOTTOM_MARGIN - PADDING / 2;
        AxisScale y = AxisScale.linear(yMin, yMax, bottom, top);
        double left = PlotAxes.leftMargin(measure, PlotAxes.ticksFor(y, 48), labels.yAxisLabel()) + PADDING / 2.0;
        double legendWidth = legend == null ? 0 : legend.width(measure) + LEGEND_GAP;
        double right = width - PADDING - legendWidth;
        if (right - left < 150 || bottom - top < 150) {
            throw new IllegalArgumentException("a " + width + "×" + height + " figure leaves no room for the plot");
        }
        AxisScale x = AxisScale.linear(0, rate[1], left, right);
        return new PlotAxes(x, y, labels.xAxisLabel(), labels.yAxisLabel());
    }

    /** Diagonals rate + distortion = c at round values of c across the plot. */
    private static void drawIsoElbo(FigureCanvas canvas, PlotAxes axes) {
        double lowest = axes.y().min();
        double highest = axes.y().max() + axes.x().max();
        NiceTicks levels = NiceTicks.linear(lowest, highest, 8);
        Graphics2D g = canvas.graphics();
        g.setColor(ISO_ELBO);
        g.setStroke(new BasicStroke(1.2f));
        for (double c : levels.values()) {
            // From the rate axis' start (rate 0, distortion c) to where distortion = c − rate reaches the bottom.
            double x0 = axes.x().min();
            double x1 = Math.min(axes.x().max(), c - axes.y().min());
            if (x1 <= x0) {
                continue;
            }
            g.draw(new Line2D.Double(axes.x().toPixel(x0), axes.y().toPixel(c - x0),
                    axes.x().toPixel(x1), axes.y().toPixel(c - x1)));
        }
    }

    private static boolean drawable(RateDistortionData.Trail trail, int i) {
        return Float.isFinite(trail.rates()[i]) && Float.isFinite(trail.distortions()[i]);
    }

    private static void drawPath(Graphics2D g, RateDistortionData.Trail trail, PlotAxes axes) {
        Path2D.Double line = new Path2D.Double();
        for (int i = 0; i < trail.size(); i++) {
            if (!drawable(trail, i)) {
                continue;
            }
            double px = axes.x().toPixel(trail.rates()[i]);
            double py = axes.y().toPixel(trail.distortions()[i]);
            if (line.getCurrentPoint() == null) {
                line.moveTo(px, py);
            } else {
                line.lineTo(px, py);
            }
        }
        g.setColor(trail.colour());
        g.setStroke(FigureCanvas.solid(2.5f));
        g.draw(line);
    }

    /** A hollow dot at the first point and a filled one at the last. */
    private static void drawEnds(Graphics2D g, RateDistortionData.Trail trail, PlotAxes axes) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < trail.size(); i++) {
            if (drawable(trail, i)) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return;
        }
        double sx = axes.x().toPixel(trail.rates()[first]);
        double sy = axes.y().toPixel(trail.distortions()[first]);
        Ellipse2D start = new Ellipse2D.Double(sx - START_RADIUS, sy - START_RADIUS, 2 * START_RADIUS, 2 * START_RADIUS);
        g.setColor(Color.WHITE);
        g.fill(start);
        g.setColor(trail.colour());
        g.setStroke(FigureCanvas.solid(2f));
        g.draw(start);
        Marks.drawRingedDot(g, trail.colour(), axes.x().toPixel(trail.rates()[last]),
                axes.y().toPixel(trail.distortions()[last]), END_RADIUS);
    }
}
