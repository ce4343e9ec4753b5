package org.latentlab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable copy of a decoder: the layers' widths from the latent space outwards, their
 * weights and biases in the network's flat layout, and what a sample of p(x|z) needs besides (the
 * Gaussian decoder's σ). Safe to share between threads; decode with a {@link SnapshotDecoder}.
 * The arrays are copied in and handed out as copies (a decoder reads them once, when it is made).
 *
 * <p>A hierarchical VAE's decoder has two stages: from a top-level point z₂ to the mean of its
 * conditional prior p(z₁|z₂) (a hidden layer, then the mean head), then from that z₁ to the image.
 * A conditional VAE's decoder reads a class beside z, one-hot, as the last inputs of its first layer.
 *
 * @param widths              layer widths from z (z₁ in a hierarchical VAE) to the image,
 *                            {@code [latentSize + conditionClasses, hidden..., inputSize]}
 * @param parameters          per layer the {@code in × out} weights then the {@code out} biases
 * @param priorMeanWidths     {@code [upperLatentSize, hidden, latentSize]}: the first stage of a
 *                            hierarchical VAE's decoder, z₂ → mean of p(z₁|z₂); empty for one level
 * @param priorMeanParameters that stage's weights and biases in the same layout; empty for one level
 * @param conditionClasses    how many classes the decoder reads beside z; 0 for an unconditional model
 * @param pixelStds           the Gaussian decoder's σ, one shared value or one per pixel; empty for Bernoulli
 */
public record DecoderWeights(
        List<Integer> widths,
        Activation activation,
        Likelihood likelihood,
        int imageWidth,
        int imageHeight,
        float[] parameters,
        List<Integer> priorMeanWidths,
        float[] priorMeanParameters,
        int conditionClasses,
        float[] pixelStds) {

    public DecoderWeights {
        widths = List.copyOf(widths);
        priorMeanWidths = List.copyOf(priorMeanWidths);
        requireLength(widths, parameters, "decoder");
        requireLength(priorMeanWidths, priorMeanParameters, "first decoding stage");
        if (!priorMeanWidths.isEmpty()
                && (priorMeanWidths.size() < 2 || !priorMeanWidths.get(priorMeanWidths.size() - 1).equals(widths.get(0)))) {
            throw new IllegalArgumentException("the first decoding stage, of widths " + priorMeanWidths
                    + ", must end where the decoder of widths " + widths + " starts");
        }
        if (conditionClasses < 0 || conditionClasses >= widths.get(0) || conditionClasses > 0 && !priorMeanWidths.isEmpty()) {
            throw new IllegalArgumentException("a decoder of widths " + widths + " cannot read " + conditionClasses
                    + " classes beside its latent point");
        }
        int expectedStds = likelihood == Likelihood.BERNOULLI ? 0 : 1;
        if (pixelStds.length != expectedStds && (expectedStds == 0 || pixelStds.length != widths.get(widths.size() - 1))) {
            throw new IllegalArgumentException("a " + likelihood.cliName() + " decoder of " + widths.get(widths.size() - 1)
                    + " pixels cannot have " + pixelStds.length + " values of σ");
        }
        for (float std : pixelStds) {
            if (!(std > 0) || Float.isInfinite(std)) {
                throw new IllegalArgumentException("the decoder's σ must be positive and finite, got " + std);
            }
        }
        parameters = parameters.clone();
        priorMeanParameters = priorMeanParameters.clone();
        pixelStds = pixelStds.clone();
    }

    private static void requireLength(List<Integer> widths, float[] parameters, String what) {
        long expected = 0;
        for (int i = 0; i + 1 < widths.size(); i++) {
            expected += DenseLayer.parameterCount(widths.get(i), widths.get(i + 1));
        }
        if (parameters.length != expected) {
            throw new IllegalArgumentException(what + " of widths " + widths + " needs " + expected
                    + " parameters, got " + parameters.length);
        }
    }

    /** A copy of the weights and biases. */
    @Override
    public float[] parameters() {
        return parameters.clone();
    }

    /** A copy of the first stage's weights and biases. */
    @Override
    public float[] priorMeanParameters() {
        return priorMeanParameters.clone();
    }

    /** A copy of the Gaussian decoder's σ: one value, or one per pixel; empty for Bernoulli. */
    @Override
    public float[] pixelStds() {
        return pixelStds.clone();
    }

    /**
     * A conditional decoder with its class fixed at {@code label}: an unconditional decoder of z
     * alone. The one-hot class adds its row of the first layer's weights to that layer's biases,
     * which is all it does in [z, y, 1]·W̃, so both decode alike (up to float rounding).
     *
     * @throws IllegalArgumentException if this decoder reads no class, or {@code label} is not one of its classes
     */
    public DecoderWeights forClass(int label) {
        if (!conditional()) {
            throw new IllegalArgumentException("a decoder that reads no class cannot be given one");
        }
        if (label < 0 || label >= conditionClasses) {
            throw new IllegalArgumentException("label " + label + " is not one of the " + conditionClasses
                    + " classes 0.." + (conditionClasses - 1));
        }
        int latent = latentSize();
        int hidden = widths.get(1);
        int first = (int) DenseLayer.parameterCount(widths.get(0), hidden);
        int folded = (int) DenseLayer.parameterCount(latent, hidden);
        float[] out = new float[parameters.length - first + folded];
        System.arraycopy(parameters, 0, out, 0, latent * hidden);
        int bias = widths.get(0) * hidden;
        int classRow = (latent + label) * hidden;
        for (int j = 0; j < hidden; j++) {
            out[latent * hidden + j] = parameters[bias + j] + parameters[classRow + j];
        }
        System.arraycopy(parameters, first, out, folded, parameters.length - first);
        List<Integer> plainWidths = new ArrayList<>(widths);
        plainWidths.set(0, latent);
        return new DecoderWeights(plainWidths, activation, likelihood, imageWidth, imageHeight, out, List.of(),
                new float[0], 0, pixelStds);
    }

    /**
     * A hierarchical VAE's second stage alone: a one-stage decoder of z₁, whose points
     * {@link SnapshotDecoder#logLikelihoods} can score as log p(x|z₁).
     *
     * @throws IllegalArgumentException if this decoder has one stage
     */
    public DecoderWeights lowerStage() {
        if (!twoStage()) {
            throw new IllegalArgumentException("a decoder of one stage has no lower stage to take");
        }
        return new DecoderWeights(widths, activation, likelihood, imageWidth, imageHeight, parameters, List.of(),
                new float[0], 0, pixelStds);
    }

    /** Whether it decodes in two stages, from a hierarchical VAE's top level z₂. */
    public boolean twoStage() {
        return !priorMeanWidths.isEmpty();
    }

    /** Whether it decodes a class beside each latent point: a conditional VAE's decoder. */
    public boolean conditional() {
        return conditionClasses > 0;
    }

    /** The size of the points it decodes: z₂'s for a hierarchical VAE, z's otherwise (without the class). */
    public int latentSize() {
        return twoStage() ? priorMeanWidths.get(0) : widths.get(0) - conditionClasses;
    }

    public int outputSize() {
        return widths.get(widths.size() - 1);
    }
}
