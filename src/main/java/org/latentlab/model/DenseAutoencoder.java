package org.latentlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A VAE, a conditional VAE or a deterministic autoencoder built from dense layers, trained with
 * hand-written back-propagation and Adam over one flat parameter vector.
 *
 * <pre>
 *   encoder   x → h₁ → … → h_k            (activation f; a conditional VAE's first layer reads [x, y])
 *   heads     μ = h_k·W_μ + b_μ,  log σ² = h_k·W_σ + b_σ     (VAE only: the second head)
 *   sample    z = μ + σ ⊙ ε,  ε ~ N(0, I)                   (reparameterisation; AE: z = μ)
 *   decoder   z → h_k → … → h₁ → output                     (output: logits or Gaussian means; [z, y] for a CVAE)
 *   loss      wRec · (−log p(x|z)) + β · KL(N(μ, σ²) ‖ N(0, I)),  averaged over the batch
 *   KL        ½ Σ_j (μ_j² + σ_j² − 1 − log σ_j²)             (closed form, per image)
 * </pre>
 *
 * <p>A conditional VAE's class y, one-hot, is written into the columns of x̃ = [x, y, 1] and
 * z̃ = [z, y, 1] between the values and the 1 that carries the bias, so it enters the same
 * multiplies as a few more inputs; the decoder's first layer sends ∂L/∂z back through its z rows
 * alone. The multiplies go to BLAS through {@link MatrixMultiply} ops bound once per batch height
 * ({@link LayerPass}); everything element-wise is one pass of a {@link TrainingKernels} kernel over
 * the arrays' memory; a step allocates no arrays. Confined to one thread: the trainer that owns it.
 */
public final class DenseAutoencoder extends BackpropagatedModel<DenseAutoencoder.Pass> {

    private final boolean variational;
    private final List<DenseLayer> encoder;
    private final DenseLayer meanHead;
    private final DenseLayer logVarianceHead;
    private final List<DenseLayer> decoder;
    private final long decoderOffset;

    public DenseAutoencoder(ModelConfig config) {
        super(config);
        if (config.kind() == ModelKind.HVAE) {
            throw new IllegalArgumentException("a hierarchical VAE is a HierarchicalAutoencoder");
        }
        this.variational = config.kind() != ModelKind.AUTOENCODER;
        this.encoder = parameters.chain(encoderWidths(config), config.activation(), config.activation());
        int innermost = config.hiddenSizes().get(config.hiddenSizes().size() - 1);
        this.meanHead = parameters.layer(innermost, config.latentSize(), null);
        this.logVarianceHead = variational ? parameters.layer(innermost, config.latentSize(), null) : null;
        this.decoderOffset = parameters.offset();
        this.decoder = parameters.chain(decoderWidths(config), config.activation(), null);
        parameters.initialise(new SplittableRandom(config.seed()));
    }

    /** The encoder's widths from the input inwards: the image (and a class), then the hidden layers. */
    static List<Integer> encoderWidths(ModelConfig config) {
        List<Integer> widths = new ArrayList<>();
        widths.add(config.inputSize() + config.conditionClasses());
        widths.addAll(config.hiddenSizes());
        return widths;
    }

    /** The decoder's widths from the (lower) latent space (and a class) outwards: the encoder's, mirrored. */
    static List<Integer> decoderWidths(ModelConfig config) {
        List<Integer> widths = new ArrayList<>();
        widths.add(config.latentSize() + config.conditionClasses());
        for (int i = config.hiddenSizes().size() - 1; i >= 0; i--) {
            widths.add(config.hiddenSizes().get(i));
        }
        widths.add(config.inputSize());
        return widths;
    }

    @Override
    Pass newPass(int rows) {
        return new Pass(rows);
    }

    @Override
    int klDimensions() {
        return config.latentSize();
    }

    @Override
    public Encoding encode(float[] pixels, int[] labels, int count) {
        int d = config.latentSize();
        float[] means = new float[count * d];
        float[] logVariances = variational ? new float[count * d] : null;
        BatchBuffers.forEachChunk(count, (start, rows) -> {
            Pass pass = passes.forRows(rows);
            load(pass, pixels, labels, start);
            encodeToPosterior(pass);
            pass.meanHead.output.copyTo(0, means, start * d, rows * d);
            if (variational) {
                pass.logVarianceHead.output.copyTo(0, logVariances, start * d, rows * d);
            }
        });
        return new Encoding(means, logVariances, count, d);
    }

    @Override
    DecodingChain newDecodingChain(int rows) {
        return new DecodingChain(List.of(), decoder, rows, config.conditionClasses());
    }

    @Override
    public DecoderWeights decoderWeights() {
        return new DecoderWeights(decoderWidths(config), config.activation(), config.likelihood(),
                config.imageWidth(), config.imageHeight(), parameters.copy(decoderOffset, parameters.offset()),
                List.of(), new float[0], config.conditionClasses(), pixelStds());
    }

    // ---- the passes ----------------------------------------------------------------------------

    private void encodeToPosterior(Pass pass) {
        forward(pass.encoder);
        pass.meanHead.forward();
        if (variational) {
            pass.logVarianceHead.forward();
        }
    }

    @Override
    void forward(Pass pass, RandomGenerator noise) {
        encodeToPosterior(pass);
        if (variational) {
            pass.level.sample(noise); // z = μ + exp(½ log σ²) ⊙ ε, with ε drawn afresh
        } else {
            int d = config.latentSize();
            for (int r = 0; r < pass.rows; r++) {
                for (int j = 0; j < d; j++) {
                    pass.z.put(r * (d + 1) + j, pass.meanHead.output.get(r * d + j)); // an autoencoder's z is μ
                }
            }
        }
        forward(pass.decoder);
    }

    @Override
    BatchLosses losses(Pass pass, LossWeights weights, boolean withGradients) {
        double reconstruction = reconstruction(pass, weights, withGradients);
        int d = config.latentSize();
        double[] klPerDimension = new double[d];
        if (variational) {
            pass.level.addKl(klPerDimension, 0);
        }
        double kl = 0;
        for (int j = 0; j < d; j++) {
            klPerDimension[j] /= pass.rows;
            kl += klPerDimension[j];
        }
        double objective = weights.reconstruction() * reconstruction + weights.kl() * kl;
        return new BatchLosses(reconstruction, kl, objective, klPerDimension, pass.rows);
    }

    @Override
    void backward(Pass pass, LossWeights weights) {
        backward(pass.decoder);
        // pass.latentGradient now holds ∂L/∂z.
        if (variational) {
            pass.level.backward((float) (weights.kl() / pass.rows));
            pass.meanHead.backward();
            pass.logVarianceHead.backward();
        } else {
            int n = pass.rows * config.latentSize();
            for (int i = 0; i < n; i++) {
                pass.meanHead.outputGradient.put(i, pass.latentGradient.get(i)); // an autoencoder's ∂L/∂μ is ∂L/∂z
            }
            pass.meanHead.backward();
        }
        backward(pass.encoder);
    }

    /** The arrays and bound multiplies of one forward and backward pass over a batch of {@code rows} images. */
    final class Pass extends BackpropagatedModel.Pass {
        final List<LayerPass> encoder;
        final LayerPass meanHead;
        /** {@code null} for an autoencoder. */
        final LayerPass logVarianceHead;
        /** The posterior, its draw and its KL term (VAE only; {@code null} for an autoencoder). */
        final GaussianLevel level;
        /** z̃ = [z, 1] (or [z, y, 1]), the decoder's input: a sample for a VAE, μ itself for an autoencoder. */
        final NativeFloats z;
        /** ∂L/∂z, written by the decoder's first layer. */
        final NativeFloats latentGradient;
        final List<LayerPass> decoder;

        Pass(int rows) {
            super(rows, config);
            int d = config.latentSize();
            this.encoder = LayerPass.chain(DenseAutoencoder.this.encoder, input, null, true);
            LayerPass innermost = encoder.get(encoder.size() - 1);
            this.meanHead = new LayerPass(DenseAutoencoder.this.meanHead, innermost.output, innermost.outputGradient,
                    false, true);
            if (variational) {
                this.logVarianceHead = new LayerPass(DenseAutoencoder.this.logVarianceHead, innermost.output,
                        innermost.outputGradient, true, true);
                this.level = new GaussianLevel(meanHead, logVarianceHead, null, null, config.conditionClasses());
                this.z = level.z;
                this.latentGradient = level.zGradient;
            } else {
                this.logVarianceHead = null;
                this.level = null;
                this.z = NativeFloats.augmentedMatrix(rows, d);
                this.latentGradient = NativeFloats.matrix(rows, d);
            }
            this.decoder = LayerPass.chain(DenseAutoencoder.this.decoder, z, latentGradient, true);
            layers.addAll(encoder);
            layers.add(meanHead);
            if (variational) {
                layers.add(logVarianceHead);
            }
            layers.addAll(decoder);
        }

        @Override
        LayerPass outputLayer() {
            return decoder.get(decoder.size() - 1);
        }

        @Override
        NativeFloats decoderInput() {
            return z;
        }
    }
}
