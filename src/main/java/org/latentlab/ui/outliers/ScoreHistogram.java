package org.latentlab.ui.outliers;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.latentlab.lesson.Units;
import org.latentlab.render.SharedHistogram;

/**
 * The held-out images' and the other data's −log p(x) as two histograms over the same bins, each
 * bar the share of its own set's images (the sets differ in size), the x axis in the units chosen.
 * Confined to the JavaFX application thread.
 */
final class ScoreHistogram extends Canvas {

    static final Color HELD_OUT = Color.web("#0072b2");
    static final Color OTHER = Color.web("#d55e00");
    private static final double LEFT = 44;
    private static final double RIGHT = 10;
    private static final double TOP = 22;
    private static final double BOTTOM = 30;

    ScoreHistogram(double width, double height) {
        super(width, height);
    }

    /** Draws {@code c}'s histograms (or nothing) with images of {@code pixels} pixels, in {@code units}. */
    void draw(OutlierScores.Comparison c, int heldOutCount, int pixels, Units units) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        if (c == null) {
            return;
        }
        SharedHistogram bins = c.histogram();
        double[] held = bins.firstFractions();
        double[] other = bins.secondFractions();
        double top = Math.max(0.01, bins.peakFraction() * 1.1);
        double left = LEFT;
        double right = w - RIGHT;
        double bottom = h - BOTTOM;
        double low = bins.low();
        double span = bins.binWidth() * bins.bins();
        g.setFont(Font.font(10));
        for (int b = 0; b < bins.bins(); b++) {
            double x0 = left + (right - left) * b / bins.bins();
            double x1 = left + (right - left) * (b + 1) / bins.bins();
            bar(g, x0, x1, bottom, bottom - (bottom - TOP) * held[b] / top, HELD_OUT);
            bar(g, x0, x1, bottom, bottom - (bottom - TOP) * other[b] / top, OTHER);
        }
        g.setStroke(Color.GREY);
        g.setLineWidth(1);
        g.strokeRect(left, TOP, right - left, bottom - TOP);
        g.setFill(Color.BLACK);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int t = 0; t <= 4; t++) {
            double value = low + span * t / 4;
            g.fillText(units.format(value, pixels, 0), left + (right - left) * t / 4, bottom + 2);
        }
        g.fillText("−log p(x), " + units.words() + " (IWAE)", (left + right) / 2, bottom + 15);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.format(Locale.ROOT, "%.2f", top), left - 4, TOP + 4);
        g.fillText("0", left - 4, bottom);
        g.save();
        g.translate(10, (TOP + bottom) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("share of its set", 0, 0);
        g.restore();
        legend(g, left + 6, 4, HELD_OUT, String.format(Locale.ROOT, "%,d held-out images", heldOutCount));
        legend(g, left + 6 + (right - left) / 2, 4, OTHER,
                String.format(Locale.ROOT, "%,d images of %s", c.other().length, c.otherName()));
    }

    private static void bar(GraphicsContext g, double x0, double x1, double bottom, double y, Color colour) {
        if (y >= bottom) {
            return;
        }
        g.setFill(colour.deriveColor(0, 1, 1, 0.35));
        g.fillRect(x0, y, x1 - x0, bottom - y);
        g.setStroke(colour);
        g.setLineWidth(1);
        g.strokeRect(x0, y, x1 - x0, bottom - y);
    }

    private static void legend(GraphicsContext g, double x, double y, Color colour, String text) {
        g.setFill(colour.deriveColor(0, 1, 1, 0.35));
        g.fillRect(x, y + 2, 12, 10);
        g.setStroke(colour);
        g.strokeRect(x, y + 2, 12, 10);
        g.setFill(Color.BLACK);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, x + 16, y + 1);
    }
}
