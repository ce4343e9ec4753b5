package org.latentlab.ui.plot;

import javafx.scene.paint.Color;

/**
 * The colours, text size and weight of marks a plot is drawn with, one set per window theme. Data
 * colours (classes, loss terms) are the same in every theme and in exported figures:
 * {@code render.Palette}.
 *
 * @param background the plot's surroundings
 * @param plotArea   behind the data
 * @param text       tick labels and axis titles
 * @param axis       the frame
 * @param gridLine   light lines at the ticks
 * @param reference  marks drawn over data: the prior's contours, the manifold's cells
 * @param fontSize   tick-label size in pixels
 * @param markScale  how thick lines and how large dots are drawn, 1 for normal: more in
 *                   presentation mode, for the back of a room
 */
public record PlotTheme(Color background, Color plotArea, Color text, Color axis, Color gridLine, Color reference,
                        double fontSize, double markScale) {

    public static final PlotTheme LIGHT = new PlotTheme(Color.web("#FFFFFF"), Color.web("#FFFFFF"),
            Color.web("#1A1A1A"), Color.web("#404040"), Color.web("#E6E6E6"), Color.web("#333333"), 15, 1);

    public static final PlotTheme DARK = new PlotTheme(Color.web("#1E1F22"), Color.web("#16171A"),
            Color.web("#E8E8E8"), Color.web("#A0A0A0"), Color.web("#34363B"), Color.web("#D8D8D8"), 15, 1);

    public PlotTheme withFontSize(double size) {
        return new PlotTheme(background, plotArea, text, axis, gridLine, reference, size, markScale);
    }

    /**
     * This theme for a projector: text, frame and reference marks in pure black (white on dark),
     * grid lines dark enough to survive a washed-out picture, and marks {@code scale} times as
     * thick or as large.
     */
    public PlotTheme forProjector(double scale) {
        Color ink = isDark() ? Color.WHITE : Color.BLACK;
        Color grid = isDark() ? Color.web("#5A5D63") : Color.web("#B4B4B4");
        return new PlotTheme(isDark() ? Color.BLACK : Color.WHITE, isDark() ? Color.BLACK : Color.WHITE, ink, ink,
                grid, ink, fontSize, scale);
    }

    public boolean isDark() {
        return plotArea.getBrightness() < 0.5;
    }
}
