package org.latentlab.training;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.ModelConfig;

/**
 * Everything a view shows about training at one moment, immutable and safe to read on any thread.
 * The trainer publishes a new one every ~100 ms; readers take the latest and ignore the rest.
 *
 * @param state              what the trainer is doing
 * @param message            why it paused on its own, for the status line; {@code null} otherwise
 * @param iteration          optimisation steps so far
 * @param epoch              completed epochs
 * @param epochProgress      fraction of the current epoch done, in [0, 1)
 * @param beta               β for the next step
 * @param learningRate       Adam's step size
 * @param iterationsPerSecond training speed since the previous snapshot (0 when not running)
 * @param iterations         per-iteration loss terms so far
 * @param epochs             per-epoch training and held-out losses so far
 * @param probe              the held-out probe images' latent codes
 * @param klPerDimension     mean KL of the probe posteriors, by latent dimension (nats)
 * @param activeUnits        latent dimensions in use (posterior-mean variance above 0.01)
 * @param decoder            a copy of the decoder, for decoding grids and samples elsewhere
 * @param debiasing          what debiased sampling is doing, or {@code null} when training shuffles
 *                           plainly (α = 0)
 * @param minibatch          the last step's images and their reconstructions, while training is
 *                           slowed down to be watched step by step ({@link Pace}); empty otherwise
 */
public record TrainingSnapshot(
        TrainerState state,
        String message,
        ModelConfig modelConfig,
        long iteration,
        int epoch,
        double epochProgress,
        double beta,
        double learningRate,
        double iterationsPerSecond,
        IterationHistory.View iterations,
        List<EpochMetrics> epochs,
        ProbeSet probe,
        double[] klPerDimension,
        int activeUnits,
        DecoderWeights decoder,
        DebiasingSnapshot debiasing,
        Optional<Minibatch> minibatch) implements TrainerProgress {

    /** The threshold on the variance of posterior means that counts a latent dimension as used. */
    public static final double ACTIVE_UNIT_THRESHOLD = 0.01;

    public TrainingSnapshot {
        epochs = List.copyOf(epochs);
        klPerDimension = klPerDimension.clone();
        Objects.requireNonNull(minibatch, "minibatch");
    }

    /** A snapshot of training without debiasing, at full speed (no minibatch shown). */
    public TrainingSnapshot(TrainerState state, String message, ModelConfig modelConfig, long iteration, int epoch,
                            double epochProgress, double beta, double learningRate, double iterationsPerSecond,
                            IterationHistory.View iterations, List<EpochMetrics> epochs, ProbeSet probe,
                            double[] klPerDimension, int activeUnits, DecoderWeights decoder) {
        this(state, message, modelConfig, iteration, epoch, epochProgress, beta, learningRate, iterationsPerSecond,
                iterations, epochs, probe, klPerDimension, activeUnits, decoder, null, Optional.empty());
    }

    /** A copy of the mean KL by latent dimension. */
    @Override
    public double[] klPerDimension() {
        return klPerDimension.clone();
    }

    /** The same picture of the model, with other settings for the steps to come. */
    public TrainingSnapshot withSettings(double newBeta, double newLearningRate) {
        return new TrainingSnapshot(state, message, modelConfig, iteration, epoch, epochProgress, newBeta,
                newLearningRate, iterationsPerSecond, iterations, epochs, probe, klPerDimension, activeUnits, decoder,
                debiasing, minibatch);
    }

    /** The same picture of the model, with another state and message. */
    public TrainingSnapshot withState(TrainerState newState, String newMessage) {
        return new TrainingSnapshot(newState, newMessage, modelConfig, iteration, epoch, epochProgress, beta,
                learningRate, 0, iterations, epochs, probe, klPerDimension, activeUnits, decoder, debiasing, minibatch);
    }
}
