package org.latentlab.render;

import java.awt.Color;
import java.util.List;

/**
 * The colours every Latent Lab figure shares: ten class colours and one colour per loss series.
 *
 * <p>The class colours are Paul Tol's "muted" scheme, made to stay apart for readers with any of
 * the common colour-vision deficiencies, with a dark grey for the tenth class (Tol's own tenth, a
 * pale grey for missing data, is too faint for dots on white). They are given to the classes so
 * that the digits whose clusters touch (4 and 9, 3, 5 and 8, 7 and 9, 1 and 7, …) get the most
 * different colours under simulated deuteranopia, protanopia and tritanopia, and every class also
 * has its own {@link MarkerShape}: docs/decisions/0092-pace-projector-and-colours.md. The series
 * colours are from Okabe and Ito's palette. Each is given as a {@code #RRGGBB} string too, so a
 * JavaFX view can use the same colours with {@code Color.web(hex)} without importing anything from
 * this package's AWT types.
 */
public final class Palette {

    /**
     * Tol's muted colours and a dark grey, by class: indigo, rose, grey, sand, wine, green, teal,
     * cyan, purple, olive.
     */
    public static final List<String> CLASS_HEX = List.of(
            "#332288", "#CC6677", "#666666", "#DDCC77", "#882255",
            "#117733", "#44AA99", "#88CCEE", "#AA4499", "#999933");

    /** The total training objective (near black, so it reads as the main line). */
    public static final String TOTAL_HEX = "#222222";
    /** The reconstruction term (Okabe–Ito blue). */
    public static final String RECONSTRUCTION_HEX = "#0072B2";
    /** The KL term (Okabe–Ito vermillion). */
    public static final String KL_HEX = "#D55E00";
    /** A hierarchical VAE's KL term of each level, z₁ then z₂ (Okabe–Ito reddish purple and orange). */
    public static final List<String> KL_LEVEL_HEX = List.of("#CC79A7", "#E69F00");
    /**
     * The training images' negative ELBO, reconstruction + KL, drawn beside the objective once β is
     * not 1 (Paul Tol's wine: no other loss term or level uses it).
     */
    public static final String NEGATIVE_ELBO_HEX = "#882255";
    /** The per-epoch validation loss (Okabe–Ito bluish green). */
    public static final String VALIDATION_HEX = "#009E73";
    /**
     * The per-epoch held-out −log p(x) by importance sampling, and the band of the gap under the
     * same images' −ELBO (Paul Tol's indigo: no loss term uses it).
     */
    public static final String HELD_OUT_LIKELIHOOD_HEX = "#332288";
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

    /** The marker shape of class {@code label}, the same in the window and in figures; past the tenth they repeat. */
    public static MarkerShape classMarker(int label) {
        if (label < 0) {
            throw new IllegalArgumentException("a class label is never negative, got " + label);
        }
        MarkerShape[] shapes = MarkerShape.values();
        return shapes[label % shapes.length];
    }

    /** {@link #classColour(int)} as a {@code #RRGGBB} string. */
    public static String classHex(int label) {
        classColour(label);
        return CLASS_HEX.get(label % CLASS_HEX.size());
    }
}
