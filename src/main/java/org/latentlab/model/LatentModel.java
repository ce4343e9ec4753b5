package org.latentlab.model;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A trainable encoder–decoder with a latent space: the VAE, the deterministic autoencoder or the
 * hierarchical VAE, whose top level is what {@link #encode} and {@link #decode} see.
 * Inputs and outputs are plain Java arrays, row-major, one image or latent point after another,
 * so callers never see the tensor library.
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

    /** The loss terms of a batch under the plain ELBO, with no update; noise drawn from {@code noise}. */
    BatchLosses evaluate(float[] pixels, int count, RandomGenerator noise);

    /**
     * The posterior means (and log-variances, for a VAE) of {@code count} images at the top level:
     * {@code count × topLatentSize}.
     */
    Encoding encode(float[] pixels, int count);

    /**
     * The posteriors of {@code count} images at every stochastic level, lowest first; for a model
     * of one level, {@link #encode} alone.
     */
    default List<Encoding> encodeLevels(float[] pixels, int count) {
        return List.of(encode(pixels, count));
    }

    /**
     * The decoder's mean image for each of {@code count} top-level latent points:
     * {@code count × inputSize}.
     */
    float[] decode(float[] latents, int count);

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
