package org.latentlab.ui.explorer;

import java.util.List;
import java.util.Objects;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.LossTerms;
import org.latentlab.training.SavedRun;
import org.latentlab.training.TrainingConfig;

/**
 * Everything the toolbar sets: what to train on, which model, and how. Changing the dataset, the
 * model, its latent size, its decoder, the batch size or the seed needs a new model; β, its schedule and the
 * learning rate change the running one. Immutable.
 *
 * @param datasetSpec  what {@code --dataset} would say: "mnist", "fashion", a path
 * @param kind         VAE, autoencoder, conditional VAE or hierarchical VAE
 * @param latentSize   dimension of z (of the lower level z₁ of a hierarchical VAE, whose upper level z₂
 *                     has {@value #UPPER_LATENT_SIZE} dimensions)
 * @param batchSize    images per step
 * @param seed         seeds the weights, the noise, the split and the order
 * @param beta         the KL weight (the schedule's target)
 * @param schedule     how β is reached over iterations
 * @param learningRate Adam's step size
 * @param decoder      the decoder's pixel likelihood p(x|z): Bernoulli (cross-entropy) or Gaussian
 *                     with σ = {@value #GAUSSIAN_DECODER_STD} (squared error)
 * @param decoderStd   whether the Gaussian decoder's σ stays at {@value #GAUSSIAN_DECODER_STD} or is
 *                     learned from there, shared or per pixel; {@link DecoderVariance#FIXED} for Bernoulli
 */
public record ExplorerSetup(String datasetSpec, ModelKind kind, int latentSize, int batchSize, long seed, double beta,
                            Schedule schedule, double learningRate, Likelihood decoder, DecoderVariance decoderStd) {

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
    /** A hierarchical VAE's upper level z₂: two dimensions, which the scatter and the grid show as they are. */
    public static final int UPPER_LATENT_SIZE = 2;
    /** A hierarchical VAE's lower level z₁ when it is chosen: {@code --latent 16,2} of the command line. */
    public static final int HIERARCHICAL_LATENT_SIZE = 16;

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
        Objects.requireNonNull(decoderStd, "decoderStd");
        if (decoderStd.learned() && decoder != Likelihood.GAUSSIAN) {
            throw new IllegalArgumentException("only the Gaussian decoder has a σ to learn; the Bernoulli decoder's"
                    + " pixel variance p(1 − p) follows from its mean");
        }
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("β must be a number ≥ 0, got " + beta);
        }
    }

    /** A setup with the Bernoulli decoder of the lectures. */
    public ExplorerSetup(String datasetSpec, ModelKind kind, int latentSize, int batchSize, long seed, double beta,
                         Schedule schedule, double learningRate) {
        this(datasetSpec, kind, latentSize, batchSize, seed, beta, schedule, learningRate, Likelihood.BERNOULLI);
    }

    /** A setup whose Gaussian decoder, if it has one, keeps σ fixed. */
    public ExplorerSetup(String datasetSpec, ModelKind kind, int latentSize, int batchSize, long seed, double beta,
                         Schedule schedule, double learningRate, Likelihood decoder) {
        this(datasetSpec, kind, latentSize, batchSize, seed, beta, schedule, learningRate, decoder,
                DecoderVariance.FIXED);
    }

    /** The window's start: a 2-D VAE on the embedded digits with the lectures' settings. */
    public static ExplorerSetup defaults() {
        return new ExplorerSetup("mnist", ModelKind.VAE, 2, 128, 42, 1, Schedule.CONSTANT, 1e-3);
    }

    /** The setup a saved run was trained with: its data, model, batches, seed, β and its schedule, learning rate and decoder. */
    public static ExplorerSetup of(SavedRun run) {
        TrainingConfig config = run.trainingConfig();
        BetaSchedule beta = config.beta();
        Schedule schedule = beta instanceof BetaSchedule.LinearWarmup ? Schedule.WARMUP
                : beta instanceof BetaSchedule.Cyclical ? Schedule.CYCLICAL : Schedule.CONSTANT;
        return new ExplorerSetup(run.datasetSpec(), run.modelConfig().kind(), run.modelConfig().latentSize(),
                config.batchSize(), config.seed(), beta.target(), schedule, config.learningRate(),
                run.modelConfig().likelihood(), run.modelConfig().decoderVariance());
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
            return moved.withLatentSize(kind == ModelKind.HVAE ? HIERARCHICAL_LATENT_SIZE : 2)
                    .withDecoder(Likelihood.BERNOULLI);
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
                || batchSize != other.batchSize || seed != other.seed || decoder != other.decoder
                || decoderStd != other.decoderStd;
    }

    /** What going from this setup to {@code next} changes that needs a new model, for a person: "Another dataset". */
    public String whatChanges(ExplorerSetup next) {
        if (!datasetSpec.equals(next.datasetSpec)) {
            return "Another dataset";
        }
        if (kind != next.kind) {
            return "Switching to " + (next.kind == ModelKind.AUTOENCODER ? "an " : "a ") + next.kind.displayName();
        }
        if (latentSize != next.latentSize) {
            return "A " + next.latentSize + "-D latent space";
        }
        if (batchSize != next.batchSize) {
            return "A batch size of " + next.batchSize;
        }
        if (decoder != next.decoder || decoderStd != next.decoderStd) {
            return "Another decoder";
        }
        return "Another seed";
    }

    /**
     * The network of this setup for images of {@code imageWidth × imageHeight} pixels in
     * {@code classes} classes: the lectures' 256 hidden units, or 512 for a conditional VAE, as
     * {@code train --model cvae} (docs/decisions/0080).
     *
     * @throws IllegalArgumentException for a conditional VAE of images with fewer than two classes
     */
    public ModelConfig modelConfig(int imageWidth, int imageHeight, int classes) {
        if (kind == ModelKind.CVAE && classes < 2) {
            throw new IllegalArgumentException("A conditional VAE reads each image's class, and " + datasetSpec
                    + (classes == 0 ? " has no labels" : " has only one class")
                    + ": choose a labelled dataset (the digits, Fashion-MNIST) or another model.");
        }
        ModelConfig reference = ModelConfig.reference(ModelKind.VAE, seed);
        return new ModelConfig(kind, imageWidth, imageHeight, kind == ModelKind.CVAE ? List.of(512)
                : reference.hiddenSizes(), latentSize, reference.activation(), decoder,
                decoder == Likelihood.GAUSSIAN ? GAUSSIAN_DECODER_STD : reference.decoderStd(), seed,
                kind == ModelKind.HVAE ? UPPER_LATENT_SIZE : 0, kind == ModelKind.CVAE ? classes : 0, decoderStd);
    }

    public TrainingConfig trainingConfig() {
        return new TrainingConfig(learningRate, batchSize, 0, schedule.toSchedule(beta), LossTerms.COMBINED, seed);
    }

    public ExplorerSetup withDataset(String spec) {
        return new ExplorerSetup(spec, kind, latentSize, batchSize, seed, beta, schedule, learningRate, decoder, decoderStd);
    }

    /**
     * This setup with another model. Going to the hierarchical VAE sets its lower level to
     * {@value #HIERARCHICAL_LATENT_SIZE} dimensions (its upper level has {@value #UPPER_LATENT_SIZE}),
     * and leaving it sets 2 again, if the latent size was the one it had set.
     */
    public ExplorerSetup withKind(ModelKind newKind) {
        int size = latentSize;
        if (newKind == ModelKind.HVAE && kind != ModelKind.HVAE && latentSize == 2) {
            size = HIERARCHICAL_LATENT_SIZE;
        } else if (kind == ModelKind.HVAE && newKind != ModelKind.HVAE && latentSize == HIERARCHICAL_LATENT_SIZE) {
            size = 2;
        }
        return new ExplorerSetup(datasetSpec, newKind, size, batchSize, seed, beta, schedule, learningRate, decoder,
                decoderStd);
    }

    public ExplorerSetup withLatentSize(int size) {
        return new ExplorerSetup(datasetSpec, kind, size, batchSize, seed, beta, schedule, learningRate, decoder, decoderStd);
    }

    public ExplorerSetup withBatchSize(int size) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, size, seed, beta, schedule, learningRate, decoder, decoderStd);
    }

    public ExplorerSetup withSeed(long newSeed) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, newSeed, beta, schedule, learningRate, decoder, decoderStd);
    }

    public ExplorerSetup withBeta(double newBeta) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, seed, newBeta, schedule, learningRate, decoder, decoderStd);
    }

    public ExplorerSetup withSchedule(Schedule newSchedule) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, seed, beta, newSchedule, learningRate, decoder, decoderStd);
    }

    public ExplorerSetup withLearningRate(double rate) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, seed, beta, schedule, rate, decoder, decoderStd);
    }

    /** This setup with another decoder; a learned σ is kept only by the Gaussian decoder. */
    public ExplorerSetup withDecoder(Likelihood newDecoder) {
        return withDecoder(newDecoder, newDecoder == Likelihood.GAUSSIAN ? decoderStd : DecoderVariance.FIXED);
    }

    /** This setup with another decoder whose σ, if Gaussian, is fixed or learned as {@code std} says. */
    public ExplorerSetup withDecoder(Likelihood newDecoder, DecoderVariance std) {
        return new ExplorerSetup(datasetSpec, kind, latentSize, batchSize, seed, beta, schedule, learningRate, newDecoder,
                std);
    }
}
