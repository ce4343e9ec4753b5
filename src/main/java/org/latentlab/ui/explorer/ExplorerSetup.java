package org.latentlab.ui.explorer;

import java.util.Objects;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.LossTerms;
import org.latentlab.training.TrainingConfig;

/**
 * Everything the toolbar sets: what to train on, which model, and how. Changing the dataset, the
 * model, its latent size, the batch size or the seed needs a new model; β, its schedule and the
 * learning rate change the running one. Immutable.
 *
 * @param datasetSpec  what {@code --dataset} would say: "mnist", "fashion", a path
 * @param kind         VAE or autoencoder
 * @param latentSize   dimension of z
 * @param batchSize    images per step
 * @param seed         seeds the weights, the noise, the split and the order
 * @param beta         the KL weight (the schedule's target)
 * @param schedule     how β is reached over iterations
 * @param learningRate Adam's step size
 */
public record ExplorerSetup(String datasetSpec, ModelKind kind, int latentSize, int batchSize, long seed, double beta,
                            Schedule schedule, double learningRate) {

    /** How β moves over training, with the iteration count the lectures' examples use. */
    public enum Schedule {
        CONSTANT("constant β", "constant"),
        WARMUP("warm-up over 1,000 iterations", "warmup:1000"),
        CYCLICAL("cyclical, every 1,000 iterations", "cyclical:1000");

        private final String label;
        private final String spec;

        Schedule(String label, String spec) {
            this.label = label;
            this.spec = spec;
        }

        public BetaSchedule toSchedule(double beta) {
            return BetaSchedule.parse(spec, beta);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public ExplorerSetup {
        Objects.requireNonNull(datasetSpec, "datasetSpec");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schedule, "schedule");
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("β must be a number ≥ 0, got " + beta);
        }
    }

    /** The window's start: a 2-D VAE on the embedded digits with the lectures' settings. */
    public static ExplorerSetup defaults() {
        return new ExplorerSetup("mnist", ModelKind.VAE, 2, 128, 42, 1, Schedule.CONSTANT, 1e-3);
    }

    /** Whether going from this setup to {@code other} throws the trained model away. */
    public boolean needsNewModel(ExplorerSetup other) {
        return !datasetSpec.equals(other.datasetSpec) || kind != other.kind || latentSize != other.latentSize
                || batchSize != other.batchSize || seed != other.seed;
    }

    public ModelConfig modelConfig(int imageWidth, int imageHeight) {
        ModelConfig reference = ModelConfig.reference(kind, seed);
        return new ModelConfig(kind, imageWidth, imageHeight, reference.hiddenSizes(), latentSize,
                reference.activation(), reference.likelihood(), reference.decoderStd(), seed);
    }

    public TrainingConfig trainingConfig() {
        return new TrainingConfig(learningRate, batchSize, 0, schedule.toSchedule(beta), LossTerms.COMBINED, seed);
    }

    public ExplorerSetup withDataset(String spec) {
        return new ExplorerSetup(spec, kind, latentSize, batchSize, seed, beta, schedule, learningRate);
    }

    public ExplorerSetup withKind(ModelKind newKind) {
        return new ExplorerSetup(datasetSpec, newKind, latentSize, batchSize, seed, beta, schedule, learningRate);
    }

    public ExplorerSetup withLatentSize(int size) {
        return new ExplorerSetup(datasetSpec, kind, size, batchSize, seed, beta, schedule, learningRate);
    }

    public ExplorerSetup withBatchSize(int size) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, size, seed, beta, schedule, learningRate);
    }

    public ExplorerSetup withSeed(long newSeed) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, newSeed, beta, schedule, learningRate);
    }

    public ExplorerSetup withBeta(double newBeta) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, seed, newBeta, schedule, learningRate);
    }

    public ExplorerSetup withSchedule(Schedule newSchedule) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, seed, beta, newSchedule, learningRate);
    }

    public ExplorerSetup withLearningRate(double rate) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, seed, beta, schedule, rate);
    }
}
