package org.latentlab.ui.outliers;

import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.latentlab.lesson.Units;
import org.latentlab.ui.plot.GrayImage;

/**
 * One block of ranked images, four to a row in rank order: each image beside its reconstruction,
 * with its −log p(x) underneath in the units chosen. Clicking a pair selects that held-out image.
 * Confined to the JavaFX application thread.
 */
final class RankedImages extends Canvas {

    static final int COLUMNS = 4;
    private static final int ROWS = 4;
    private static final int PAIR_GAP = 1;
    private static final int CELL_GAP = 4;
    private static final int VALUE_HEIGHT = 12;
    private static final Color RING = Color.web("#d55e00");

    private int width;
    private int height;
    private OutlierScores.Shown shown;

    /**
     * @param width  the images' width in pixels, until others are drawn (they are drawn at their own size)
     * @param height their height
     * @param select told the held-out index of a clicked image
     */
    RankedImages(int width, int height, IntConsumer select) {
        size(width, height);
        setOnMouseClicked(e -> {
            int k = cellAt(e.getX(), e.getY());
            if (shown != null && k >= 0 && k < shown.count()) {
                select.accept(shown.indices()[k]);
            }
        });
    }

    private void size(int imageWidth, int imageHeight) {
        width = imageWidth;
        height = imageHeight;
        setWidth(COLUMNS * pairWidth() + (COLUMNS - 1) * CELL_GAP);
        setHeight(ROWS * pitchY());
    }

    private int pairWidth() {
        return 2 * width + PAIR_GAP;
    }

    private int pitchY() {
        return height + VALUE_HEIGHT + 2;
    }

    /** The rank (from 0) of the pair at a point of the canvas, or −1 between pairs. */
    int cellAt(double x, double y) {
        int pitchX = pairWidth() + CELL_GAP;
        int column = (int) (x / pitchX);
        int row = (int) (y / pitchY());
        if (x < 0 || y < 0 || column >= COLUMNS || row >= ROWS || x - column * pitchX > pairWidth()) {
            return -1;
        }
        return row * COLUMNS + column;
    }

    /**
     * Draws {@code images} of {@code imageWidth × imageHeight} (or nothing), ringing held-out image
     * {@code selected}, values in {@code units}.
     */
    void draw(OutlierScores.Shown images, int imageWidth, int imageHeight, Units units, int selected) {
        this.shown = images;
        if (imageWidth != width || imageHeight != height) {
            size(imageWidth, imageHeight);
        }
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (images == null) {
            return;
        }
        g.setImageSmoothing(false);
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int n = width * height;
        for (int k = 0; k < images.count(); k++) {
            double x = (k % COLUMNS) * (pairWidth() + CELL_GAP);
            double y = (k / COLUMNS) * pitchY();
            g.drawImage(GrayImage.of(images.images(), k * n, width, height), x, y);
            g.drawImage(GrayImage.of(images.reconstructions(), k * n, width, height), x + width + PAIR_GAP, y);
            g.setFill(Color.web("#333333"));
            g.fillText(units.format(images.values()[k], n, 1), x + pairWidth() / 2.0, y + height + 1);
            if (images.indices()[k] == selected) {
                g.setStroke(RING);
                g.setLineWidth(2);
                g.strokeRect(x - 1, y - 1, pairWidth() + 2, height + 2);
            }
        }
    }
}
