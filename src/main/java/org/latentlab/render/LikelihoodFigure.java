package org.latentlab.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * How far the ELBO is from log p(x), image by image, in a 2-D latent space: a column per image with
 * the image and its three numbers (−ELBO, −log p(x), the gap), the true posterior p(z|x) as a heat
 * map with the encoder's q(z|x) drawn over it as its 1σ and 2σ ellipses, and the importance-sampling
 * estimate −log p̂_K(x) against K on a logarithmic axis, between the −ELBO it starts from and the
 * −log p(x) it approaches. One legend on the right.
 *
 * <p>Each heat map is scaled to its own peak and drawn with equal units on both axes, so the
 * ellipses' shapes can be compared with the posterior's. Values are in nats per image.
 *
 * <p>Immutable and safe to share between threads; each {@link #draw} makes a new picture.
 */
public final class LikelihoodFigure {

    private static final int MARGIN = 28;
    private static final int COLUMN_WIDTH = 360;
    private static final int COLUMN_GAP = 24;
    private static final int PLOT_LEFT = 100;
    private static final int MAP_SIZE = 250;
    private static final int CURVE_HEIGHT = 190;
    private static final int CAPTION_HEIGHT = 30;
    private static final int IMAGE_SCALE = 3;
    private static final int NUMBER_LINE = 27;
    private static final int LEGEND_GAP = 28;
    private static final Color Q_COLOUR = Palette.KL;
    private static final Color POSTERIOR_SWATCH = new Color(0x08519C);

    /** Draws the panels side by side, at most eight. */
    public BufferedImage draw(List<PosteriorPanel> panels, FigureLabels labels) {
        Layout layout = layout(panels, labels);
        FigureCanvas canvas = FigureCanvas.blank(layout.width, layout.height);
        for (int c = 0; c < panels.size(); c++) {
            PosteriorPanel panel = panels.get(c);
            drawHeading(canvas, panel, layout.columnLeft(c), layout.top);
            drawHeatMap(canvas, panel, layout.mapAxes(panel, c));
            drawCurve(canvas, panel, layout.curveAxes(panel, c));
        }
        canvas.drawHeader(labels, MARGIN, layout.columnsRight);
        layout.legend.draw(canvas, layout.columnsRight + LEGEND_GAP, layout.mapTop);
        return canvas.finish();
    }

    /** Where {@link #draw} puts everything for these panels. */
    static Layout layout(List<PosteriorPanel> panels, FigureLabels labels) {
        if (panels.isEmpty() || panels.size() > 8) {
            throw new IllegalArgumentException("the likelihood figure draws 1 to 8 images, got " + panels.size());
        }
        int[] samples = panels.get(0).samples();
        Legend legend = legend(samples[samples.length - 1]);
        int columnsRight = MARGIN + panels.size() * COLUMN_WIDTH + (panels.size() - 1) * COLUMN_GAP;
        int width = (int) Math.ceil(columnsRight + LEGEND_GAP + legend.width(FigureCanvas.forMeasuring()) + MARGIN);
        int top = FigureCanvas.headerHeight(labels) + 8;
        int imageSide = panels.get(0).image().height() * IMAGE_SCALE;
        int mapTop = top + CAPTION_HEIGHT + Math.max(imageSide, 3 * NUMBER_LINE) + 18;
        int curveTop = mapTop + MAP_SIZE + PlotAxes.BOTTOM_MARGIN + 12;
        int height = curveTop + CURVE_HEIGHT + PlotAxes.BOTTOM_MARGIN + MARGIN / 2;
        return new Layout(legend, width, height, top, mapTop, curveTop, columnsRight);
    }

    /** The figure's size and the tops of its rows; the axes of each column's two plots. */
    record Layout(Legend legend, int width, int height, int top, int mapTop, int curveTop, int columnsRight) {

        int columnLeft(int column) {
            return MARGIN + column * (COLUMN_WIDTH + COLUMN_GAP);
        }

        /** The heat map's axes: the panel's grid, equal units across and up. */
        PlotAxes mapAxes(PosteriorPanel panel, int column) {
            int left = columnLeft(column) + PLOT_LEFT;
            double min1 = panel.first1() - panel.step() / 2;
            double min2 = panel.first2() - panel.step() / 2;
            double span = panel.cells() * panel.step();
            return new PlotAxes(AxisScale.linear(min1, min1 + span, left, left + MAP_SIZE),
                    AxisScale.linear(min2, min2 + span, mapTop + MAP_SIZE, mapTop), "z₁", "z₂", 70, 48);
        }

        /** The curve's axes: K from 1 (logarithmic), nats over the curve and both levels. */
        PlotAxes curveAxes(PosteriorPanel panel, int column) {
            int left = columnLeft(column) + PLOT_LEFT;
            int[] k = panel.samples();
            double low = panel.negativeLogMarginal();
            double high = panel.negativeElbo();
            for (double v : panel.iwae()) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            double span = Math.max(0.05, high - low);
            AxisScale x = AxisScale.log(1, Math.max(10, k[k.length - 1]), left, left + MAP_SIZE);
            AxisScale y = AxisScale.linear(NiceTicks.roundDown(low - 0.08 * span, span, 5),
                    NiceTicks.roundUp(high + 0.08 * span, span, 5), curveTop + CURVE_HEIGHT, curveTop);
            return new PlotAxes(x, y, "samples K", "nats", 60, 40);
        }
    }

    private static Legend legend(int largestK) {
        return new Legend(List.of(
                new Legend.Entry("p(z|x), the true posterior", POSTERIOR_SWATCH, Legend.Swatch.DOT),
                new Legend.Entry("q(z|x) at 1σ and 2σ", Q_COLOUR, Legend.Swatch.LINE),
                new Legend.Entry("−log p(x) by importance sampling, K samples", Palette.RECONSTRUCTION,
                        Legend.Swatch.LINE_WITH_DOT),
                new Legend.Entry(String.format(Locale.ROOT, "−ELBO from %,d samples", largestK), Palette.TOTAL,
                        Legend.Swatch.DASHED_LINE),
                new Legend.Entry("−log p(x) by quadrature", Palette.VALIDATION, Legend.Swatch.DASHED_LINE)));
    }

    /** The caption, the image and its three numbers. */
    private static void drawHeading(FigureCanvas canvas, PosteriorPanel panel, int left, int top) {
        if (panel.label() != null) {
            canvas.drawText(panel.label(), FigureCanvas.AXIS_TITLE, Palette.TEXT, left + PLOT_LEFT + MAP_SIZE / 2.0, top,
                    FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.TOP);
        }
        int imageTop = top + CAPTION_HEIGHT;
        int imageLeft = left + PLOT_LEFT;
        panel.image().paint(0, canvas.image(), imageLeft, imageTop, IMAGE_SCALE);
        double textLeft = imageLeft + panel.image().width() * IMAGE_SCALE + 16;
        String[] lines = {
                String.format(Locale.ROOT, "−ELBO  %.2f", panel.negativeElbo()),
                String.format(Locale.ROOT, "−log p(x)  %.2f", panel.negativeLogMarginal()),
                String.format(Locale.ROOT, "gap  %.2f nats", panel.gap())};
        for (int i = 0; i < lines.length; i++) {
            canvas.drawText(lines[i], FigureCanvas.LEGEND, i == 2 ? Q_COLOUR.darker() : Palette.TEXT, textLeft,
                    imageTop + i * NUMBER_LINE, FigureCanvas.Horizontal.LEFT, FigureCanvas.Vertical.TOP);
        }
    }

    /** p(z|x) as a heat map with equal units on both axes, q's ellipses and q's mean over it. */
    private static void drawHeatMap(FigureCanvas canvas, PosteriorPanel panel, PlotAxes axes) {
        AxisScale x = axes.x();
        AxisScale y = axes.y();
        Rectangle2D area = axes.area();
        int cells = panel.cells();
        BufferedImage map = new BufferedImage(cells, cells, BufferedImage.TYPE_INT_RGB);
        double peak = panel.peak();
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                map.setRGB(i, cells - 1 - j, HeatColours.rgb(panel.density()[j * cells + i] / peak));
            }
        }
        Graphics2D g = canvas.graphics();
        Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(map, (int) area.getMinX(), (int) area.getMinY(), MAP_SIZE, MAP_SIZE, null);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                interpolation == null ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : interpolation);

        Shape savedClip = g.getClip();
        g.clip(axes.area());
        g.setColor(Q_COLOUR);
        for (int k = 1; k <= 2; k++) {
            g.setStroke(k == 1 ? FigureCanvas.solid(2f) : FigureCanvas.dashed(2f));
            double x0 = x.toPixel(panel.qMean()[0] - k * panel.qStd()[0]);
            double x1 = x.toPixel(panel.qMean()[0] + k * panel.qStd()[0]);
            double y0 = y.toPixel(panel.qMean()[1] + k * panel.qStd()[1]);
            double y1 = y.toPixel(panel.qMean()[1] - k * panel.qStd()[1]);
            g.draw(new Ellipse2D.Double(x0, y0, x1 - x0, y1 - y0));
        }
        g.setStroke(FigureCanvas.solid(2f));
        Marks.drawCross(g, x.toPixel(panel.qMean()[0]), y.toPixel(panel.qMean()[1]));
        g.setClip(savedClip);
        axes.drawFrame(canvas);
    }

    /** −log p̂_K(x) against K (logarithmic), with the −ELBO and the quadrature's −log p(x) as dashed lines. */
    private static void drawCurve(FigureCanvas canvas, PosteriorPanel panel, PlotAxes axes) {
        int[] k = panel.samples();
        double[] values = panel.iwae();
        AxisScale x = axes.x();
        AxisScale y = axes.y();
        axes.drawGrid(canvas);
        Graphics2D g = canvas.graphics();
        Rectangle2D area = axes.area();
        drawLevel(g, area, y.toPixel(panel.negativeElbo()), Palette.TOTAL);
        drawLevel(g, area, y.toPixel(panel.negativeLogMarginal()), Palette.VALIDATION);
        double[] xs = new double[k.length];
        double[] ys = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            xs[i] = x.toPixel(k[i]);
            ys[i] = y.toPixel(values[i]);
        }
        Marks.drawDottedSeries(g, Palette.RECONSTRUCTION, 2.5f, 4, xs, ys);
        axes.drawFrame(canvas);
    }

    private static void drawLevel(Graphics2D g, Rectangle2D area, double py, Color colour) {
        g.setColor(colour);
        g.setStroke(FigureCanvas.dashed(2f));
        g.draw(new Line2D.Double(area.getMinX(), py, area.getMaxX(), py));
    }
}
