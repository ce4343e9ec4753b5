package org.latentlab.model;

import java.util.List;

/**
 * A decoder bound to one batch height, forward only: z̃ = [z, 1] through its layers to the mean
 * image, or to a sample of p(x|z). A conditional VAE's decoder reads [z, y, 1], with the class y
 * one-hot. A hierarchical VAE's decoder has a first stage, from z₂ to the mean of p(z₁|z₂), whose
 * output is taken as z₁ for the second. Shared by the training network's {@code decode} and the
 * {@link SnapshotDecoder}, so both run the same code. Confined to the thread that owns the layers.
 */
final class DecodingChain {

    private final int rows;
    /** How many classes the decoder reads beside z₁ (or z); 0 for an unconditional model. */
    private final int classes;
    /** z̃ of the first stage (z₂), or of the decoder itself when there is one stage. */
    private final NativeFloats input;
    private final List<LayerPass> firstStage;
    /** z̃₁ = [z₁, (y,) 1], the second stage's input; the same array as {@link #input} with one stage. */
    private final NativeFloats lower;
    private final List<LayerPass> decoder;

    /**
     * @param priorMean the first stage's layers (z₂ → hidden → mean of p(z₁|z₂)), or empty
     * @param decoder   the layers from z₁ (or z, and a class) to the image
     * @param classes   how many of the decoder's inputs are a one-hot class, after z; 0 for none
     */
    DecodingChain(List<DenseLayer> priorMean, List<DenseLayer> decoder, int rows, int classes) {
        this.rows = rows;
        this.classes = classes;
        if (priorMean.isEmpty()) {
            this.input = NativeFloats.augmentedMatrix(rows, decoder.get(0).inputs);
            this.firstStage = List.of();
            this.lower = input;
        } else {
            this.input = NativeFloats.augmentedMatrix(rows, priorMean.get(0).inputs);
            this.firstStage = LayerPass.chain(priorMean, input, null, false);
            this.lower = NativeFloats.augmentedMatrix(rows, decoder.get(0).inputs);
        }
        this.decoder = LayerPass.chain(decoder, lower, null, false);
    }

    /**
     * Decodes {@code rows} points of {@code latents} from point {@code start} into {@code images}
     * at image {@code start}: Bernoulli probabilities, or Gaussian means clipped to [0, 1]; or, with
     * {@code noise}, a sample of p(x|z).
     *
     * @param labels each point's class for a conditional decoder, from point {@code start}; else ignored
     * @param noise  draws the sample, or {@code null} for the mean image
     */
    void decode(float[] latents, int[] labels, int start, Likelihood likelihood, PixelNoise noise, float[] images) {
        NativeFloats output = forward(latents, labels, start);
        int n = (int) output.array.columns();
        if (noise == null || likelihood == Likelihood.BERNOULLI) {
            TrainingKernels.LIKELIHOOD.meanImage(likelihood, output, 0, rows * n);
        }
        if (noise != null) {
            noise.draw(likelihood, output, rows, n);
        }
        output.copyTo(0, images, start * n, rows * n);
    }

    /**
     * Runs {@code rows} points of {@code latents} from point {@code start} through the decoder and
     * returns its last layer's outputs, {@code rows × pixels}: logits (Bernoulli) or unclipped means
     * (Gaussian), the values the training loss scores. Overwritten by the next call.
     *
     * @param labels each point's class for a conditional decoder, from point {@code start}; else ignored
     */
    NativeFloats forward(float[] latents, int[] labels, int start) {
        int d = (int) input.array.columns() - 1 - (firstStage.isEmpty() ? classes : 0);
        input.putRows(latents, start * d, rows, d, (int) input.array.columns());
        if (!firstStage.isEmpty()) {
            for (LayerPass layer : firstStage) {
                layer.forward();
            }
            NativeFloats mean = firstStage.get(firstStage.size() - 1).output;
            int stride = (int) lower.array.columns();
            int d1 = stride - 1 - classes;
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < d1; j++) {
                    lower.put(r * stride + j, mean.get(r * d1 + j));
                }
            }
        }
        if (classes > 0) {
            lower.putOneHot(labels, start, rows, (int) lower.array.columns() - 1 - classes, classes);
        }
        for (LayerPass layer : decoder) {
            layer.forward();
        }
        return decoder.get(decoder.size() - 1).output;
    }
}
