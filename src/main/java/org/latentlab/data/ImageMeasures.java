package org.latentlab.data;

import java.util.List;

/**
 * Attributes measured from the pixels of any grayscale images, so attribute vectors can be found in
 * sets that come with nothing but labels (MNIST's "thick", "slanted", "wide" digits). Each treats
 * intensity as ink (1 = full ink) and is computed from the image's moments. Stateless and thread-safe.
 *
 * <ul>
 *   <li><b>ink</b>: the mean intensity, m₀₀ / pixels.</li>
 *   <li><b>thickness</b>: 2 m₀₀ / Σ|∇I|, in pixels. Σ|∇I| (central differences, paper beyond the
 *       border) is the length of the ink's outline, so for a stroke of width w and length L ≫ w this
 *       is 2wL / 2L = w.</li>
 *   <li><b>slant</b>: −μ₁₁ / μ₀₂, the shear that would stand the image upright: how many pixels the
 *       ink moves right per pixel up. 0 upright, positive leaning right as italics.</li>
 *   <li><b>ink width</b>, <b>ink height</b>: √(12 μ₂₀ / m₀₀) and √(12 μ₀₂ / m₀₀), the width and height
 *       of the uniform rectangle with the same spread (its variance is side²/12).</li>
 * </ul>
 *
 * <p>Here m₀₀ = ΣI and μ_pq = ∫I (x − x̄)^p (y − ȳ)^q with x to the right and y down, each pixel a unit
 * square of even ink: the sum over pixel centres, plus m₀₀/12 in μ₂₀ and μ₀₂ for the spread within a
 * pixel, so a filled W × H rectangle measures exactly W by H. An image with no ink measures 0
 * throughout.
 */
public final class ImageMeasures {

    public static final String INK = "ink";
    public static final String THICKNESS = "thickness";
    public static final String SLANT = "slant";
    public static final String INK_WIDTH = "ink width";
    public static final String INK_HEIGHT = "ink height";
    /** The names of the attributes {@link #of} returns, in order. */
    public static final List<String> NAMES = List.of(INK, THICKNESS, SLANT, INK_WIDTH, INK_HEIGHT);

    private ImageMeasures() {
    }

    /** The measures of every image of {@code data}, as attributes named {@link #NAMES}. */
    public static Attributes of(Dataset data) {
        int n = data.size();
        double[][] columns = new double[NAMES.size()][n];
        float[] image = new float[data.pixelCount()];
        for (int i = 0; i < n; i++) {
            data.copyImage(i, image, 0);
            double[] measured = measure(image, data.width(), data.height());
            for (int a = 0; a < columns.length; a++) {
                columns[a][i] = measured[a];
            }
        }
        return Attributes.of(NAMES, List.of(columns));
    }

    /**
     * The measures of one image, in the order of {@link #NAMES}.
     *
     * @param image {@code width × height} intensities, row-major
     */
    public static double[] measure(float[] image, int width, int height) {
        if (image.length < width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image needs " + width * height
                    + " pixels, got " + image.length);
        }
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        double sumXX = 0;
        double sumYY = 0;
        double sumXY = 0;
        double outline = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = image[y * width + x];
                mass += v;
                sumX += v * x;
                sumY += v * y;
                sumXX += v * x * x;
                sumYY += v * y * y;
                sumXY += v * x * y;
                double dx = (at(image, width, height, x + 1, y) - at(image, width, height, x - 1, y)) / 2;
                double dy = (at(image, width, height, x, y + 1) - at(image, width, height, x, y - 1)) / 2;
                outline += Math.sqrt(dx * dx + dy * dy);
            }
        }
        if (!(mass > 0)) {
            return new double[NAMES.size()];
        }
        // Central moments from raw ones; exact enough in doubles for images of a few thousand pixels.
        double meanX = sumX / mass;
        double meanY = sumY / mass;
        double mu20 = sumXX - mass * meanX * meanX;
        double mu02 = sumYY - mass * meanY * meanY;
        double mu11 = sumXY - mass * meanX * meanY;
        // Each pixel is a unit square of even ink, whose own variance is 1/12 along each axis.
        mu20 += mass / 12;
        mu02 += mass / 12;
        return new double[] {
            mass / (width * height),
            outline > 0 ? 2 * mass / outline : 0,
            mu02 > 0 ? -mu11 / mu02 : 0,
            Math.sqrt(12 * mu20 / mass),
            Math.sqrt(12 * mu02 / mass),
        };
    }

    /** The pixel at (x, y), or 0 (paper) outside the image. */
    private static double at(float[] image, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : image[y * width + x];
    }
}
