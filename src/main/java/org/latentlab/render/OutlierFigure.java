package org.latentlab.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * What a model finds likely: two blocks of images, the held-out images it gives the lowest
 * −log p(x) and those it gives the highest, each with its value; and, when another dataset is
 * given, the two sets' −log p(x) as histograms (each scaled to a fraction of its images), with the
 * AUROC of −log p(x) as a score for "not from the training data". When the other data looks more
 * likely than the held-out images, a note says that likelihood models are known to do this.
 *
 * <p>Immutable and safe to share between threads; each {@link #draw} makes a new picture.
 */
public final class OutlierFigure {

    private static final int MARGIN = 28;
    private static final int COLUMNS = 8;
    private static final int SCALE = 3;
    private static final int CELL_GAP = 12;
    private static final int VALUE_HEIGHT = 24;
    private static final int BLOCK_GAP = 48;
    private static final int BLOCK_TITLE_HEIGHT = 34;
    private static final int HISTOGRAM_HEIGHT = 330;
    private static final int BINS = 40;
    private static final int NOTE_LINE = 26;
    private static final Color OTHER = Palette.modelColour(0);

    public BufferedImage draw(OutlierFigureData data, FigureLabels labels) {
        int side = data.mostLikely().width() * SCALE;
        int pitch = side + CELL_GAP;
        int rows = (Math.max(data.mostLikely().count(), data.leastLikely().count()) + COLUMNS - 1) / COLUMNS;
        int blockWidth = COLUMNS * pitch - CELL_GAP;
        int width = 2 * MARGIN + 2 * blockWidth + BLOCK_GAP;
        int top = FigureCanvas.headerHeight(labels) + 8;
        int blocksBottom = top + BLOCK_TITLE_HEIGHT + rows * (side + VALUE_HEIGHT + 6);
        OutlierFigureData.Comparison comparison = data.comparison();
        int notes = comparison == null ? 0 : comparison.otherLooksMoreLikely() ? 2 : 1;
        int height = comparison == null ? blocksBottom + MARGIN
                : blocksBottom + 30 + HISTOGRAM_HEIGHT + PlotAxes.BOTTOM_MARGIN + 8 + notes * NOTE_LINE + MARGIN;

        FigureCanvas canvas = FigureCanvas.blank(width, height);
        canvas.drawHeader(labels, MARGIN, width - MARGIN);
        drawBlock(canvas, "most likely: lowest −log p(x)", data.mostLikely(), data.mostLikelyValues(), MARGIN, top, pitch);
        drawBlock(canvas, "least likely: highest −log p(x)", data.leastLikely(), data.leastLikelyValues(),
                MARGIN + blockWidth + BLOCK_GAP, top, pitch);
        if (comparison != null) {
            int plotTop = blocksBottom + 30;
            drawHistograms(canvas, comparison, plotTop, width);
            double noteTop = plotTop + HISTOGRAM_HEIGHT + PlotAxes.BOTTOM_MARGIN + 8;
            canvas.drawText(String.format(Locale.ROOT, "AUROC of −log p(x) as a score for the other data: %.3f (the"
                            + " chance that an image of %s scores above a held-out image; 0.5 is chance)",
                            comparison.auroc(), comparison.otherName()),
                    FigureCanvas.LEGEND, Palette.TEXT, width / 2.0, noteTop, FigureCanvas.Horizontal.CENTRE,
                    FigureCanvas.Vertical.TOP);
            if (comparison.otherLooksMoreLikely()) {
                canvas.drawText("The model finds the other data more likely than its own held-out images. Likelihood"
                                + " models are known to do this (Nalisnick et al. 2019).",
                        FigureCanvas.LEGEND, Palette.KL, width / 2.0, noteTop + NOTE_LINE,
                        FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.TOP);
            }
        }
        return canvas.finish();
    }

    private static void drawBlock(FigureCanvas canvas, String title, GrayscaleImages images, double[] values, int left,
            int top, int pitch) {
        int side = images.width() * SCALE;
        canvas.drawText(title, FigureCanvas.AXIS_TITLE, Palette.TEXT, left + (COLUMNS * pitch - CELL_GAP) / 2.0, top,
                FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.TOP);
        for (int i = 0; i < images.count(); i++) {
            int x = left + (i % COLUMNS) * pitch;
            int y = top + BLOCK_TITLE_HEIGHT + (i / COLUMNS) * (side + VALUE_HEIGHT + 6);
            images.paint(i, canvas.image(), x, y, SCALE);
            canvas.drawText(String.format(Locale.ROOT, "%.1f", values[i]), FigureCanvas.ANNOTATION, Palette.TEXT,
                    x + side / 2.0, y + side + 3, FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.TOP);
        }
    }

    /** The two sets' −log p(x) over shared bins, each bar the fraction of its own set. */
    private static void drawHistograms(FigureCanvas canvas, OutlierFigureData.Comparison comparison, int top, int width) {
        SharedHistogram bins = SharedHistogram.of(comparison.heldOut(), comparison.other(), BINS);
        double low = bins.low();
        double high = bins.high();
        double span = Math.max(1e-6, high - low);
        double binWidth = bins.binWidth();
        double peak = bins.peakFraction();
        AxisScale y = AxisScale.linear(0, NiceTicks.roundUp(peak * 1.08, peak, 5), top + HISTOGRAM_HEIGHT, top);
        FigureCanvas measure = FigureCanvas.forMeasuring();
        String yTitle = "fraction of images";
        double left = MARGIN + PlotAxes.leftMargin(measure, PlotAxes.ticksFor(y, 48), yTitle);
        Legend legend = new Legend(List.of(
                new Legend.Entry(String.format(Locale.ROOT, "%,d held-out images", comparison.heldOut().length),
                        Palette.VALIDATION, Legend.Swatch.LINE),
                new Legend.Entry(String.format(Locale.ROOT, "%,d images of %s", comparison.other().length,
                        comparison.otherName()), OTHER, Legend.Swatch.LINE)));
        double right = width - MARGIN;
        AxisScale x = AxisScale.linear(NiceTicks.roundDown(low, span, 8), NiceTicks.roundUp(high, span, 8), left, right);
        PlotAxes axes = new PlotAxes(x, y, "−log p(x), nats per image", yTitle);
        axes.drawGrid(canvas);
        drawBars(canvas.graphics(), bins.firstFractions(), low, binWidth, x, y, Palette.VALIDATION);
        drawBars(canvas.graphics(), bins.secondFractions(), low, binWidth, x, y, OTHER);
        axes.drawFrame(canvas);
        Rectangle2D area = axes.area();
        legend.draw(canvas, area.getMaxX() - legend.width(measure) - 12, area.getMinY() + 12);
    }

    private static void drawBars(Graphics2D g, double[] fractions, double low, double binWidth, AxisScale x, AxisScale y,
            Color colour) {
        Color fill = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 90);
        g.setStroke(FigureCanvas.solid(1.5f));
        for (int b = 0; b < fractions.length; b++) {
            if (fractions[b] == 0) {
                continue;
            }
            double x0 = x.toPixel(low + b * binWidth);
            double x1 = x.toPixel(low + (b + 1) * binWidth);
            double y0 = y.toPixel(fractions[b]);
            Rectangle2D bar = new Rectangle2D.Double(x0, y0, x1 - x0, y.toPixel(0) - y0);
            g.setColor(fill);
            g.fill(bar);
            g.setColor(colour);
            g.draw(bar);
        }
    }
}
