package org.latentlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A VAE or a deterministic autoencoder built from dense layers, trained with hand-written
 * back-propagation and Adam over one flat parameter vector.
 *
 * <pre>
 *   encoder   x → h₁ → … → h_k            (activation f)
 *   heads     μ = h_k·W_μ + b_μ,  log σ² = h_k·W_σ + b_σ     (VAE only: the second head)
 *   sample    z = μ + σ ⊙ ε,  ε ~ N(0, I)                   (reparameterisation; AE: z = μ)
 *   decoder   z → h_k → … → h₁ → output                     (output: logits or Gaussian means)
 *   loss      wRec · (−log p(x|z)) + β · KL(N(μ, σ²) ‖ N(0, I)),  averaged over the batch
 *   KL        ½ Σ_j (μ_j² + σ_j² − 1 − log σ_j²)             (closed form, per image)
 * </pre>
 *
 * <p>The multiplies go to BLAS through {@link MatrixMultiply} ops bound once per batch height
 * ({@link LayerPass}); everything element-wise is one pass of a {@link TrainingKernels} kernel over
 * the arrays' memory; a step allocates no arrays. Confined to one thread: the trainer that owns it.
 */
public final class DenseAutoencoder implements LatentModel {

    /** Keeps the noise stream apart from the weight initialisation that shares the seed. */
    private static final long NOISE_STREAM = 0x9E3779B97F4A7C15L;

    private final ModelConfig config;
    private final boolean variational;
    private final INDArray parameters;
    private final INDArray gradients;
    private final INDArray optimizerState;
    private final AdamOptimizer adam;
    private final List<DenseLayer> encoder;
    private final DenseLayer meanHead;
    private final DenseLayer logVarianceHead;
    private final List<DenseLayer> decoder;
    private final long decoderOffset;
    private final BatchBuffers<Pass> passes;
    private final RandomGenerator noise;
    private long steps;

    public DenseAutoencoder(ModelConfig config) {
        this.config = config;
        this.variational = config.kind() == ModelKind.VAE;
        List<Integer> encoderWidths = new ArrayList<>();
        encoderWidths.add(config.inputSize());
        encoderWidths.addAll(config.hiddenSizes());
        List<Integer> decoderWidths = decoderWidths(config);
        int innermost = encoderWidths.get(encoderWidths.size() - 1);

        long count = layerParameterCount(encoderWidths) + layerParameterCount(decoderWidths)
                + DenseLayer.parameterCount(innermost, config.latentSize()) * (variational ? 2 : 1);
        if (count > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("a network of " + count + " parameters is too large");
        }
        this.parameters = Nd4j.create(DataType.FLOAT, 1, count);
        this.gradients = Nd4j.create(DataType.FLOAT, 1, count);
        this.optimizerState = Nd4j.create(DataType.FLOAT, 1, 2 * count);
        this.adam = new AdamOptimizer(parameters, gradients, optimizerState, TrainingKernels.ADAM);

        this.encoder = layers(parameters, gradients, encoderWidths, 0, config.activation(), config.activation());
        long offset = layerParameterCount(encoderWidths);
        this.meanHead = new DenseLayer(parameters, gradients, offset, innermost, config.latentSize(), null);
        offset += DenseLayer.parameterCount(innermost, config.latentSize());
        if (variational) {
            this.logVarianceHead = new DenseLayer(parameters, gradients, offset, innermost, config.latentSize(), null);
            offset += DenseLayer.parameterCount(innermost, config.latentSize());
        } else {
            this.logVarianceHead = null;
        }
        this.decoderOffset = offset;
        this.decoder = layers(parameters, gradients, decoderWidths, offset, config.activation(), null);

        this.passes = new BatchBuffers<>(Pass::new);
        this.noise = new SplittableRandom(config.seed() ^ NOISE_STREAM);
        initialiseParameters(new SplittableRandom(config.seed()));
    }

    /** The decoder's widths from the latent space outwards: the encoder's, mirrored. */
    static List<Integer> decoderWidths(ModelConfig config) {
        List<Integer> widths = new ArrayList<>();
        widths.add(config.latentSize());
        for (int i = config.hiddenSizes().size() - 1; i >= 0; i--) {
            widths.add(config.hiddenSizes().get(i));
        }
        widths.add(config.inputSize());
        return widths;
    }

    private static long layerParameterCount(List<Integer> widths) {
        long count = 0;
        for (int i = 0; i + 1 < widths.size(); i++) {
            count += DenseLayer.parameterCount(widths.get(i), widths.get(i + 1));
        }
        return count;
    }

    /**
     * Dense layers of the given widths laid out one after another from {@code offset}: all with
     * the {@code hidden} activation but the last, which has {@code last} ({@code null}: linear).
     */
    static List<DenseLayer> layers(INDArray parameters, INDArray gradients, List<Integer> widths, long offset,
            Activation hidden, Activation last) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int i = 0; i + 1 < widths.size(); i++) {
            Activation activation = i + 2 == widths.size() ? last : hidden;
            layers.add(new DenseLayer(parameters, gradients, offset, widths.get(i), widths.get(i + 1), activation));
            offset += DenseLayer.parameterCount(widths.get(i), widths.get(i + 1));
        }
        return layers;
    }

    /** Every weight and bias ~ U(−1/√fan_in, 1/√fan_in), PyTorch's default for linear layers. */
    private void initialiseParameters(RandomGenerator random) {
        NativeFloats p = new NativeFloats(parameters);
        List<DenseLayer> all = new ArrayList<>(encoder);
        all.add(meanHead);
        if (logVarianceHead != null) {
            all.add(logVarianceHead);
        }
        all.addAll(decoder);
        int i = 0;
        for (DenseLayer layer : all) {
            double bound = 1 / Math.sqrt(layer.inputs);
            for (long k = 0; k < DenseLayer.parameterCount(layer.inputs, layer.outputs); k++) {
                p.put(i++, (float) random.nextDouble(-bound, bound));
            }
        }
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public BatchLosses trainStep(float[] pixels, int count, LossWeights weights, double learningRate) {
        BatchLosses losses = computeGradients(pixels, count, weights, noise);
        if (!losses.isFinite()) {
            return losses; // never step from a non-finite loss: the parameters stay as they were
        }
        steps++;
        adam.update(learningRate, steps);
        return losses;
    }

    /**
     * Forward and backward over one batch: returns its losses and leaves ∂objective/∂parameters in
     * the gradient array (unless the loss is not finite). Visible for the gradient checks.
     */
    BatchLosses computeGradients(float[] pixels, int count, LossWeights weights, RandomGenerator noiseSource) {
        Pass pass = passes.forRows(count);
        pass.load(pixels, 0);
        forward(pass, noiseSource);
        BatchLosses losses = losses(pass, weights, true);
        if (losses.isFinite()) {
            backward(pass, weights);
        }
        return losses;
    }

    /**
     * Runs only the matrix multiplies of one training step on a batch of {@code rows} (whatever
     * the arrays hold), for {@link MultiplyBound}.
     */
    void multipliesOfOneStep(int rows) {
        Pass pass = passes.forRows(rows);
        for (LayerPass layer : pass.layers) {
            layer.multipliesOnly();
        }
    }

    /** A copy of the gradient left by the last {@link #computeGradients}. Visible for tests. */
    float[] gradient() {
        return gradients.toFloatVector();
    }

    @Override
    public BatchLosses evaluate(float[] pixels, int count, RandomGenerator noiseSource) {
        List<BatchLosses> parts = new ArrayList<>();
        forEachChunk(count, (start, rows) -> {
            Pass pass = passes.forRows(rows);
            pass.load(pixels, start);
            forward(pass, noiseSource);
            parts.add(losses(pass, LossWeights.ELBO, false));
        });
        return BatchLosses.mean(parts, config.latentSize());
    }

    @Override
    public Encoding encode(float[] pixels, int count) {
        int d = config.latentSize();
        float[] means = new float[count * d];
        float[] logVariances = variational ? new float[count * d] : null;
        forEachChunk(count, (start, rows) -> {
            Pass pass = passes.forRows(rows);
            pass.load(pixels, start);
            encodeToPosterior(pass);
            pass.mean().copyTo(0, means, start * d, rows * d);
            if (variational) {
                pass.logVariance().copyTo(0, logVariances, start * d, rows * d);
            }
        });
        return new Encoding(means, logVariances, count, d);
    }

    @Override
    public float[] decode(float[] latents, int count) {
        int d = config.latentSize();
        int n = config.inputSize();
        float[] images = new float[count * n];
        forEachChunk(count, (start, rows) -> {
            Pass pass = passes.forRows(rows);
            pass.z.putRows(latents, start * d, rows, d, d + 1);
            decodeFromZ(pass);
            TrainingKernels.LIKELIHOOD.meanImage(config.likelihood(), pass.output(), 0, rows * n);
            pass.output().copyTo(0, images, start * n, rows * n);
        });
        return images;
    }

    @Override
    public DecoderWeights decoderWeights() {
        long length = parameters.length() - decoderOffset;
        float[] copy = new float[(int) length];
        new NativeFloats(parameters).copyTo((int) decoderOffset, copy, 0, copy.length);
        return new DecoderWeights(decoderWidths(config), config.activation(), config.likelihood(),
                config.decoderStd(), config.imageWidth(), config.imageHeight(), copy);
    }

    @Override
    public ModelState state() {
        return new ModelState(parameters.toFloatVector(), optimizerState.toFloatVector(), steps);
    }

    @Override
    public void restore(ModelState state) {
        if (state.parameters().length != parameters.length()) {
            throw new IllegalArgumentException("state has " + state.parameters().length
                    + " parameters but this network has " + parameters.length());
        }
        new NativeFloats(parameters).copyFrom(state.parameters(), 0, 0, state.parameters().length);
        new NativeFloats(optimizerState).copyFrom(state.optimizerState(), 0, 0, state.optimizerState().length);
        steps = state.steps();
    }

    // ---- the passes ----------------------------------------------------------------------------

    private void encodeToPosterior(Pass pass) {
        for (LayerPass layer : pass.encoder) {
            layer.forward();
        }
        pass.meanHead.forward();
        if (variational) {
            pass.logVarianceHead.forward();
        }
    }

    /** z = μ + exp(½ log σ²) ⊙ ε, with ε drawn afresh; an autoencoder's z is μ itself. */
    private void sampleLatent(Pass pass, RandomGenerator noiseSource) {
        int d = config.latentSize();
        NativeFloats mu = pass.mean();
        for (int r = 0; r < pass.rows; r++) {
            for (int j = 0; j < d; j++) {
                int i = r * d + j;
                float z = mu.get(i);
                if (variational) {
                    float e = (float) noiseSource.nextGaussian();
                    pass.epsilon.put(i, e);
                    z += (float) Math.exp(0.5 * pass.logVariance().get(i)) * e;
                }
                pass.z.put(r * (d + 1) + j, z);
            }
        }
    }

    private void decodeFromZ(Pass pass) {
        for (LayerPass layer : pass.decoder) {
            layer.forward();
        }
    }

    private void forward(Pass pass, RandomGenerator noiseSource) {
        encodeToPosterior(pass);
        sampleLatent(pass, noiseSource);
        decodeFromZ(pass);
    }

    /**
     * The batch's loss terms; with {@code withGradients}, also writes ∂loss/∂output of the decoder
     * (the start of back-propagation) into the pass.
     */
    private BatchLosses losses(Pass pass, LossWeights weights, boolean withGradients) {
        int rows = pass.rows;
        int n = config.inputSize();
        float reconstructionScale = (float) (weights.reconstruction() / rows);
        double reconstruction = TrainingKernels.LIKELIHOOD.negativeLogLikelihood(config.likelihood(),
                config.decoderStd(), pass.output(), pass.input, n + 1,
                withGradients ? pass.outputGradient() : null, reconstructionScale, rows, n) / rows;

        int d = config.latentSize();
        double[] klPerDimension = new double[d];
        if (variational) {
            NativeFloats mu = pass.mean();
            NativeFloats logVar = pass.logVariance();
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < d; j++) {
                    klPerDimension[j] += GaussianKl.fromStandardNormal(mu.get(r * d + j), logVar.get(r * d + j));
                }
            }
        }
        double kl = 0;
        for (int j = 0; j < d; j++) {
            klPerDimension[j] /= rows;
            kl += klPerDimension[j];
        }
        double objective = weights.reconstruction() * reconstruction + weights.kl() * kl;
        return new BatchLosses(reconstruction, kl, objective, klPerDimension, rows);
    }

    private void backward(Pass pass, LossWeights weights) {
        for (int i = pass.decoder.size() - 1; i >= 0; i--) {
            pass.decoder.get(i).backward();
        }
        // pass.latentGradient now holds ∂L/∂z.
        reparameterisationGradients(pass, weights.kl());
        pass.meanHead.backward();
        if (variational) {
            pass.logVarianceHead.backward();
        }
        for (int i = pass.encoder.size() - 1; i >= 0; i--) {
            pass.encoder.get(i).backward();
        }
    }

    /**
     * From ∂L/∂z to the posterior's parameters, adding the KL term's own gradient (weight β, per
     * image of the batch): ∂L/∂μ = ∂L/∂z + β·μ/B and ∂L/∂log σ² = ∂L/∂z · ε · ½σ + β·½(σ² − 1)/B.
     * An autoencoder's ∂L/∂μ is ∂L/∂z.
     */
    private void reparameterisationGradients(Pass pass, double beta) {
        NativeFloats dz = pass.latentGradient;
        NativeFloats dMu = pass.meanHead.outputGradient;
        int n = pass.rows * config.latentSize();
        if (!variational) {
            for (int i = 0; i < n; i++) {
                dMu.put(i, dz.get(i));
            }
            return;
        }
        NativeFloats mu = pass.mean();
        NativeFloats logVar = pass.logVariance();
        NativeFloats dLogVar = pass.logVarianceHead.outputGradient;
        float klScale = (float) (beta / pass.rows);
        for (int i = 0; i < n; i++) {
            float variance = (float) Math.exp(logVar.get(i));
            float std = (float) Math.sqrt(variance);
            dMu.put(i, dz.get(i) + klScale * mu.get(i));
            dLogVar.put(i, dz.get(i) * pass.epsilon.get(i) * 0.5f * std + klScale * 0.5f * (variance - 1f));
        }
    }

    private interface Chunk {
        void run(int start, int rows);
    }

    private static void forEachChunk(int count, Chunk chunk) {
        for (int start = 0; start < count; start += BatchBuffers.MAX_ROWS) {
            chunk.run(start, Math.min(BatchBuffers.MAX_ROWS, count - start));
        }
    }

    /** The arrays and bound multiplies of one forward and backward pass over a batch of {@code rows} images. */
    private final class Pass {
        final int rows;
        /** x̃ = [x, 1]. */
        final NativeFloats input;
        final List<LayerPass> encoder;
        final LayerPass meanHead;
        /** {@code null} for an autoencoder. */
        final LayerPass logVarianceHead;
        /** ε of the reparameterisation (VAE only). */
        final NativeFloats epsilon;
        /** z̃ = [z, 1], the decoder's input: a sample for a VAE, μ itself for an autoencoder. */
        final NativeFloats z;
        /** ∂L/∂z, written by the decoder's first layer. */
        final NativeFloats latentGradient;
        final List<LayerPass> decoder;
        /** Every layer of the pass in forward order. */
        final List<LayerPass> layers = new ArrayList<>();

        Pass(int rows) {
            this.rows = rows;
            int d = config.latentSize();
            this.input = NativeFloats.augmentedMatrix(rows, config.inputSize());
            this.encoder = LayerPass.chain(DenseAutoencoder.this.encoder, input, null, true);
            LayerPass innermost = encoder.get(encoder.size() - 1);
            this.meanHead = new LayerPass(DenseAutoencoder.this.meanHead, innermost.output, innermost.outputGradient,
                    false, true);
            this.logVarianceHead = variational
                    ? new LayerPass(DenseAutoencoder.this.logVarianceHead, innermost.output, innermost.outputGradient,
                            true, true)
                    : null;
            this.epsilon = variational ? NativeFloats.matrix(rows, d) : null;
            this.z = NativeFloats.augmentedMatrix(rows, d);
            this.latentGradient = NativeFloats.matrix(rows, d);
            this.decoder = LayerPass.chain(DenseAutoencoder.this.decoder, z, latentGradient, true);
            layers.addAll(encoder);
            layers.add(meanHead);
            if (variational) {
                layers.add(logVarianceHead);
            }
            layers.addAll(decoder);
        }

        void load(float[] pixels, int startRow) {
            int n = config.inputSize();
            input.putRows(pixels, startRow * n, rows, n, n + 1);
        }

        NativeFloats mean() {
            return meanHead.output;
        }

        NativeFloats logVariance() {
            return logVarianceHead.output;
        }

        NativeFloats output() {
            return decoder.get(decoder.size() - 1).output;
        }

        NativeFloats outputGradient() {
            return decoder.get(decoder.size() - 1).outputGradient;
        }
    }
}
