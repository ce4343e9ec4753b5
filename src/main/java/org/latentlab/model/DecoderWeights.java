package org.latentlab.model;

import java.util.List;

/**
 * An immutable copy of a decoder: the layers' widths from the latent space outwards, and their
 * weights and biases in the network's flat layout. Safe to share between threads; decode with a
 * {@link SnapshotDecoder}.
 *
 * @param widths     layer widths, {@code [latentSize, hidden..., inputSize]}
 * @param decoderStd σ of the Gaussian decoder's p(x|z) (unused by the Bernoulli one)
 * @param parameters per layer the {@code in × out} weights then the {@code out} biases
 */
public record DecoderWeights(
        List<Integer> widths,
        Activation activation,
        Likelihood likelihood,
        double decoderStd,
        int imageWidth,
        int imageHeight,
        float[] parameters) {

    public DecoderWeights {
        widths = List.copyOf(widths);
        if (!(decoderStd > 0) || Double.isInfinite(decoderStd)) {
            throw new IllegalArgumentException("decoder standard deviation must be a positive number, got " + decoderStd);
        }
        long expected = 0;
        for (int i = 0; i + 1 < widths.size(); i++) {
            expected += DenseLayer.parameterCount(widths.get(i), widths.get(i + 1));
        }
        if (parameters.length != expected) {
            throw new IllegalArgumentException("decoder of widths " + widths + " needs " + expected
                    + " parameters, got " + parameters.length);
        }
    }

    public int latentSize() {
        return widths.get(0);
    }

    public int outputSize() {
        return widths.get(widths.size() - 1);
    }
}
