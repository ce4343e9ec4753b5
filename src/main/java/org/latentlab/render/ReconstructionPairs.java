package org.latentlab.render;

import java.util.Objects;

/**
 * Images and what a model made of them: {@code reconstructions} image {@code i} is the model's
 * output for {@code inputs} image {@code i}.
 *
 * @param inputs          the images fed to the encoder
 * @param reconstructions the decoder's outputs (the mean of p(x|z)), one per input, of the same size
 */
public record ReconstructionPairs(GrayscaleImages inputs, GrayscaleImages reconstructions) {

    public ReconstructionPairs {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(reconstructions, "reconstructions");
        if (inputs.count() != reconstructions.count()) {
            throw new IllegalArgumentException(inputs.count() + " inputs but " + reconstructions.count() + " reconstructions");
        }
        if (inputs.width() != reconstructions.width() || inputs.height() != reconstructions.height()) {
            throw new IllegalArgumentException("inputs are " + inputs.width() + "×" + inputs.height()
                    + " but reconstructions are " + reconstructions.width() + "×" + reconstructions.height());
        }
    }

    /** How many pairs there are. */
    public int count() {
        return inputs.count();
    }
}
