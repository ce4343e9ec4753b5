package org.latentlab.ui.explorer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.lesson.Units;
import javafx.beans.property.SimpleBooleanProperty;
import org.latentlab.model.Encoding;
import org.latentlab.model.ModelKind;
import org.latentlab.training.DecodeService;
import org.latentlab.training.EpochLikelihoods;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.ReadyRunFiles;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingTimeline;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.attributes.LatentToolsViewModel;
import org.latentlab.ui.collapse.CollapseMeterViewModel;
import org.latentlab.ui.conditional.ConditionalViewModel;
import org.latentlab.ui.loss.LossChartViewModel;
import org.latentlab.ui.manifold.ManifoldViewModel;
import org.latentlab.ui.outliers.ModelReader;
import org.latentlab.ui.pace.MinibatchViewModel;
import org.latentlab.ui.samples.SampleStripsViewModel;
import org.latentlab.ui.scatter.LatentScatterViewModel;
import org.latentlab.ui.timeline.TimelineMoment;
import org.latentlab.ui.timeline.TimelineViewModel;

/**
 * The explorer window's state: the setup the toolbar shows, the trainer that trains it, and the
 * view-models of the four views, which it feeds with the trainer's latest snapshot once per frame,
 * or with a recorded moment while training is replayed ({@link TimelineViewModel}).
 *
 * <p>Building a trainer (loading a dataset) happens on {@code background} ({@link TrainerLifecycle});
 * files are read and written by {@link ExplorerFiles}. Uses {@code javafx.beans} only; confined to
 * the JavaFX application thread (or a test's thread, with direct executors).
 */
public final class ExplorerViewModel implements AutoCloseable {

    private static final long BETA_INTERVAL_MILLIS = 50;

    private final TrainerFactory factory;
    private final TrainerLifecycle<Trainer, TrainingSnapshot> lifecycle;
    private final ExplorerFiles files;
    private final DecodeService decodes = new DecodeService();
    private final LossChartViewModel loss = new LossChartViewModel();
    private final LatentScatterViewModel scatter;
    private final ManifoldViewModel manifold = new ManifoldViewModel(decodes.channel());
    private final SampleStripsViewModel samples = new SampleStripsViewModel(decodes.channel(), decodes.channel());
    private final LatentToolsViewModel tools;
    private final MinibatchViewModel minibatch = new MinibatchViewModel();
    private final CollapseMeterViewModel collapse = new CollapseMeterViewModel();
    private final TimelineViewModel timeline;
    private final PlainTwins twins = new PlainTwins(this::readyTrainer);
    private final ConditionalViewModel conditional = new ConditionalViewModel(decodes.channel(), decodes.channel(),
            twins);
    private final BooleanProperty decoderSample = new SimpleBooleanProperty(this, "decoderSample", false);

    private final ReadOnlyObjectWrapper<ExplorerSetup> setup = new ReadOnlyObjectWrapper<>(this, "setup");
    private final ObjectProperty<Units> units = new SimpleObjectProperty<>(this, "units", Units.NATS_PER_IMAGE);

    /** The setup of the model being trained, to go back to if building another fails. */
    private ExplorerSetup lastGoodSetup;
    private double sentBeta = Double.NaN;
    private long betaSentAt;

    public ExplorerViewModel(TrainerFactory factory, Executor background, Executor uiThread) {
        this.factory = factory;
        this.lifecycle = new TrainerLifecycle<>(background, uiThread, "Starting…", "No model",
                s -> statusLine(s, units.get()));
        this.files = new ExplorerFiles(lifecycle, setup::get,
                file -> build("Opening " + file + "…", f -> f.open(file)), background, uiThread);
        this.scatter = new LatentScatterViewModel(decodes.channel(), background);
        this.tools = new LatentToolsViewModel(decodes, scatter, background, this::encodeOnTrainer, this::readOnTrainer,
                () -> setup.get() == null ? null : setup.get().datasetSpec());
        this.timeline = new TimelineViewModel(() -> fromTrainer(Trainer::timeline, TrainingTimeline.empty()),
                scatter::probe, background);
        lifecycle.watch(scatter::problem);
        lifecycle.watch(decodes::problem);
        lifecycle.watch(timeline.problemProperty()::get);
        lifecycle.watch(() -> lifecycle.trainer() == null ? null : lifecycle.trainer().timelineProblem());
        timeline.momentProperty().addListener((o, was, now) -> showMoment(now));
        timeline.draggingProperty().addListener((o, was, now) -> holdTrainingWhileDragging(now));
        loss.unitsProperty().bind(units);
        collapse.unitsProperty().bind(units);
        tools.outliers().unitsProperty().bind(units);
        units.addListener(o -> lifecycle.refreshStatus());
        scatter.gridProperty().bind(manifold.gridProperty());
        scatter.pointsProperty().addListener((o, was, now) -> manifold.setPlane(now == null ? null : now.plane()));
        scatter.pointsProperty().addListener((o, was, now) -> conditional.grid().setPlane(now == null ? null
                : now.plane()));
        scatter.selectedProperty().addListener((o, was, now) -> conditional.select(now.intValue()));
        manifold.labelProperty().bind(conditional.chosenClassProperty());
        conditional.codes().shownProperty().bind(tools.toolProperty().isEqualTo(LatentToolsViewModel.Tool.CONDITIONAL));
        for (BooleanProperty sample : List.of(manifold.decoderSampleProperty(), samples.decoderSampleProperty(),
                scatter.decoderSampleProperty(), conditional.decoderSampleProperty())) {
            sample.bind(decoderSample);
        }
    }

    /** Builds the first model, for {@code initial}. */
    public void start(ExplorerSetup initial) {
        setup.set(initial);
        rebuild(initial);
    }

    /**
     * Called once per frame: takes the trainer's newest snapshot, if there is one, to every view,
     * and picks up finished decodes.
     */
    public void pulse() {
        TrainingSnapshot latest = lifecycle.pulse();
        timeline.pulse(System.nanoTime());
        if (latest != null && timeline.replayingProperty().get()) {
            loss.update(latest); // the chart and the meter go on, the chart's cursor on the moment replayed
            collapse.update(latest);
        } else if (latest != null) {
            show(latest);
        }
        loss.updateLikelihood(fromTrainer(Trainer::epochLikelihoods, EpochLikelihoods.missing("no model yet")));
        sendBeta();
        scatter.pulse();
        manifold.pulse();
        samples.pulse();
        tools.pulse();
        conditional.pulse();
    }

    /**
     * Sends the setup's β to the trainer if it differs from the β last sent, at most every
     * {@value #BETA_INTERVAL_MILLIS} ms while a slider moves: each change makes the trainer publish
     * a snapshot, which should not crowd out training. The last value always goes through.
     */
    private void sendBeta() {
        ExplorerSetup current = setup.get();
        Trainer trainer = lifecycle.trainer();
        if (trainer == null || lifecycle.busyProperty().get() || current == null || current.beta() == sentBeta) {
            return;
        }
        long now = System.nanoTime();
        if (now - betaSentAt >= BETA_INTERVAL_MILLIS * 1_000_000L) {
            trainer.setBeta(current.beta());
            sentBeta = current.beta();
            betaSentAt = now;
        }
    }

    private void show(TrainingSnapshot s) {
        loss.update(s);
        scatter.update(s);
        manifold.update(s);
        samples.update(s);
        if (!s.decoder().conditional()) { // the tools move through a space of one decoder: a CVAE's has one per class
            tools.update(s);
        }
        minibatch.update(s);
        collapse.update(s);
        conditional.update(s);
    }

    /** Shows a replayed moment in the scatter, the grid, the strips and the chart; {@code null}: live again. */
    private void showMoment(TimelineMoment moment) {
        if (moment == null) {
            scatter.showLive();
            manifold.showLive();
            samples.showLive();
            loss.showCursor(LossChartViewModel.NO_CURSOR);
            TrainingSnapshot now = lifecycle.snapshotProperty().get();
            if (now != null) {
                show(now);
            }
            return;
        }
        scatter.showRecorded(moment.points());
        manifold.showRecorded(moment.grid(), moment.gridCaption());
        samples.showRecorded(moment.reconstructions(), moment.samples());
        loss.showCursor(moment.entry().iteration());
    }

    /** The trainer in place, or {@code null} while another is being built. */
    private Trainer readyTrainer() {
        return lifecycle.busyProperty().get() ? null : lifecycle.trainer();
    }

    /** What {@code read} gives of the trainer, or {@code none} while there is none. */
    private <T> T fromTrainer(Function<Trainer, T> read, T none) {
        Trainer trainer = lifecycle.trainer();
        return trainer == null ? none : read.apply(trainer);
    }

    /**
     * Encodes one image with the model being trained, on the trainer thread between two iterations
     * (docs/decisions/0050); {@code done} is called there.
     */
    private boolean encodeOnTrainer(float[] pixels, Consumer<Encoding> done) {
        return readOnTrainer(List.of(new ModelReader.Images(pixels, null, 1)), reading -> done.accept(
                reading.encodings().get(0)));
    }

    /**
     * Encodes image sets with the model being trained and copies its decoder, on the trainer thread
     * between two iterations; {@code done} is called there.
     */
    private boolean readOnTrainer(List<ModelReader.Images> sets, Consumer<ModelReader.Reading> done) {
        Trainer current = lifecycle.trainer();
        if (current == null || lifecycle.busyProperty().get()) {
            return false;
        }
        try {
            current.withSession(session -> done.accept(new ModelReader.Reading(session.model().decoderWeights(),
                    sets.stream().map(set -> session.model().encode(set.pixels(), set.labels(), set.count())).toList(),
                    session.iteration())));
            return true;
        } catch (IllegalStateException stopped) {
            return false;
        }
    }

    // ---- training commands -----------------------------------------------------------------------

    /** Starts training, or pauses it if it is running. */
    public void trainOrPause() {
        lifecycle.commands().trainOrPause();
    }

    public void pause() {
        lifecycle.commands().pause();
    }

    /** Trains on one minibatch and pauses. */
    public void step() {
        lifecycle.commands().step();
    }

    /**
     * Exports the replay of training (every recorded moment a frame) as an animated GIF at
     * {@code target} playing at the replay's speed, or as PNG files in the new folder {@code target}.
     */
    public void exportReplay(Path target, boolean gif) {
        files.exportReplay(timeline.timeline(), target, gif, timeline.speedProperty().get().perSecond());
    }

    /** Throws the model away and starts again, untrained, with the same setup. */
    public void reset() {
        timeline.live();
        lifecycle.commands().reset();
    }

    /**
     * The question to ask before going to {@code next}, or {@code null} when nothing would be lost:
     * a new model is needed and the current one has been trained.
     */
    public String discardQuestion(ExplorerSetup next) {
        ExplorerSetup current = setup.get();
        if (current == null || !current.needsNewModel(next) || !lifecycle.isTrained()) {
            return null;
        }
        long trained = lifecycle.trainedIterations();
        return String.format(Locale.ROOT, "The current model has trained for %,d iteration%s. %s needs a new model, "
                + "which starts untrained. Discard the trained model?", trained, trained == 1 ? "" : "s",
                current.whatChanges(next));
    }

    /**
     * Goes to {@code next}: β, its schedule and the learning rate change the running model; anything
     * else builds a new one (ask {@link #discardQuestion} first).
     */
    public void apply(ExplorerSetup next) {
        ExplorerSetup current = setup.get();
        if (current == null || next.equals(current)) {
            return;
        }
        if (current.needsNewModel(next)) {
            setup.set(next);
            rebuild(next);
            return;
        }
        setup.set(next);
        Trainer trainer = lifecycle.trainer();
        if (trainer == null || lifecycle.busyProperty().get()) {
            return;
        }
        if (next.schedule() != current.schedule()) {
            trainer.setSchedule(next.schedule().toSchedule(next.beta()));
            sentBeta = next.beta();
        } else if (next.beta() != current.beta()) {
            sendBeta();
        }
        if (next.learningRate() != current.learningRate()) {
            trainer.setLearningRate(next.learningRate());
        }
    }

    /**
     * Starts from the ready-trained run {@code name} shipped with the application, in place of the
     * current model (ask first); if this build does not hold it, says so and goes to {@code instead},
     * the setup the run was trained with, untrained.
     */
    public void openReadyRun(String name, ExplorerSetup instead) {
        if (!ReadyRunFiles.isShipped(name)) {
            lifecycle.report("The ready-trained run '" + name + "' is not part of this build: a new model with its "
                    + "settings starts untrained instead; press Train to train it.");
            apply(instead);
            return;
        }
        build("Loading the ready-trained run " + name + "…", f -> f.open(ReadyRunFiles.load(name)));
    }

    private void rebuild(ExplorerSetup target) {
        build("Loading " + target.datasetSpec() + " and building the model…",
                f -> new TrainerFactory.Opened(f.create(target), target));
    }

    /** Builds a trainer with the factory; if that fails, the setup goes back to the model kept. */
    private void build(String message, Function<TrainerFactory, TrainerFactory.Opened> make) {
        ExplorerSetup fallback = lastGoodSetup;
        lifecycle.build(message, () -> make.apply(factory), TrainerFactory.Opened::trainer, opened -> {
            timeline.live();
            lastGoodSetup = opened.setup();
            setup.set(opened.setup());
            sentBeta = opened.setup().beta();
            pulse();
        }, () -> {
            if (fallback != null) {
                setup.set(fallback);
            }
        });
    }

    /**
     * Stops the trainer once it has run every command sent before (a save among them) and the
     * decoder; returns at once.
     *
     * @return completes when both have ended
     */
    public CompletableFuture<Void> shutDown() {
        twins.close();
        CompletableFuture<Void> trainerEnded = lifecycle.close();
        return CompletableFuture.allOf(trainerEnded, CompletableFuture.runAsync(decodes::close));
    }

    /** {@link #shutDown()}, without waiting. */
    @Override
    public void close() {
        shutDown();
    }

    /**
     * Holds training while the timeline's scrubber is dragged: on two cores the trainer and the
     * replay's drawing cannot both have one (docs/benchmarks.md, "Scrubbing").
     */
    private void holdTrainingWhileDragging(boolean dragging) {
        Trainer trainer = lifecycle.trainer();
        TrainingSnapshot shown = lifecycle.snapshotProperty().get();
        if (trainer != null) {
            trainer.hold(dragging);
        }
        timeline.trainingWaitsProperty().set(dragging && trainer != null && shown != null
                && shown.state() == TrainerState.RUNNING);
    }

    /** The status line of {@code s}, its losses in {@code units}. */
    static String statusLine(TrainingSnapshot s, Units units) {
        StringBuilder text = new StringBuilder(TrainerLifecycle.progressLine(s));
        if (s.iterationsPerSecond() > 0) {
            text.append(String.format(Locale.ROOT, " · %.0f it/s", s.iterationsPerSecond()));
        }
        text.append(String.format(Locale.ROOT, " · β %.2f", s.beta()));
        IterationHistory.View history = s.iterations();
        if (history.size() > 0) {
            int last = history.size() - 1;
            int pixels = s.modelConfig().imageWidth() * s.modelConfig().imageHeight();
            text.append(s.modelConfig().kind() != ModelKind.AUTOENCODER
                    ? String.format(Locale.ROOT, " · objective %s = %s reconstruction + β·%s KL %s",
                            units.format(history.objective(last), pixels, 1),
                            units.format(history.reconstruction(last), pixels, 1),
                            units.format(history.kl(last), pixels, 2), units.symbol())
                    : String.format(Locale.ROOT, " · loss %s %s", units.format(history.objective(last), pixels, 1),
                            units.symbol()));
        }
        return text.toString();
    }

    // ---- properties and parts -------------------------------------------------------------------

    /** The units of every loss number and axis of the Explore tab: nats per image or bits per dimension. */
    public ObjectProperty<Units> unitsProperty() {
        return units;
    }

    public ReadOnlyObjectProperty<ExplorerSetup> setupProperty() {
        return setup.getReadOnlyProperty();
    }

    /** The trainer, its snapshots, state, status line and banner. */
    public TrainerLifecycle<Trainer, TrainingSnapshot> lifecycle() {
        return lifecycle;
    }

    /** Save, open and export. */
    public ExplorerFiles files() {
        return files;
    }

    public LossChartViewModel loss() {
        return loss;
    }

    public LatentScatterViewModel scatter() {
        return scatter;
    }

    public ManifoldViewModel manifold() {
        return manifold;
    }

    public SampleStripsViewModel samples() {
        return samples;
    }

    /** The last step's minibatch, shown while training is slowed down. */
    public MinibatchViewModel minibatch() {
        return minibatch;
    }

    /** The held-out KL by latent dimension and the active units. */
    public CollapseMeterViewModel collapse() {
        return collapse;
    }

    /** The attribute sliders, interpolation and drawing pad. */
    public LatentToolsViewModel tools() {
        return tools;
    }

    /** The Conditional tab: a conditional VAE's classes across its style space. */
    public ConditionalViewModel conditional() {
        return conditional;
    }

    /**
     * Whether every decoded image of the tab (the grids, the samples, the reconstructions) is a
     * sample of p(x|z) rather than its mean.
     */
    public BooleanProperty decoderSampleProperty() {
        return decoderSample;
    }

    /** The replay of training. */
    public TimelineViewModel timeline() {
        return timeline;
    }
}
