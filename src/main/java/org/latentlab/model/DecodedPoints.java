package org.latentlab.model;

/**
 * A fixed set of latent points decoded once, against which any image is then scored at the cost of
 * one matrix–vector multiply: given the decoder's outputs o_k, log p(x|z_k) is linear in x,
 *
 * <pre>
 *   Bernoulli (logits l_k):  x·l_k − Σ softplus(l_k)
 *   Gaussian (means m_k):    (x⊙w)·m_k − Σ w m_k² / 2 − Σ w x² / 2 − Σ log σ − D · ½ log 2π,   w = 1/σ² per pixel
 * </pre>
 *
 * The per-point sums are taken once; x·o_k is summed in float by BLAS, good to about 10⁻⁴ of the
 * value: enough to find where in latent space an image's posterior lies, not for the final
 * integral. Made by {@link SnapshotDecoder#decodePoints}. Confined to its creating thread.
 */
public final class DecodedPoints {

    private final Likelihood likelihood;
    private final PixelLikelihood pixelLikelihood;
    private final int pixels;
    private final int count;
    /** The decoder's raw outputs, {@code count × pixels}; held so the multiply's memory stays alive. */
    private final NativeFloats outputs;
    /** Per point: −Σ softplus(l), or −Σ w m²/2 − Σ log σ − D · ½ log 2π. */
    private final double[] pointTerms;
    /** Up to {@link #IMAGES_AT_ONCE} images (times w for a Gaussian decoder), one per row, and their products with every point. */
    private final NativeFloats images;
    private final NativeFloats products;
    private final MatrixMultiply multiply;

    /** Images scored by one multiply: the decoded points are read from memory once for all of them. */
    static final int IMAGES_AT_ONCE = 16;

    DecodedPoints(Likelihood likelihood, PixelLikelihood pixelLikelihood, int pixels, NativeFloats outputs, int count) {
        this.likelihood = likelihood;
        this.pixelLikelihood = pixelLikelihood;
        this.pixels = pixels;
        this.count = count;
        this.outputs = outputs;
        this.pointTerms = likelihood == Likelihood.BERNOULLI ? softplusSums(outputs, count, pixels)
                : weightedSquares(outputs, count, pixels, pixelLikelihood);
        for (int k = 0; k < count; k++) {
            pointTerms[k] = -pointTerms[k] - pixelLikelihood.normaliser();
        }
        this.images = NativeFloats.matrix(IMAGES_AT_ONCE, pixels);
        this.products = NativeFloats.matrix(IMAGES_AT_ONCE, count);
        this.multiply = new MatrixMultiply(images.array, false, outputs.array, true, products.array, false);
    }

    /** Σ softplus(l) per point, through the training's likelihood kernels (vectors of pixels). */
    private static double[] softplusSums(NativeFloats outputs, int count, int pixels) {
        double[] sums = new double[count];
        TrainingKernels.LIKELIHOOD.softplusSums(outputs, count, pixels, sums);
        return sums;
    }

    /** Σ w m² / 2 per point. */
    private static double[] weightedSquares(NativeFloats outputs, int count, int pixels, PixelLikelihood pixelLikelihood) {
        double[] sums = new double[count];
        float[] row = new float[pixels];
        for (int k = 0; k < count; k++) {
            outputs.copyTo(k * pixels, row, 0, pixels);
            double sum = 0;
            for (int p = 0; p < pixels; p++) {
                sum += 0.5 * pixelLikelihood.inverseVariance(p) * row[p] * row[p];
            }
            sums[k] = sum;
        }
        return sums;
    }

    /** How many points were decoded. */
    public int count() {
        return count;
    }

    /**
     * log p(x|z_k) in nats for every image and every point k.
     *
     * @param x          the images, {@code outputSize} intensities each, one after another
     * @param imageCount how many
     * @return one row of {@link #count()} values per image
     */
    public double[][] logLikelihoods(float[] x, int imageCount) {
        if (x.length < imageCount * pixels) {
            throw new IllegalArgumentException(imageCount + " images of " + pixels + " pixels need "
                    + imageCount * pixels + " values, got " + x.length);
        }
        double[][] out = new double[imageCount][];
        float[] weighted = new float[IMAGES_AT_ONCE * pixels];
        for (int start = 0; start < imageCount; start += IMAGES_AT_ONCE) {
            int rows = Math.min(IMAGES_AT_ONCE, imageCount - start);
            double[] imageTerms = new double[rows];
            for (int i = 0; i < rows * pixels; i++) {
                float value = x[start * pixels + i];
                if (likelihood == Likelihood.BERNOULLI) {
                    weighted[i] = value;
                } else {
                    double w = pixelLikelihood.inverseVariance(i % pixels);
                    weighted[i] = (float) (w * value);
                    imageTerms[i / pixels] -= 0.5 * w * value * value;
                }
            }
            images.copyFrom(weighted, 0, 0, rows * pixels);
            multiply.run();
            for (int r = 0; r < rows; r++) {
                double[] row = new double[count];
                for (int k = 0; k < count; k++) {
                    row[k] = products.get(r * count + k) + pointTerms[k] + imageTerms[r];
                }
                out[start + r] = row;
            }
        }
        return out;
    }
}
