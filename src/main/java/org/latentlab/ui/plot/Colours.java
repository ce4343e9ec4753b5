package org.latentlab.ui.plot;

import javafx.scene.paint.Color;

/** Conversions between JavaFX colours and the packed RGB a {@link Raster} draws with. */
public final class Colours {

    private Colours() {
    }

    /** {@code colour} as 0xRRGGBB (its opacity is dropped). */
    public static int rgb(Color colour) {
        return (int) Math.round(colour.getRed() * 255) << 16
                | (int) Math.round(colour.getGreen() * 255) << 8
                | (int) Math.round(colour.getBlue() * 255);
    }

    public static int rgb(String hex) {
        return rgb(Color.web(hex));
    }
}
