package org.latentlab.data;

import java.util.Locale;

/**
 * The independent factors that {@link SyntheticFaces} varies, each drawn uniformly from its range
 * and stored as the attribute {@link #attributeName()} of every face.
 */
public enum FaceFactor {

    /** Mouth curvature: −1 a full frown, 0 a straight mouth, +1 a full grin (corners lifted {@value FacePainter#MOUTH_LIFT} px). */
    SMILE("smile", -1, 1, "mouth curvature, from frown (−1) to grin (+1)"),
    /** Eye openness: 0 closed (a line), 1 wide open. */
    EYES("eyes", 0, 1, "eye openness, from closed (0) to wide open (1)"),
    /** The width of the face in pixels (its height is fixed at 24). */
    WIDTH("width", 16, 21, "face width in pixels"),
    /** Head tilt in degrees, positive clockwise on the screen. */
    TILT("tilt", -15, 15, "head tilt in degrees, clockwise positive"),
    /** How far the fringe comes down: 0 a thin cap of hair, 1 down to the eyebrows. */
    HAIR("hair", 0, 1, "how far the fringe comes down, from a thin cap (0) to the eyebrows (1)"),
    /** The intensity of the skin (1 is white). */
    BRIGHTNESS("brightness", 0.55, 1, "skin intensity");

    private final String attributeName;
    private final double min;
    private final double max;
    private final String meaning;

    FaceFactor(String attributeName, double min, double max, String meaning) {
        this.attributeName = attributeName;
        this.min = min;
        this.max = max;
        this.meaning = meaning;
    }

    /** The name of the attribute that holds this factor: "smile", "eyes", ... */
    public String attributeName() {
        return attributeName;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** What the value means, for a tooltip: "mouth curvature, from frown (−1) to grin (+1)". */
    public String meaning() {
        return meaning;
    }

    /** The value at fraction {@code u} ∈ [0, 1] of the range. */
    double at(double u) {
        return min + u * (max - min);
    }

    /** @throws IllegalArgumentException if {@code value} is outside the range or not a number */
    double require(double value) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s is outside [%s, %s]",
                    attributeName, value, min, max));
        }
        return value;
    }
}
