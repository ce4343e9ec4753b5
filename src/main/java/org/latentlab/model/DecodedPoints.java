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
    private final NativeFloats image;
    private final NativeFloats products;
    private final MatrixMultiply multiply;

    DecodedPoints(DecoderWeights weights, NativeFloats outputs, double[] pointTerms) {
        this.weights = weights;
        this.count = pointTerms.length;
        this.outputs = outputs;
        this.pointTerms = pointTerms;
        this.image = NativeFloats.matrix(1, weights.outputSize());
        this.products = NativeFloats.matrix(1, count);
        this.multiply = new MatrixMultiply(image.array, false, outputs.array, true, products.array, false);
    }

    /** How many points were decoded. */
    public int count() {
        return count;
    }

    /** log p(x|z_k) in nats for every point k, for the image {@code x} ({@code outputSize} intensities). */
    public double[] logLikelihoods(float[] x) {
        if (x.length != weights.outputSize()) {
            throw new IllegalArgumentException("an image of " + x.length + " pixels, but the decoder draws "
                    + weights.outputSize());
        }
        image.copyFrom(x, 0, 0, x.length);
        multiply.run();
        double[] out = new double[count];
        if (weights.likelihood() == Likelihood.BERNOULLI) {
            for (int k = 0; k < count; k++) {
                out[k] = products.get(k) + pointTerms[k];
            }
        } else {
            double inverseVariance = 1 / (weights.decoderStd() * weights.decoderStd());
            double squares = 0;
            for (float v : x) {
                squares += v * (double) v;
            }
            for (int k = 0; k < count; k++) {
                out[k] = products.get(k) * inverseVariance + pointTerms[k] - 0.5 * inverseVariance * squares;
            }
        }
        return out;
    }
}
