package org.latentlab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A white, antialiased image being drawn on, with the fonts and the text placement every figure
 * shares. Confined to the thread that draws the figure; {@link #finish()} hands the image over.
 *
 * <p>Font sizes are in pixels and chosen to be read from the back of a classroom when the figure
 * is shown full-screen: nothing is smaller than {@link #SMALLEST_FONT_PX}.
 */
final class FigureCanvas {

    /** The smallest text size any figure uses, in pixels. */
    static final int SMALLEST_FONT_PX = 15;

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.ITALIC, 17);
    static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 19);
    static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    static final Font ANNOTATION = new Font(Font.SANS_SERIF, Font.PLAIN, SMALLEST_FONT_PX);

    static final List<Font> FONTS = List.of(TITLE, SUBTITLE, AXIS_TITLE, TICK_LABEL, LEGEND, ANNOTATION);

    /** Room above the content for a title, and for a subtitle under it. */
    static final int TITLE_BAND = 56;
    static final int SUBTITLE_BAND = 28;

    enum Horizontal { LEFT, CENTRE, RIGHT }

    enum Vertical { TOP, MIDDLE, BASELINE, BOTTOM }

    private final BufferedImage image;
    private final Graphics2D g;

    private FigureCanvas(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a figure needs a positive size, got " + width + "×" + height);
        }
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        antialias(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
    }

    /** Sets {@code g} to draw as every figure does: antialiased shapes and text, exact strokes. */
    static void antialias(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** A blank white canvas of the given size in pixels. */
    static FigureCanvas blank(int width, int height) {
        return new FigureCanvas(width, height);
    }

    /** A canvas for measuring text only, before the size of the figure is known. */
    static FigureCanvas forMeasuring() {
        return new FigureCanvas(1, 1);
    }

    Graphics2D graphics() {
        return g;
    }

    BufferedImage image() {
        return image;
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    /** Releases the graphics and returns the finished picture. */
    BufferedImage finish() {
        g.dispose();
        return image;
    }

    /** The height of the band a title (and its subtitle, if there is one) takes at the top. */
    static int headerHeight(FigureLabels labels) {
        int height = labels.title() == null ? 16 : TITLE_BAND;
        return labels.note() == null ? height : height + SUBTITLE_BAND;
    }

    /** Draws the title, centred over {@code [left, right]}, and the note under it as a subtitle. */
    void drawHeader(FigureLabels labels, double left, double right) {
        double widest = Math.max(
                labels.title() == null ? 0 : textWidth(labels.title(), TITLE),
                labels.note() == null ? 0 : textWidth(labels.note(), SUBTITLE));
        double centre = fittedCentre(widest, (left + right) / 2);
        double baseline = 38;
        if (labels.title() != null) {
            drawText(labels.title(), TITLE, Palette.TEXT, centre, baseline, Horizontal.CENTRE, Vertical.BASELINE);
            baseline += SUBTITLE_BAND;
        } else {
            baseline = 30;
        }
        if (labels.note() != null) {
            drawText(labels.note(), SUBTITLE, Palette.AXIS, centre, baseline, Horizontal.CENTRE, Vertical.BASELINE);
        }
    }

    /** {@code centre}, moved as little as needed for a line {@code textWidth} wide to stay inside the figure. */
    private double fittedCentre(double textWidth, double centre) {
        double half = textWidth / 2;
        double margin = 12;
        if (2 * (half + margin) >= width()) {
            return width() / 2.0;
        }
        return Math.max(half + margin, Math.min(width() - half - margin, centre));
    }

    /**
     * The width a vertical axis title takes beside its tick labels: its own width when it is short
     * enough to stand upright ("z₂"), which reads better than a turned word, else one line's height.
     */
    double verticalAxisTitleWidth(String title) {
        return isShort(title) ? textWidth(title, AXIS_TITLE) : capHeight(AXIS_TITLE);
    }

    /** Draws a vertical axis title whose right edge is at {@code right}, centred on {@code centreY}. */
    void drawVerticalAxisTitle(String title, double right, double centreY) {
        if (isShort(title)) {
            drawText(title, AXIS_TITLE, Palette.TEXT, right, centreY, Horizontal.RIGHT, Vertical.MIDDLE);
        } else {
            drawVerticalText(title, AXIS_TITLE, Palette.TEXT, right - capHeight(AXIS_TITLE) / 2, centreY);
        }
    }

    private boolean isShort(String title) {
        return textWidth(title, AXIS_TITLE) <= 3 * capHeight(AXIS_TITLE);
    }

    /** The width of {@code text} in {@code font}, in pixels. */
    double textWidth(String text, Font font) {
        return font.getStringBounds(text, context()).getWidth();
    }

    /** The height of a capital letter in {@code font}: what "vertically centred" centres. */
    double capHeight(Font font) {
        return font.createGlyphVector(context(), "H").getVisualBounds().getHeight();
    }

    /** Draws {@code text} anchored at (x, y) as the two alignments say. */
    void drawText(String text, Font font, Color colour, double x, double y, Horizontal horizontal, Vertical vertical) {
        g.setFont(font);
        g.setColor(colour);
        FontMetrics metrics = g.getFontMetrics();
        double width = textWidth(text, font);
        double left = switch (horizontal) {
            case LEFT -> x;
            case CENTRE -> x - width / 2;
            case RIGHT -> x - width;
        };
        double baseline = switch (vertical) {
            case TOP -> y + metrics.getAscent();
            case MIDDLE -> y + capHeight(font) / 2;
            case BASELINE -> y;
            case BOTTOM -> y - metrics.getDescent();
        };
        g.drawString(text, (float) left, (float) baseline);
    }

    /** Draws {@code text} turned a quarter anticlockwise, centred on (x, y): a vertical axis title. */
    void drawVerticalText(String text, Font font, Color colour, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        drawText(text, font, colour, 0, 0, Horizontal.CENTRE, Vertical.MIDDLE);
        g.setTransform(saved);
    }

    /** A solid stroke of {@code width} pixels with round joins. */
    static BasicStroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    }

    /** A dashed stroke of {@code width} pixels. */
    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 6f}, 0f);
    }

    private FontRenderContext context() {
        return g.getFontRenderContext();
    }
}
