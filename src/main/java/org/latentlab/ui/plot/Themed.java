package org.latentlab.ui.plot;

/** A view whose plots follow the window's theme (light or dark, text size). */
public interface Themed {

    /** Draws with {@code theme}'s colours and text size from now on. */
    void setTheme(PlotTheme theme);
}
