package org.latentlab.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/**
 * A boxed list of what the marks of a figure mean: one swatch and one label per entry.
 */
final class Legend {

    /** How an entry's swatch is drawn: as the mark it explains looks in the plot. */
    enum Swatch { DOT, LINE, FAINT_LINE, DASHED_LINE, CROSS, LINE_WITH_DOT }

    /**
     * One row of a legend.
     *
     * @param marker the shape a {@link Swatch#DOT} is drawn in, as its class's points are
     */
    record Entry(String label, Color colour, Swatch swatch, MarkerShape marker) {

        Entry(String label, Color colour, Swatch swatch) {
            this(label, colour, swatch, MarkerShape.CIRCLE);
        }
    }

    private static final int PADDING = 12;
    private static final int SWATCH_WIDTH = 30;
    private static final int SWATCH_GAP = 10;
    private static final int ROW_HEIGHT = 27;

    private final List<Entry> entries;

    Legend(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The width of the box in pixels. */
    double width(FigureCanvas canvas) {
        double widest = 0;
        for (Entry entry : entries) {
            widest = Math.max(widest, canvas.textWidth(entry.label(), FigureCanvas.LEGEND));
        }
        return 2 * PADDING + SWATCH_WIDTH + SWATCH_GAP + widest;
    }

    /** The height of the box in pixels. */
    double height() {
        return 2 * PADDING + entries.size() * ROW_HEIGHT - 6;
    }

    /** Draws the box with its top-left corner at (left, top). */
    void draw(FigureCanvas canvas, double left, double top) {
        Graphics2D g = canvas.graphics();
        RoundRectangle2D box = new RoundRectangle2D.Double(left, top, width(canvas), height(), 8, 8);
        g.setColor(Color.WHITE);
        g.fill(box);
        g.setColor(Palette.GRID_LINE.darker());
        g.setStroke(FigureCanvas.solid(1f));
        g.draw(box);

        double rowTop = top + PADDING;
        for (Entry entry : entries) {
            double centreY = rowTop + ROW_HEIGHT / 2.0 - 3;
            drawSwatch(g, entry, left + PADDING, centreY);
            canvas.drawText(entry.label(), FigureCanvas.LEGEND, Palette.TEXT,
                    left + PADDING + SWATCH_WIDTH + SWATCH_GAP, centreY,
                    FigureCanvas.Horizontal.LEFT, FigureCanvas.Vertical.MIDDLE);
            rowTop += ROW_HEIGHT;
        }
    }

    private static void drawSwatch(Graphics2D g, Entry entry, double left, double centreY) {
        double centreX = left + SWATCH_WIDTH / 2.0;
        g.setColor(entry.colour());
        switch (entry.swatch()) {
            case DOT -> g.fill(Marks.marker(entry.marker(), centreX, centreY, 6));
            case LINE -> {
                g.setStroke(FigureCanvas.solid(3f));
                g.draw(new Line2D.Double(left, centreY, left + SWATCH_WIDTH, centreY));
            }
            case FAINT_LINE -> {
                g.setStroke(FigureCanvas.solid(1.5f));
                g.setColor(new Color(entry.colour().getRed(), entry.colour().getGreen(), entry.colour().getBlue(), 120));
                g.draw(new Line2D.Double(left, centreY, left + SWATCH_WIDTH, centreY));
            }
            case DASHED_LINE -> {
                g.setStroke(FigureCanvas.dashed(2f));
                g.draw(new Line2D.Double(left, centreY, left + SWATCH_WIDTH, centreY));
            }
            case CROSS -> {
                g.setStroke(FigureCanvas.solid(2f));
                Marks.drawCross(g, centreX, centreY);
            }
            case LINE_WITH_DOT -> {
                g.setStroke(FigureCanvas.solid(2f));
                g.draw(new Line2D.Double(left, centreY, left + SWATCH_WIDTH, centreY));
                Marks.drawRingedDot(g, entry.colour(), centreX, centreY);
            }
        }
    }
}
