package org.latentlab.render;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Moments of a training run for slides and for a replay: each moment's latent space (a
 * {@link Scatter}, on axes shared by every moment so that the clusters' growth shows), its decoded
 * grid and its prior samples, and the run's {@link LossCurves} with the moment marked by an orange
 * line, beside the scatter's legend. {@link #draw} puts the moments side by side over one loss chart marked at each (numbered
 * like the columns); {@link #frames} draws one moment at a time, the frames of an animation.
 *
 * <p>Images are drawn pixel for pixel at an integer scale, as in {@link ImageGrid}. Immutable and
 * safe to share between threads.
 */
public final class TimelineFigure {

    static final int MARGIN = 28;
    static final int GAP = 18;
    /** The side of a scatter and the width a decoded grid aims for. */
    static final int PANEL = 420;
    static final int TITLE_HEIGHT = 34;
    private static final int SAMPLE_GAP = 3;
    static final int LOSS_HEIGHT = 320;
    private static final int LEGEND_TOP = 12;

    /** All of {@code data}'s moments side by side, over the losses marked at each. */
    public BufferedImage draw(TimelineFigureData data) {
        List<TimelineFigureData.Moment> moments = data.moments();
        TimelineFigureData.Moment first = moments.get(0);
        int scale = gridScale(first);
        int samplesPerRow = (first.samples().count() + 1) / 2;
        int width = 2 * MARGIN + moments.size() * PANEL + (moments.size() - 1) * GAP;
        int top = FigureCanvas.headerHeight(data.labels()) + 8;
        int gridTop = top + TITLE_HEIGHT + PANEL + GAP;
        int samplesTop = gridTop + first.gridRows() * first.grid().height() * scale + GAP;
        int samplesHeight = 2 * (first.samples().height() * sampleScale(first, samplesPerRow) + SAMPLE_GAP);
        int lossTop = samplesTop + samplesHeight + GAP;
        Legend classes = Scatter.legendFor(first.scatter(), true, null);
        FigureCanvas canvas = FigureCanvas.blank(width, lossTop + bottomHeight(classes) + MARGIN);
        Scatter scatter = scatterFor(moments);
        for (int c = 0; c < moments.size(); c++) {
            TimelineFigureData.Moment m = moments.get(c);
            int left = MARGIN + c * (PANEL + GAP);
            canvas.drawText((c + 1) + ". " + m.title(), FigureCanvas.AXIS_TITLE, Palette.TEXT, left + PANEL / 2.0,
                    top + TITLE_HEIGHT - 10, FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.BASELINE);
            drawMoment(canvas, scatter, m, left, top + TITLE_HEIGHT, gridTop, samplesTop, samplesPerRow);
        }
        LossCurves curves = new LossCurves().withSize(lossWidth(canvas, width, classes), LOSS_HEIGHT);
        FigureLabels lossLabels = FigureLabels.titled(null);
        BufferedImage loss = curves.draw(data.losses(), lossLabels);
        PlotAxes axes = curves.axes(data.losses(), lossLabels);
        Graphics2D lossGraphics = loss.createGraphics();
        FigureCanvas.antialias(lossGraphics);
        for (int c = 0; c < moments.size(); c++) {
            mark(lossGraphics, axes, moments.get(c).iteration(), Integer.toString(c + 1));
        }
        lossGraphics.dispose();
        canvas.graphics().drawImage(loss, MARGIN, lossTop, null);
        drawLegend(canvas, classes, width, lossTop);
        canvas.drawHeader(data.labels(), MARGIN, width - MARGIN);
        return canvas.finish();
    }

    /**
     * The frames of a replay of {@code losses}' run, one moment each: the latent space beside the
     * grid, the samples under them, the losses marked at the moment under all. Every frame has the
     * same size and scatter axes, fitted as a {@link Scatter}'s to reach {@code farthest} (the
     * largest |coordinate| of any moment's points); the loss chart is drawn once.
     */
    public Frames frames(LossHistoryData losses, double farthest) {
        float reach = (float) Math.abs(farthest);
        return new Frames(losses, Scatter.fittedRange(ScatterData.unlabelled(new float[] {reach}, new float[] {reach}))[1]);
    }

    /** Draws replay frames; confined to one thread (it keeps the loss chart it drew). */
    public static final class Frames {
        private final LossHistoryData losses;
        private final double halfRange;
        private BufferedImage loss;
        private PlotAxes lossAxes;

        private Frames(LossHistoryData losses, double halfRange) {
            if (!(halfRange > 0) || !Double.isFinite(halfRange)) {
                throw new IllegalArgumentException("a scatter range of ±" + halfRange);
            }
            this.losses = losses;
            this.halfRange = halfRange;
        }

        /** The frame of moment {@code m}, titled with its title. */
        public BufferedImage draw(TimelineFigureData.Moment m) {
            int scale = gridScale(m);
            int gridWidth = m.gridColumns() * m.grid().width() * scale;
            int width = 2 * MARGIN + PANEL + GAP + Math.max(PANEL, gridWidth);
            int top = MARGIN + TITLE_HEIGHT;
            int samplesPerRow = m.samples().count();
            int samplesTop = top + Math.max(PANEL, m.gridRows() * m.grid().height() * scale) + GAP;
            int lossTop = samplesTop + m.samples().height() * sampleScale(m, samplesPerRow, width - 2 * MARGIN) + GAP;
            Legend classes = Scatter.legendFor(m.scatter(), true, null);
            FigureCanvas canvas = FigureCanvas.blank(width, lossTop + bottomHeight(classes) + MARGIN);
            if (loss == null) {
                LossCurves curves = new LossCurves().withSize(lossWidth(canvas, width, classes), LOSS_HEIGHT);
                loss = curves.draw(losses, FigureLabels.titled(null));
                lossAxes = curves.axes(losses, FigureLabels.titled(null));
            }
            drawLegend(canvas, classes, width, lossTop);
            canvas.drawText(m.title(), FigureCanvas.TITLE, Palette.TEXT, width / 2.0, MARGIN + TITLE_HEIGHT - 8,
                    FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.BASELINE);
            Scatter scatter = new Scatter().withSize(PANEL, PANEL).withRange(-halfRange, halfRange)
                    .withPriorContours(true).withLegend(false);
            canvas.graphics().drawImage(scatter.draw(m.scatter(), new FigureLabels(null, m.xAxis(), m.yAxis(), null)),
                    MARGIN, top, null);
            paintGrid(canvas.image(), m, MARGIN + PANEL + GAP, top, scale);
            paintSamples(canvas.image(), m, MARGIN, samplesTop, samplesPerRow, width - 2 * MARGIN);
            Graphics2D g = canvas.graphics();
            g.drawImage(loss, MARGIN, lossTop, null);
            g.translate(MARGIN, lossTop);
            mark(g, lossAxes, m.iteration(), null);
            g.translate(-MARGIN, -lossTop);
            return canvas.finish();
        }
    }

    /** The width the loss curves leave beside them for the scatter's legend. */
    static int lossWidth(FigureCanvas canvas, int width, Legend classes) {
        return width - 2 * MARGIN - (int) Math.ceil(classes.width(canvas)) - GAP;
    }

    /** The height of the loss curves and the legend beside them. */
    private static int bottomHeight(Legend classes) {
        return Math.max(LOSS_HEIGHT, LEGEND_TOP + (int) Math.ceil(classes.height()));
    }

    /** The scatter's legend (its classes and the prior's circles), right of the loss curves. */
    private static void drawLegend(FigureCanvas canvas, Legend classes, int width, int lossTop) {
        classes.draw(canvas, width - MARGIN - classes.width(canvas), lossTop + LEGEND_TOP);
    }

    /** The scatter every column shares: axes fitted to all moments' points. */
    private static Scatter scatterFor(List<TimelineFigureData.Moment> moments) {
        double half = 0;
        for (TimelineFigureData.Moment m : moments) {
            half = Math.max(half, Scatter.fittedRange(m.scatter())[1]);
        }
        return new Scatter().withSize(PANEL, PANEL).withRange(-half, half).withPriorContours(true).withLegend(false);
    }

    private static void drawMoment(FigureCanvas canvas, Scatter scatter, TimelineFigureData.Moment m, int left,
                                   int scatterTop, int gridTop, int samplesTop, int samplesPerRow) {
        canvas.graphics().drawImage(scatter.draw(m.scatter(), new FigureLabels(null, m.xAxis(), m.yAxis(), null)),
                left, scatterTop, null);
        int scale = gridScale(m);
        int gridWidth = m.gridColumns() * m.grid().width() * scale;
        paintGrid(canvas.image(), m, left + (PANEL - gridWidth) / 2, gridTop, scale);
        paintSamples(canvas.image(), m, left, samplesTop, samplesPerRow, PANEL);
    }

    /** The largest integer scale at which the grid fits {@value #PANEL} pixels (1 at least). */
    private static int gridScale(TimelineFigureData.Moment m) {
        return Math.max(1, PANEL / (m.gridColumns() * m.grid().width()));
    }

    private static int sampleScale(TimelineFigureData.Moment m, int perRow) {
        return sampleScale(m, perRow, PANEL);
    }

    private static int sampleScale(TimelineFigureData.Moment m, int perRow, int room) {
        return Math.max(1, Math.min(4, (room - perRow * SAMPLE_GAP) / (perRow * m.samples().width())));
    }

    private static void paintGrid(BufferedImage image, TimelineFigureData.Moment m, int left, int top, int scale) {
        int w = m.grid().width() * scale;
        int h = m.grid().height() * scale;
        for (int row = 0; row < m.gridRows(); row++) {
            for (int column = 0; column < m.gridColumns(); column++) {
                m.grid().paint(row * m.gridColumns() + column, image, left + column * w, top + row * h, scale);
            }
        }
    }

    private static void paintSamples(BufferedImage image, TimelineFigureData.Moment m, int left, int top, int perRow,
                                      int room) {
        int scale = sampleScale(m, perRow, room);
        int cell = m.samples().width() * scale + SAMPLE_GAP;
        int cellHeight = m.samples().height() * scale + SAMPLE_GAP;
        for (int i = 0; i < m.samples().count(); i++) {
            m.samples().paint(i, image, left + (i % perRow) * cell, top + (i / perRow) * cellHeight, scale);
        }
    }

    /** An orange line across the loss plot at {@code iteration}, with {@code label} over it if given. */
    private static void mark(Graphics2D g, PlotAxes axes, long iteration, String label) {
        Rectangle2D area = axes.area();
        double x = axes.x().toPixel(iteration);
        g.setColor(Palette.MOMENT);
        g.setStroke(FigureCanvas.solid(2.5f));
        g.draw(new Line2D.Double(x, area.getMinY(), x, area.getMaxY()));
        if (label != null) {
            g.setFont(FigureCanvas.LEGEND);
            int width = g.getFontMetrics().stringWidth(label);
            g.drawString(label, (float) (x - width / 2.0), (float) area.getMinY() - 4);
        }
    }
}
