package org.latentlab.render;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A figure of 2-D points as small translucent markers coloured by class, each class in a shape of
 * its own ({@link Palette#classMarker}), on square axes with equal scales, usually a latent space:
 * where the encoder puts each image.
 *
 * <p>Over the points it can draw the prior N(0, I) as dashed circles at 1σ and 2σ (radius 1 and 2)
 * and the lattice a manifold grid was decoded at, as crosses, so a class can see which region of
 * the latent space each image of the manifold shows. The axis titles default to "z₁" and "z₂".
 *
 * <p>The figure stays honest about what it leaves out: points outside the axis range (and points
 * with a NaN coordinate) are counted in a line under the legend. Points are drawn in a fixed
 * shuffled order, so that the class listed last does not paint over the others.
 *
 * <p>Immutable and safe to share between threads; each {@link #draw} makes a new picture.
 */
public final class Scatter {

    public static final int DEFAULT_WIDTH = 1200;
    public static final int DEFAULT_HEIGHT = 900;
    /** The fitted range always reaches at least this far from 0 on both axes: ±3 prior standard deviations. */
    public static final double MIN_FITTED_HALF_RANGE = 3;

    private static final int PADDING = 24;
    private static final int LEGEND_GAP = 28;
    private static final int TICK_SPACING = 60;
    private static final float POINT_ALPHA = 0.6f;
    /** The smallest 1σ circle, in pixels, that gets its "1σ" and "2σ" labels. */
    private static final double MIN_LABELLED_RADIUS = 30;
    private static final Color UNLABELLED_COLOUR = Palette.classColour(0);

    private final int width;
    private final int height;
    private final double rangeMin;
    private final double rangeMax;
    private final boolean priorContours;
    private final SamplingLattice lattice;
    private final boolean showLegend;

    /** A scatter of the default size, with a fitted range, the prior's contours, a legend and no lattice. */
    public Scatter() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT, Double.NaN, Double.NaN, true, null, true);
    }

    private Scatter(int width, int height, double rangeMin, double rangeMax, boolean priorContours, SamplingLattice lattice,
                    boolean showLegend) {
        if (width < 300 || height < 300) {
            throw new IllegalArgumentException("a scatter needs at least 300×300 pixels, got " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.rangeMin = rangeMin;
        this.rangeMax = rangeMax;
        this.priorContours = priorContours;
        this.lattice = lattice;
        this.showLegend = showLegend;
    }

    /** This scatter drawn at {@code width × height} pixels. */
    public Scatter withSize(int width, int height) {
        return new Scatter(width, height, rangeMin, rangeMax, priorContours, lattice, showLegend);
    }

    /** This scatter with both axes running from {@code min} to {@code max}. */
    public Scatter withRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("an axis range needs finite min < max, got [" + min + ", " + max + "]");
        }
        return new Scatter(width, height, min, max, priorContours, lattice, showLegend);
    }

    /**
     * This scatter with the range fitted to the data (the default): symmetric about 0, reaching
     * every point and at least ±{@value #MIN_FITTED_HALF_RANGE}, rounded up to a tick.
     */
    public Scatter withFittedRange() {
        return new Scatter(width, height, Double.NaN, Double.NaN, priorContours, lattice, showLegend);
    }

    /** This scatter with or without the prior's 1σ and 2σ circles. */
    public Scatter withPriorContours(boolean show) {
        return new Scatter(width, height, rangeMin, rangeMax, show, lattice, showLegend);
    }

    /** This scatter with a cross at every point of {@code lattice}; {@code null} for none. */
    public Scatter withLattice(SamplingLattice lattice) {
        return new Scatter(width, height, rangeMin, rangeMax, priorContours, lattice, showLegend);
    }

    /**
     * This scatter with or without its legend on the right. Without it, the plot takes the whole
     * width (for a panel of a larger figure that has one legend for all), and the count of points
     * outside the axes is written in the plot's lower-left corner.
     */
    public Scatter withLegend(boolean show) {
        return new Scatter(width, height, rangeMin, rangeMax, priorContours, lattice, show);
    }

    /** Draws {@code data} with {@code labels}' title, note under the title and axis titles. */
    public BufferedImage draw(ScatterData data, FigureLabels labels) {
        FigureLabels shown = labels.withDefaultAxes("z₁", "z₂");
        FigureCanvas canvas = FigureCanvas.blank(width, height);
        Legend legend = legendFor(data);
        PlotAxes axes = axes(data, shown, canvas, legend);
        Rectangle2D area = axes.area();

        axes.drawGrid(canvas);
        Graphics2D g = canvas.graphics();
        Shape savedClip = g.getClip();
        g.clip(area);
        int notShown = drawPoints(g, data, axes);
        if (priorContours) {
            drawPrior(canvas, axes);
        }
        if (lattice != null) {
            drawLattice(g, axes);
        }
        g.setClip(savedClip);
        axes.drawFrame(canvas);
        canvas.drawHeader(shown, area.getMinX(), area.getMaxX());

        if (!showLegend) {
            if (notShown > 0) {
                drawOutsideCountInside(canvas, area, notShown, data.size());
            }
            return canvas.finish();
        }
        double legendLeft = area.getMaxX() + LEGEND_GAP;
        double belowLegend = area.getMinY();
        if (legend != null) {
            legend.draw(canvas, legendLeft, area.getMinY());
            belowLegend += legend.height() + 12;
        }
        if (notShown > 0) {
            String what = notShown == 1 ? "point lies" : "points lie";
            canvas.drawText(NiceTicks.format(notShown, 0) + " of " + NiceTicks.format(data.size(), 0),
                    FigureCanvas.ANNOTATION, Palette.TEXT, legendLeft, belowLegend,
                    FigureCanvas.Horizontal.LEFT, FigureCanvas.Vertical.TOP);
            canvas.drawText(what + " outside the axes", FigureCanvas.ANNOTATION, Palette.TEXT,
                    legendLeft, belowLegend + 20, FigureCanvas.Horizontal.LEFT, FigureCanvas.Vertical.TOP);
        }
        return canvas.finish();
    }

    /** "N of M outside the axes" on a white box in the plot's lower-left corner. */
    private static void drawOutsideCountInside(FigureCanvas canvas, Rectangle2D area, int notShown, int total) {
        String text = NiceTicks.format(notShown, 0) + " of " + NiceTicks.format(total, 0) + " outside the axes";
        double boxWidth = canvas.textWidth(text, FigureCanvas.ANNOTATION) + 10;
        double boxHeight = canvas.capHeight(FigureCanvas.ANNOTATION) + 10;
        Rectangle2D box = new Rectangle2D.Double(area.getMinX() + 4, area.getMaxY() - boxHeight - 4, boxWidth, boxHeight);
        Graphics2D g = canvas.graphics();
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(box);
        canvas.drawText(text, FigureCanvas.ANNOTATION, Palette.TEXT, box.getMinX() + 5, box.getCenterY(),
                FigureCanvas.Horizontal.LEFT, FigureCanvas.Vertical.MIDDLE);
    }

    /** The axes {@link #draw} uses for {@code data}: where each coordinate lands in pixels. */
    PlotAxes axes(ScatterData data, FigureLabels labels) {
        FigureCanvas measure = FigureCanvas.forMeasuring();
        return axes(data, labels.withDefaultAxes("z₁", "z₂"), measure, legendFor(data));
    }

    private PlotAxes axes(ScatterData data, FigureLabels labels, FigureCanvas measure, Legend legend) {
        double[] range = Double.isNaN(rangeMin) ? fittedRange(data) : new double[] {rangeMin, rangeMax};
        int top = FigureCanvas.headerHeight(labels) + 8;
        int bottom = height - PlotAxes.BOTTOM_MARGIN - PADDING / 2;
        double roughSide = bottom - top;
        NiceTicks roughTicks = PlotAxes.ticksFor(AxisScale.linear(range[0], range[1], 0, roughSide), TICK_SPACING);
        double left = PlotAxes.leftMargin(measure, roughTicks, labels.yAxisLabel()) + PADDING / 2.0;
        double legendWidth = legend == null ? 0 : legend.width(measure) + LEGEND_GAP;
        double availableWidth = width - left - legendWidth - PADDING;
        double side = Math.floor(Math.min(availableWidth, bottom - top));
        if (side < 100) {
            throw new IllegalArgumentException("a " + width + "×" + height + " scatter leaves no room for the plot");
        }
        left += Math.floor((availableWidth - side) / 2);
        double plotTop = top + Math.floor((bottom - top - side) / 2);
        AxisScale x = AxisScale.linear(range[0], range[1], left, left + side);
        AxisScale y = AxisScale.linear(range[0], range[1], plotTop + side, plotTop);
        // The same tick spacing on both axes, as befits equal scales.
        return new PlotAxes(x, y, labels.xAxisLabel(), labels.yAxisLabel(), TICK_SPACING, TICK_SPACING);
    }

    /**
     * The default range: symmetric about 0, reaching the farthest finite coordinate and at least
     * ±{@value #MIN_FITTED_HALF_RANGE}, rounded up to a tick.
     */
    static double[] fittedRange(ScatterData data) {
        double farthest = MIN_FITTED_HALF_RANGE;
        for (int i = 0; i < data.size(); i++) {
            float x = data.xs()[i];
            float y = data.ys()[i];
            if (Float.isFinite(x) && Float.isFinite(y)) {
                farthest = Math.max(farthest, Math.max(Math.abs(x), Math.abs(y)));
            }
        }
        double half = NiceTicks.roundUp(farthest, farthest, 8);
        return new double[] {-half, half};
    }

    /** The legend of a scatter of {@code data}: its classes, and the marks drawn over them; {@code null} if none. */
    static Legend legendFor(ScatterData data, boolean priorContours, SamplingLattice lattice) {
        List<Legend.Entry> entries = new ArrayList<>();
        if (data.labels() != null) {
            for (int label = 0; label < data.classNames().size(); label++) {
                entries.add(new Legend.Entry(data.classNames().get(label), Palette.classColour(label), Legend.Swatch.DOT,
                        Palette.classMarker(label)));
            }
        }
        if (priorContours) {
            entries.add(new Legend.Entry("prior N(0, I): 1σ, 2σ", Palette.REFERENCE, Legend.Swatch.DASHED_LINE));
        }
        if (lattice != null) {
            entries.add(new Legend.Entry("manifold grid points", Palette.REFERENCE, Legend.Swatch.CROSS));
        }
        return entries.isEmpty() ? null : new Legend(entries);
    }

    private Legend legendFor(ScatterData data) {
        return showLegend ? legendFor(data, priorContours, lattice) : null;
    }

    /** Draws every point inside the axes; returns how many were left out. */
    private static int drawPoints(Graphics2D g, ScatterData data, PlotAxes axes) {
        int n = data.size();
        double radius = n <= 1_000 ? 4.5 : n <= 5_000 ? 3.5 : 3;
        Composite saved = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, POINT_ALPHA));
        int notShown = 0;
        Color current = null;
        for (int i : drawingOrder(n)) {
            float x = data.xs()[i];
            float y = data.ys()[i];
            if (!axes.x().contains(x) || !axes.y().contains(y)) {
                notShown++;
                continue;
            }
            Color colour = data.labels() == null ? UNLABELLED_COLOUR : Palette.classColour(data.labels()[i]);
            MarkerShape shape = data.labels() == null ? MarkerShape.CIRCLE : Palette.classMarker(data.labels()[i]);
            if (colour != current) {
                g.setColor(colour);
                current = colour;
            }
            g.fill(Marks.marker(shape, axes.x().toPixel(x), axes.y().toPixel(y), radius));
        }
        g.setComposite(saved);
        return notShown;
    }

    /**
     * The order in which points are drawn: 0 … n−1 shuffled, the same on every run, so that no
     * class always paints over the others. The window's scatter draws in the same order.
     */
    public static int[] drawingOrder(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(20_131_220L);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private void drawPrior(FigureCanvas canvas, PlotAxes axes) {
        Graphics2D g = canvas.graphics();
        double pixelsPerUnit = axes.x().toPixel(1) - axes.x().toPixel(0);
        double cx = axes.x().toPixel(0);
        double cy = axes.y().toPixel(0);
        g.setColor(Palette.REFERENCE);
        g.setStroke(FigureCanvas.dashed(2f));
        for (int sigma = 1; sigma <= 2; sigma++) {
            double r = sigma * pixelsPerUnit;
            g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        }
        if (pixelsPerUnit < MIN_LABELLED_RADIUS) {
            return; // circles this small leave no room for their labels
        }
        for (int sigma = 1; sigma <= 2; sigma++) {
            String label = sigma + "σ";
            Rectangle2D box = sigmaLabelBox(canvas, axes, label, sigma * pixelsPerUnit);
            if (box != null) {
                g.setColor(new Color(255, 255, 255, 215));
                g.fill(box);
                canvas.drawText(label, FigureCanvas.LEGEND, Palette.REFERENCE, box.getCenterX(), box.getCenterY(),
                        FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.MIDDLE);
            }
        }
    }

    /** Angles, in degrees anticlockwise from z₁, at which a circle's label may sit, most wanted first. */
    private static final int[] LABEL_ANGLES = {45, 35, 55, 25, 65, 15, 75, 135, 315, 225, 0, 90};

    /**
     * Where the label of a circle of {@code radius} pixels goes: just outside the circle at the
     * first angle where it lies inside the plot and covers no lattice cross; {@code null} if it fits
     * nowhere inside the plot.
     */
    private Rectangle2D sigmaLabelBox(FigureCanvas canvas, PlotAxes axes, String label, double radius) {
        Rectangle2D area = axes.area();
        double boxWidth = canvas.textWidth(label, FigureCanvas.LEGEND) + 6;
        double boxHeight = canvas.capHeight(FigureCanvas.LEGEND) + 8;
        Rectangle2D fallback = null;
        for (int degrees : LABEL_ANGLES) {
            double angle = Math.toRadians(degrees);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double px = axes.x().toPixel(0) + (radius + 4) * cos;
            double py = axes.y().toPixel(0) - (radius + 4) * sin;
            Rectangle2D box = new Rectangle2D.Double(px - (1 - cos) / 2 * boxWidth, py - (1 + sin) / 2 * boxHeight,
                    boxWidth, boxHeight);
            if (!area.contains(box)) {
                continue;
            }
            if (!coversLatticePoint(box, axes)) {
                return box;
            }
            if (fallback == null) {
                fallback = box;
            }
        }
        return fallback;
    }

    private boolean coversLatticePoint(Rectangle2D box, PlotAxes axes) {
        if (lattice == null) {
            return false;
        }
        double arm = Marks.CROSS_ARM + 1;
        for (int row = 0; row < lattice.rows(); row++) {
            for (int column = 0; column < lattice.columns(); column++) {
                double px = axes.x().toPixel(lattice.x(column));
                double py = axes.y().toPixel(lattice.y(row));
                if (box.intersects(px - arm, py - arm, 2 * arm, 2 * arm)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void drawLattice(Graphics2D g, PlotAxes axes) {
        g.setColor(Palette.REFERENCE);
        g.setStroke(FigureCanvas.solid(1.5f));
        for (int row = 0; row < lattice.rows(); row++) {
            for (int column = 0; column < lattice.columns(); column++) {
                Marks.drawCross(g, axes.x().toPixel(lattice.x(column)), axes.y().toPixel(lattice.y(row)));
            }
        }
    }
}
