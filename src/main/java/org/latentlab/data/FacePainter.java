package org.latentlab.data;

/**
 * Draws one synthetic face of {@value #SIZE}×{@value #SIZE} pixels from its {@link FaceFactors}: a
 * bright oval face on a black background, darker hair on top, two eyes, two eyebrows and a mouth.
 * Stateless and thread-safe.
 *
 * <p>Every shape is rasterised analytically: for each pixel centre the signed distance d (in
 * pixels, negative inside) to the shape's edge gives its coverage clamp(½ − d, 0, 1), a one-pixel
 * box filter across the edge. That anti-aliases as well as Java 2D's renderer at this size, is
 * several times faster (no image objects per face), and depends only on {@code double} arithmetic,
 * so the same factors give the same pixels on every JVM.
 *
 * <p>Geometry, in pixels, in the face's own frame (origin at the face centre, which sits at image
 * (14, 14); x to the right, y down; the frame is turned by the tilt): the face is an ellipse of
 * half-height {@value #HEAD_HALF_HEIGHT} and half-width width/2; the eyes are ellipses centred at
 * (±{@value #EYE_X}, {@value #EYE_Y}); the mouth is a parabola of half-width
 * {@value #MOUTH_HALF_WIDTH} centred at height {@value #MOUTH_Y} whose corners rise
 * smile × {@value #MOUTH_LIFT} pixels above its centre, shifted so that its average height never
 * moves (the smile changes the mouth's shape, not its position).
 */
public final class FacePainter {

    /** Width and height of a face image in pixels. */
    public static final int SIZE = 28;
    /** The face centre in image coordinates (both x and y). */
    public static final double CENTRE = 14;
    public static final double HEAD_HALF_HEIGHT = 12;
    public static final double EYE_X = 3.5;
    public static final double EYE_Y = -2.0;
    public static final double MOUTH_Y = 5.5;
    public static final double MOUTH_HALF_WIDTH = 4.0;
    /** How far the mouth corners rise above its centre at smile = 1, in pixels. */
    public static final double MOUTH_LIFT = 3.0;

    private static final double EYE_HALF_WIDTH = 1.8;
    private static final double EYE_CLOSED_HALF_HEIGHT = 0.25;
    private static final double EYE_OPENING = 1.6;
    private static final double BROW_INNER_X = 1.8;
    private static final double BROW_OUTER_X = 5.0;
    private static final double BROW_INNER_Y = -5.3;
    private static final double BROW_OUTER_Y = -5.2;
    private static final double BROW_HALF_THICKNESS = 0.5;
    private static final double MOUTH_HALF_THICKNESS = 0.95;
    private static final int MOUTH_SEGMENTS = 12;
    /** Hair reaches this far beyond the face ellipse, in pixels. */
    private static final double HAIR_VOLUME = 0.8;
    /** The fringe line's height at the centre, from a thin cap (hair 0) to just above the brows (hair 1). */
    private static final double FRINGE_HIGH = -10.5;
    private static final double FRINGE_LOW = -6.2;
    /** How fast the fringe line falls towards the sides: y += FRINGE_CURVE · x². */
    private static final double FRINGE_CURVE = 0.05;
    /** No hair below this height: the fringe line at the widest face's edge, plus a pixel of coverage. */
    private static final double HAIR_BOTTOM = FRINGE_LOW + FRINGE_CURVE * 11 * 11 + 1;

    private static final float HAIR_INTENSITY = 0.3f;
    private static final float EYE_INTENSITY = 0.05f;
    private static final float BROW_INTENSITY = 0.12f;
    private static final float MOUTH_INTENSITY = 0.08f;

    private FacePainter() {
    }

    /** The face as a new array of {@value #SIZE}² intensities in [0, 1], row-major. */
    public static float[] paint(FaceFactors face) {
        float[] pixels = new float[SIZE * SIZE];
        paint(face, pixels, 0);
        return pixels;
    }

    /** Paints the face into {@code target[offset ..< offset + SIZE²]}, overwriting what was there. */
    public static void paint(FaceFactors face, float[] target, int offset) {
        double angle = Math.toRadians(face.tilt());
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double halfWidth = face.width() / 2;
        float skin = (float) face.brightness();
        double eyeHalfHeight = EYE_CLOSED_HALF_HEIGHT + EYE_OPENING * face.eyes();
        double fringe = FRINGE_HIGH + (FRINGE_LOW - FRINGE_HIGH) * face.hair();
        double[] mouth = mouthPolyline(face.smile());
        for (int row = 0; row < SIZE; row++) {
            for (int column = 0; column < SIZE; column++) {
                double px = column + 0.5 - CENTRE;
                double py = row + 0.5 - CENTRE;
                // The pixel centre in the face's frame: the image turned back by the tilt.
                double x = cos * px + sin * py;
                double y = -sin * px + cos * py;

                float value = over(0f, skin, coverage(ellipseDistance(x, y, halfWidth, HEAD_HALF_HEIGHT)));
                if (y < HAIR_BOTTOM) {
                    double hairEdge = ellipseDistance(x, y, halfWidth + HAIR_VOLUME, HEAD_HALF_HEIGHT + HAIR_VOLUME);
                    double fringeEdge = (y - fringe - FRINGE_CURVE * x * x)
                            / Math.sqrt(1 + 4 * FRINGE_CURVE * FRINGE_CURVE * x * x);
                    value = over(value, HAIR_INTENSITY, coverage(Math.max(hairEdge, fringeEdge)));
                }
                double side = Math.abs(x);
                if (Math.abs(y - EYE_Y) < 4.5 && side < EYE_X + 3) {
                    value = over(value, EYE_INTENSITY,
                            coverage(ellipseDistance(side - EYE_X, y - EYE_Y, EYE_HALF_WIDTH, eyeHalfHeight)));
                    double brow = segmentDistance(side, y, BROW_INNER_X, BROW_INNER_Y, BROW_OUTER_X, BROW_OUTER_Y);
                    value = over(value, BROW_INTENSITY, coverage(brow - BROW_HALF_THICKNESS));
                }
                if (Math.abs(y - MOUTH_Y) < MOUTH_LIFT + 2 && side < MOUTH_HALF_WIDTH + 2) {
                    value = over(value, MOUTH_INTENSITY, coverage(polylineDistance(x, y, mouth) - MOUTH_HALF_THICKNESS));
                }
                target[offset + row * SIZE + column] = value;
            }
        }
    }

    /**
     * The mouth's centre line as x, y pairs: y = MOUTH_Y − smile · MOUTH_LIFT · ((x / w)² − ⅓), whose
     * mean over x ∈ [−w, w] is MOUTH_Y whatever the smile.
     */
    private static double[] mouthPolyline(double smile) {
        double[] points = new double[2 * (MOUTH_SEGMENTS + 1)];
        for (int i = 0; i <= MOUTH_SEGMENTS; i++) {
            double t = -1 + 2.0 * i / MOUTH_SEGMENTS;
            points[2 * i] = t * MOUTH_HALF_WIDTH;
            points[2 * i + 1] = MOUTH_Y - smile * MOUTH_LIFT * (t * t - 1.0 / 3);
        }
        return points;
    }

    /** How much of a pixel a shape covers, from its signed distance to the pixel centre. */
    private static float coverage(double signedDistance) {
        return (float) Math.max(0, Math.min(1, 0.5 - signedDistance));
    }

    /** {@code colour} laid over {@code below} with opacity {@code cover}. */
    private static float over(float below, float colour, float cover) {
        return below + (colour - below) * cover;
    }

    /**
     * The signed distance from (x, y) to the edge of the axis-aligned ellipse of half-axes a, b at
     * the origin, to first order: f / |∇f| with f = (x/a)² + (y/b)² − 1. Exact on the edge, good to
     * a fraction of a pixel within a pixel or two of it, which is all a coverage needs.
     */
    static double ellipseDistance(double x, double y, double a, double b) {
        double f = x * x / (a * a) + y * y / (b * b) - 1;
        double gx = 2 * x / (a * a);
        double gy = 2 * y / (b * b);
        double gradient = Math.sqrt(gx * gx + gy * gy);
        return gradient < 1e-9 ? -Math.min(a, b) : f / gradient;
    }

    /** The distance from (x, y) to the segment from (x0, y0) to (x1, y1). */
    static double segmentDistance(double x, double y, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t = ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy);
        t = Math.max(0, Math.min(1, t));
        double ex = x - (x0 + t * dx);
        double ey = y - (y0 + t * dy);
        return Math.sqrt(ex * ex + ey * ey);
    }

    private static double polylineDistance(double x, double y, double[] points) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 3 < points.length; i += 2) {
            nearest = Math.min(nearest, segmentDistance(x, y, points[i], points[i + 1], points[i + 2], points[i + 3]));
        }
        return nearest;
    }
}
