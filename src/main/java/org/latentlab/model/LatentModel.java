package org.latentlab.model;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A trainable encoder–decoder with a latent space: the VAE, the deterministic autoencoder, the
 * hierarchical VAE, whose top level is what {@link #encode} and {@link #decode} see, or the
 * conditional VAE, which reads each image's class. Inputs and outputs are plain Java arrays,
 * row-major, one image or latent point after another, so callers never see the tensor library.
 *
 * <p>Each operation comes in two forms: without labels, and with {@code labels}, one class per
 * image or latent point. A conditional model ({@link ModelConfig#conditional()}) needs the labels
 * and refuses the first form; the others ignore labels, so their callers may pass {@code null}.
 *
 * <p>Implementations are not thread-safe: one thread (the trainer) owns a model. Other threads
 * decode from {@link #decoderWeights()}, an immutable copy.
 */
public interface LatentModel {

    /** A new network of this configuration, its weights drawn from the configuration's seed. */
    static LatentModel create(ModelConfig config) {
        return config.kind() == ModelKind.HVAE ? new HierarchicalAutoencoder(config) : new DenseAutoencoder(config);
    }

    ModelConfig config();

    /**
     * One optimisation step on a minibatch: forward, the weighted loss, backward, and an Adam update.
     *
     * @param pixels       {@code count × inputSize} intensities in [0, 1]
     * @param weights      wRec and β for this step
     * @param learningRate Adam's step size for this step
     * @return the loss terms of the batch, computed before the update
     */
    BatchLosses trainStep(float[] pixels, int count, LossWeights weights, double learningRate);

    /** {@link #trainStep(float[], int, LossWeights, double)} with each image's class. */
    default BatchLosses trainStep(float[] pixels, int[] labels, int count, LossWeights weights, double learningRate) {
        return trainStep(pixels, count, weights, learningRate);
    }

    /** The loss terms of a batch under the plain ELBO, with no update; noise drawn from {@code noise}. */
    BatchLosses evaluate(float[] pixels, int count, RandomGenerator noise);

    /** {@link #evaluate(float[], int, RandomGenerator)} with each image's class. */
    default BatchLosses evaluate(float[] pixels, int[] labels, int count, RandomGenerator noise) {
        return evaluate(pixels, count, noise);
    }

    /**
     * The posterior means (and log-variances, for a VAE) of {@code count} images at the top level:
     * {@code count × topLatentSize}.
     */
    Encoding encode(float[] pixels, int count);

    /** {@link #encode(float[], int)} with each image's class: a conditional VAE's q(z|x, y). */
    default Encoding encode(float[] pixels, int[] labels, int count) {
        return encode(pixels, count);
    }

    /**
     * The posteriors of {@code count} images at every stochastic level, lowest first; for a model
     * of one level, {@link #encode} alone.
     */
    default List<Encoding> encodeLevels(float[] pixels, int count) {
        return encodeLevels(pixels, null, count);
    }

    /** {@link #encodeLevels(float[], int)} with each image's class. */
    default List<Encoding> encodeLevels(float[] pixels, int[] labels, int count) {
        return List.of(encode(pixels, labels, count));
    }

    /**
     * The decoder's mean image for each of {@code count} top-level latent points:
     * {@code count × inputSize}.
     */
    float[] decode(float[] latents, int count);

    /** {@link #decode(float[], int)} with each point's class: a conditional VAE's mean of p(x|z, y). */
    default float[] decode(float[] latents, int[] labels, int count) {
        return decode(latents, count);
    }

    /**
     * The Gaussian decoder's σ as it is now: learned, or the fixed value of the configuration.
     * Means nothing for a Bernoulli decoder.
     */
    default DecoderStd decoderStd() {
        return DecoderStd.shared(config().decoderStd());
    }

    /** An immutable copy of the decoder, for decoding on other threads. */
    DecoderWeights decoderWeights();

    /** How many optimisation steps have been taken. */
    long steps();

    /** Everything needed to resume training exactly: parameters, optimizer state and step count. */
    ModelState state();

    /** Restores a state taken from a model of the same configuration. */
    void restore(ModelState state);

    /**
     * A copy of the weights and biases alone, without the optimizer's state: enough for a copy of
     * the model on another thread to encode and decode as this one does now. Costs a copy of the
     * parameters (under a millisecond for the reference network).
     */
    float[] parameters();

    /**
     * Takes the weights and biases {@link #parameters()} copied from a model of the same
     * configuration; the optimizer's state and step count stay as they are.
     */
    void loadParameters(float[] parameters);
}
