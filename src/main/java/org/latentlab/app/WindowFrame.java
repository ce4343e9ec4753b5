package org.latentlab.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/**
 * Where the window opens: at its preferred size of {@value #PREFERRED_WIDTH} × {@value #PREFERRED_HEIGHT},
 * shrunk to fit the visual bounds of the screen it opens on (the screen less its task bars and
 * docks), centred on them. A 1280 × 720 projector gets a window of 1280 × 720 whose menu bar and
 * status line are both on the screen.
 *
 * @param x      the window's left edge, in screen coordinates
 * @param y      its top edge
 * @param width  its outer width, decorations included
 * @param height its outer height
 */
record WindowFrame(double x, double y, double width, double height) {

    static final double PREFERRED_WIDTH = 1280;
    static final double PREFERRED_HEIGHT = 860;
    /** The smallest window the views are laid out for; smaller screens get the whole screen. */
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;

    /** The frame for a screen whose visual bounds are {@code screen}. */
    static WindowFrame within(Rectangle2D screen) {
        double width = Math.min(PREFERRED_WIDTH, screen.getWidth());
        double height = Math.min(PREFERRED_HEIGHT, screen.getHeight());
        return new WindowFrame(screen.getMinX() + Math.floor((screen.getWidth() - width) / 2),
                screen.getMinY() + Math.floor((screen.getHeight() - height) / 2), width, height);
    }

    /** Places {@code stage} here, with a minimum size that fits the screen too. */
    void place(Stage stage) {
        stage.setMinWidth(Math.min(MIN_WIDTH, width));
        stage.setMinHeight(Math.min(MIN_HEIGHT, height));
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
    }
}
