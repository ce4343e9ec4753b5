package org.latentlab.ui.explorer;

import java.util.Objects;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.LossTerms;
import org.latentlab.training.TrainingConfig;

/**
 * Everything the toolbar sets: what to train on, which model, and how. Changing the dataset, the
 * model, its latent size, its decoder, the batch size or the seed needs a new model; β, its schedule and the
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
 * @param decoder      the decoder's pixel likelihood p(x|z): Bernoulli (cross-entropy) or Gaussian
 *                     with σ = {@value #GAUSSIAN_DECODER_STD} (squared error)
 */
public record ExplorerSetup(String datasetSpec, ModelKind kind, int latentSize, int batchSize, long seed, double beta,
                            Schedule schedule, double learningRate, Likelihood decoder) {

    /** σ of the Gaussian decoder: pixel errors weigh 1/(2σ²) = 50, enough to learn a face's mouth and eyes. */
    public static final double GAUSSIAN_DECODER_STD = 0.1;
    /** The latent size suggested for the faces: more than their six factors. */
    public static final int FACES_LATENT_SIZE = 8;
    /** The latent size of the posterior-collapse demonstration. */
    public static final int COLLAPSE_LATENT_SIZE = 16;
    /** β of the posterior-collapse demonstration. */
    public static final double COLLAPSE_BETA = 4;
    /** The learning rate of the posterior-collapse demonstration. */
    public static final double COLLAPSE_LEARNING_RATE = 0.01;

    /** How β moves over training, with the iteration count the lectures' examples use. */
    public enum Schedule {
        CONSTANT("constant β", "constant"),
        WARMUP("warm-up, 1,000 iterations", "warmup:1000"),
        CYCLICAL("cycles of 1,000 iterations", "cyclical:1000");

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
        Objects.requireNonNull(decoder, "decoder");
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("β must be a number ≥ 0, got " + beta);
        }
    }

    /** A setup with the Bernoulli decoder of the lectures. */
    public ExplorerSetup(String datasetSpec, ModelKind kind, int latentSize, int batchSize, long seed, double beta,
                         Schedule schedule, double learningRate) {
        this(datasetSpec, kind, latentSize, batchSize, seed, beta, schedule, learningRate, Likelihood.BERNOULLI);
    }

    /** The window's start: a 2-D VAE on the embedded digits with the lectures' settings. */
    public static ExplorerSetup defaults() {
        return new ExplorerSetup("mnist", ModelKind.VAE, 2, 128, 42, 1, Schedule.CONSTANT, 1e-3);
    }

    /**
     * This setup on dataset {@code spec}, with the latent size and decoder that suit it: the faces
     * get {@value #FACES_LATENT_SIZE} dimensions and the Gaussian decoder, which learns all six of
     * their factors within about 5 epochs (a Bernoulli decoder needs about 20 for the eyes,
     * docs/decisions/0030); the digits of the lectures go back to 2 dimensions and the Bernoulli
     * decoder when coming from the faces. Other datasets keep the setup as it is.
     */
    public ExplorerSetup suggestedFor(String spec) {
        ExplorerSetup moved = withDataset(spec);
        if (spec.equals("faces")) {
            return moved.withLatentSize(Math.max(latentSize, FACES_LATENT_SIZE)).withDecoder(Likelihood.GAUSSIAN);
        }
        if (datasetSpec.equals("faces") && (spec.equals("mnist") || spec.equals("fashion"))) {
            return moved.withLatentSize(2).withDecoder(Likelihood.BERNOULLI);
        }
        return moved;
    }

    /**
     * This setup turned into the posterior-collapse demonstration: a VAE with
     * {@value #COLLAPSE_LATENT_SIZE} latent dimensions and β = {@value #COLLAPSE_BETA} from the first
     * step (no warm-up), on the same data, with a learning rate of {@value #COLLAPSE_LEARNING_RATE} so
     * that it happens within a class: on the digits every dimension comes alive in the first epoch and
     * 3 to 12 of the 16 have collapsed after five (≈350 steps; at 0.001 it takes thousands).
     */
    public ExplorerSetup collapseDemonstration() {
        return withKind(ModelKind.VAE).withLatentSize(COLLAPSE_LATENT_SIZE).withBeta(COLLAPSE_BETA)
                .withSchedule(Schedule.CONSTANT).withLearningRate(COLLAPSE_LEARNING_RATE);
    }

    /** Whether going from this setup to {@code other} throws the trained model away. */
    public boolean needsNewModel(ExplorerSetup other) {
        return !datasetSpec.equals(other.datasetSpec) || kind != other.kind || latentSize != other.latentSize
                || batchSize != other.batchSize || seed != other.seed || decoder != other.decoder;
    }

    public ModelConfig modelConfig(int imageWidth, int imageHeight) {
        ModelConfig reference = ModelConfig.reference(kind, seed);
        return new ModelConfig(kind, imageWidth, imageHeight, reference.hiddenSizes(), latentSize,
                reference.activation(), decoder, decoder == Likelihood.GAUSSIAN ? GAUSSIAN_DECODER_STD
                : reference.decoderStd(), seed);
    }

    public TrainingConfig trainingConfig() {
        return new TrainingConfig(learningRate, batchSize, 0, schedule.toSchedule(beta), LossTerms.COMBINED, seed);
    }

    public ExplorerSetup withDataset(String spec) {
        return new ExplorerSetup(spec, kind, latentSize, batchSize, seed, beta, schedule, learningRate, decoder);
    }

    public ExplorerSetup withKind(ModelKind newKind) {
        return new ExplorerSetup(datasetSpec, newKind, latentSize, batchSize, seed, beta, schedule, learningRate, decoder);
    }

    public ExplorerSetup withLatentSize(int size) {
        return new ExplorerSetup(datasetSpec, kind, size, batchSize, seed, beta, schedule, learningRate, decoder);
    }

    public ExplorerSetup withBatchSize(int size) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, size, seed, beta, schedule, learningRate, decoder);
    }

    public ExplorerSetup withSeed(long newSeed) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, newSeed, beta, schedule, learningRate, decoder);
    }

    public ExplorerSetup withBeta(double newBeta) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, seed, newBeta, schedule, learningRate, decoder);
    }

    public ExplorerSetup withSchedule(Schedule newSchedule) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, seed, beta, newSchedule, learningRate, decoder);
    }

    public ExplorerSetup withLearningRate(double rate) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, seed, beta, schedule, rate, decoder);
    }

    public ExplorerSetup withDecoder(Likelihood newDecoder) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, seed, beta, schedule, learningRate, newDecoder);
    }
}
