package org.latentlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.data.DatasetSplit;
import org.latentlab.model.Activation;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.TrainingKernels;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.CompareConfig;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.StepOutcome;
import org.latentlab.training.LossTerms;
import org.latentlab.training.RunFile;
import org.latentlab.training.TimelineRecorder;
import org.latentlab.training.TrainingConfig;
import org.latentlab.training.TrainingSession;
import org.latentlab.training.TrainingTimeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: trains a model, one line per epoch, saving the run after every epoch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a VAE, an autoencoder, a hierarchical VAE or a conditional VAE and saves it with its history"
                + " into a folder.")
final class TrainCommand implements Callable<Integer> {

    /** The held-out share of the dataset; fixed so that evaluate and render find the same split. */
    static final double VALIDATION_FRACTION = DatasetSplit.DEFAULT_VALIDATION_FRACTION;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "mnist|fashion|faces|PATH",
            description = {"The images: the embedded digits, Fashion-MNIST, 20,000 synthetic faces, or a path (default: ${DEFAULT-VALUE}).",
                    "faces:rare=FACTOR<T@SHARE (or >T) plants a rare group: the faces whose FACTOR (smile, eyes, width,"
                            + " tilt, hair, brightness) lies below (above) T, a fraction of its range from 0 to 1, make up"
                            + " SHARE of the set. Quote it in a shell: 'faces:rare=brightness<0.3@0.05'."})
    String dataset;

    @Option(names = "--model", defaultValue = "vae", paramLabel = "vae|ae|hvae|cvae",
            description = "A variational autoencoder, a plain one, a hierarchical VAE of two latent levels, or a"
                    + " conditional VAE that reads each image's class (its labels) beside the pixels and beside z"
                    + " (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--latent", paramLabel = "N|N,M",
            description = "Latent dimensions; for hvae the lower level z₁'s then the upper z₂'s (default: 2; 16,2 for hvae).")
    String latent;

    @Option(names = "--hidden", split = ",", paramLabel = "N,...",
            description = "Hidden layer widths from the input inwards (default: 256; 512 for cvae, whose 2-D style"
                    + " space then draws recognisable digits of every class after 10 epochs).")
    List<Integer> hidden;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "relu|leaky-relu|elu|tanh",
            description = "Hidden-layer nonlinearity (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--decoder", defaultValue = "bernoulli", paramLabel = "bernoulli|gaussian",
            description = "The decoder's pixel distribution: cross-entropy or squared error (default: ${DEFAULT-VALUE}).")
    String decoder;

    @Option(names = "--decoder-std", paramLabel = DecoderStdOption.LABEL, description = DecoderStdOption.DESCRIPTION)
    String decoderStd;

    @Option(names = "--beta", defaultValue = "1", paramLabel = "B", description = "Weight of the KL term (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--schedule", defaultValue = "constant", paramLabel = "constant|warmup:N|cyclical:N",
            description = "How β changes over iterations (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--loss", defaultValue = "combined", paramLabel = "combined|reconstruction|kl",
            description = "Which loss terms to train (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--epochs", defaultValue = "10", paramLabel = "E", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", paramLabel = "N", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.001", paramLabel = "X", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--debias", defaultValue = "0", paramLabel = "α",
            description = "Debiased sampling (Amini et al. 2019): each epoch draws the images with probability ∝"
                    + " 1/density^α of their latent codes, so images whose codes lie where few others do are seen"
                    + " more often; 0 shuffles plainly"
                    + " (default: ${DEFAULT-VALUE}).")
    double debias;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Seeds the weights, the noise, the split and the order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--compare", paramLabel = "ablation|beta-sweep|beta:B,...|MODELS",
            description = "Train several models side by side on the same batches, each into a sub-folder of --out:"
                    + " ablation (ae, rec-only, kl-only, vae), beta-sweep (β = 0.1, 1, 4), beta:B,B,... or a list of"
                    + " ae, rec-only, kl-only, vae, vae:B; debias:A puts a VAE beside the same VAE debiased with"
                    + " strength A. Replaces --model, --loss, --beta and --debias.")
    String compare;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the model file and histories.")
    Path out;

    @Option(names = "--no-timeline",
            description = "Record no timeline of training (by default moments of it are kept in the run file, for"
                    + " the window's replay and render --figure timeline).")
    boolean noTimeline;

    @Override
    public Integer call() throws IOException {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        }
        OutputFolder.prepare(out);
        ComparisonPreset preset = compare == null ? null : comparison();
        TrainingConfig trainingConfig = new TrainingConfig(learningRate, batch, epochs,
                BetaSchedule.parse(schedule, beta), LossTerms.fromCliName(loss), seed, preset == null ? debias : 0);
        ModelKind kind = ModelKind.fromCliName(model);
        if (preset != null && latent != null && latent.contains(",")) {
            throw new IllegalArgumentException("--compare trains models of one latent level: give one --latent size,"
                    + " e.g. --latent 2");
        }
        LatentSizes sizes = LatentSizes.parse(latent, kind);
        Activation act = Activation.fromCliName(activation);
        Likelihood likelihood = Likelihood.fromCliName(decoder);
        DecoderStdOption std = DecoderStdOption.parse(decoderStd);

        Dataset data = DatasetSource.parse(dataset).load();
        ModelConfig modelConfig = new ModelConfig(kind, data.width(), data.height(), hiddenSizes(kind), sizes.lower(), act,
                likelihood, std.std(), seed, sizes.upper(), kind == ModelKind.CVAE ? conditionClasses(data) : 0,
                std.variance());
        DatasetSplit split = DatasetSplit.of(data, VALIDATION_FRACTION, seed);
        if (preset != null) {
            return new CompareTraining(spec.commandLine().getOut(), out, dataset)
                    .run(new CompareConfig(modelConfig, trainingConfig, preset), split, data.name());
        }
        TrainingSession session = new TrainingSession(split.train(), split.validation(), modelConfig, trainingConfig);

        PrintWriter console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "Training a %s %s%s on %s: %d training and %d held-out images; %s loss, β %s %s%n",
                kind.displayName(), architecture(modelConfig), extras(modelConfig), data.name(),
                split.train().size(), split.validation().size(), trainingConfig.lossTerms().cliName(),
                trainingConfig.beta().describe(), format(beta));
        console.println(TrainingKernels.description());
        if (trainingConfig.debiasing()) {
            console.println(EpochLine.debiasingNote(trainingConfig.debias()));
        }
        ExecutorService timelineWorker = noTimeline ? null : TimelineRecorder.newWorker();
        try {
            if (timelineWorker != null) {
                session.recordTimeline(timelineWorker);
            }
            trainAndSave(session, out, dataset, console);
        } finally {
            if (timelineWorker != null) {
                timelineWorker.shutdown();
            }
        }
        TrainingTimeline timeline = session.timeline();
        if (!timeline.isEmpty()) {
            console.printf(Locale.ROOT, "Recorded a timeline of %d moments of training (%.1f MB) for the window's"
                    + " replay and render --figure timeline%n", timeline.size(), timeline.bytes() / 1e6);
        }
        if (kind != ModelKind.AUTOENCODER) {
            console.println(ActiveUnits.describe(session.model(), split.validation()));
        }
        console.printf("Saved %s and %s%n", out.resolve(RunFile.FILE_NAME), out.resolve(RunFolder.HISTORY_CSV));
        return 0;
    }

    /** The {@code --hidden} widths, or the default of a model of {@code kind}. */
    List<Integer> hiddenSizes(ModelKind kind) {
        return hidden != null ? hidden : List.of(kind == ModelKind.CVAE ? 512 : 256);
    }

    /**
     * Trains {@code session} for its configured epochs, printing a line and saving into {@code out}
     * after each (the last save with every moment of its timeline, the trained model's among them;
     * the others with those recorded by then). If a step diverges, nothing more is saved: the model saved after the last whole
     * epoch stays, and the failure says so.
     */
    static void trainAndSave(TrainingSession session, Path out, String datasetSpec, PrintWriter console) {
        for (int e = 0; e < session.config().epochs(); e++) {
            StepOutcome outcome = session.trainEpoch();
            if (outcome.diverged()) {
                throw new LatentLabCommand.CommandFailure(divergence(session, outcome, out) + " Try a lower --lr.");
            }
            EpochMetrics metrics = outcome.completedEpoch();
            console.println(EpochLine.of(metrics,
                    session.model().config().decoderVariance().learned() ? session.model().decoderStd() : null));
            if (metrics.hasRareGroup()) {
                console.println(EpochLine.rareGroup(metrics.rareGroup()));
            }
            if (session.sampling() != null) {
                console.println(EpochLine.sampling(session.sampling()));
            }
            console.flush();
            if (e == session.config().epochs() - 1) {
                session.recordTimelineNow();
                session.awaitTimeline();
            }
            RunFolder.write(session, out, datasetSpec);
        }
    }

    /**
     * What happened when {@code session} diverged, and which model in {@code out} is the last good
     * one (saved after its last whole epoch), as sentences.
     */
    static String divergence(TrainingSession session, StepOutcome outcome, Path out) {
        int epochs = session.completedEpochs();
        String what = String.format(Locale.ROOT, "training diverged at iteration %d, in epoch %d: the loss became %s.",
                session.iteration() + 1, epochs + 1, outcome.lossDescription());
        if (epochs == 0) {
            return what + " No model was saved in " + out + ": the first epoch did not end.";
        }
        return what + String.format(Locale.ROOT, " The model saved after epoch %d (iteration %d) in %s is the last"
                + " good one; nothing after it was saved.", epochs, session.epochs().get(epochs - 1).iteration(), out);
    }

    static String architecture(ModelConfig config) {
        return config.architecture();
    }

    /**
     * What the architecture does not show: the classes a conditional VAE reads and a learned σ,
     * as words after it (" conditioned on 10 classes, σ learned per pixel from 0.1"), or nothing.
     */
    static String extras(ModelConfig config) {
        StringBuilder text = new StringBuilder();
        if (config.conditional()) {
            text.append(" conditioned on ").append(config.conditionClasses()).append(" classes");
        }
        if (config.decoderVariance().learned()) {
            text.append(text.length() == 0 ? " with" : ",").append(" σ learned")
                    .append(config.decoderVariance() == DecoderVariance.LEARNED_PER_PIXEL ? " per pixel" : "")
                    .append(" from ").append(format(config.decoderStd()));
        }
        return text.toString();
    }

    /**
     * How many classes a conditional VAE of {@code data} reads: its class names'.
     *
     * @throws IllegalArgumentException if the images have no labels, or only one class
     */
    static int conditionClasses(Dataset data) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("--model cvae reads each image's class, but " + data.name()
                    + " has no labels: give labelled images (mnist, fashion, faces, an IDX file with its labels file,"
                    + " or a folder with one sub-folder per class)");
        }
        if (data.classNames().size() < 2) {
            throw new IllegalArgumentException("--model cvae reads each image's class, but " + data.name()
                    + " has only one class" + (data.classNames().isEmpty() ? "" : " (" + data.classNames().get(0) + ")")
                    + ": a class that never changes tells the model nothing");
        }
        return data.classNames().size();
    }

    /** The {@code --compare} value, refusing the options that describe a single model. */
    private ComparisonPreset comparison() {
        for (String single : List.of("--model", "--loss", "--beta", "--debias")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(single)) {
                throw new IllegalArgumentException(single + " describes one model; with --compare each model's kind,"
                        + " loss, β and α come from the comparison (e.g. --compare ae,vae:4 or --compare debias:1)");
            }
        }
        return ComparisonPreset.parse(compare);
    }

    static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
