package org.latentlab.model;

/**
 * A fixed set of latent points decoded once, against which any image is then scored at the cost of
 * one matrix–vector multiply: given the decoder's outputs o_k, log p(x|z_k) is linear in x,
 *
 * <pre>
 *   Bernoulli (logits l_k):  x·l_k − Σ softplus(l_k)
 *   Gaussian (means m_k):    x·m_k / σ² − ‖m_k‖² / 2σ² − ‖x‖² / 2σ² − D (log σ + ½ log 2π)
 * </pre>
 *
 * The per-point sums come from the training loss's kernel; x·o_k is summed in float by BLAS, good
 * to about 10⁻⁴ of the value: enough to find where in latent space an image's posterior lies, not
 * for the final integral. Made by {@link SnapshotDecoder#decodePoints}. Confined to its creating
 * thread.
 */
public final class DecodedPoints {

    private final DecoderWeights weights;
    private final int count;
    /** The decoder's raw outputs, {@code count × pixels}; held so the multiply's memory stays alive. */
    private final NativeFloats outputs;
    /** Per point: −Σ softplus(l), or −‖m‖²/2σ² − D(log σ + ½ log 2π). */
    private final double[] pointTerms;
    /** Up to {@link #IMAGES_AT_ONCE} images, one per row, and their products with every point. */
    private final NativeFloats images;
    private final NativeFloats products;
    private final MatrixMultiply multiply;

    /** Images scored by one multiply: the decoded points are read from memory once for all of them. */
    static final int IMAGES_AT_ONCE = 16;

    DecodedPoints(DecoderWeights weights, NativeFloats outputs, double[] pointTerms) {
        this.weights = weights;
        this.count = pointTerms.length;
        this.outputs = outputs;
        this.pointTerms = pointTerms;
        this.images = NativeFloats.matrix(IMAGES_AT_ONCE, weights.outputSize());
        this.products = NativeFloats.matrix(IMAGES_AT_ONCE, count);
        this.multiply = new MatrixMultiply(images.array, false, outputs.array, true, products.array, false);
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
        int n = weights.outputSize();
        if (x.length < imageCount * n) {
            throw new IllegalArgumentException(imageCount + " images of " + n + " pixels need " + imageCount * n
                    + " values, got " + x.length);
        }
        double[][] out = new double[imageCount][];
        for (int start = 0; start < imageCount; start += IMAGES_AT_ONCE) {
            int rows = Math.min(IMAGES_AT_ONCE, imageCount - start);
            images.copyFrom(x, start * n, 0, rows * n);
            multiply.run();
            for (int r = 0; r < rows; r++) {
                out[start + r] = row(x, (start + r) * n, r);
            }
        }
        return out;
    }

    /** Row {@code r} of the products turned into log-likelihoods of the image at {@code x[offset]}. */
    private double[] row(float[] x, int offset, int r) {
        double[] out = new double[count];
        int base = r * count;
        if (weights.likelihood() == Likelihood.BERNOULLI) {
            for (int k = 0; k < count; k++) {
                out[k] = products.get(base + k) + pointTerms[k];
            }
            return out;
        }
        double inverseVariance = 1 / (weights.decoderStd() * weights.decoderStd());
        double squares = 0;
        for (int p = 0; p < weights.outputSize(); p++) {
            squares += x[offset + p] * (double) x[offset + p];
        }
        for (int k = 0; k < count; k++) {
            out[k] = products.get(base + k) * inverseVariance + pointTerms[k] - 0.5 * inverseVariance * squares;
        }
        return out;
    }
}
