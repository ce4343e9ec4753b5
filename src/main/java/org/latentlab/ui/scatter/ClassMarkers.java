package org.latentlab.ui.scatter;

import org.latentlab.render.Palette;
import org.latentlab.ui.plot.Colours;
import org.latentlab.ui.plot.MarkerSprite;
import org.latentlab.ui.plot.Raster;

/**
 * The markers of a scatter's classes at one size and opacity: each class's colour and shape
 * ({@link Palette#classColour}, {@link Palette#classMarker}), as the figures draw them, turned into
 * sprites and integer weights once for all points. Points without a class are drawn as class 0.
 * Immutable; made on the JavaFX application thread and kept while the size stays.
 */
public final class ClassMarkers {

    private final double radius;
    private final double opacity;
    private final MarkerSprite[] sprites;
    private final int[][] weights;
    private final int[] colours;
    private final double reach;

    /**
     * @param classes how many classes the points have (at least one set of markers is made)
     * @param radius  the radius, in pixels, of a disc of the markers' area
     * @param opacity each marker's opacity, in (0, 1]
     */
    public ClassMarkers(int classes, double radius, double opacity) {
        int count = Math.max(1, classes);
        this.radius = radius;
        this.opacity = opacity;
        this.sprites = new MarkerSprite[count];
        this.weights = new int[count][];
        this.colours = new int[count];
        double far = 0;
        for (int c = 0; c < count; c++) {
            sprites[c] = new MarkerSprite(Palette.classMarker(c), radius);
            weights[c] = sprites[c].weights(opacity);
            colours[c] = Colours.rgb(Palette.classHex(c));
            far = Math.max(far, sprites[c].centre());
        }
        this.reach = far;
    }

    /** Whether these are the markers for {@code classes} classes at {@code newRadius} and {@code newOpacity}. */
    public boolean fits(int classes, double newRadius, double newOpacity) {
        return sprites.length == Math.max(1, classes) && radius == newRadius && opacity == newOpacity;
    }

    /** How far the largest marker reaches from its centre, in pixels. */
    public double reach() {
        return reach;
    }

    /** Stamps the marker of class {@code label} (−1: none) centred on (x, y). */
    public void stamp(Raster raster, int label, double x, double y) {
        int c = index(label);
        raster.stamp(sprites[c], weights[c], x, y, colours[c]);
    }

    private int index(int label) {
        return label >= 0 ? label % sprites.length : 0;
    }
}
