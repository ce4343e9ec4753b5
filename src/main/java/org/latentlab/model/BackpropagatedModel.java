package org.latentlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What every network here shares: the flat parameters and Adam ({@link FlatParameters}), the
 * working arrays of a batch ({@link Pass}, one per batch height), the noise stream, the decoder's
 * learned σ if it has one ({@link LearnedDecoderStd}, first in the layout), the images' classes for
 * a conditional model, and the step that runs forward, the loss and backward. A subclass lays out
 * its layers, binds them to a batch and writes the three passes. Confined to one thread: the
 * trainer that owns it.
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
    /** The Gaussian decoder's learned log σ, or {@code null} when σ is fixed (or the decoder Bernoulli). */
    private final LearnedDecoderStd learnedStd;

    BackpropagatedModel(ModelConfig config) {
        this.config = config;
        this.parameters = new FlatParameters(config.parameterCount());
        this.learnedStd = config.decoderVariance().learned() ? new LearnedDecoderStd(parameters, config) : null;
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
        return trainStep(pixels, null, count, weights, learningRate);
    }

    @Override
    public final BatchLosses trainStep(float[] pixels, int[] labels, int count, LossWeights weights,
            double learningRate) {
        BatchLosses losses = computeGradients(pixels, labels, count, weights, noise);
        if (!losses.isFinite()) {
            return losses; // never step from a non-finite loss: the parameters stay as they were
        }
        parameters.step(learningRate);
        if (learnedStd != null) {
            learnedStd.keepAboveSmallest();
        }
        return losses;
    }

    /**
     * Forward and backward over one batch: returns its losses and leaves ∂objective/∂parameters in
     * the gradient array (unless the loss is not finite). Visible for the gradient checks.
     */
    final BatchLosses computeGradients(float[] pixels, int count, LossWeights weights, RandomGenerator noiseSource) {
        return computeGradients(pixels, null, count, weights, noiseSource);
    }

    /** {@link #computeGradients} with each image's class, for a conditional model. */
    final BatchLosses computeGradients(float[] pixels, int[] labels, int count, LossWeights weights,
            RandomGenerator noiseSource) {
        P pass = passes.forRows(count);
        load(pass, pixels, labels, 0);
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
        return evaluate(pixels, null, count, noiseSource);
    }

    @Override
    public final BatchLosses evaluate(float[] pixels, int[] labels, int count, RandomGenerator noiseSource) {
        List<BatchLosses> parts = new ArrayList<>();
        BatchBuffers.forEachChunk(count, (start, rows) -> {
            P pass = passes.forRows(rows);
            load(pass, pixels, labels, start);
            forward(pass, noiseSource);
            parts.add(losses(pass, LossWeights.ELBO, false));
        });
        return BatchLosses.mean(parts, klDimensions());
    }

    @Override
    public final Encoding encode(float[] pixels, int count) {
        return encode(pixels, null, count);
    }

    @Override
    public abstract Encoding encode(float[] pixels, int[] labels, int count);

    @Override
    public final float[] decode(float[] latents, int count) {
        return decode(latents, null, count);
    }

    /** Decodes through {@link #newDecodingChain}'s layers, in chunks. */
    @Override
    public final float[] decode(float[] latents, int[] labels, int count) {
        requireLabels(labels, count);
        float[] images = new float[count * config.inputSize()];
        BatchBuffers.forEachChunk(count,
                (start, rows) -> decoding.forRows(rows).decode(latents, labels, start, config.likelihood(), null, images));
        return images;
    }

    /**
     * Puts images {@code startRow}… into the pass's x̃ and, for a conditional model, their classes
     * one-hot beside them and beside z; the labels are checked first.
     */
    final void load(P pass, float[] pixels, int[] labels, int startRow) {
        requireLabels(labels, startRow + pass.rows);
        pass.load(pixels, startRow);
        if (config.conditional()) {
            int classes = config.conditionClasses();
            pass.input.putOneHot(labels, startRow, pass.rows, config.inputSize(), classes);
            NativeFloats z = pass.decoderInput();
            z.putOneHot(labels, startRow, pass.rows, (int) z.array.columns() - 1 - classes, classes);
        }
    }

    /**
     * A conditional model needs a class for each image, at least {@code count} of them (so many
     * have been read so far); the others need none.
     */
    final void requireLabels(int[] labels, int count) {
        if (config.conditional() && labels == null) {
            throw new IllegalArgumentException("a conditional VAE reads each image's class: give a label for each image");
        }
        if (config.conditional() && labels.length < count) {
            throw new IllegalArgumentException("a conditional VAE reads each image's class: there are fewer labels ("
                    + labels.length + ") than images");
        }
    }

    /** The decoder's σ as it is now; see {@link LatentModel#decoderStd}. */
    @Override
    public final DecoderStd decoderStd() {
        return learnedStd == null ? DecoderStd.shared(config.decoderStd()) : learnedStd.summary();
    }

    /** The decoder's σ for {@link DecoderWeights}: one value or one per pixel; none for Bernoulli. */
    final float[] pixelStds() {
        if (config.likelihood() == Likelihood.BERNOULLI) {
            return new float[0];
        }
        return learnedStd == null ? new float[] {(float) config.decoderStd()} : learnedStd.stds();
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
     * wRec/B · ∂(−log p)/∂output into the output layer's gradient (and into a learned σ's).
     */
    final double reconstruction(P pass, LossWeights weights, boolean withGradients) {
        int n = config.inputSize();
        int stride = (int) pass.input.array.columns(); // x̃ = [x, 1], or [x, y, 1] with a class
        LayerPass output = pass.outputLayer();
        NativeFloats gradient = withGradients ? output.outputGradient : null;
        float scale = (float) (weights.reconstruction() / pass.rows);
        double total = learnedStd != null
                ? learnedStd.negativeLogLikelihood(output.output, pass.input, stride, gradient, scale, pass.rows, n)
                : TrainingKernels.LIKELIHOOD.negativeLogLikelihood(config.likelihood(), config.decoderStd(),
                        output.output, pass.input, stride, gradient, scale, pass.rows, n);
        return total / pass.rows;
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
        private final int pixelCount;
        /** x̃ = [x, 1], or [x, y, 1] with a conditional model's one-hot class y. */
        final NativeFloats input;
        /** Every layer of the pass in forward order, for {@link #multipliesOfOneStep}. */
        final List<LayerPass> layers = new ArrayList<>();

        Pass(int rows, ModelConfig config) {
            this.rows = rows;
            this.pixelCount = config.inputSize();
            this.input = NativeFloats.augmentedMatrix(rows, config.inputSize() + config.conditionClasses());
        }

        /** The decoder's last layer, whose output holds the logits or Gaussian means. */
        abstract LayerPass outputLayer();

        /** z̃, what the decoder's first layer reads: [z, y, 1] for a conditional model. */
        abstract NativeFloats decoderInput();

        /** Puts images {@code startRow}… of {@code pixels} into x̃, whose rows may hold a class after them. */
        void load(float[] pixels, int startRow) {
            int n = pixelCount;
            input.putRows(pixels, startRow * n, rows, n, (int) input.array.columns());
        }
    }
}
