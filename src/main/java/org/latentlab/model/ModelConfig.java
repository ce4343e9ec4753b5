package org.latentlab.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The shape of a network: what it reads, how wide its layers are and what it assumes about pixels.
 * Validated on construction; holds no live objects, so it can be saved and compared.
 *
 * @param kind          VAE, deterministic autoencoder or two-level VAE
 * @param imageWidth    input image width in pixels
 * @param imageHeight   input image height in pixels
 * @param hiddenSizes   encoder hidden widths from the input inwards; the decoder mirrors them
 * @param latentSize    dimension of z (of the lower level z₁ in a two-level VAE)
 * @param activation    hidden-layer nonlinearity
 * @param likelihood    the decoder's p(x|z)
 * @param decoderStd    σ of the Gaussian decoder (ignored for Bernoulli)
 * @param seed          seeds the initial weights and the sampling noise
 * @param upperLatentSize dimension of the upper level z₂ of a two-level VAE ({@link ModelKind#HVAE}); 0 for
 *                      the single-level models
 * @param conditionClasses how many classes a conditional VAE ({@link ModelKind#CVAE}) is conditioned on,
 *                      as a one-hot input of that width beside the pixels and beside z; 0 for the
 *                      unconditional models
 * @param decoderVariance whether the Gaussian decoder's σ is fixed at {@code decoderStd} or learned from it
 *                      (one shared or one per pixel); {@link DecoderVariance#FIXED} for Bernoulli
 */
public record ModelConfig(
        ModelKind kind,
        int imageWidth,
        int imageHeight,
        List<Integer> hiddenSizes,
        int latentSize,
        Activation activation,
        Likelihood likelihood,
        double decoderStd,
        long seed,
        int upperLatentSize,
        int conditionClasses,
        DecoderVariance decoderVariance) {

    public static final int MAX_LATENT_SIZE = 64;
    public static final int MAX_HIDDEN_SIZE = 4096;
    /** The largest image side; 4096 × 4096 pixels still fit an {@code int} many times over. */
    public static final int MAX_IMAGE_SIDE = 4096;
    /**
     * The most weights and biases a network may have. Each takes 16 bytes while training (the
     * weight, its gradient and Adam's two moments), so this is 1.6 GB; the lectures' network has
     * 0.4 million.
     */
    public static final long MAX_PARAMETERS = 100_000_000;
    /** The most classes a conditional VAE takes, each one input of its first encoder and decoder layers. */
    public static final int MAX_CLASSES = 1000;

    public ModelConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(likelihood, "likelihood");
        Objects.requireNonNull(decoderVariance, "decoderVariance");
        hiddenSizes = List.copyOf(hiddenSizes);
        if (imageWidth < 1 || imageHeight < 1 || imageWidth > MAX_IMAGE_SIDE || imageHeight > MAX_IMAGE_SIDE) {
            throw new IllegalArgumentException("image size must be between 1×1 and " + MAX_IMAGE_SIDE + "×"
                    + MAX_IMAGE_SIDE + " pixels, got " + imageWidth + "×" + imageHeight);
        }
        if (hiddenSizes.isEmpty()) {
            throw new IllegalArgumentException("at least one hidden layer is needed, e.g. 256");
        }
        for (int size : hiddenSizes) {
            if (size < 1 || size > MAX_HIDDEN_SIZE) {
                throw new IllegalArgumentException("hidden layer size " + size + " is outside 1.." + MAX_HIDDEN_SIZE);
            }
        }
        if (latentSize < 1 || latentSize > MAX_LATENT_SIZE) {
            throw new IllegalArgumentException("latent size " + latentSize + " is outside 1.." + MAX_LATENT_SIZE);
        }
        if (kind == ModelKind.HVAE && (upperLatentSize < 1 || upperLatentSize > MAX_LATENT_SIZE)) {
            throw new IllegalArgumentException("a hierarchical VAE needs the size of its upper latent level z₂ in 1.."
                    + MAX_LATENT_SIZE + ", got " + upperLatentSize);
        }
        if (kind != ModelKind.HVAE && upperLatentSize != 0) {
            throw new IllegalArgumentException("a " + kind.cliName() + " has one latent level; an upper level (of "
                    + upperLatentSize + " dimensions) needs the hierarchical VAE, hvae");
        }
        if (kind == ModelKind.CVAE && (conditionClasses < 2 || conditionClasses > MAX_CLASSES)) {
            throw new IllegalArgumentException("a conditional VAE needs between 2 and " + MAX_CLASSES
                    + " classes to condition on, got " + conditionClasses);
        }
        if (kind != ModelKind.CVAE && conditionClasses != 0) {
            throw new IllegalArgumentException("a " + kind.cliName() + " is not conditioned on a class; conditioning on "
                    + conditionClasses + " classes needs the conditional VAE, cvae");
        }
        if (!(decoderStd > 0) || Double.isInfinite(decoderStd)) {
            throw new IllegalArgumentException("decoder standard deviation must be a positive number, got " + decoderStd);
        }
        if (decoderVariance.learned() && decoderStd < DecoderVariance.SMALLEST_LEARNED_STD) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a learned σ cannot go below 1/255 ≈ %.4f,"
                    + " the step between 8-bit intensities, so it cannot start at %s", DecoderVariance.SMALLEST_LEARNED_STD,
                    decoderStd));
        }
        if (decoderVariance.learned() && likelihood != Likelihood.GAUSSIAN) {
            throw new IllegalArgumentException("a learned σ belongs to the Gaussian decoder (--decoder gaussian): the "
                    + likelihood.cliName() + " decoder has no σ, each pixel's variance p(1 − p) follows from its mean");
        }
        // The fields are not assigned until this constructor ends: static helpers take the values.
        long parameters = layerSizes(kind, imageWidth * imageHeight, hiddenSizes, latentSize, upperLatentSize,
                conditionClasses, true) + decoderVariance.parameterCount(imageWidth * imageHeight);
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a network of %s would have %,d weights and"
                    + " biases, more than the %,d Latent Lab can hold", architecture(kind, imageWidth * imageHeight,
                    hiddenSizes, latentSize, upperLatentSize), parameters, MAX_PARAMETERS));
        }
    }

    /** A single-level model: a VAE or an autoencoder, with a fixed decoder σ. */
    public ModelConfig(ModelKind kind, int imageWidth, int imageHeight, List<Integer> hiddenSizes, int latentSize,
            Activation activation, Likelihood likelihood, double decoderStd, long seed) {
        this(kind, imageWidth, imageHeight, hiddenSizes, latentSize, activation, likelihood, decoderStd, seed, 0);
    }

    /** An unconditional model with a fixed decoder σ: a VAE, an autoencoder or a hierarchical VAE. */
    public ModelConfig(ModelKind kind, int imageWidth, int imageHeight, List<Integer> hiddenSizes, int latentSize,
            Activation activation, Likelihood likelihood, double decoderStd, long seed, int upperLatentSize) {
        this(kind, imageWidth, imageHeight, hiddenSizes, latentSize, activation, likelihood, decoderStd, seed,
                upperLatentSize, 0, DecoderVariance.FIXED);
    }

    /** The reference network of the lectures and the benchmarks: 784 → 256 → 2 → 256 → 784, ReLU, Bernoulli. */
    public static ModelConfig reference(ModelKind kind, long seed) {
        return new ModelConfig(kind, 28, 28, List.of(256), 2, Activation.RELU, Likelihood.BERNOULLI, 0.1, seed);
    }

    public int inputSize() {
        return imageWidth * imageHeight;
    }

    /** Whether the model reads each image's class: a conditional VAE. */
    public boolean conditional() {
        return conditionClasses > 0;
    }

    /** How many values of log σ the decoder learns: 0 for a fixed σ, 1 shared, or one per pixel. */
    public int decoderStdParameters() {
        return decoderVariance.parameterCount(inputSize());
    }

    /** How many stochastic levels the model has: 2 for a hierarchical VAE, 1 otherwise. */
    public int latentLevels() {
        return kind == ModelKind.HVAE ? 2 : 1;
    }

    /**
     * The size of the points that {@link LatentModel#encode} gives and {@link LatentModel#decode}
     * takes: the top level's, z₂ for a hierarchical VAE, z otherwise.
     */
    public int topLatentSize() {
        return kind == ModelKind.HVAE ? upperLatentSize : latentSize;
    }

    /** The width of the hidden layer of the hierarchical VAE's conditional prior p(z₁|z₂): the encoder's innermost. */
    public int priorHiddenSize() {
        return hiddenSizes.get(hiddenSizes.size() - 1);
    }

    /**
     * The weights of every layer, biases not counted: a training step costs about 6 floating-point
     * operations per weight and image (2 forward, 4 backward), so benchmarks quote GFLOP/s from it.
     */
    public long weightCount() {
        return layerSizes(kind, inputSize(), hiddenSizes, latentSize, upperLatentSize, conditionClasses, false);
    }

    /** Every weight and bias of the network, and a learned decoder's log σ: the length of its flat parameter array. */
    public long parameterCount() {
        return layerSizes(kind, inputSize(), hiddenSizes, latentSize, upperLatentSize, conditionClasses, true)
                + decoderStdParameters();
    }

    /**
     * The widths as the command line prints them: {@code 784-256-2}; a hierarchical VAE's two
     * latent sizes as {@code --latent} takes them, lower first: {@code 784-256-16,2}. A conditional
     * VAE's class inputs are not shown.
     */
    public String architecture() {
        return architecture(kind, inputSize(), hiddenSizes, latentSize, upperLatentSize);
    }

    private static String architecture(ModelKind kind, int inputSize, List<Integer> hiddenSizes, int latentSize,
            int upperLatentSize) {
        StringBuilder text = new StringBuilder().append(inputSize);
        for (int width : hiddenSizes) {
            text.append('-').append(width);
        }
        text.append('-').append(latentSize);
        return kind == ModelKind.HVAE ? text.append(',').append(upperLatentSize).toString() : text.toString();
    }

    /**
     * The weights (and biases, if asked) of the encoder's layers, the latent heads (mean and
     * log-variance for each level of a VAE, the code alone for an autoencoder), a hierarchical
     * VAE's conditional prior p(z₁|z₂) (one hidden layer and its two heads) and the mirrored decoder.
     * A conditional VAE's first encoder layer reads the pixels and the one-hot class, and so does its
     * first decoder layer z and the class.
     */
    private static long layerSizes(ModelKind kind, int inputSize, List<Integer> hiddenSizes, int latentSize,
            int upperLatentSize, int classes, boolean withBiases) {
        int bias = withBiases ? 1 : 0;
        long encoder = 0;
        long previous = (long) inputSize + classes;
        for (int width : hiddenSizes) {
            encoder += (previous + bias) * width;
            previous = width;
        }
        long heads = (previous + bias) * latentSize * (kind == ModelKind.AUTOENCODER ? 1 : 2)
                + (previous + bias) * upperLatentSize * 2;
        long prior = kind != ModelKind.HVAE ? 0
                : (long) (upperLatentSize + bias) * previous + (previous + bias) * latentSize * 2;
        long decoder = prior;
        previous = latentSize + classes;
        for (int i = hiddenSizes.size() - 1; i >= 0; i--) {
            decoder += (previous + bias) * hiddenSizes.get(i);
            previous = hiddenSizes.get(i);
        }
        decoder += (previous + bias) * inputSize;
        return encoder + heads + decoder;
    }

    public ModelConfig withKind(ModelKind newKind) {
        return new ModelConfig(newKind, imageWidth, imageHeight, hiddenSizes, latentSize, activation, likelihood, decoderStd,
                seed, upperLatentSize, conditionClasses, decoderVariance);
    }

    public ModelConfig withLatentSize(int newLatentSize) {
        return new ModelConfig(kind, imageWidth, imageHeight, hiddenSizes, newLatentSize, activation, likelihood,
                decoderStd, seed, upperLatentSize, conditionClasses, decoderVariance);
    }

    public ModelConfig withSeed(long newSeed) {
        return new ModelConfig(kind, imageWidth, imageHeight, hiddenSizes, latentSize, activation, likelihood, decoderStd,
                newSeed, upperLatentSize, conditionClasses, decoderVariance);
    }

    /** This network conditioned on {@code classes} classes: a conditional VAE (0: back to a VAE). */
    public ModelConfig withConditionClasses(int classes) {
        return new ModelConfig(classes == 0 ? ModelKind.VAE : ModelKind.CVAE, imageWidth, imageHeight, hiddenSizes,
                latentSize, activation, likelihood, decoderStd, seed, upperLatentSize, classes, decoderVariance);
    }

    /** This network with its decoder σ set as {@code variance} says, starting from (or fixed at) {@code std}. */
    public ModelConfig withDecoderStd(DecoderVariance variance, double std) {
        return new ModelConfig(kind, imageWidth, imageHeight, hiddenSizes, latentSize, activation, likelihood, std,
                seed, upperLatentSize, conditionClasses, variance);
    }
}
