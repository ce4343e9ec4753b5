package org.latentlab.model;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A VAE or a deterministic autoencoder built from dense layers, trained with hand-written
 * back-propagation and ND4J's Adam over one flat parameter vector.
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
 * <p>Confined to one thread: the trainer that owns it.
 */
public final class DenseAutoencoder implements LatentModel {

    private static final double ADAM_BETA1 = 0.9;
    private static final double ADAM_BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;
    /** Keeps the noise stream apart from the weight initialisation that shares the seed. */
    private static final long NOISE_STREAM = 0x9E3779B97F4A7C15L;

    private final ModelConfig config;
    private final boolean variational;
    private final INDArray parameters;
    private final INDArray gradients;
    private final INDArray optimizerState;
    private final Adam adamConfig = new Adam(1e-3, ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON);
    private final AdamUpdater adam;
    private final List<DenseLayer> encoder = new ArrayList<>();
    private final DenseLayer meanHead;
    private final DenseLayer logVarianceHead;
    private final List<DenseLayer> decoder = new ArrayList<>();
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
        this.adam = new AdamUpdater(adamConfig);
        adam.setStateViewArray(optimizerState, parameters.shape(), 'c', true);

        long offset = addLayers(encoder, encoderWidths, 0, config.activation(), config.activation());
        this.meanHead = new DenseLayer(parameters, gradients, offset, innermost, config.latentSize(), null);
        offset += DenseLayer.parameterCount(innermost, config.latentSize());
        if (variational) {
            this.logVarianceHead = new DenseLayer(parameters, gradients, offset, innermost, config.latentSize(), null);
            offset += DenseLayer.parameterCount(innermost, config.latentSize());
        } else {
            this.logVarianceHead = null;
        }
        this.decoderOffset = offset;
        addLayers(decoder, decoderWidths, offset, config.activation(), null);

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

    private long addLayers(List<DenseLayer> into, List<Integer> widths, long offset, Activation hidden, Activation last) {
        for (int i = 0; i + 1 < widths.size(); i++) {
            Activation activation = i + 2 == widths.size() ? last : hidden;
            into.add(new DenseLayer(parameters, gradients, offset, widths.get(i), widths.get(i + 1), activation));
            offset += DenseLayer.parameterCount(widths.get(i), widths.get(i + 1));
        }
        return offset;
    }

    /** Every weight and bias ~ U(−1/√fan_in, 1/√fan_in), PyTorch's default for linear layers. */
    private void initialiseParameters(RandomGenerator random) {
        FloatBuffer p = DenseLayer.floats(parameters);
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
        adamConfig.setLearningRate(learningRate);
        adam.applyUpdater(gradients, (int) steps, 0); // turns the gradient into Adam's step, in place
        parameters.subi(gradients);
        steps++;
        return losses;
    }

    /**
     * Forward and backward over one batch: returns its losses and leaves ∂objective/∂parameters in
     * the gradient array (unless the loss is not finite). Visible for the gradient check.
     */
    BatchLosses computeGradients(float[] pixels, int count, LossWeights weights, RandomGenerator noiseSource) {
        Pass pass = passes.forRows(count);
        pass.load(pixels);
        forward(pass, noiseSource);
        BatchLosses losses = losses(pass, weights, true);
        if (losses.isFinite()) {
            backward(pass, weights);
        }
        return losses;
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
            DenseLayer.floats(pass.mean).get(means, start * d, rows * d);
            if (variational) {
                DenseLayer.floats(pass.logVariance).get(logVariances, start * d, rows * d);
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
            DenseLayer.floats(pass.z).put(latents, start * d, rows * d);
            decodeFromZ(pass);
            DenseLayer.floats(pass.output()).get(images, start * n, rows * n);
        });
        PixelLikelihood.toMeanImage(config.likelihood(), images, 0, images.length);
        return images;
    }

    @Override
    public DecoderWeights decoderWeights() {
        long length = parameters.length() - decoderOffset;
        float[] copy = new float[(int) length];
        DenseLayer.floats(parameters).get((int) decoderOffset, copy);
        return new DecoderWeights(decoderWidths(config), config.activation(), config.likelihood(),
                config.imageWidth(), config.imageHeight(), copy);
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
        DenseLayer.floats(parameters).put(state.parameters());
        DenseLayer.floats(optimizerState).put(state.optimizerState());
        steps = state.steps();
    }

    // ---- the passes ----------------------------------------------------------------------------

    private void encodeToPosterior(Pass pass) {
        for (int i = 0; i < encoder.size(); i++) {
            encoder.get(i).forward(pass.encoder.get(i), pass.encoder.get(i + 1));
        }
        INDArray innermost = pass.innermost();
        meanHead.forward(innermost, pass.mean);
        if (variational) {
            logVarianceHead.forward(innermost, pass.logVariance);
        }
    }

    /** z = μ + exp(½ log σ²) ⊙ ε, with ε drawn afresh; an autoencoder's z is μ itself. */
    private void sampleLatent(Pass pass, RandomGenerator noiseSource) {
        if (!variational) {
            return;
        }
        FloatBuffer mu = DenseLayer.floats(pass.mean);
        FloatBuffer logVar = DenseLayer.floats(pass.logVariance);
        FloatBuffer eps = DenseLayer.floats(pass.epsilon);
        FloatBuffer z = DenseLayer.floats(pass.z);
        for (int i = 0, n = pass.rows * config.latentSize(); i < n; i++) {
            float e = (float) noiseSource.nextGaussian();
            eps.put(i, e);
            z.put(i, mu.get(i) + (float) Math.exp(0.5 * logVar.get(i)) * e);
        }
    }

    private void decodeFromZ(Pass pass) {
        for (int i = 0; i < decoder.size(); i++) {
            decoder.get(i).forward(pass.decoder.get(i), pass.decoder.get(i + 1));
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
        float reconstructionScale = (float) (weights.reconstruction() / rows);
        double reconstruction = PixelLikelihood.negativeLogLikelihood(config.likelihood(), config.decoderStd(),
                DenseLayer.floats(pass.output()), DenseLayer.floats(pass.input()),
                withGradients ? DenseLayer.floats(pass.outputGradient()) : null, reconstructionScale,
                rows, config.inputSize()) / rows;

        int d = config.latentSize();
        double[] klPerDimension = new double[d];
        if (variational) {
            FloatBuffer mu = DenseLayer.floats(pass.mean);
            FloatBuffer logVar = DenseLayer.floats(pass.logVariance);
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
        for (int i = decoder.size() - 1; i >= 0; i--) {
            decoder.get(i).backward(pass.decoder.get(i), pass.decoder.get(i + 1),
                    pass.decoderGradient.get(i + 1), pass.decoderGradient.get(i), false);
        }
        // pass.decoderGradient.get(0) now holds ∂L/∂z; an autoencoder's ∂L/∂μ is the same array.
        INDArray innermost = pass.innermost();
        INDArray innermostGradient = pass.encoderGradient.get(encoder.size());
        if (variational) {
            reparameterisationGradients(pass, weights.kl());
            logVarianceHead.backward(innermost, pass.logVariance, pass.logVarianceGradient, innermostGradient, false);
            meanHead.backward(innermost, pass.mean, pass.meanGradient, innermostGradient, true);
        } else {
            meanHead.backward(innermost, pass.mean, pass.meanGradient, innermostGradient, false);
        }
        for (int i = encoder.size() - 1; i >= 0; i--) {
            encoder.get(i).backward(pass.encoder.get(i), pass.encoder.get(i + 1),
                    pass.encoderGradient.get(i + 1), i == 0 ? null : pass.encoderGradient.get(i), false);
        }
    }

    /**
     * From ∂L/∂z to the posterior's parameters, adding the KL term's own gradient (weight β, per
     * image of the batch): ∂L/∂μ = ∂L/∂z + β·μ/B and ∂L/∂log σ² = ∂L/∂z · ε · ½σ + β·½(σ² − 1)/B.
     */
    private void reparameterisationGradients(Pass pass, double beta) {
        FloatBuffer dz = DenseLayer.floats(pass.decoderGradient.get(0));
        FloatBuffer mu = DenseLayer.floats(pass.mean);
        FloatBuffer logVar = DenseLayer.floats(pass.logVariance);
        FloatBuffer eps = DenseLayer.floats(pass.epsilon);
        FloatBuffer dMu = DenseLayer.floats(pass.meanGradient);
        FloatBuffer dLogVar = DenseLayer.floats(pass.logVarianceGradient);
        float klScale = (float) (beta / pass.rows);
        for (int i = 0, n = pass.rows * config.latentSize(); i < n; i++) {
            float variance = (float) Math.exp(logVar.get(i));
            float std = (float) Math.sqrt(variance);
            dMu.put(i, dz.get(i) + klScale * mu.get(i));
            dLogVar.put(i, dz.get(i) * eps.get(i) * 0.5f * std + klScale * 0.5f * (variance - 1f));
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

    /** The arrays of one forward and backward pass over a batch of {@code rows} images. */
    private final class Pass {
        final int rows;
        /** x, then each encoder layer's output. */
        final List<INDArray> encoder;
        final List<INDArray> encoderGradient;
        final INDArray mean;
        final INDArray logVariance;
        final INDArray epsilon;
        final INDArray meanGradient;
        final INDArray logVarianceGradient;
        /** The decoder's input: a sample z for a VAE, the mean itself for an autoencoder. */
        final INDArray z;
        /** z, then each decoder layer's output. */
        final List<INDArray> decoder;
        final List<INDArray> decoderGradient;

        Pass(int rows) {
            this.rows = rows;
            List<Integer> encoderWidths = new ArrayList<>();
            encoderWidths.add(config.inputSize());
            encoderWidths.addAll(config.hiddenSizes());
            this.encoder = BatchBuffers.matrices(rows, encoderWidths);
            this.encoderGradient = BatchBuffers.matrices(rows, encoderWidths);
            List<Integer> latent = List.of(config.latentSize(), config.latentSize(), config.latentSize(), config.latentSize());
            List<INDArray> latentArrays = BatchBuffers.matrices(rows, latent);
            this.mean = latentArrays.get(0);
            this.logVariance = variational ? latentArrays.get(1) : null;
            this.epsilon = variational ? latentArrays.get(2) : null;
            this.logVarianceGradient = variational ? latentArrays.get(3) : null;
            List<Integer> decoderWidths = decoderWidths(config);
            this.decoder = BatchBuffers.matrices(rows, decoderWidths);
            this.decoderGradient = BatchBuffers.matrices(rows, decoderWidths);
            if (variational) {
                this.z = decoder.get(0);
                this.meanGradient = Nd4j.create(DataType.FLOAT, rows, config.latentSize());
            } else {
                // The autoencoder decodes μ directly: share the arrays so no copy is needed.
                this.z = mean;
                decoder.set(0, mean);
                this.meanGradient = decoderGradient.get(0);
            }
        }

        void load(float[] pixels) {
            load(pixels, 0);
        }

        void load(float[] pixels, int startRow) {
            int n = config.inputSize();
            DenseLayer.floats(input()).put(pixels, startRow * n, rows * n);
        }

        INDArray input() {
            return encoder.get(0);
        }

        INDArray innermost() {
            return encoder.get(encoder.size() - 1);
        }

        INDArray output() {
            return decoder.get(decoder.size() - 1);
        }

        INDArray outputGradient() {
            return decoderGradient.get(decoderGradient.size() - 1);
        }
    }
}
