package org.latentlab.render;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A figure for the debiasing lesson (Amini et al. 2019): for each model, its held-out images in
 * latent space with the rare group in colour over the others in grey and every dot's area
 * proportional to its sampling weight; on the right, the two groups' held-out reconstruction over
 * the epochs, one model's lines solid and the other's dashed, so "with" and "without" debiasing
 * sit on the same axes.
 *
 * <p>Immutable and safe to share between threads; each {@link #draw} makes a new picture.
 */
public final class DebiasingFigure {

    /** The rare group (Okabe–Ito vermillion). */
    static final Color RARE = Color.decode("#D55E00");
    /** The other images (Okabe–Ito blue in the chart, grey in the scatter so the rare group stands out). */
    static final Color COMMON = Color.decode("#0072B2");
    private static final Color COMMON_DOT = new Color(0x8C8C8C);

    private static final int MARGIN = 28;
    private static final int GAP = 30;
    private static final int SCATTER = 620;
    private static final int CHART_WIDTH = 780;
    private static final int PANEL_TITLE = 58;
    private static final int LEGEND_TOP_GAP = 16;
    private static final double BASE_RADIUS = 2.6;
    private static final double MIN_RADIUS = 1.2;
    private static final double MAX_RADIUS = 13;

    public BufferedImage draw(DebiasingFigureData data) {
        int panels = data.panels().size();
        int header = FigureCanvas.headerHeight(data.labels()) + 8;
        int width = MARGIN + panels * (SCATTER + GAP) + CHART_WIDTH + MARGIN;
        Legend dots = dotLegend();
        Legend lines = lineLegend(data);
        int height = header + PANEL_TITLE + SCATTER + LEGEND_TOP_GAP
                + (int) Math.max(dots.height(), lines.height()) + MARGIN;
        FigureCanvas canvas = FigureCanvas.blank(width, height);
        int top = header + PANEL_TITLE;
        for (int p = 0; p < panels; p++) {
            DebiasingFigureData.Panel panel = data.panels().get(p);
            int left = MARGIN + p * (SCATTER + GAP);
            canvas.drawText(panel.title(), FigureCanvas.AXIS_TITLE, Palette.TEXT, left + SCATTER / 2.0, header + 20,
                    FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.BASELINE);
            canvas.drawText(panel.note(), FigureCanvas.ANNOTATION, Palette.AXIS, left + SCATTER / 2.0, header + 44,
                    FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.BASELINE);
            drawScatter(canvas, panel, left, top);
        }
        int chartLeft = MARGIN + panels * (SCATTER + GAP);
        canvas.drawText("Held-out reconstruction by group", FigureCanvas.AXIS_TITLE, Palette.TEXT,
                chartLeft + CHART_WIDTH / 2.0, header + 20, FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.BASELINE);
        String note = "the reconstruction term, nats per image: lower is better";
        int fittedFrom = firstFittedEpoch(data);
        if (fittedFrom > 1) {
            note += "; axis fitted from epoch " + fittedFrom + " on";
        }
        canvas.drawText(note, FigureCanvas.ANNOTATION, Palette.AXIS, chartLeft + CHART_WIDTH / 2.0, header + 44,
                FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.BASELINE);
        drawChart(canvas, data, chartLeft, top, fittedFrom);
        double legendTop = top + SCATTER + LEGEND_TOP_GAP;
        dots.draw(canvas, MARGIN + (panels * (SCATTER + GAP) - GAP - dots.width(canvas)) / 2, legendTop);
        lines.draw(canvas, chartLeft + (CHART_WIDTH - lines.width(canvas)) / 2, legendTop);
        canvas.drawHeader(data.labels(), MARGIN, width - MARGIN);
        return canvas.finish();
    }

    /**
     * The first epoch the chart's vertical axis is fitted to: the first quarter of a long run falls
     * steeply and would squash the differences that remain, so it may run off the top.
     */
    static int firstFittedEpoch(DebiasingFigureData data) {
        int last = 0;
        for (DebiasingFigureData.Panel panel : data.panels()) {
            for (int epoch : panel.epochs()) {
                last = Math.max(last, epoch);
            }
        }
        return last >= 8 ? last / 4 + 1 : 1;
    }

    /** The radius of a dot of sampling weight {@code weight}: its area is proportional to the weight. */
    static double radius(double weight) {
        double r = BASE_RADIUS * Math.sqrt(Math.max(0, weight));
        return Double.isFinite(r) ? Math.max(MIN_RADIUS, Math.min(MAX_RADIUS, r)) : MAX_RADIUS;
    }

    private static void drawScatter(FigureCanvas canvas, DebiasingFigureData.Panel panel, int left, int top) {
        double half = Scatter.MIN_FITTED_HALF_RANGE;
        for (int i = 0; i < panel.xs().length; i++) {
            if (Float.isFinite(panel.xs()[i]) && Float.isFinite(panel.ys()[i])) {
                half = Math.max(half, Math.max(Math.abs(panel.xs()[i]), Math.abs(panel.ys()[i])));
            }
        }
        half = NiceTicks.roundUp(half, half, 8);
        double plotLeft = left + 84;
        double bottom = top + SCATTER - PlotAxes.BOTTOM_MARGIN;
        double side = Math.min(left + SCATTER - 12 - plotLeft, bottom - top);
        AxisScale x = AxisScale.linear(-half, half, plotLeft, plotLeft + side);
        AxisScale y = AxisScale.linear(-half, half, top + side, top);
        PlotAxes axes = new PlotAxes(x, y, panel.xAxis(), panel.yAxis(), 60, 60);
        axes.drawGrid(canvas);
        Graphics2D g = canvas.graphics();
        Shape savedClip = g.getClip();
        g.clip(axes.area());
        Composite saved = g.getComposite();
        Ellipse2D.Double dot = new Ellipse2D.Double();
        // The others first, faint, then the rare group on top of them.
        for (boolean rarePass : new boolean[] {false, true}) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, rarePass ? 0.8f : 0.35f));
            g.setColor(rarePass ? RARE : COMMON_DOT);
            for (int i : Scatter.drawingOrder(panel.xs().length)) {
                if (panel.rare()[i] != rarePass || !Float.isFinite(panel.xs()[i]) || !Float.isFinite(panel.ys()[i])) {
                    continue;
                }
                double r = radius(panel.weights()[i]);
                dot.setFrame(x.toPixel(panel.xs()[i]) - r, y.toPixel(panel.ys()[i]) - r, 2 * r, 2 * r);
                g.fill(dot);
            }
        }
        g.setComposite(saved);
        g.setClip(savedClip);
        axes.drawFrame(canvas);
    }

    private static void drawChart(FigureCanvas canvas, DebiasingFigureData data, int left, int top, int fittedFrom) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int lastEpoch = 1;
        for (DebiasingFigureData.Panel panel : data.panels()) {
            for (int e = 0; e < panel.epochs().length; e++) {
                for (double value : new double[] {panel.rareError()[e], panel.commonError()[e]}) {
                    if (Double.isFinite(value) && panel.epochs()[e] >= fittedFrom) {
                        low = Math.min(low, value);
                        high = Math.max(high, value);
                    }
                }
                lastEpoch = Math.max(lastEpoch, panel.epochs()[e]);
            }
        }
        if (!(low <= high)) {
            low = 0;
            high = 1;
        }
        double span = Math.max(1e-6, high - low);
        double yMin = NiceTicks.roundDown(low - 0.05 * span, span, 8);
        double yMax = NiceTicks.roundUp(high + 0.05 * span, span, 8);
        double bottom = top + SCATTER - PlotAxes.BOTTOM_MARGIN;
        AxisScale y = AxisScale.linear(yMin, yMax, bottom, top);
        FigureCanvas measure = FigureCanvas.forMeasuring();
        String yTitle = "reconstruction (nats)";
        double plotLeft = left + PlotAxes.leftMargin(measure, PlotAxes.ticksFor(y, 48), yTitle);
        AxisScale x = AxisScale.linear(lastEpoch == 1 ? 0.5 : 1, lastEpoch == 1 ? 1.5 : lastEpoch, plotLeft,
                left + CHART_WIDTH - 12);
        PlotAxes axes = new PlotAxes(x, y, "epoch", yTitle);
        axes.drawGrid(canvas);
        Graphics2D g = canvas.graphics();
        Shape savedClip = g.getClip();
        g.clip(axes.area());
        for (int p = 0; p < data.panels().size(); p++) {
            DebiasingFigureData.Panel panel = data.panels().get(p);
            drawLine(g, axes, panel.epochs(), panel.commonError(), COMMON, p == 1);
            drawLine(g, axes, panel.epochs(), panel.rareError(), RARE, p == 1);
        }
        g.setClip(savedClip);
        axes.drawFrame(canvas);
    }

    private static void drawLine(Graphics2D g, PlotAxes axes, int[] epochs, double[] values, Color colour,
                                 boolean dashed) {
        Path2D.Double line = new Path2D.Double();
        List<double[]> points = new ArrayList<>();
        for (int e = 0; e < epochs.length; e++) {
            if (!Double.isFinite(values[e])) {
                continue;
            }
            double px = axes.x().toPixel(epochs[e]);
            double py = axes.y().toPixel(values[e]);
            points.add(new double[] {px, py});
            if (line.getCurrentPoint() == null) {
                line.moveTo(px, py);
            } else {
                line.lineTo(px, py);
            }
        }
        g.setColor(colour);
        g.setStroke(dashed ? FigureCanvas.dashed(2.5f) : FigureCanvas.solid(2.5f));
        g.draw(line);
        for (double[] point : points) {
            double r = dashed ? 3.5 : 4.5;
            Ellipse2D dot = new Ellipse2D.Double(point[0] - r, point[1] - r, 2 * r, 2 * r);
            if (dashed) {
                g.setColor(Color.WHITE);
                g.fill(dot);
                g.setColor(colour);
                g.setStroke(FigureCanvas.solid(2f));
                g.draw(dot);
            } else {
                g.fill(dot);
            }
        }
    }

    /** What the scatters' dots are. */
    private static Legend dotLegend() {
        return new Legend(List.of(
                new Legend.Entry("rare group (dot area ∝ sampling weight)", RARE, Legend.Swatch.DOT),
                new Legend.Entry("the other images", COMMON_DOT, Legend.Swatch.DOT)));
    }

    /** Each model's two lines in the chart. */
    private static Legend lineLegend(DebiasingFigureData data) {
        List<Legend.Entry> entries = new ArrayList<>();
        for (int p = 0; p < data.panels().size(); p++) {
            String title = data.panels().get(p).title();
            Legend.Swatch line = p == 0 ? Legend.Swatch.LINE : Legend.Swatch.DASHED_LINE;
            entries.add(new Legend.Entry("rare group, " + title, RARE, line));
            entries.add(new Legend.Entry("the others, " + title, COMMON, line));
        }
        return new Legend(entries);
    }
}
