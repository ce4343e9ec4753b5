package org.latentlab.render;

import java.awt.image.BufferedImage;

/**
 * A figure of k input images in a row over their k reconstructions, the rows labelled "input" and
 * "reconstruction": how much of each image survives the trip through the latent space.
 *
 * <p>Drawn like {@link ImageGrid}: intensity 1 white on black, nearest-neighbour pixels, at an
 * automatic scale that makes the strip about {@value ImageGrid#TARGET_GRID_WIDTH} pixels wide
 * unless a scale is given.
 *
 * <p>Immutable and safe to share between threads; each {@link #draw} makes a new picture.
 */
public final class Reconstructions {

    private static final int PADDING = 24;
    private static final int IMAGE_GAP = 6;
    private static final int LABEL_GAP = 14;
    static final String INPUT_LABEL = "input";
    static final String RECONSTRUCTION_LABEL = "reconstruction";

    private final int scale;

    /** A strip with the automatic scale. */
    public Reconstructions() {
        this(0);
    }

    private Reconstructions(int scale) {
        if (scale < 0 || scale > 64) {
            throw new IllegalArgumentException("scale " + scale + " is outside 1..64 (0 for automatic)");
        }
        this.scale = scale;
    }

    /** This strip drawing each image pixel as a {@code scale × scale} square; 0 chooses automatically. */
    public Reconstructions withScale(int scale) {
        return new Reconstructions(scale);
    }

    /** Draws the inputs over their reconstructions, with the title and note of {@code labels}. */
    public BufferedImage draw(ReconstructionPairs pairs, FigureLabels labels) {
        Layout layout = layout(pairs, labels);
        FigureCanvas canvas = FigureCanvas.blank(layout.width(), layout.height());
        int k = pairs.count();
        for (int i = 0; i < k; i++) {
            pairs.inputs().paint(i, canvas.image(), layout.cellLeft(i), layout.inputTop(), layout.scale());
            pairs.reconstructions().paint(i, canvas.image(), layout.cellLeft(i), layout.reconstructionTop(), layout.scale());
        }
        double labelRight = layout.left() - LABEL_GAP;
        canvas.drawText(INPUT_LABEL, FigureCanvas.AXIS_TITLE, Palette.TEXT, labelRight,
                layout.inputTop() + layout.cellHeight() / 2.0, FigureCanvas.Horizontal.RIGHT, FigureCanvas.Vertical.MIDDLE);
        canvas.drawText(RECONSTRUCTION_LABEL, FigureCanvas.AXIS_TITLE, Palette.TEXT, labelRight,
                layout.reconstructionTop() + layout.cellHeight() / 2.0, FigureCanvas.Horizontal.RIGHT, FigureCanvas.Vertical.MIDDLE);
        canvas.drawHeader(labels, layout.left(), layout.left() + layout.stripWidth());
        return canvas.finish();
    }

    /** Where everything goes. */
    Layout layout(ReconstructionPairs pairs, FigureLabels labels) {
        GrayscaleImages inputs = pairs.inputs();
        int k = pairs.count();
        int pixelScale = scale > 0 ? scale : ImageGrid.automaticScale(k, inputs.width());
        int cellWidth = inputs.width() * pixelScale;
        int cellHeight = inputs.height() * pixelScale;
        FigureCanvas measure = FigureCanvas.forMeasuring();
        int left = PADDING + LABEL_GAP + (int) Math.ceil(Math.max(
                measure.textWidth(INPUT_LABEL, FigureCanvas.AXIS_TITLE),
                measure.textWidth(RECONSTRUCTION_LABEL, FigureCanvas.AXIS_TITLE)));
        int stripWidth = k * cellWidth + (k - 1) * IMAGE_GAP;
        double headerWidth = Math.max(
                labels.title() == null ? 0 : measure.textWidth(labels.title(), FigureCanvas.TITLE),
                labels.note() == null ? 0 : measure.textWidth(labels.note(), FigureCanvas.SUBTITLE));
        int width = (int) Math.max(left + stripWidth + PADDING, Math.ceil(headerWidth) + 2 * PADDING);
        int top = FigureCanvas.headerHeight(labels);
        int height = top + 2 * cellHeight + IMAGE_GAP + PADDING;
        return new Layout(pixelScale, left, top, width, height, cellWidth, cellHeight, stripWidth);
    }

    /** The geometry of a drawn strip. */
    record Layout(int scale, int left, int top, int width, int height, int cellWidth, int cellHeight, int stripWidth) {

        int cellLeft(int index) {
            return left + index * (cellWidth + IMAGE_GAP);
        }

        int inputTop() {
            return top;
        }

        int reconstructionTop() {
            return top + cellHeight + IMAGE_GAP;
        }
    }
}
