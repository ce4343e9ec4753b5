package org.latentlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.latentlab.data.Attributes;
import org.latentlab.data.Dataset;
import org.latentlab.latent.LatentPoints;
import org.latentlab.model.BatchLosses;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelState;

/**
 * One training run: a model, its training and held-out images, the order in which images are
 * visited, and the history so far. Steps one minibatch at a time; the caller decides when.
 *
 * <p>Confined to one thread (the trainer's, or the command line's main thread).
 */
public final class TrainingSession {

    /** The held-out loss uses the same noise every epoch, so epochs are compared on equal terms. */
    private static final long VALIDATION_NOISE_SEED = 1312_6114L;
    /** At most this many held-out images are encoded for the latent scatter. */
    public static final int PROBE_LIMIT = 10_000;
    /** Training images encoded at once for debiased sampling. */
    private static final int ENCODING_CHUNK = 1_024;

    private final Dataset training;
    private final Dataset validation;
    private final TrainingConfig config;
    private final LatentModel model;
    private final float[] batch;
    /** The batch's classes for a conditional model; {@code null} for the others, which read none. */
    private final int[] batchLabels;
    private final float[] validationPixels;
    private final int[] validationLabels;
    private final int probeCount;
    private final float[] probePixels;
    private final int[] probeLabels;
    private final Attributes probeAttributes;
    /** Measures the rare group apart from the other images; {@code null} when the set has none. */
    private final RareGroupEvaluation rareGroup;
    private final IterationHistory history;
    private final List<EpochMetrics> epochs = new ArrayList<>();

    private BetaSchedule schedule;
    private double learningRate;
    private int[] order;
    /** The current epoch's debiased draws, or {@code null} (a plain shuffle, or no epoch begun yet). */
    private DebiasedSampling sampling;
    private int position;
    /** Where in {@link #order} the last step's images start, and how many it took; 0 before any step. */
    private int lastBatchStart;
    private int lastBatchCount;
    private long iteration;
    private double epochObjective;
    private double epochReconstruction;
    private double epochKl;
    /** The epoch's KL sums by stochastic level, lowest first. */
    private double[] epochKlByLevel;
    private long epochNanos;
    /** The timeline saved with the run this session continues; empty for a new run. */
    private TrainingTimeline savedTimeline = TrainingTimeline.empty();
    /** Records the timeline from now on; {@code null} when none is recorded. */
    private TimelineRecorder timeline;

    public TrainingSession(Dataset training, Dataset validation, ModelConfig modelConfig, TrainingConfig config) {
        this(training, validation, LatentModel.create(modelConfig), config);
    }

    TrainingSession(Dataset training, Dataset validation, LatentModel model, TrainingConfig config) {
        requireMatchingImages(training, model.config());
        requireMatchingImages(validation, model.config());
        if (training.size() == 0) {
            throw new IllegalArgumentException("the training set '" + training.name() + "' has no images");
        }
        requireClasses(training, model.config());
        requireClasses(validation, model.config());
        this.training = training;
        this.validation = validation;
        this.config = config;
        this.model = model;
        this.history = new IterationHistory(model.config().latentLevels(), model.config().decoderVariance());
        this.epochKlByLevel = new double[model.config().latentLevels()];
        this.schedule = config.beta().startingAt(0);
        this.learningRate = config.learningRate();
        this.batch = new float[config.batchSize() * training.pixelCount()];
        boolean conditional = model.config().conditional();
        this.batchLabels = conditional ? new int[config.batchSize()] : null;
        this.validationPixels = validation.pixels(validation.size());
        this.validationLabels = conditional ? validation.labels(validation.size()) : null;
        this.probeCount = Math.min(PROBE_LIMIT, validation.size());
        // The probe's images go out in every snapshot: a copy of their own, so that nothing a reader
        // does to them can reach the images the held-out loss is measured on.
        this.probePixels = validation.pixels(probeCount);
        this.probeLabels = validation.labels(probeCount);
        this.probeAttributes = probeCount == validation.size() ? validation.attributes()
                : validation.attributes().subset(IntStream.range(0, probeCount).toArray());
        this.rareGroup = RareGroupEvaluation.of(training, validation);
    }

    /**
     * Continues a saved run: its weights, optimizer state, history and β schedule (which goes on
     * counting from where it started), from the next epoch on.
     */
    public static TrainingSession resume(Dataset training, Dataset validation, SavedRun run) {
        TrainingSession session = new TrainingSession(training, validation, run.modelConfig(), run.trainingConfig());
        session.schedule = run.trainingConfig().beta();
        session.model.restore(run.state());
        IterationHistory.View saved = run.iterations();
        for (int i = 0; i < saved.size(); i++) {
            session.history.append(saved.objective(i), saved.reconstruction(i), saved.kl(i), saved.beta(i),
                    saved.klPerLevel(i), saved.decoderVariance().learned() ? saved.decoderStd(i) : null);
        }
        session.epochs.addAll(run.epochs());
        session.iteration = saved.size();
        session.savedTimeline = run.timeline();
        return session;
    }

    /** A conditional model reads each image's class: the images must have the classes it knows. */
    private static void requireClasses(Dataset data, ModelConfig config) {
        if (!config.conditional() || data.size() == 0) {
            return;
        }
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("'" + data.name() + "' has no labels, and a conditional VAE reads each"
                    + " image's class");
        }
        if (data.classNames().size() != config.conditionClasses()) {
            throw new IllegalArgumentException("'" + data.name() + "' has " + data.classNames().size()
                    + " classes but the conditional VAE was made for " + config.conditionClasses());
        }
    }

    private static void requireMatchingImages(Dataset data, ModelConfig config) {
        if (data.width() != config.imageWidth() || data.height() != config.imageHeight()) {
            throw new IllegalArgumentException("'" + data.name() + "' holds " + data.width() + "×" + data.height()
                    + " images but the model reads " + config.imageWidth() + "×" + config.imageHeight());
        }
    }

    /**
     * Trains on the next minibatch. At the end of an epoch, also measures the held-out loss. A
     * step whose loss is not finite changes nothing and is not recorded.
     */
    public StepOutcome step() {
        long start = System.nanoTime();
        if (position == 0) {
            order = nextOrder(completedEpochs());
        }
        int count = Math.min(config.batchSize(), order.length - position);
        int n = training.pixelCount();
        for (int k = 0; k < count; k++) {
            training.copyImage(order[position + k], batch, k * n);
            if (batchLabels != null) {
                batchLabels[k] = training.label(order[position + k]);
            }
        }
        double beta = schedule.betaAt(iteration);
        BatchLosses losses = model.trainStep(batch, batchLabels, count, config.lossTerms().weights(beta), learningRate);
        if (!losses.isFinite()) {
            return new StepOutcome(losses, beta, null);
        }
        iteration++;
        lastBatchStart = position;
        lastBatchCount = count;
        position += count;
        history.append(losses.objective(), losses.reconstruction(), losses.kl(), beta, losses.klPerLevel(),
                model.config().decoderVariance().learned() ? model.decoderStd() : null);
        epochObjective += losses.objective() * count;
        epochReconstruction += losses.reconstruction() * count;
        epochKl += losses.kl() * count;
        for (int l = 0; l < epochKlByLevel.length; l++) {
            epochKlByLevel[l] += losses.klPerLevel()[l] * count;
        }
        epochNanos += System.nanoTime() - start;
        EpochMetrics completed = position == order.length ? completeEpoch(beta) : null;
        recordTimelineIfDue();
        return new StepOutcome(losses, beta, completed);
    }

    /** Steps to the end of the current epoch; returns {@code null} if training diverged on the way. */
    public EpochMetrics runEpoch() {
        return trainEpoch().completedEpoch();
    }

    /**
     * Steps to the end of the current epoch, or until a step diverges; returns the last step's
     * outcome, which either {@linkplain StepOutcome#completedEpoch() completed the epoch} or
     * {@linkplain StepOutcome#diverged() diverged}.
     */
    public StepOutcome trainEpoch() {
        while (true) {
            StepOutcome outcome = step();
            if (outcome.diverged() || outcome.completedEpoch() != null) {
                return outcome;
            }
        }
    }

    // ---- the timeline ---------------------------------------------------------------------------

    /**
     * Records a timeline of this session from now on, going on from the one of the run it
     * continues: the moment as it is now, if due, and then after every step that is. Its entries
     * are made on {@code worker}, a single thread, which may serve other sessions too.
     */
    public void recordTimeline(Executor worker) {
        TimelineLayout layout = TimelineLayout.standard(probeCount, model.config().topLatentSize(),
                validation.width(), validation.height());
        int[] strip = ProbeSet.oneOfEachClass(probeLabels, validation.classNames().size(), layout.reconstructionCount());
        timeline = new TimelineRecorder(layout, new TimelineFrames(layout, model.config(), probePixels, probeLabels, strip),
                savedTimeline, worker);
        recordTimelineIfDue();
    }

    /** The recorder, or {@code null} when no timeline is recorded. */
    TimelineRecorder timelineRecorder() {
        return timeline;
    }

    private void recordTimelineIfDue() {
        if (timeline != null && timeline.due(iteration)) {
            timeline.record(TimelineCapture.of(this));
        }
    }

    /**
     * Records the moment as it is now, due or not, unless it is recorded already: where training
     * pauses or ends, so that a replay reaches the model as it was left.
     */
    public void recordTimelineNow() {
        if (timeline != null && timeline.isNew(iteration)) {
            timeline.record(TimelineCapture.of(this));
        }
    }

    /** Waits until the moments recorded so far are in the timeline: before the last save. */
    public void awaitTimeline() {
        if (timeline != null) {
            timeline.awaitRecorded();
        }
    }

    /** The timeline as recorded so far; that of the run it continues if none is recorded. */
    public TrainingTimeline timeline() {
        return timeline == null ? savedTimeline : timeline.timeline();
    }

    /**
     * Where the session stands now, everything needed to come back here exactly: the model's
     * weights and optimizer, the iteration, the epochs done, the place in the epoch and its running
     * sums. Costs a copy of the model's state.
     */
    Checkpoint checkpoint() {
        return new Checkpoint(model.state(), iteration, epochs.size(), position, order, sampling, epochObjective,
                epochReconstruction, epochKl, epochKlByLevel.clone(), epochNanos);
    }

    /**
     * Goes back to {@code checkpoint}, taken from this session: the steps since are undone, from
     * the history and the timeline too. Settings chosen since (β, its schedule, the learning rate) stay; a schedule
     * chosen after the checkpoint starts again at its iteration.
     */
    void restore(Checkpoint checkpoint) {
        if (checkpoint.iteration() > iteration || checkpoint.completedEpochs() > epochs.size()) {
            throw new IllegalArgumentException("checkpoint at iteration " + checkpoint.iteration()
                    + " is not from this session's past (now at " + iteration + ")");
        }
        model.restore(checkpoint.model());
        history.truncate((int) checkpoint.iteration());
        epochs.subList(checkpoint.completedEpochs(), epochs.size()).clear();
        iteration = checkpoint.iteration();
        position = checkpoint.position();
        // The epoch's own draws: debiased ones came from the model as it was when the epoch began.
        order = position == 0 ? null : checkpoint.order();
        sampling = checkpoint.sampling();
        lastBatchCount = 0;
        epochObjective = checkpoint.epochObjective();
        epochReconstruction = checkpoint.epochReconstruction();
        epochKl = checkpoint.epochKl();
        epochKlByLevel = checkpoint.epochKlByLevel().clone();
        epochNanos = checkpoint.epochNanos();
        if (schedule.start() > iteration) {
            schedule = schedule.startingAt(iteration);
        }
        if (timeline != null) {
            timeline.undoAfter(iteration);
        }
    }

    /**
     * An immutable record of a session's state at one moment; see {@link #checkpoint()}. The order
     * is the epoch's own array and the KL sums by level a copy made for it; nobody writes to either.
     */
    record Checkpoint(ModelState model, long iteration, int completedEpochs, int position, int[] order,
                      DebiasedSampling sampling, double epochObjective, double epochReconstruction, double epochKl,
                      double[] epochKlByLevel, long epochNanos) {
    }

    private EpochMetrics completeEpoch(double beta) {
        long start = System.nanoTime();
        BatchLosses held = validation.size() == 0
                ? null
                : model.evaluate(validationPixels, validationLabels, validation.size(),
                        new SplittableRandom(VALIDATION_NOISE_SEED));
        int images = training.size();
        RareGroupMetrics groups = rareGroup == null ? null : rareGroup.measure(model, order);
        double seconds = (epochNanos + System.nanoTime() - start) / 1e9;
        List<Double> trainingByLevel = new ArrayList<>();
        List<Double> heldByLevel = new ArrayList<>();
        for (int l = 0; l < epochKlByLevel.length; l++) {
            trainingByLevel.add(epochKlByLevel[l] / images);
            heldByLevel.add(held == null ? Double.NaN : held.klPerLevel()[l]);
        }
        EpochMetrics metrics = new EpochMetrics(epochs.size() + 1, iteration,
                epochObjective / images, epochReconstruction / images, epochKl / images,
                held == null ? Double.NaN : held.reconstruction(), held == null ? Double.NaN : held.kl(),
                beta, seconds, trainingByLevel, heldByLevel, groups);
        epochs.add(metrics);
        position = 0;
        epochObjective = 0;
        epochReconstruction = 0;
        epochKl = 0;
        epochKlByLevel = new double[epochKlByLevel.length];
        epochNanos = 0;
        return metrics;
    }

    /**
     * The images of epoch {@code epoch} in the order they are visited: a seeded shuffle, or with
     * debiasing the draws of a {@link DebiasedSampling} made from the model as it is now.
     */
    private int[] nextOrder(int epoch) {
        if (!config.debiasing()) {
            return shuffledOrder(epoch);
        }
        long start = System.nanoTime();
        LatentPoints means = encodeTrainingImages();
        sampling = DebiasedSampling.draw(means, config.debias(), new SplittableRandom(config.seed() * 1_000_003L + epoch),
                (System.nanoTime() - start) / 1e9);
        return sampling.order();
    }

    /** The posterior means of every training image, encoded a chunk at a time. */
    private LatentPoints encodeTrainingImages() {
        int n = training.pixelCount();
        int d = model.config().latentSize();
        float[] means = new float[training.size() * d];
        float[] chunk = new float[Math.min(ENCODING_CHUNK, training.size()) * n];
        for (int start = 0; start < training.size(); start += ENCODING_CHUNK) {
            int rows = Math.min(ENCODING_CHUNK, training.size() - start);
            for (int k = 0; k < rows; k++) {
                training.copyImage(start + k, chunk, k * n);
            }
            System.arraycopy(model.encode(chunk, rows).means(), 0, means, start * d, rows * d);
        }
        return new LatentPoints(means, training.size(), d);
    }

    /** Each epoch's order depends only on the seed and the epoch number, so a resumed run visits the same images. */
    private int[] shuffledOrder(int epoch) {
        SplittableRandom random = new SplittableRandom(config.seed() * 1_000_003L + epoch);
        int[] indices = new int[training.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        for (int i = indices.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        return indices;
    }

    /**
     * The first {@code limit} images of the minibatch the last step trained on, with the model's
     * reconstructions of them as it is now (decoded at their posterior means); empty before the
     * first step and after going back to a checkpoint.
     */
    public Optional<Minibatch> lastMinibatch(int limit) {
        if (lastBatchCount == 0) {
            return Optional.empty();
        }
        int shown = Math.min(limit, lastBatchCount);
        int n = training.pixelCount();
        float[] images = new float[shown * n];
        int[] labels = batchLabels == null ? null : new int[shown];
        for (int k = 0; k < shown; k++) {
            training.copyImage(order[lastBatchStart + k], images, k * n);
            if (labels != null) {
                labels[k] = training.label(order[lastBatchStart + k]);
            }
        }
        float[] reconstructions = model.decode(model.encode(images, labels, shown).means(), labels, shown);
        return Optional.of(new Minibatch(iteration, lastBatchCount, shown, images, reconstructions, training.width(),
                training.height()));
    }

    /** Encodes the probe images (the first {@value #PROBE_LIMIT} held-out ones). */
    public ProbeSet encodeProbe() {
        Encoding encoding = model.encode(probePixels, probeLabels, probeCount); // the labels only a conditional VAE reads
        return new ProbeSet(encoding, probePixels, validation.width(), validation.height(), probeLabels,
                validation.classNames(), probeAttributes);
    }

    public boolean finished() {
        return config.epochs() > 0 && completedEpochs() >= config.epochs();
    }

    public LatentModel model() {
        return model;
    }

    public TrainingConfig config() {
        return config;
    }

    public Dataset training() {
        return training;
    }

    public Dataset validation() {
        return validation;
    }

    public long iteration() {
        return iteration;
    }

    public int completedEpochs() {
        return epochs.size();
    }

    /** How far through the current epoch, in [0, 1). */
    public double epochProgress() {
        return (double) position / training.size();
    }

    public IterationHistory.View history() {
        return history.view();
    }

    public List<EpochMetrics> epochs() {
        return List.copyOf(epochs);
    }

    /** β for the next step. */
    public double beta() {
        return schedule.betaAt(iteration);
    }

    public BetaSchedule schedule() {
        return schedule;
    }

    public double learningRate() {
        return learningRate;
    }

    /** The current epoch's debiased draws; {@code null} without debiasing or before the first step. */
    public DebiasedSampling sampling() {
        return sampling;
    }

    /** Follows {@code newSchedule} from the next iteration on, which is where it starts. */
    public void setSchedule(BetaSchedule newSchedule) {
        this.schedule = newSchedule.startingAt(iteration);
    }

    /** Keeps the schedule and where it started, with another target β. */
    public void setBetaTarget(double beta) {
        this.schedule = schedule.withTarget(beta);
    }

    public void setLearningRate(double newLearningRate) {
        TrainingConfig.requireLearningRate(newLearningRate);
        this.learningRate = newLearningRate;
    }

    /**
     * Everything a run file holds, as of now; the timeline as far as it has been made (see
     * {@link #awaitTimeline()}).
     */
    public SavedRun toSavedRun(String datasetSpec) {
        TrainingConfig current = new TrainingConfig(learningRate, config.batchSize(), config.epochs(), schedule,
                config.lossTerms(), config.seed(), config.debias());
        return new SavedRun(model.config(), current, datasetSpec, model.state(), history.view(), epochs(), timeline());
    }

}
