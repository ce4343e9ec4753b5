package org.latentlab.ui.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.io.AtomicFile;
import org.latentlab.model.Encoding;
import org.latentlab.model.ModelKind;
import org.latentlab.training.DecodeService;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.HistoryCsv;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.RunFile;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.attributes.LatentToolsViewModel;
import org.latentlab.ui.loss.LossChartViewModel;
import org.latentlab.ui.manifold.ManifoldViewModel;
import org.latentlab.ui.samples.SampleStripsViewModel;
import org.latentlab.ui.scatter.LatentScatterViewModel;

/**
 * The explorer window's state: the setup the toolbar shows, the trainer that trains it, and the
 * view-models of the four views, which it feeds with the trainer's latest snapshot once per frame.
 *
 * <p>Building a trainer (loading a dataset) and writing files happen on {@code background};
 * their outcome comes back through {@code uiThread}. Uses {@code javafx.beans} only; confined to
 * the JavaFX application thread (or a test's thread, with direct executors).
 */
public final class ExplorerViewModel implements AutoCloseable {

    private static final long BETA_INTERVAL_MILLIS = 50;
    private static final long SAVE_ON_CLOSE_SECONDS = 10;

    private final TrainerFactory factory;
    private final Executor background;
    private final Executor uiThread;
    private final DecodeService decodes = new DecodeService();
    private final LossChartViewModel loss = new LossChartViewModel();
    private final LatentScatterViewModel scatter = new LatentScatterViewModel(decodes.channel());
    private final ManifoldViewModel manifold = new ManifoldViewModel(decodes.channel());
    private final SampleStripsViewModel samples = new SampleStripsViewModel(decodes.channel(), decodes.channel());
    private final LatentToolsViewModel tools;

    private final ReadOnlyObjectWrapper<ExplorerSetup> setup = new ReadOnlyObjectWrapper<>(this, "setup");
    private final ReadOnlyObjectWrapper<TrainerState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Starting…");
    private final ReadOnlyDoubleWrapper epochProgress = new ReadOnlyDoubleWrapper(this, "epochProgress", 0);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final TrainingCommands commands = new TrainingCommands(state::get, busy::get);

    private Trainer trainer;
    /** The setup of the model being trained, to go back to if building another fails. */
    private ExplorerSetup lastGoodSetup;
    private String shownMessage;
    private double sentBeta = Double.NaN;
    private long betaSentAt;

    public ExplorerViewModel(TrainerFactory factory, Executor background, Executor uiThread) {
        this.factory = factory;
        this.background = background;
        this.uiThread = uiThread;
        this.tools = new LatentToolsViewModel(decodes, scatter, background, this::encodeOnTrainer);
        scatter.gridProperty().bind(manifold.gridProperty());
        scatter.pointsProperty().addListener((o, was, now) -> manifold.setPlane(now == null ? null : now.plane()));
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
        if (trainer != null) {
            TrainingSnapshot latest = trainer.latest();
            if (latest != snapshot.get()) {
                snapshot.set(latest);
                show(latest);
            }
        }
        sendBeta();
        scatter.pulse();
        manifold.pulse();
        samples.pulse();
        tools.pulse();
    }

    /**
     * Sends the setup's β to the trainer if it differs from the β last sent, at most every
     * {@value #BETA_INTERVAL_MILLIS} ms while a slider moves: each change makes the trainer publish
     * a snapshot, which should not crowd out training. The last value always goes through.
     */
    private void sendBeta() {
        ExplorerSetup current = setup.get();
        if (trainer == null || busy.get() || current == null || current.beta() == sentBeta) {
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
        state.set(s.state());
        epochProgress.set(s.epochProgress());
        status.set(statusLine(s));
        if (s.message() != null && !s.message().equals(shownMessage)) {
            problem.set(s.message());
        }
        shownMessage = s.message();
        loss.update(s);
        scatter.update(s);
        manifold.update(s);
        samples.update(s);
        tools.update(s);
    }

    /**
     * Encodes one image with the model being trained, on the trainer thread between two iterations
     * (docs/decisions/0050); {@code done} is called there.
     */
    private boolean encodeOnTrainer(float[] pixels, Consumer<Encoding> done) {
        Trainer current = trainer;
        if (current == null || busy.get()) {
            return false;
        }
        try {
            current.withSession(session -> done.accept(session.model().encode(pixels, 1)));
            return true;
        } catch (IllegalStateException stopped) {
            return false;
        }
    }

    // ---- training commands -----------------------------------------------------------------------

    /** Starts training, or pauses it if it is running. */
    public void trainOrPause() {
        commands.trainOrPause();
    }

    public void pause() {
        commands.pause();
    }

    /** Trains on one minibatch and pauses. */
    public void step() {
        commands.step();
    }

    /** Throws the model away and starts again, untrained, with the same setup. */
    public void reset() {
        commands.reset();
    }

    /** Whether the current model has been trained at all, so that replacing it loses work. */
    public boolean isTrained() {
        TrainingSnapshot s = snapshot.get();
        return s != null && s.iteration() > 0;
    }

    /**
     * The question to ask before going to {@code next}, or {@code null} when nothing would be lost:
     * a new model is needed and the current one has been trained.
     */
    public String discardQuestion(ExplorerSetup next) {
        ExplorerSetup current = setup.get();
        if (current == null || !current.needsNewModel(next) || !isTrained()) {
            return null;
        }
        return String.format(Locale.ROOT, "The current model has trained for %,d iterations. %s needs a new model, "
                + "which starts untrained. Discard the trained model?", snapshot.get().iteration(), whatChanged(current, next));
    }

    private static String whatChanged(ExplorerSetup a, ExplorerSetup b) {
        if (!a.datasetSpec().equals(b.datasetSpec())) {
            return "Another dataset";
        }
        if (a.kind() != b.kind()) {
            return b.kind() == ModelKind.VAE ? "Switching to a VAE" : "Switching to an autoencoder";
        }
        if (a.latentSize() != b.latentSize()) {
            return "A " + b.latentSize() + "-D latent space";
        }
        if (a.batchSize() != b.batchSize()) {
            return "A batch size of " + b.batchSize();
        }
        if (a.decoder() != b.decoder()) {
            return "Another decoder";
        }
        return "Another seed";
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
        if (trainer == null || busy.get()) {
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

    private void rebuild(ExplorerSetup target) {
        runBuild("Loading " + target.datasetSpec() + " and building the model…",
                f -> new TrainerFactory.Opened(f.create(target), target), lastGoodSetup);
    }

    private void runBuild(String message, Function<TrainerFactory, TrainerFactory.Opened> build, ExplorerSetup fallback) {
        busy.set(true);
        status.set(message);
        background.execute(() -> {
            TrainerFactory.Opened opened;
            try {
                opened = build.apply(factory);
            } catch (RuntimeException e) {
                uiThread.execute(() -> {
                    busy.set(false);
                    problem.set(messageOf(e));
                    if (fallback != null) {
                        setup.set(fallback);
                    }
                    status.set(trainer == null ? "No model: " + messageOf(e) : status.get());
                });
                return;
            }
            uiThread.execute(() -> install(opened));
        });
    }

    private void install(TrainerFactory.Opened opened) {
        Trainer old = trainer;
        trainer = opened.trainer();
        commands.use(trainer);
        lastGoodSetup = opened.setup();
        setup.set(opened.setup());
        sentBeta = opened.setup().beta();
        busy.set(false);
        shownMessage = null;
        if (old != null) {
            background.execute(old::close);
        }
        pulse();
    }

    // ---- files ------------------------------------------------------------------------------------

    /** Saves the model, its optimizer state and its history as a run file. */
    public void save(Path file) {
        if (trainer == null) {
            return;
        }
        String spec = setup.get().datasetSpec();
        trainer.withSession(session -> {
            try {
                RunFile.save(session.toSavedRun(spec), file);
                uiThread.execute(() -> status.set("Saved the model to " + file));
            } catch (IOException | RuntimeException e) {
                uiThread.execute(() -> problem.set("Could not save the model to " + file + ": " + messageOf(e)));
            }
        });
    }

    /** Opens a run file and continues its training, in place of the current model (ask first). */
    public void open(Path file) {
        runBuild("Opening " + file + "…", f -> f.open(file), lastGoodSetup);
    }

    /** Writes the per-iteration losses and the per-epoch metrics as two CSV files. */
    public void exportHistory(Path iterationsFile) {
        TrainingSnapshot s = snapshot.get();
        if (s == null) {
            return;
        }
        Path epochsFile = siblingWithSuffix(iterationsFile, "-epochs");
        IterationHistory.View iterations = s.iterations();
        List<EpochMetrics> epochs = s.epochs();
        background.execute(() -> {
            try {
                AtomicFile.writeText(iterationsFile, w -> HistoryCsv.writeIterations(iterations, w));
                AtomicFile.writeText(epochsFile, w -> HistoryCsv.writeEpochs(epochs, w));
                uiThread.execute(() -> status.set("Wrote " + iterationsFile + " and " + epochsFile));
            } catch (IOException | UncheckedIOException e) {
                uiThread.execute(() -> problem.set("Could not write the loss history: " + messageOf(e)));
            }
        });
    }

    /** "history.csv" → "history-epochs.csv", beside it. */
    static Path siblingWithSuffix(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : ".csv";
        return file.resolveSibling(stem + suffix + extension);
    }

    /** Tells the user about a problem found outside the view-model (an export that failed). */
    public void report(String message) {
        problem.set(message);
    }

    public void dismissProblem() {
        problem.set(null);
    }

    /**
     * Saves the model being trained into {@code file} if it has been trained at all, waiting (at
     * most a few seconds) until it is written: for the window's close, so that closing the window
     * never loses a trained model.
     *
     * @return whether a model was saved
     */
    public boolean saveOnClose(Path file) {
        if (trainer == null || !isTrained()) {
            return false;
        }
        String spec = setup.get().datasetSpec();
        CompletableFuture<Boolean> saved = new CompletableFuture<>();
        trainer.withSession(session -> {
            try {
                RunFile.save(session.toSavedRun(spec), file);
                saved.complete(true);
            } catch (IOException | RuntimeException e) {
                saved.complete(false);
            }
        });
        try {
            return saved.get(SAVE_ON_CLOSE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Stops the trainer and the decoder; waits a moment for both. */
    @Override
    public void close() {
        if (trainer != null) {
            trainer.close();
        }
        decodes.close();
    }

    private static String messageOf(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    }

    static String statusLine(TrainingSnapshot s) {
        String state = switch (s.state()) {
            case READY -> "Ready";
            case RUNNING -> "Training";
            case PAUSED -> "Paused";
            case FINISHED -> "Finished";
            case STOPPED -> "Stopped";
        };
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s · epoch %d (%.0f %%) · iteration %,d",
                state, s.epoch() + 1, 100 * s.epochProgress(), s.iteration()));
        if (s.iterationsPerSecond() > 0) {
            text.append(String.format(Locale.ROOT, " · %.0f it/s", s.iterationsPerSecond()));
        }
        text.append(String.format(Locale.ROOT, " · β %.2f", s.beta()));
        IterationHistory.View history = s.iterations();
        if (history.size() > 0) {
            int last = history.size() - 1;
            text.append(s.modelConfig().kind() == ModelKind.VAE
                    ? String.format(Locale.ROOT, " · loss %.1f = %.1f reconstruction + β·%.2f KL",
                            history.objective(last), history.reconstruction(last), history.kl(last))
                    : String.format(Locale.ROOT, " · loss %.1f", history.objective(last)));
        }
        return text.toString();
    }

    // ---- properties and parts -------------------------------------------------------------------

    public ReadOnlyObjectProperty<ExplorerSetup> setupProperty() {
        return setup.getReadOnlyProperty();
    }

    /** What the trainer is doing; {@code null} before the first model is built. */
    public ReadOnlyObjectProperty<TrainerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Whether a model is being built or opened; the controls wait meanwhile. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty epochProgressProperty() {
        return epochProgress.getReadOnlyProperty();
    }

    /** A problem to show the user (a bad file, a paused divergence); {@code null} when there is none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The snapshot the views show now. */
    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
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

    /** The attribute sliders, interpolation and drawing pad. */
    public LatentToolsViewModel tools() {
        return tools;
    }
}
