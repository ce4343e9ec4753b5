package org.latentlab.render;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A figure of a Gaussian decoder's learned σ against iterations: the shared σ, or the mean of the
 * per-pixel values with their smallest and largest as thin lines, on a linear axis from 0 in
 * intensity units (pixels run from 0 to 1). Long runs are drawn through each pixel column's
 * first, lowest, highest and last value ({@link SeriesOutline}).
 *
 * <p>Immutable and safe to share between threads; each {@link #draw} makes a new picture.
 */
public final class DecoderStdCurves {

    static final String SHARED_LABEL = "σ of every pixel";
    static final String MEAN_LABEL = "mean σ over the pixels";
    static final String RANGE_LABEL = "smallest and largest σ";

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 640;
    private static final int PADDING = 24;
    private static final int LEGEND_GAP = 28;
    private static final Color COLOUR = Color.decode(Palette.RECONSTRUCTION_HEX);

    /**
     * Draws σ after each iteration: {@code mean} alone for one shared σ ({@code min} and
     * {@code max} {@code null}), or the mean with the range of per-pixel values.
     */
    public BufferedImage draw(float[] mean, float[] min, float[] max, FigureLabels labels) {
        if ((min == null) != (max == null) || min != null && (min.length != mean.length || max.length != mean.length)) {
            throw new IllegalArgumentException("the smallest and largest σ go together, as long as the mean");
        }
        FigureLabels shown = labels.withDefaultAxes("iteration", "σ (intensity, 0 to 1)");
        List<Legend.Entry> entries = new ArrayList<>();
        entries.add(new Legend.Entry(min == null ? SHARED_LABEL : MEAN_LABEL, COLOUR, Legend.Swatch.LINE));
        if (min != null) {
            entries.add(new Legend.Entry(RANGE_LABEL, COLOUR, Legend.Swatch.FAINT_LINE));
        }
        Legend legend = new Legend(entries);
        FigureCanvas canvas = FigureCanvas.blank(WIDTH, HEIGHT);
        double highest = 0;
        for (float v : max == null ? mean : max) {
            highest = Float.isFinite(v) ? Math.max(highest, v) : highest;
        }
        double top = FigureCanvas.headerHeight(shown) + 8;
        double bottom = HEIGHT - PlotAxes.BOTTOM_MARGIN - PADDING / 2.0;
        AxisScale y = AxisScale.linear(0, highest > 0 ? NiceTicks.roundUp(highest * 1.05, highest, 8) : 1, bottom, top);
        double left = PlotAxes.leftMargin(canvas, PlotAxes.ticksFor(y, 48), shown.yAxisLabel()) + PADDING / 2.0;
        double right = WIDTH - PADDING - LEGEND_GAP - legend.width(canvas);
        PlotAxes axes = new PlotAxes(AxisScale.linear(0, Math.max(1, mean.length), left, right), y,
                shown.xAxisLabel(), shown.yAxisLabel());
        Rectangle2D area = axes.area();

        axes.drawGrid(canvas);
        Graphics2D g = canvas.graphics();
        Shape savedClip = g.getClip();
        g.clip(new Rectangle2D.Double(area.getX() - 1, area.getY() - 1, area.getWidth() + 2, area.getHeight() + 2));
        g.setColor(COLOUR);
        if (min != null) {
            Composite opaque = g.getComposite();
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
            g.setStroke(FigureCanvas.solid(1.25f));
            g.draw(SeriesOutline.path(min, axes.x(), axes.y()));
            g.draw(SeriesOutline.path(max, axes.x(), axes.y()));
            g.setComposite(opaque);
        }
        g.setStroke(FigureCanvas.solid(2.75f));
        g.draw(SeriesOutline.path(mean, axes.x(), axes.y()));
        g.setClip(savedClip);
        axes.drawFrame(canvas);
        canvas.drawHeader(shown, area.getMinX(), area.getMaxX());
        legend.draw(canvas, area.getMaxX() + LEGEND_GAP, area.getMinY());
        return canvas.finish();
    }
}
