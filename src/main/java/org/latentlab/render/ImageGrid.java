package org.latentlab.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A figure of grayscale images in a grid: a decoded latent manifold with its z₁ and z₂ values
 * along the bottom and left, or a block of samples without coordinates.
 *
 * <p><b>Where each image goes.</b> With a {@link SamplingLattice}, the grid is laid out like a plot:
 * columns from left to right in order of increasing z₁, and rows from top to bottom in order of
 * <em>decreasing</em> z₂, so the largest z₂ is the top row, whatever order the lattice lists its
 * values in. (A lattice listing z₂ from −1.64 up to 1.64, as an inverse-CDF grid does, therefore
 * has its first row drawn at the bottom.) Without a lattice the images are in reading order: image
 * 0 top-left, then along the top row.
 *
 * <p>Intensity 1 is drawn white on black, as MNIST digits are usually shown. Each image pixel
 * becomes a {@code scale × scale} square; the default scale makes the grid about
 * {@value #TARGET_GRID_WIDTH} pixels wide (2 for 20 columns of 28-pixel images), so a class sees
 * the pixels as they are, never smoothed.
 *
 * <p>Immutable and safe to share between threads; each {@link #draw} makes a new picture.
 */
public final class ImageGrid {

    /** The grid width, in pixels, that the automatic scale aims for. */
    public static final int TARGET_GRID_WIDTH = 1100;
    private static final int MAX_AUTOMATIC_SCALE = 12;
    private static final int PADDING = 24;
    private static final int LABEL_GAP = 5;
    private static final int MIN_LABEL_SPACING = 8;

    private final int scale;
    private final int gap;

    /** A grid with the automatic scale and no gap between images. */
    public ImageGrid() {
        this(0, 0);
    }

    private ImageGrid(int scale, int gap) {
        if (scale < 0 || scale > 64) {
            throw new IllegalArgumentException("scale " + scale + " is outside 1..64 (0 for automatic)");
        }
        if (gap < 0 || gap > 64) {
            throw new IllegalArgumentException("gap " + gap + " is outside 0..64 pixels");
        }
        this.scale = scale;
        this.gap = gap;
    }

    /** This grid drawing each image pixel as a {@code scale × scale} square; 0 chooses automatically. */
    public ImageGrid withScale(int scale) {
        return new ImageGrid(scale, gap);
    }

    /** This grid with {@code gap} white pixels between neighbouring images. */
    public ImageGrid withGap(int gap) {
        return new ImageGrid(scale, gap);
    }

    /** The scale that makes {@code columns} images of {@code imageWidth} pixels about {@value #TARGET_GRID_WIDTH} wide. */
    public static int automaticScale(int columns, int imageWidth) {
        long scale = Math.round((double) TARGET_GRID_WIDTH / ((long) columns * imageWidth));
        return (int) Math.max(1, Math.min(MAX_AUTOMATIC_SCALE, scale));
    }

    /** Draws the grid on a white figure with its title, note and (with a lattice) axes. */
    public BufferedImage draw(ImageGridData data) {
        Layout layout = layout(data);
        FigureCanvas canvas = FigureCanvas.blank(layout.width(), layout.height());
        BufferedImage image = canvas.image();
        GrayscaleImages images = data.images();
        int cellWidth = images.width() * layout.scale();
        int cellHeight = images.height() * layout.scale();
        if (gap == 0) {
            canvas.graphics().setColor(java.awt.Color.BLACK);
            canvas.graphics().fillRect(layout.left(), layout.top(), layout.gridWidth(), layout.gridHeight());
        }
        for (int row = 0; row < data.rows(); row++) {
            for (int column = 0; column < data.columns(); column++) {
                images.paint(row * data.columns() + column, image,
                        layout.cellLeft(column), layout.cellTop(row), layout.scale());
            }
        }
        FigureLabels labels = labelsOf(data);
        canvas.drawHeader(labels, layout.left(), layout.left() + layout.gridWidth());
        if (data.lattice() != null) {
            drawLatticeAxes(canvas, data, layout, labels, cellWidth, cellHeight);
        }
        if (!data.rowNames().isEmpty()) {
            drawRowNames(canvas, data, layout, labels, cellHeight);
        }
        return canvas.finish();
    }

    /** Each row's name left of it, and the vertical axis title (if any) left of the names. */
    private void drawRowNames(FigureCanvas canvas, ImageGridData data, Layout layout, FigureLabels labels,
                              int cellHeight) {
        for (int row = 0; row < data.rows(); row++) {
            canvas.drawText(data.rowNames().get(row), layout.tickFont(), Palette.TEXT, layout.left() - LABEL_GAP,
                    layout.cellTop(row) + cellHeight / 2.0, FigureCanvas.Horizontal.RIGHT, FigureCanvas.Vertical.MIDDLE);
        }
        if (labels.yAxisLabel() != null) {
            double right = layout.left() - LABEL_GAP - widest(canvas, data.rowNames(), layout.tickFont()) - 12;
            canvas.drawVerticalAxisTitle(labels.yAxisLabel(), right, layout.top() + layout.gridHeight() / 2.0);
        }
    }

    private static FigureLabels labelsOf(ImageGridData data) {
        return data.lattice() == null ? data.labels() : data.labels().withDefaultAxes("z₁", "z₂");
    }

    private void drawLatticeAxes(FigureCanvas canvas, ImageGridData data, Layout layout, FigureLabels labels,
                                 int cellWidth, int cellHeight) {
        Graphics2D g = canvas.graphics();
        SamplingLattice lattice = data.lattice();
        int bottom = layout.top() + layout.gridHeight();
        int left = layout.left();

        List<String> xLabels = coordinateLabels(lattice.xValues());
        Font font = layout.tickFont();
        double widestX = widest(canvas, xLabels, font);
        boolean[] xLabelled = labelledPositions(data.columns(), widestX + MIN_LABEL_SPACING, cellWidth + gap);
        for (int column = 0; column < data.columns(); column++) {
            double centre = layout.cellLeft(column) + cellWidth / 2.0;
            g.setColor(Palette.AXIS);
            g.setStroke(FigureCanvas.solid(1.5f));
            g.draw(new Line2D.Double(centre, bottom, centre, bottom + PlotAxes.TICK_LENGTH));
            if (xLabelled[layout.displayColumn(column)]) {
                canvas.drawText(xLabels.get(column), font, Palette.TEXT, centre,
                        bottom + PlotAxes.TICK_LENGTH + LABEL_GAP, FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.TOP);
            }
        }
        List<String> yLabels = coordinateLabels(lattice.yValues());
        boolean[] yLabelled = labelledPositions(data.rows(), canvas.capHeight(font) + MIN_LABEL_SPACING,
                cellHeight + gap);
        for (int row = 0; row < data.rows(); row++) {
            double centre = layout.cellTop(row) + cellHeight / 2.0;
            g.setColor(Palette.AXIS);
            g.setStroke(FigureCanvas.solid(1.5f));
            g.draw(new Line2D.Double(left - PlotAxes.TICK_LENGTH, centre, left, centre));
            if (yLabelled[layout.displayRow(row)]) {
                canvas.drawText(yLabels.get(row), font, Palette.TEXT,
                        left - PlotAxes.TICK_LENGTH - LABEL_GAP, centre, FigureCanvas.Horizontal.RIGHT, FigureCanvas.Vertical.MIDDLE);
            }
        }
        double xTitleTop = bottom + PlotAxes.TICK_LENGTH + LABEL_GAP + 18 + 12;
        canvas.drawText(labels.xAxisLabel(), FigureCanvas.AXIS_TITLE, Palette.TEXT,
                left + layout.gridWidth() / 2.0, xTitleTop, FigureCanvas.Horizontal.CENTRE, FigureCanvas.Vertical.TOP);
        double yTitleRight = left - PlotAxes.TICK_LENGTH - LABEL_GAP - widest(canvas, yLabels, font) - 12;
        canvas.drawVerticalAxisTitle(labels.yAxisLabel(), yTitleRight, layout.top() + layout.gridHeight() / 2.0);
    }

    /** Where everything goes: computed once, used to draw and by tests to find a cell. */
    Layout layout(ImageGridData data) {
        GrayscaleImages images = data.images();
        int pixelScale = scale > 0 ? scale : automaticScale(data.columns(), images.width());
        int gridWidth = data.columns() * images.width() * pixelScale + (data.columns() - 1) * gap;
        int gridHeight = data.rows() * images.height() * pixelScale + (data.rows() - 1) * gap;

        FigureCanvas measure = FigureCanvas.forMeasuring();
        FigureLabels labels = labelsOf(data);
        int left = PADDING;
        int bottomMargin = PADDING;
        Font tickFont = FigureCanvas.TICK_LABEL;
        if (data.lattice() != null) {
            tickFont = tickFont(measure, coordinateLabels(data.lattice().xValues()), images.width() * pixelScale + gap);
            double widestY = widest(measure, coordinateLabels(data.lattice().yValues()), tickFont);
            left = (int) Math.ceil(PlotAxes.TICK_LENGTH + LABEL_GAP + widestY + 12
                    + measure.verticalAxisTitleWidth(labels.yAxisLabel()) + PADDING);
            bottomMargin = PlotAxes.BOTTOM_MARGIN + PADDING / 2;
        } else if (!data.rowNames().isEmpty()) {
            double widestName = widest(measure, data.rowNames(), tickFont);
            left = (int) Math.ceil(LABEL_GAP + widestName + PADDING
                    + (labels.yAxisLabel() == null ? 0 : 12 + measure.verticalAxisTitleWidth(labels.yAxisLabel())));
        }
        int top = FigureCanvas.headerHeight(labels);
        double headerWidth = Math.max(
                labels.title() == null ? 0 : measure.textWidth(labels.title(), FigureCanvas.TITLE),
                labels.note() == null ? 0 : measure.textWidth(labels.note(), FigureCanvas.SUBTITLE));
        int width = (int) Math.max(left + gridWidth + PADDING, Math.ceil(headerWidth) + 2 * PADDING);
        int height = top + gridHeight + bottomMargin;

        int[] columnOrder = IntStream.range(0, data.columns()).toArray();
        int[] rowOrder = IntStream.range(0, data.rows()).toArray();
        if (data.lattice() != null) {
            SamplingLattice lattice = data.lattice();
            columnOrder = displayPositions(data.columns(), Comparator.comparingDouble(lattice::x));
            rowOrder = displayPositions(data.rows(), Comparator.comparingDouble((Integer r) -> lattice.y(r)).reversed());
        }
        return new Layout(pixelScale, gap, left, top, gridWidth, gridHeight, width, height,
                images.width() * pixelScale, images.height() * pixelScale, columnOrder, rowOrder, tickFont);
    }

    /** For each index, the position it takes when the indices are sorted by {@code order}. */
    private static int[] displayPositions(int count, Comparator<Integer> order) {
        List<Integer> sorted = new ArrayList<>(IntStream.range(0, count).boxed().toList());
        sorted.sort(order);
        int[] position = new int[count];
        for (int p = 0; p < count; p++) {
            position[sorted.get(p)] = p;
        }
        return position;
    }

    /**
     * The geometry of a drawn grid.
     *
     * @param displayColumnOf for each data column, the column it is drawn in (0 = leftmost)
     * @param displayRowOf    for each data row, the row it is drawn in (0 = top)
     * @param tickFont        the font of the coordinate labels
     */
    record Layout(int scale, int gap, int left, int top, int gridWidth, int gridHeight, int width, int height,
                  int cellWidth, int cellHeight, int[] displayColumnOf, int[] displayRowOf, Font tickFont) {

        int displayColumn(int column) {
            return displayColumnOf[column];
        }

        int displayRow(int row) {
            return displayRowOf[row];
        }

        /** The x of the left edge of the cell that data column {@code column} is drawn in. */
        int cellLeft(int column) {
            return left + displayColumn(column) * (cellWidth + gap);
        }

        /** The y of the top edge of the cell that data row {@code row} is drawn in. */
        int cellTop(int row) {
            return top + displayRow(row) * (cellHeight + gap);
        }
    }

    /** Labels for lattice values: as few decimals as show them exactly, at most three, at least two otherwise. */
    static List<String> coordinateLabels(double[] values) {
        int decimals = 2;
        for (int d = 0; d <= 3; d++) {
            int candidate = d;
            boolean exact = true;
            for (double v : values) {
                double scaled = v * Math.pow(10, candidate);
                exact &= Math.abs(scaled - Math.rint(scaled)) < 1e-6;
            }
            if (exact) {
                decimals = d;
                break;
            }
        }
        List<String> labels = new ArrayList<>(values.length);
        for (double v : values) {
            labels.add(NiceTicks.format(v, decimals));
        }
        return labels;
    }

    /**
     * Which of {@code count} cells in a line get a tick label when each label needs
     * {@code labelExtent} pixels and cells are {@code cellPitch} apart: all if they fit, otherwise
     * as many as fit, spread evenly and always including both ends, so a symmetric lattice gets
     * symmetric labels.
     */
    static boolean[] labelledPositions(int count, double labelExtent, int cellPitch) {
        boolean[] labelled = new boolean[count];
        int stride = Math.max(1, (int) Math.ceil(labelExtent / cellPitch));
        int labels = count == 1 ? 1 : Math.max(2, (count - 1) / stride + 1);
        if (labels >= count) {
            java.util.Arrays.fill(labelled, true);
            return labelled;
        }
        while (labels > 2 && minimumGap(count, labels) * cellPitch < labelExtent) {
            labels--;
        }
        for (int j = 0; j < labels; j++) {
            labelled[position(j, count, labels)] = true;
        }
        return labelled;
    }

    private static int position(int j, int count, int labels) {
        return (int) Math.round((double) j * (count - 1) / (labels - 1));
    }

    private static int minimumGap(int count, int labels) {
        int gap = Integer.MAX_VALUE;
        for (int j = 1; j < labels; j++) {
            gap = Math.min(gap, position(j, count, labels) - position(j - 1, count, labels));
        }
        return gap;
    }

    private static double widest(FigureCanvas canvas, List<String> labels, Font font) {
        double widest = 0;
        for (String label : labels) {
            widest = Math.max(widest, canvas.textWidth(label, font));
        }
        return widest;
    }

    /**
     * The usual tick font, or the smallest figure font if that lets every column keep its label:
     * a manifold's columns are unevenly spaced in z₁, so each label tells something.
     */
    private static Font tickFont(FigureCanvas canvas, List<String> columnLabels, int cellPitch) {
        Font usual = FigureCanvas.TICK_LABEL;
        Font smaller = FigureCanvas.ANNOTATION;
        boolean usualFits = widest(canvas, columnLabels, usual) + MIN_LABEL_SPACING <= cellPitch;
        boolean smallerFits = widest(canvas, columnLabels, smaller) + MIN_LABEL_SPACING <= cellPitch;
        return !usualFits && smallerFits ? smaller : usual;
    }
}
