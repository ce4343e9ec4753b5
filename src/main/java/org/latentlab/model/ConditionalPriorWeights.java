package org.latentlab.model;

import java.util.List;

/**
 * An immutable copy of a hierarchical VAE's conditional prior p(z₁|z₂) = N(m(z₂), diag e^v(z₂)):
 * z₂ → one hidden layer → the mean head m and the log-variance head v. Safe to share between
 * threads; evaluate with a {@link ConditionalPrior}. The array is copied in and handed out as a copy.
 *
 * @param upperLatentSize z₂'s size
 * @param hiddenSize      the hidden layer's width
 * @param lowerLatentSize z₁'s size: the width of m and of v
 * @param parameters      in the network's flat layout: the hidden layer, the mean head, then the
 *                        log-variance head, each its {@code in × out} weights then its {@code out} biases
 */
public record ConditionalPriorWeights(int upperLatentSize, int hiddenSize, int lowerLatentSize,
                                      Activation activation, float[] parameters) {

    public ConditionalPriorWeights {
        long expected = DenseLayer.parameterCount(upperLatentSize, hiddenSize)
                + 2 * DenseLayer.parameterCount(hiddenSize, lowerLatentSize);
        if (upperLatentSize < 1 || hiddenSize < 1 || lowerLatentSize < 1 || parameters.length != expected) {
            throw new IllegalArgumentException("a conditional prior " + upperLatentSize + " → " + hiddenSize + " → 2 × "
                    + lowerLatentSize + " needs " + expected + " parameters, got " + parameters.length);
        }
        parameters = parameters.clone();
    }

    /** A copy of the weights and biases. */
    @Override
    public float[] parameters() {
        return parameters.clone();
    }

    /** [z₂, hidden, z₁]: the widths of the mean's path, which the log-variance head shares up to the hidden layer. */
    List<Integer> meanWidths() {
        return List.of(upperLatentSize, hiddenSize, lowerLatentSize);
    }
}
