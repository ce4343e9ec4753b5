package org.latentlab.render;

import java.awt.Color;

/**
 * A sequential colour scale from white (nothing) through light to dark blue (the most): ColorBrewer's
 * "Blues", which stays ordered in grey and under the common colour-vision deficiencies. Stateless.
 */
final class HeatColours {

    private static final Color[] STOPS = {
            new Color(0xFFFFFF), new Color(0xDEEBF7), new Color(0x9ECAE1), new Color(0x4292C6),
            new Color(0x08519C), new Color(0x08306B)};

    private HeatColours() {
    }

    /** The colour of {@code fraction} of the scale, clamped to [0, 1]. */
    static int rgb(double fraction) {
        double f = Math.max(0, Math.min(1, fraction)) * (STOPS.length - 1);
        int below = Math.min(STOPS.length - 2, (int) Math.floor(f));
        double t = f - below;
        Color a = STOPS[below];
        Color b = STOPS[below + 1];
        int r = (int) Math.round(a.getRed() + t * (b.getRed() - a.getRed()));
        int g = (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen()));
        int bl = (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue()));
        return (r << 16) | (g << 8) | bl;
    }
}
