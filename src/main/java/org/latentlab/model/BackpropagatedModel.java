package org.latentlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What every network here shares: the flat parameters and Adam ({@link FlatParameters}), the
 * working arrays of a batch ({@link Pass}, one per batch height), the noise stream, and the step
 * that runs forward, the loss and backward. A subclass lays out its layers, binds them to a batch
 * and writes the three passes. Confined to one thread: the trainer that owns it.
 *
 * @param <P> the subclass's working arrays for one batch
 */
abstract class BackpropagatedModel<P extends BackpropagatedModel.Pass> implements LatentModel {

    static {
        NativeBackend.load(); // chooses OpenBLAS's kernels and threads before ND4J first loads
    }

    /** Keeps the noise stream apart from the weight initialisation that shares the seed. */
    private static final long NOISE_STREAM = 0x9E3779B97F4A7C15L;

    final ModelConfig config;
    final FlatParameters parameters;
    final BatchBuffers<P> passes;
    private final BatchBuffers<DecodingChain> decoding;
    private final RandomGenerator noise;

    BackpropagatedModel(ModelConfig config) {
        this.config = config;
        this.parameters = new FlatParameters(config.parameterCount());
        this.passes = new BatchBuffers<>(this::newPass);
        this.decoding = new BatchBuffers<>(this::newDecodingChain);
        this.noise = new SplittableRandom(config.seed() ^ NOISE_STREAM);
    }

    /** The working arrays and bound multiplies for a batch of {@code rows} images. */
    abstract P newPass(int rows);

    /** The decoder, forward only, bound to a batch of {@code rows} latent points. */
    abstract DecodingChain newDecodingChain(int rows);

    /** Everything from the images in the pass's input to the decoder's output, drawing noise from {@code noise}. */
    abstract void forward(P pass, RandomGenerator noise);

    /**
     * The batch's loss terms after {@link #forward}; with {@code withGradients}, also writes
     * ∂loss/∂output of the decoder (the start of back-propagation) into the pass.
     */
    abstract BatchLosses losses(P pass, LossWeights weights, boolean withGradients);

    /** From ∂loss/∂output back to every parameter's gradient, in the flat gradient array. */
    abstract void backward(P pass, LossWeights weights);

    /** How many numbers {@link BatchLosses#klPerDimension()} holds. */
    abstract int klDimensions();

    @Override
    public final ModelConfig config() {
        return config;
    }

    @Override
    public final long steps() {
        return parameters.steps();
    }

    @Override
    public final BatchLosses trainStep(float[] pixels, int count, LossWeights weights, double learningRate) {
        BatchLosses losses = computeGradients(pixels, count, weights, noise);
        if (!losses.isFinite()) {
            return losses; // never step from a non-finite loss: the parameters stay as they were
        }
        parameters.step(learningRate);
        return losses;
    }

    /**
     * Forward and backward over one batch: returns its losses and leaves ∂objective/∂parameters in
     * the gradient array (unless the loss is not finite). Visible for the gradient checks.
     */
    final BatchLosses computeGradients(float[] pixels, int count, LossWeights weights, RandomGenerator noiseSource) {
        P pass = passes.forRows(count);
        pass.load(pixels, 0);
        forward(pass, noiseSource);
        BatchLosses losses = losses(pass, weights, true);
        if (losses.isFinite()) {
            backward(pass, weights);
        }
        return losses;
    }

    /** A copy of the gradient left by the last {@link #computeGradients}. Visible for tests. */
    final float[] gradient() {
        return parameters.gradient();
    }

    /**
     * Runs only the matrix multiplies of one training step on a batch of {@code rows} (whatever
     * the arrays hold), for {@link MultiplyBound}.
     */
    final void multipliesOfOneStep(int rows) {
        for (LayerPass layer : passes.forRows(rows).layers) {
            layer.multipliesOnly();
        }
    }

    @Override
    public final BatchLosses evaluate(float[] pixels, int count, RandomGenerator noiseSource) {
        List<BatchLosses> parts = new ArrayList<>();
        BatchBuffers.forEachChunk(count, (start, rows) -> {
            P pass = passes.forRows(rows);
            pass.load(pixels, start);
            forward(pass, noiseSource);
            parts.add(losses(pass, LossWeights.ELBO, false));
        });
        return BatchLosses.mean(parts, klDimensions());
    }

    /** Decodes through {@link #newDecodingChain}'s layers, in chunks. */
    @Override
    public final float[] decode(float[] latents, int count) {
        float[] images = new float[count * config.inputSize()];
        BatchBuffers.forEachChunk(count,
                (start, rows) -> decoding.forRows(rows).decode(latents, start, config.likelihood(), images));
        return images;
    }

    @Override
    public final ModelState state() {
        return parameters.state();
    }

    @Override
    public final void restore(ModelState state) {
        parameters.restore(state);
    }

    @Override
    public final float[] parameters() {
        return parameters.copy(0, parameters.parameters.length());
    }

    @Override
    public final void loadParameters(float[] values) {
        parameters.load(values);
    }

    /**
     * −log p(x|z) of the pass's images, a mean per image; with {@code withGradients}, also
     * wRec/B · ∂(−log p)/∂output into the output layer's gradient.
     */
    final double reconstruction(P pass, LossWeights weights, boolean withGradients) {
        int n = config.inputSize();
        LayerPass output = pass.outputLayer();
        return TrainingKernels.LIKELIHOOD.negativeLogLikelihood(config.likelihood(), config.decoderStd(), output.output,
                pass.input, n + 1, withGradients ? output.outputGradient : null,
                (float) (weights.reconstruction() / pass.rows), pass.rows, n) / pass.rows;
    }

    /** Runs the layers forward, in order. */
    static void forward(List<LayerPass> layers) {
        for (LayerPass layer : layers) {
            layer.forward();
        }
    }

    /** Runs the layers backward, last first. */
    static void backward(List<LayerPass> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            layers.get(i).backward();
        }
    }

    /** The arrays one batch of {@code rows} images needs, whatever the network. */
    abstract static class Pass {
        final int rows;
        /** x̃ = [x, 1]. */
        final NativeFloats input;
        /** Every layer of the pass in forward order, for {@link #multipliesOfOneStep}. */
        final List<LayerPass> layers = new ArrayList<>();

        Pass(int rows, int inputSize) {
            this.rows = rows;
            this.input = NativeFloats.augmentedMatrix(rows, inputSize);
        }

        /** The decoder's last layer, whose output holds the logits or Gaussian means. */
        abstract LayerPass outputLayer();

        /** Puts images {@code startRow}… into x̃. */
        final void load(float[] pixels, int startRow) {
            int n = (int) input.array.columns() - 1;
            input.putRows(pixels, startRow * n, rows, n, n + 1);
        }
    }
}
