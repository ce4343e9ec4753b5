package org.latentlab.render;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * One figure of the compare lab for a slide: a column per model, each with its latent space as a
 * {@link Scatter} twice (once whole, once around the prior; the same axes and the prior's 1σ/2σ
 * circles in every column, so the columns can be compared by eye), a grid decoded from that space,
 * a strip of images decoded from prior samples, and its held-out losses; on the right, the models'
 * paths through the rate–distortion plane ({@link RateDistortionPlot}) and one legend for the
 * classes.
 *
 * <p>The whole-space range is fitted to every panel's points (as {@link Scatter} fits one) unless
 * set; the close-up shows ±{@value #CLOSE_UP} around the origin, where the prior puts
 * almost all its mass and the decoded grid lies. Points outside either are counted in their panel.
 * Images are drawn pixel for pixel at an integer scale, as in {@link ImageGrid}.
 *
 * <p>Immutable and safe to share between threads; each {@link #draw} makes a new picture.
 */
public final class ComparisonFigure {

    private static final int MARGIN = 28;
    private static final int COLUMN_GAP = 22;
    private static final int CAPTION_WIDTH = 44;
    private static final int MIN_COLUMN_WIDTH = 360;
    /** The width the decoded grid's scale aims for. */
    private static final int COLUMN_TARGET = 440;
    private static final int COLUMN_TITLE_HEIGHT = 50;
    private static final int ROW_GAP = 18;
    private static final int SAMPLE_GAP = 3;
    private static final int NUMBER_LINE_HEIGHT = 25;
    private static final int SIDE_WIDTH = 640;
    private static final int RATE_DISTORTION_HEIGHT = 760;

    /** Half the width of the close-up on the prior, in latent units (prior standard deviations). */
    static final double CLOSE_UP = 4;
    /** The prior samples are laid out in this many rows. */
    private static final int SAMPLE_ROWS = 2;

    private final double rangeMin;
    private final double rangeMax;

    /** A figure with the whole-space range fitted to all panels. */
    public ComparisonFigure() {
        this(Double.NaN, Double.NaN);
    }

    private ComparisonFigure(double rangeMin, double rangeMax) {
        this.rangeMin = rangeMin;
        this.rangeMax = rangeMax;
    }

    /** This figure with every scatter's axes running from {@code min} to {@code max}. */
    public ComparisonFigure withScatterRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("an axis range needs finite min < max, got [" + min + ", " + max + "]");
        }
        return new ComparisonFigure(min, max);
    }


    /** The scatter range all panels share: as set, or the widest of the ranges fitted to each. */
    double[] scatterRange(ComparisonFigureData data) {
        if (!Double.isNaN(rangeMin)) {
            return new double[] {rangeMin, rangeMax};
        }
        double half = 0;
        for (ComparisonFigureData.Panel panel : data.panels()) {
            half = Math.max(half, Scatter.fittedRange(panel.scatter())[1]);
        }
        return new double[] {-half, half};
    }

    public BufferedImage draw(ComparisonFigureData data) {
        Layout layout = layout(data);
        FigureCanvas canvas = FigureCanvas.blank(layout.width(), layout.height());
        double[] range = scatterRange(data);
        Scatter panelScatter = new Scatter().withSize(layout.columnWidth(), layout.scatterHeight())
                .withPriorContours(true).withLegend(false);
        Scatter whole = panelScatter.withRange(range[0], range[1]);
        Scatter near = panelScatter.withRange(-CLOSE_UP, CLOSE_UP);

        for (int c = 0; c < data.panels().size(); c++) {
            ComparisonFigureData.Panel panel = data.panels().get(c);
            int left = layout.columnLeft(c);
            drawColumnTitle(canvas, panel, left, layout.columnWidth(), layout.columnTitleTop());
            FigureLabels axes = new FigureLabels(null, panel.xAxis(), panel.yAxis(), null);
            canvas.graphics().drawImage(whole.draw(panel.scatter(), axes), left, layout.scatterTop(), null);
            canvas.graphics().drawImage(near.draw(panel.scatter(), axes), left, layout.closeUpTop(), null);
            paintGrid(canvas.image(), panel, centred(left, layout.columnWidth(), layout.gridWidth()), layout);
            paintSamples(canvas.image(), panel, centred(left, layout.columnWidth(), layout.samplesWidth()), layout);
            double y = layout.numbersTop();
            for (String line : panel.numbers()) {
                canvas.drawText(line, FigureCanvas.LEGEND, Palette.TEXT, left + layout.columnWidth() / 2.0, y,
                        FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.TOP);
                y += NUMBER_LINE_HEIGHT;
            }
        }
        drawRowCaptions(canvas, layout);
        drawSide(canvas, data, layout);
        canvas.drawHeader(data.labels(), MARGIN, layout.width() - MARGIN);
        return canvas.finish();
    }

    private static int centred(int left, int width, int inner) {
        return left + (width - inner) / 2;
    }

    private static void drawColumnTitle(FigureCanvas canvas, ComparisonFigureData.Panel panel, int left, int width,
                                        int top) {
        Graphics2D g = canvas.graphics();
        g.setColor(panel.colour());
        g.fill(new Rectangle2D.Double(left + 8, top + COLUMN_TITLE_HEIGHT - 6, width - 16, 4));
        canvas.drawText(panel.title(), FigureCanvas.TITLE, Palette.TEXT, left + width / 2.0,
                top + COLUMN_TITLE_HEIGHT - 14, FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.BASELINE);
    }

    private static void paintGrid(BufferedImage image, ComparisonFigureData.Panel panel, int left, Layout layout) {
        int n = panel.gridSize();
        int cell = panel.grid().width() * layout.gridScale();
        int cellHeight = panel.grid().height() * layout.gridScale();
        for (int row = 0; row < n; row++) {
            for (int column = 0; column < n; column++) {
                panel.grid().paint(row * n + column, image, left + column * cell, layout.gridTop() + row * cellHeight,
                        layout.gridScale());
            }
        }
    }

    private void paintSamples(BufferedImage image, ComparisonFigureData.Panel panel, int left, Layout layout) {
        GrayscaleImages samples = panel.samples();
        int perRow = layout.samplesPerRow();
        int cell = samples.width() * layout.gridScale() + SAMPLE_GAP;
        int cellHeight = samples.height() * layout.gridScale() + SAMPLE_GAP;
        for (int i = 0; i < samples.count(); i++) {
            samples.paint(i, image, left + (i % perRow) * cell, layout.samplesTop() + (i / perRow) * cellHeight,
                    layout.gridScale());
        }
    }

    private static void drawRowCaptions(FigureCanvas canvas, Layout layout) {
        double x = MARGIN + FigureCanvas.LEGEND.getSize() / 2.0;
        canvas.drawVerticalText("whole latent space", FigureCanvas.AXIS_TITLE, Palette.TEXT, x,
                layout.scatterTop() + layout.scatterHeight() / 2.0);
        canvas.drawVerticalText("around the prior", FigureCanvas.AXIS_TITLE, Palette.TEXT, x,
                layout.closeUpTop() + layout.scatterHeight() / 2.0);
        canvas.drawVerticalText("decoded grid", FigureCanvas.AXIS_TITLE, Palette.TEXT, x,
                layout.gridTop() + layout.gridHeight() / 2.0);
        canvas.drawVerticalText("prior samples", FigureCanvas.LEGEND, Palette.TEXT, x,
                layout.samplesTop() + layout.samplesHeight() / 2.0);
    }

    /** The rate–distortion plot, and under it its legend beside the classes' legend. */
    private static void drawSide(FigureCanvas canvas, ComparisonFigureData data, Layout layout) {
        int left = layout.sideLeft();
        int top = layout.scatterTop();
        double legendTop = top;
        double legendLeft = left + MARGIN;
        if (!data.rateDistortion().trails().isEmpty()) {
            RateDistortionPlot plot = new RateDistortionPlot().withSize(SIDE_WIDTH, RATE_DISTORTION_HEIGHT)
                    .withLegend(false);
            canvas.graphics().drawImage(plot.draw(data.rateDistortion(), FigureLabels.titled("Rate and distortion")
                    .withNote("over training; hollow dot: start, filled: end")), left, top, null);
            legendTop = top + RATE_DISTORTION_HEIGHT + ROW_GAP;
            Legend trails = RateDistortionPlot.legendFor(data.rateDistortion());
            trails.draw(canvas, legendLeft, legendTop);
            legendLeft += trails.width(canvas) + COLUMN_GAP;
        }
        Legend classes = Scatter.legendFor(data.panels().get(0).scatter(), true, null);
        if (classes != null) {
            classes.draw(canvas, legendLeft, legendTop);
        }
    }

    /** Where everything goes. */
    Layout layout(ComparisonFigureData data) {
        ComparisonFigureData.Panel first = data.panels().get(0);
        int imageWidth = first.grid().width();
        int imageHeight = first.grid().height();
        int n = first.gridSize();
        int scale = Math.max(1, Math.min(4, (int) Math.round((double) COLUMN_TARGET / (n * imageWidth))));
        int gridWidth = n * imageWidth * scale;
        int samplesPerRow = (first.samples().count() + SAMPLE_ROWS - 1) / SAMPLE_ROWS;
        int samplesWidth = samplesPerRow * (imageWidth * scale + SAMPLE_GAP) - SAMPLE_GAP;
        int columnWidth = Math.max(MIN_COLUMN_WIDTH, Math.max(gridWidth, samplesWidth));
        int header = FigureCanvas.headerHeight(data.labels()) + 8;
        int numbers = data.panels().stream().mapToInt(p -> p.numbers().size()).max().orElse(0);
        return new Layout(data.panels().size(), columnWidth, scale, gridWidth,
                n * imageHeight * scale, samplesPerRow, samplesWidth,
                SAMPLE_ROWS * (imageHeight * scale + SAMPLE_GAP) - SAMPLE_GAP, header, numbers);
    }

    /** The geometry of the figure, computed once. */
    record Layout(int columns, int columnWidth, int gridScale, int gridWidth, int gridHeight,
                  int samplesPerRow, int samplesWidth, int samplesHeight, int columnTitleTop, int numberLines) {

        int scatterHeight() {
            return columnWidth;
        }

        int columnLeft(int column) {
            return MARGIN + CAPTION_WIDTH + column * (columnWidth + COLUMN_GAP);
        }

        int scatterTop() {
            return columnTitleTop + COLUMN_TITLE_HEIGHT;
        }

        int closeUpTop() {
            return scatterTop() + scatterHeight();
        }

        int gridTop() {
            return closeUpTop() + scatterHeight() + ROW_GAP;
        }

        int samplesTop() {
            return gridTop() + gridHeight + ROW_GAP;
        }

        int numbersTop() {
            return samplesTop() + samplesHeight + ROW_GAP;
        }

        int sideLeft() {
            return columnLeft(columns) + COLUMN_GAP;
        }

        int width() {
            return sideLeft() + SIDE_WIDTH + MARGIN;
        }

        int height() {
            int columnsBottom = numbersTop() + numberLines * NUMBER_LINE_HEIGHT + MARGIN;
            int sideBottom = scatterTop() + RATE_DISTORTION_HEIGHT + ROW_GAP + 12 * 27 + 24 + MARGIN;
            return Math.max(columnsBottom, sideBottom);
        }
    }
}
