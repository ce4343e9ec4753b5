package org.latentlab.data;

/**
 * Reads the smile back from the pixels of a face laid out as {@link FacePainter} draws them, real or
 * decoded: how far the mouth's corners sit above its centre, in pixels (≈ smile ×
 * {@value FacePainter#MOUTH_LIFT} for a drawn face; negative for a frown). Stateless and thread-safe.
 *
 * <p><b>How.</b> In the band of rows where any mouth lies (whatever the smile and a tilt of up to
 * 15°), each pixel between the face's left and right edges in its row (the first and last pixel at
 * least half as bright as the skin) gets a weight (max(0, 0.8·skin − I))², so dark mouth pixels
 * count and the skin, its shading and the black background beyond the face do not; skin is the
 * brightest pixel of the band. A parabola y = a x² + b x + c is fitted to the weighted pixel centres
 * by least squares (the linear term takes up a tilt), and the curvature is −a ·
 * {@value FacePainter#MOUTH_HALF_WIDTH}²: the rise of the corners at the mouth's half-width.
 *
 * <p>On the drawn faces it correlates with the true smile at r ≈ 0.99 (see {@code MouthCurvatureTest}).
 */
public final class MouthCurvature {

    /**
     * The band of image rows searched: the mouth's centre line spans MOUTH_Y ± ⅔ MOUTH_LIFT, a 15°
     * tilt moves its corners by up to sin 15° · MOUTH_HALF_WIDTH ≈ 1 px, plus the stroke's
     * half-thickness and a pixel of anti-aliasing: rows 15 to 23. The eyes end above row 15.
     */
    static final int FIRST_ROW = 15;
    static final int LAST_ROW = 23;
    private static final double DARK_FRACTION = 0.8;
    private static final double EDGE_FRACTION = 0.5;

    private MouthCurvature() {
    }

    /** The curvature of every face of {@code faces}, which must be {@value FacePainter#SIZE}² images. */
    public static double[] of(Dataset faces) {
        requireFaceSize(faces.width(), faces.height());
        double[] curvature = new double[faces.size()];
        float[] image = new float[faces.pixelCount()];
        for (int i = 0; i < curvature.length; i++) {
            faces.copyImage(i, image, 0);
            curvature[i] = measure(image, 0);
        }
        return curvature;
    }

    /**
     * The curvature of the face at {@code pixels[offset ..< offset + 28²]}, or NaN when no mouth can
     * be seen (no dark pixels inside the face in the band, or not enough to fit a parabola).
     */
    public static double measure(float[] pixels, int offset) {
        int size = FacePainter.SIZE;
        double skin = 0;
        for (int row = FIRST_ROW; row <= LAST_ROW; row++) {
            for (int column = 0; column < size; column++) {
                skin = Math.max(skin, pixels[offset + row * size + column]);
            }
        }
        if (!(skin > 0)) {
            return Double.NaN;
        }
        // Weighted sums for the normal equations of y = a x² + b x + c.
        double[] s = new double[5];
        double[] t = new double[3];
        for (int row = FIRST_ROW; row <= LAST_ROW; row++) {
            int base = offset + row * size;
            int left = 0;
            while (left < size && pixels[base + left] < EDGE_FRACTION * skin) {
                left++;
            }
            int right = size - 1;
            while (right > left && pixels[base + right] < EDGE_FRACTION * skin) {
                right--;
            }
            double y = row + 0.5 - FacePainter.CENTRE;
            for (int column = left + 1; column < right; column++) {
                double dark = Math.max(0, DARK_FRACTION * skin - pixels[base + column]);
                double w = dark * dark;
                double x = column + 0.5 - FacePainter.CENTRE;
                double power = w;
                for (int k = 0; k < 5; k++) {
                    s[k] += power;
                    if (k < 3) {
                        t[k] += power * y;
                    }
                    power *= x;
                }
            }
        }
        double a = quadraticCoefficient(s, t);
        return Double.isNaN(a) ? Double.NaN : -a * FacePainter.MOUTH_HALF_WIDTH * FacePainter.MOUTH_HALF_WIDTH;
    }

    /**
     * The a of the weighted least-squares parabola, by Cramer's rule on the normal equations
     * [s4 s3 s2; s3 s2 s1; s2 s1 s0] (a b c)ᵀ = (t2 t1 t0)ᵀ, where s_k = Σw xᵏ and t_k = Σw xᵏ y.
     */
    private static double quadraticCoefficient(double[] s, double[] t) {
        double det = det3(s[4], s[3], s[2], s[3], s[2], s[1], s[2], s[1], s[0]);
        if (!(Math.abs(det) > 1e-12 * Math.max(1, s[4] * s[2] * s[0]))) {
            return Double.NaN;
        }
        return det3(t[2], s[3], s[2], t[1], s[2], s[1], t[0], s[1], s[0]) / det;
    }

    private static double det3(double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }

    private static void requireFaceSize(int width, int height) {
        if (width != FacePainter.SIZE || height != FacePainter.SIZE) {
            throw new IllegalArgumentException("mouth curvature reads " + FacePainter.SIZE + "×" + FacePainter.SIZE
                    + " faces, got " + width + "×" + height + " images");
        }
    }
}
