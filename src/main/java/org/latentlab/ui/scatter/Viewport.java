package org.latentlab.ui.scatter;

/**
 * The square of latent space a scatter shows: its centre and half its side, the same on both axes
 * so that a circle in latent space stays a circle on screen. Immutable.
 */
public record Viewport(double centreX, double centreY, double halfSpan) {

    /** The latent space's central ±3, where nearly all of the prior's mass lies. */
    public static final Viewport PRIOR = new Viewport(0, 0, 3.2);

    public Viewport {
        if (!(halfSpan > 0) || !Double.isFinite(halfSpan) || !Double.isFinite(centreX) || !Double.isFinite(centreY)) {
            throw new IllegalArgumentException("a viewport needs a finite centre and a positive half-span, got ("
                    + centreX + ", " + centreY + ") ± " + halfSpan);
        }
    }

    public double xMin() {
        return centreX - halfSpan;
    }

    public double xMax() {
        return centreX + halfSpan;
    }

    public double yMin() {
        return centreY - halfSpan;
    }

    public double yMax() {
        return centreY + halfSpan;
    }

    /** Zoomed by {@code factor} (> 1 zooms in) about the point (x, y), which stays where it is on screen. */
    public Viewport zoomedAbout(double factor, double x, double y) {
        double span = halfSpan / factor;
        return new Viewport(x + (centreX - x) / factor, y + (centreY - y) / factor, span);
    }

    /** Moved by (dx, dy) in latent units. */
    public Viewport movedBy(double dx, double dy) {
        return new Viewport(centreX + dx, centreY + dy, halfSpan);
    }
}
