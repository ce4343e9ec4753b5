package org.latentlab.model;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A VAE with two stochastic levels, built from dense layers on the same engine as
 * {@link DenseAutoencoder}: hand-written back-propagation through both levels and Adam over one
 * flat parameter vector.
 *
 * <pre>
 *   encoder     x → h₁ → … → h_k                                    (activation f)
 *   posteriors  q(z₁|x) = N(μ₁, diag σ₁²),  q(z₂|x) = N(μ₂, diag σ₂²)   (four linear heads on h_k)
 *   sample      z₂ = μ₂ + σ₂ ⊙ ε₂,  then  z₁ = μ₁ + σ₁ ⊙ ε₁,  ε ~ N(0, I)
 *   priors      p(z₂) = N(0, I);  p(z₁|z₂) = N(m, diag eᵛ):  z₂ → g (as wide as h_k, f) → m, v (linear heads)
 *   decoder     z₁ → h_k → … → h₁ → output                          (as the VAE's)
 *   loss        wRec · (−log p(x|z₁)) + β · (KL₁ + KL₂),  averaged over the batch
 *   KL₂         KL(q(z₂|x) ‖ N(0, I)), closed form
 *   KL₁         KL(q(z₁|x) ‖ p(z₁|z₂)) at the drawn z₂, closed form for that z₂ ({@link GaussianKl#between})
 * </pre>
 *
 * <p>Both posteriors read x alone, never each other's draw, so the ELBO's lower-level term
 * E_q(z₁,z₂|x)[log q(z₁|x) − log p(z₁|z₂)] equals E_q(z₂|x)[KL(q(z₁|x) ‖ p(z₁|z₂))]: KL₁ above is an
 * unbiased one-draw estimate of it (docs/decisions/0082). The reported −ELBO is reconstruction +
 * KL₁ + KL₂. One β weighs both levels' KL.
 *
 * <p>{@link #encode} and {@link #decode} work on the top level z₂: encoding gives q(z₂|x), and
 * decoding takes z₂ through the mean m(z₂) of p(z₁|z₂), then the decoder's mean image.
 * Confined to one thread: the trainer that owns it.
 */
public final class HierarchicalAutoencoder extends BackpropagatedModel<HierarchicalAutoencoder.Pass> {

    private final List<DenseLayer> encoder;
    private final DenseLayer lowerMeanHead;
    private final DenseLayer lowerLogVarianceHead;
    private final DenseLayer upperMeanHead;
    private final DenseLayer upperLogVarianceHead;
    /** z₂ → g → m: the first stage of decoding. */
    private final List<DenseLayer> priorMean;
    private final DenseLayer priorLogVarianceHead;
    private final List<DenseLayer> decoder;
    private final long priorMeanOffset;
    private final long priorMeanEnd;
    private final long decoderOffset;

    public HierarchicalAutoencoder(ModelConfig config) {
        super(config);
        if (config.kind() != ModelKind.HVAE) {
            throw new IllegalArgumentException("a " + config.kind().cliName() + " is a DenseAutoencoder");
        }
        int d1 = config.latentSize();
        int d2 = config.upperLatentSize();
        int hidden = config.priorHiddenSize();
        this.encoder = parameters.chain(DenseAutoencoder.encoderWidths(config), config.activation(), config.activation());
        this.lowerMeanHead = parameters.layer(hidden, d1, null);
        this.lowerLogVarianceHead = parameters.layer(hidden, d1, null);
        this.upperMeanHead = parameters.layer(hidden, d2, null);
        this.upperLogVarianceHead = parameters.layer(hidden, d2, null);
        this.priorMeanOffset = parameters.offset();
        this.priorMean = parameters.chain(priorMeanWidths(config), config.activation(), null);
        this.priorMeanEnd = parameters.offset();
        this.priorLogVarianceHead = parameters.layer(hidden, d1, null);
        this.decoderOffset = parameters.offset();
        this.decoder = parameters.chain(DenseAutoencoder.decoderWidths(config), config.activation(), null);
        parameters.initialise(new SplittableRandom(config.seed()));
    }

    /** z₂ → hidden → m(z₂): the widths of the conditional prior's mean. */
    private static List<Integer> priorMeanWidths(ModelConfig config) {
        return List.of(config.upperLatentSize(), config.priorHiddenSize(), config.latentSize());
    }

    @Override
    Pass newPass(int rows) {
        return new Pass(rows);
    }

    @Override
    int klDimensions() {
        return config.latentSize() + config.upperLatentSize();
    }

    /** The top level's posterior q(z₂|x): means and log-variances, {@code count × upperLatentSize}. */
    @Override
    public Encoding encode(float[] pixels, int[] labels, int count) {
        return encodeLevels(pixels, labels, count).get(1);
    }

    /** q(z₁|x) and q(z₂|x), each exact: both read x alone (and no labels). */
    @Override
    public List<Encoding> encodeLevels(float[] pixels, int[] labels, int count) {
        int d1 = config.latentSize();
        int d2 = config.upperLatentSize();
        float[][] values = {new float[count * d1], new float[count * d1], new float[count * d2], new float[count * d2]};
        BatchBuffers.forEachChunk(count, (start, rows) -> {
            Pass pass = passes.forRows(rows);
            load(pass, pixels, labels, start);
            encodeToPosteriors(pass);
            pass.lower.mean().copyTo(0, values[0], start * d1, rows * d1);
            pass.lower.logVariance().copyTo(0, values[1], start * d1, rows * d1);
            pass.upper.mean().copyTo(0, values[2], start * d2, rows * d2);
            pass.upper.logVariance().copyTo(0, values[3], start * d2, rows * d2);
        });
        return List.of(new Encoding(values[0], values[1], count, d1), new Encoding(values[2], values[3], count, d2));
    }

    /**
     * The conditional prior p(z₁|z₂) at each of {@code count} top-level points: its means m and
     * log-variances v, {@code count × latentSize}, from a copy of its weights ({@link ConditionalPrior},
     * the code the likelihood engine runs). Visible for tests.
     */
    Encoding conditionalPrior(float[] upperLatents, int count) {
        return new ConditionalPrior(conditionalPriorWeights()).at(upperLatents, count);
    }

    @Override
    DecodingChain newDecodingChain(int rows) {
        return new DecodingChain(priorMean, decoder, rows, 0);
    }

    /** Both stages: z₂ → mean of p(z₁|z₂), then z₁ → image. */
    @Override
    public DecoderWeights decoderWeights() {
        return new DecoderWeights(DenseAutoencoder.decoderWidths(config), config.activation(), config.likelihood(),
                config.imageWidth(), config.imageHeight(), parameters.copy(decoderOffset, parameters.offset()),
                priorMeanWidths(config), parameters.copy(priorMeanOffset, priorMeanEnd), 0, pixelStds());
    }

    /** A copy of the conditional prior p(z₁|z₂): z₂ → hidden → m and v, for the likelihood engine. */
    public ConditionalPriorWeights conditionalPriorWeights() {
        return new ConditionalPriorWeights(config.upperLatentSize(), config.priorHiddenSize(), config.latentSize(),
                config.activation(), parameters.copy(priorMeanOffset, decoderOffset));
    }

    // ---- the passes ----------------------------------------------------------------------------

    private static void encodeToPosteriors(Pass pass) {
        forward(pass.encoder);
        pass.lower.meanHead.forward();
        pass.lower.logVarianceHead.forward();
        pass.upper.meanHead.forward();
        pass.upper.logVarianceHead.forward();
    }

    /** From z₂ (in the upper level's z̃) to m and v of p(z₁|z₂). */
    private static void priorForward(Pass pass) {
        pass.priorHidden.forward();
        pass.lower.priorMeanHead.forward();
        pass.lower.priorLogVarianceHead.forward();
    }

    /** The noise is drawn for z₂ first, then for z₁, row by row. */
    @Override
    void forward(Pass pass, RandomGenerator noise) {
        encodeToPosteriors(pass);
        pass.upper.sample(noise);
        priorForward(pass);
        pass.lower.sample(noise);
        forward(pass.decoder);
    }

    @Override
    BatchLosses losses(Pass pass, LossWeights weights, boolean withGradients) {
        double reconstruction = reconstruction(pass, weights, withGradients);
        int d1 = config.latentSize();
        double[] klPerDimension = new double[klDimensions()];
        pass.lower.addKl(klPerDimension, 0);
        pass.upper.addKl(klPerDimension, d1);
        double[] klPerLevel = new double[2];
        for (int j = 0; j < klPerDimension.length; j++) {
            klPerDimension[j] /= pass.rows;
            klPerLevel[j < d1 ? 0 : 1] += klPerDimension[j];
        }
        double kl = klPerLevel[0] + klPerLevel[1];
        double objective = weights.reconstruction() * reconstruction + weights.kl() * kl;
        return new BatchLosses(reconstruction, kl, objective, klPerDimension, pass.rows, klPerLevel);
    }

    /**
     * Decoder back to ∂L/∂z₁; the lower level to ∂L/∂μ₁, ∂L/∂log σ₁², ∂L/∂m, ∂L/∂v; the conditional
     * prior's network back to ∂L/∂z₂; the upper level to ∂L/∂μ₂, ∂L/∂log σ₂²; the four heads back to
     * ∂L/∂h_k (the first overwrites, the others add); the encoder.
     */
    @Override
    void backward(Pass pass, LossWeights weights) {
        float klScale = (float) (weights.kl() / pass.rows);
        backward(pass.decoder);
        pass.lower.backward(klScale);
        pass.lower.priorMeanHead.backward();
        pass.lower.priorLogVarianceHead.backward();
        pass.priorHidden.backward();
        pass.upper.backward(klScale);
        pass.lower.meanHead.backward();
        pass.lower.logVarianceHead.backward();
        pass.upper.meanHead.backward();
        pass.upper.logVarianceHead.backward();
        backward(pass.encoder);
    }

    /** The arrays and bound multiplies of one forward and backward pass over a batch of {@code rows} images. */
    final class Pass extends BackpropagatedModel.Pass {
        final List<LayerPass> encoder;
        /** q(z₂|x) against N(0, I). */
        final GaussianLevel upper;
        /** z₂ → g, the conditional prior's hidden layer; ∂L/∂z₂ goes into the upper level. */
        final LayerPass priorHidden;
        /** q(z₁|x) against p(z₁|z₂), whose heads read g. */
        final GaussianLevel lower;
        final List<LayerPass> decoder;

        Pass(int rows) {
            super(rows, config);
            HierarchicalAutoencoder model = HierarchicalAutoencoder.this;
            this.encoder = LayerPass.chain(model.encoder, input, null, true);
            NativeFloats h = encoder.get(encoder.size() - 1).output;
            NativeFloats dh = encoder.get(encoder.size() - 1).outputGradient;
            LayerPass lowerMean = new LayerPass(model.lowerMeanHead, h, dh, false, true);
            LayerPass lowerLogVariance = new LayerPass(model.lowerLogVarianceHead, h, dh, true, true);
            LayerPass upperMean = new LayerPass(model.upperMeanHead, h, dh, true, true);
            LayerPass upperLogVariance = new LayerPass(model.upperLogVarianceHead, h, dh, true, true);
            this.upper = new GaussianLevel(upperMean, upperLogVariance, null, null);
            this.priorHidden = new LayerPass(model.priorMean.get(0), upper.z, upper.zGradient, false, true);
            LayerPass priorMeanHead = new LayerPass(model.priorMean.get(1), priorHidden.output,
                    priorHidden.outputGradient, false, true);
            LayerPass priorLogVarianceHead = new LayerPass(model.priorLogVarianceHead, priorHidden.output,
                    priorHidden.outputGradient, true, true);
            this.lower = new GaussianLevel(lowerMean, lowerLogVariance, priorMeanHead, priorLogVarianceHead);
            this.decoder = LayerPass.chain(model.decoder, lower.z, lower.zGradient, true);
            layers.addAll(encoder);
            layers.addAll(List.of(lowerMean, lowerLogVariance, upperMean, upperLogVariance, priorHidden, priorMeanHead,
                    priorLogVarianceHead));
            layers.addAll(decoder);
        }

        @Override
        LayerPass outputLayer() {
            return decoder.get(decoder.size() - 1);
        }

        @Override
        NativeFloats decoderInput() {
            return lower.z;
        }
    }
}
