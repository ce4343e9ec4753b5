package org.latentlab.render;

/**
 * The shape of a scatter's marker: a second cue to its class beside the colour, for readers who
 * cannot tell two class colours apart. Each shape is given around (0, 0) in units of the marker's
 * radius, with y pointing down as on a screen, and encloses the same area as a disc of radius 1
 * (π), so that no class looks heavier than another. The window's raster and the figures draw the
 * same outlines ({@link #polygon()}, {@link #contains}).
 *
 * <p>No square or diamond: at the window's dot size they differ from the circle in under a fifth of
 * their pixels, where any two of these ten differ in over a third. In class order, so that
 * {@code values()[label]} is class {@code label}'s shape; the digits whose clusters touch get
 * shapes that differ most (and a 1 the upright bar).
 */
public enum MarkerShape {
    CIRCLE(new double[0]),
    VERTICAL_BAR(bar(90)),
    TRIANGLE_UP(regular(3, -90, triangleRadius())),
    PLUS(plus(0)),
    TRIANGLE_DOWN(regular(3, 90, triangleRadius())),
    STAR(star()),
    CROSS(plus(45)),
    TRIANGLE_RIGHT(regular(3, 0, triangleRadius())),
    HORIZONTAL_BAR(bar(0)),
    TRIANGLE_LEFT(regular(3, 180, triangleRadius()));

    private final double[] polygon;
    private final double extent;

    MarkerShape(double[] polygon) {
        this.polygon = polygon;
        double far = polygon.length == 0 ? 1 : 0;
        for (double v : polygon) {
            far = Math.max(far, Math.abs(v));
        }
        this.extent = far;
    }

    /**
     * The outline's corners x₀, y₀, x₁, y₁, … in units of the radius; empty for the circle, which
     * is the disc of radius 1.
     */
    public double[] polygon() {
        return polygon.clone();
    }

    /** How far the shape reaches from its centre along either axis, in units of the radius. */
    public double extent() {
        return extent;
    }

    /** Whether (x, y), in units of the radius, lies inside the shape. */
    public boolean contains(double x, double y) {
        if (polygon.length == 0) {
            return x * x + y * y <= 1;
        }
        boolean inside = false; // even–odd rule: count the edges a ray to the right crosses
        int n = polygon.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = polygon[2 * i];
            double yi = polygon[2 * i + 1];
            double xj = polygon[2 * j];
            double yj = polygon[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The area the shape encloses, in units of the radius squared: π for every shape. */
    public double area() {
        if (polygon.length == 0) {
            return Math.PI;
        }
        double twice = 0; // the shoelace formula
        int n = polygon.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            twice += polygon[2 * j] * polygon[2 * i + 1] - polygon[2 * i] * polygon[2 * j + 1];
        }
        return Math.abs(twice) / 2;
    }

    /** A bar 2.5 times as long as it is thick (area 2.5·t² = π), turned by {@code degrees}: 0 lies flat. */
    private static double[] bar(double degrees) {
        double halfThickness = Math.sqrt(Math.PI / 2.5) / 2;
        double halfLength = 2.5 * halfThickness;
        return turned(new double[] {-halfLength, -halfThickness, halfLength, -halfThickness, halfLength,
                halfThickness, -halfLength, halfThickness}, degrees);
    }

    /** The circumradius of an equilateral triangle of area π: (3√3/4)·R² = π. */
    private static double triangleRadius() {
        return Math.sqrt(4 * Math.PI / (3 * Math.sqrt(3)));
    }

    /** A regular polygon of {@code sides} corners, the first at {@code firstDegrees} (0 = right, 90 = down). */
    private static double[] regular(int sides, double firstDegrees, double radius) {
        double[] corners = new double[2 * sides];
        for (int k = 0; k < sides; k++) {
            double angle = Math.toRadians(firstDegrees + 360.0 * k / sides);
            corners[2 * k] = radius * Math.cos(angle);
            corners[2 * k + 1] = radius * Math.sin(angle);
        }
        return corners;
    }

    /**
     * A plus of arms a third as wide as its span L (area 5L²/9 = π), turned by {@code degrees}:
     * turned by 45°, a diagonal cross.
     */
    private static double[] plus(double degrees) {
        double half = Math.sqrt(9 * Math.PI / 5) / 2;
        double arm = half / 3;
        double[] corners = {
                arm, -half, arm, -arm, half, -arm, half, arm, arm, arm, arm, half,
                -arm, half, -arm, arm, -half, arm, -half, -arm, -arm, -arm, -arm, -half};
        return turned(corners, degrees);
    }

    /** A five-pointed star pointing up, its inner corners at half its outer radius R (area 2.5·sin 36°·R² = π). */
    private static double[] star() {
        double outer = Math.sqrt(Math.PI / (2.5 * Math.sin(Math.toRadians(36))));
        double[] corners = new double[20];
        for (int k = 0; k < 10; k++) {
            double angle = Math.toRadians(-90 + 36 * k);
            double r = k % 2 == 0 ? outer : outer / 2;
            corners[2 * k] = r * Math.cos(angle);
            corners[2 * k + 1] = r * Math.sin(angle);
        }
        return corners;
    }

    private static double[] turned(double[] corners, double degrees) {
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        double[] out = new double[corners.length];
        for (int i = 0; i < corners.length; i += 2) {
            out[i] = corners[i] * cos - corners[i + 1] * sin;
            out[i + 1] = corners[i] * sin + corners[i + 1] * cos;
        }
        return out;
    }
}
