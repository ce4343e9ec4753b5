package org.latentlab.ui.explorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.latentlab.io.AtomicFile;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.HistoryCsv;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.RunFile;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.training.TrainingTimeline;
import org.latentlab.ui.FailureMessage;
import org.latentlab.ui.timeline.ReplayExport;

/**
 * The Explore tab's files: saving the model being trained as a run file (on the trainer thread,
 * between two iterations), opening one in its place, and exporting the loss history as CSV and
 * the replay of training as a GIF or PNG files (on {@code background}). What happened comes back through {@code uiThread} to the status line or
 * the banner. Confined to the JavaFX application thread (or a test's thread).
 */
public final class ExplorerFiles {

    /** Opens a run file in place of the model being trained: the view-model's build. */
    interface Opener {
        void open(Path runFile);
    }

    private final TrainerLifecycle<Trainer, TrainingSnapshot> lifecycle;
    private final Supplier<ExplorerSetup> setup;
    private final Opener opener;
    private final Executor background;
    private final Executor uiThread;

    ExplorerFiles(TrainerLifecycle<Trainer, TrainingSnapshot> lifecycle, Supplier<ExplorerSetup> setup, Opener opener,
                  Executor background, Executor uiThread) {
        this.lifecycle = lifecycle;
        this.setup = setup;
        this.opener = opener;
        this.background = background;
        this.uiThread = uiThread;
    }

    /** Saves the model, its optimizer state and its history as a run file; says in the window how it went. */
    public void save(Path file) {
        Trainer trainer = lifecycle.trainer();
        if (trainer == null) {
            return;
        }
        saveFrom(trainer, file).whenComplete((done, failure) -> uiThread.execute(() -> {
            if (failure == null) {
                lifecycle.say("Saved the model to " + file);
            } else {
                lifecycle.report("Could not save the model to " + file + ": " + FailureMessage.of(failure));
            }
        }));
    }

    /**
     * Saves the model into {@code file} if it has been trained at all: for the window's close, so
     * that closing never loses a trained model. Does not wait: the save is queued after the
     * commands already sent, and the trainer runs them all before it stops.
     *
     * @return completes with {@code true} once the model is written, at once with {@code false}
     *         when there is nothing to save; fails with why it could not be saved (the trainer
     *         stopped on an error first, the disk is full)
     */
    public CompletableFuture<Boolean> saveOnClose(Path file) {
        Trainer trainer = lifecycle.trainer();
        if (trainer == null || !lifecycle.isTrained()) {
            return CompletableFuture.completedFuture(false);
        }
        return saveFrom(trainer, file).thenApply(done -> true);
    }

    /** Completes when {@code trainer} has written {@code file}; fails with why it could not. */
    private CompletableFuture<Void> saveFrom(Trainer trainer, Path file) {
        String spec = setup.get().datasetSpec();
        CompletableFuture<Void> saved = new CompletableFuture<>();
        try {
            trainer.withSession(session -> {
                try {
                    RunFile.save(session.toSavedRun(spec), file);
                    saved.complete(null);
                } catch (IOException | RuntimeException e) {
                    saved.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException closed) {
            saved.completeExceptionally(closed);
        }
        // A trainer that ends first (stopped by an error) never runs the save: say so rather than wait.
        trainer.ended().thenRun(() -> saved.completeExceptionally(
                new IllegalStateException("the trainer stopped before it could save")));
        return saved;
    }

    /** Opens a run file and continues its training, in place of the current model (ask first). */
    public void open(Path file) {
        opener.open(file);
    }

    /** Writes the per-iteration losses and the per-epoch metrics as two CSV files. */
    public void exportHistory(Path iterationsFile) {
        TrainingSnapshot s = lifecycle.snapshotProperty().get();
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
                uiThread.execute(() -> lifecycle.say("Wrote " + iterationsFile + " and " + epochsFile));
            } catch (IOException | UncheckedIOException e) {
                uiThread.execute(() -> lifecycle.report("Could not write the loss history: "
                        + FailureMessage.of(e)));
            }
        });
    }

    /**
     * Writes the replay of {@code timeline} (every recorded moment a frame) as an animated GIF at
     * {@code target} showing {@code perSecond} moments a second, or as PNG files in the folder
     * {@code target}; says in the status line how far it is.
     */
    public void exportReplay(TrainingTimeline timeline, Path target, boolean gif, int perSecond) {
        TrainingSnapshot s = lifecycle.snapshotProperty().get();
        if (s == null || timeline.isEmpty()) {
            lifecycle.report("There is no recorded moment of training to export yet: train first.");
            return;
        }
        ReplayExport export = new ReplayExport(timeline, s);
        int frames = export.frameCount();
        lifecycle.say("Exporting the replay: " + frames + " moments…");
        background.execute(() -> {
            IntConsumer progress = frame -> {
                if (frame % 10 == 0) {
                    uiThread.execute(() -> lifecycle.say("Exporting the replay: moment " + frame + " of " + frames + "…"));
                }
            };
            try {
                if (gif) {
                    export.writeGif(target, 1000 / perSecond, progress);
                } else {
                    export.writePngs(target, progress);
                }
                uiThread.execute(() -> lifecycle.say("Wrote the replay, " + frames + " moments, to " + target));
            } catch (RuntimeException | OutOfMemoryError e) {
                uiThread.execute(() -> lifecycle.report("Could not export the replay to " + target + ": "
                        + FailureMessage.of(e)));
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
}
