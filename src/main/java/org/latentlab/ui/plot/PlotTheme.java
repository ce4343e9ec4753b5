package org.latentlab.ui.plot;

import javafx.scene.paint.Color;

/**
 * The colours and text size a plot is drawn with, one set per window theme. Data colours (classes,
 * loss terms) are the same in every theme and in exported figures: {@code render.Palette}.
 *
 * @param background the plot's surroundings
 * @param plotArea   behind the data
 * @param text       tick labels and axis titles
 * @param axis       the frame
 * @param gridLine   light lines at the ticks
 * @param reference  marks drawn over data: the prior's contours, the manifold's cells
 * @param fontSize   tick-label size in pixels
 */
public record PlotTheme(Color background, Color plotArea, Color text, Color axis, Color gridLine, Color reference,
                        double fontSize) {

    public static final PlotTheme LIGHT = new PlotTheme(Color.web("#FFFFFF"), Color.web("#FFFFFF"),
            Color.web("#1A1A1A"), Color.web("#404040"), Color.web("#E6E6E6"), Color.web("#333333"), 15);

    public static final PlotTheme DARK = new PlotTheme(Color.web("#1E1F22"), Color.web("#16171A"),
            Color.web("#E8E8E8"), Color.web("#A0A0A0"), Color.web("#34363B"), Color.web("#D8D8D8"), 15);

    public PlotTheme withFontSize(double size) {
        return new PlotTheme(background, plotArea, text, axis, gridLine, reference, size);
    }

    public boolean isDark() {
        return plotArea.getBrightness() < 0.5;
    }
}
