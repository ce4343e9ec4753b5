package org.latentlab.render;

import java.awt.Color;
import java.util.List;

/**
 * The colours every Latent Lab figure shares: ten class colours and one colour per loss series.
 *
 * <p>The class colours are Tableau 10 (the 2016 revision, chosen to stay distinguishable under the
 * common colour-vision deficiencies); the series colours are from Okabe and Ito's palette. Each is
 * given as a {@code #RRGGBB} string too, so a JavaFX view can use the same colours with
 * {@code Color.web(hex)} without importing anything from this package's AWT types.
 */
public final class Palette {

    /** Tableau 10, in the order blue, orange, red, teal, green, yellow, purple, pink, brown, grey. */
    public static final List<String> CLASS_HEX = List.of(
            "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F",
            "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC");

    /** The total training objective (near black, so it reads as the main line). */
    public static final String TOTAL_HEX = "#222222";
    /** The reconstruction term (Okabe–Ito blue). */
    public static final String RECONSTRUCTION_HEX = "#0072B2";
    /** The KL term (Okabe–Ito vermillion). */
    public static final String KL_HEX = "#D55E00";
    /** A hierarchical VAE's KL term of each level, z₁ then z₂ (Okabe–Ito reddish purple and orange). */
    public static final List<String> KL_LEVEL_HEX = List.of("#CC79A7", "#E69F00");
    /** The per-epoch validation loss (Okabe–Ito bluish green). */
    public static final String VALIDATION_HEX = "#009E73";
    /** A replayed moment marked on a loss curve: Okabe–Ito orange, which no loss term of one level uses. */
    public static final String MOMENT_HEX = "#E69F00";
    /** Reference marks drawn over data: the prior's contours and the manifold's sampling points. */
    public static final String REFERENCE_HEX = "#333333";

    /**
     * One colour per model of a comparison, in panel order: Okabe and Ito's palette without its
     * black (the total loss) and with its yellow last (it is faint on white).
     */
    public static final List<String> MODEL_HEX = List.of(
            "#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#999999", "#F0E442");

    static final Color TOTAL = Color.decode(TOTAL_HEX);
    static final Color RECONSTRUCTION = Color.decode(RECONSTRUCTION_HEX);
    static final Color KL = Color.decode(KL_HEX);
    static final Color VALIDATION = Color.decode(VALIDATION_HEX);
    static final Color MOMENT = Color.decode(MOMENT_HEX);
    static final Color REFERENCE = Color.decode(REFERENCE_HEX);
    static final Color TEXT = new Color(0x1A1A1A);
    static final Color AXIS = new Color(0x404040);
    static final Color GRID_LINE = new Color(0xE3E3E3);

    private static final List<Color> CLASS_COLOURS = CLASS_HEX.stream().map(Color::decode).toList();

    private Palette() {
    }

    /** The colour of class {@code label}; labels past the tenth reuse the palette from its start. */
    public static Color classColour(int label) {
        if (label < 0) {
            throw new IllegalArgumentException("a class label is never negative, got " + label);
        }
        return CLASS_COLOURS.get(label % CLASS_COLOURS.size());
    }

    /** The colour of the model in panel {@code index} of a comparison; past the eighth the palette repeats. */
    public static Color modelColour(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("a panel index is never negative, got " + index);
        }
        return Color.decode(MODEL_HEX.get(index % MODEL_HEX.size()));
    }

    /** {@link #classColour(int)} as a {@code #RRGGBB} string. */
    public static String classHex(int label) {
        classColour(label);
        return CLASS_HEX.get(label % CLASS_HEX.size());
    }
}
