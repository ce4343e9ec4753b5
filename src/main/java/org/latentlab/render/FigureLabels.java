package org.latentlab.render;

/**
 * The words on a figure: its title, its axis titles and a note shown under the title.
 * Any of them may be {@code null}; a figure then leaves the title or note out, and uses its own
 * default axis titles (each figure's Javadoc says which).
 *
 * @param title      the heading, e.g. "Latent space after 20 epochs"
 * @param xAxisLabel the horizontal axis title, with its unit, e.g. "iteration"
 * @param yAxisLabel the vertical axis title, with its unit, e.g. "nats per image"
 * @param note       one line under the title, e.g. "PCA projection of a 16-D latent space"
 */
public record FigureLabels(String title, String xAxisLabel, String yAxisLabel, String note) {

    public FigureLabels {
        title = blankToNull(title);
        xAxisLabel = blankToNull(xAxisLabel);
        yAxisLabel = blankToNull(yAxisLabel);
        note = blankToNull(note);
    }

    /** A title alone; the figure's default axis titles and no note. */
    public static FigureLabels titled(String title) {
        return new FigureLabels(title, null, null, null);
    }

    /** The same labels with {@code note} under the title. */
    public FigureLabels withNote(String note) {
        return new FigureLabels(title, xAxisLabel, yAxisLabel, note);
    }

    /** The same labels with these axis titles. */
    public FigureLabels withAxes(String xAxisLabel, String yAxisLabel) {
        return new FigureLabels(title, xAxisLabel, yAxisLabel, note);
    }

    /** These labels with each missing axis title replaced by the given default. */
    FigureLabels withDefaultAxes(String defaultX, String defaultY) {
        return new FigureLabels(title,
                xAxisLabel == null ? defaultX : xAxisLabel,
                yAxisLabel == null ? defaultY : yAxisLabel,
                note);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
