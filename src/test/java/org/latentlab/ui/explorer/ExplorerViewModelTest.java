package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.TestDatasets;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetException;
import org.latentlab.model.ModelKind;
import org.latentlab.training.Minibatch;
import org.latentlab.training.Pace;
import org.latentlab.training.RunFile;
import org.latentlab.training.SavedRun;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSession;
import org.latentlab.ui.Pulses;
import org.latentlab.ui.attributes.AttributesViewModel;
import org.latentlab.ui.attributes.LatentToolsViewModel;
import org.latentlab.ui.pace.MinibatchViewModel;
import org.latentlab.ui.scatter.ScatterOverlay;

/** The explorer's view-model on a tiny dataset, without a toolkit: executors run tasks at once. */
class ExplorerViewModelTest {

    private static final long PATIENCE_NANOS = 20_000_000_000L;

    /** Builds trainers on 4×4 bars; "missing" is a dataset that cannot be read. */
    private static final class BarsFactory implements TrainerFactory {
        /** The trainer built last, to reach its thread as the window cannot. */
        Trainer built;

        @Override
        public Trainer create(ExplorerSetup setup) {
            if (setup.datasetSpec().equals("missing")) {
                throw new DatasetException("No dataset at missing: the file does not exist.");
            }
            if (setup.datasetSpec().equals("huge")) {
                throw new OutOfMemoryError("Java heap space");
            }
            Dataset training = TestDatasets.bars(256, 1);
            Dataset validation = TestDatasets.bars(64, 2);
            Trainer trainer = new Trainer(() -> new TrainingSession(training, validation,
                    TestDatasets.smallModel(setup.kind(), setup.latentSize()).withSeed(setup.seed()),
                    setup.trainingConfig()));
            built = trainer;
            return trainer;
        }

        /** Opens run files whose dataset is these bars; "huge.latentlab" does not fit in memory. */
        @Override
        public Opened open(Path runFile) {
            if (runFile.getFileName().toString().equals("huge.latentlab")) {
                throw new OutOfMemoryError("Java heap space");
            }
            return open(RunFile.load(runFile));
        }

        @Override
        public Opened open(SavedRun run) {
            Trainer trainer = new Trainer(() -> TrainingSession.resume(TestDatasets.bars(256, 1), TestDatasets.bars(64, 2), run));
            return new Opened(trainer, setup().withLatentSize(run.modelConfig().latentSize()));
        }
    }

    private final BarsFactory factory = new BarsFactory();
    private final ExplorerViewModel viewModel = new ExplorerViewModel(factory, Runnable::run, Runnable::run);

    private static ExplorerSetup setup() {
        return new ExplorerSetup("bars", ModelKind.VAE, 2, 32, 7, 1, ExplorerSetup.Schedule.CONSTANT, 1e-3);
    }

    @AfterEach
    void close() {
        viewModel.close();
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        Pulses.until(what, viewModel::pulse, condition, viewModel.lifecycle().statusProperty()::get);
    }

    @Test
    void atASlowedPaceTheMinibatchStripShowsTheImagesOfTheStepJustTaken() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() == TrainerState.READY);
        MinibatchViewModel strip = viewModel.minibatch();
        assertNull(strip.minibatchProperty().get(), "full speed: no minibatch");

        viewModel.lifecycle().paceProperty().set(new Pace(5));
        viewModel.step();
        await("step 1", () -> viewModel.lifecycle().snapshotProperty().get().iteration() == 1);
        Minibatch first = strip.minibatchProperty().get();
        assertEquals(viewModel.lifecycle().snapshotProperty().get().minibatch().orElseThrow(), first);
        assertEquals(1, first.iteration());
        assertEquals(12, first.shown(), "the first 12 of the batch of 32");
        assertEquals("Step 1: the first 12 of its 32 images, and under them the model's reconstructions just after"
                + " the step.", strip.captionProperty().get());

        viewModel.step();
        await("step 2", () -> viewModel.lifecycle().snapshotProperty().get().iteration() == 2);
        Minibatch second = strip.minibatchProperty().get();
        assertEquals(2, second.iteration());
        assertFalse(java.util.Arrays.equals(first.images(), second.images()), "another minibatch");

        viewModel.lifecycle().paceProperty().set(Pace.FULL);
        await("full speed", () -> strip.minibatchProperty().get() == null);
        assertEquals(MinibatchViewModel.NO_STEP_YET, strip.captionProperty().get());
    }

    @Test
    void trainingFeedsEveryViewAndPausingStopsIt() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() == TrainerState.READY);
        assertNotNull(viewModel.scatter().pointsProperty().get(), "the scatter shows the untrained codes");
        assertEquals(64, viewModel.scatter().pointsProperty().get().size());

        viewModel.trainOrPause();
        await("50 iterations", () -> viewModel.lifecycle().snapshotProperty().get().iteration() >= 50);
        assertEquals(TrainerState.RUNNING, viewModel.lifecycle().stateProperty().get());
        assertTrue(viewModel.loss().seriesProperty().get().size() > 0, "the loss chart has losses");
        assertTrue(viewModel.lifecycle().statusProperty().get().startsWith("Training · epoch"), viewModel.lifecycle().statusProperty().get());
        await("a decoded grid", () -> viewModel.manifold().imagesProperty().get() != null);
        assertEquals(15 * 15 * 16, viewModel.manifold().imagesProperty().get().pixels().length);
        await("decoded strips", () -> viewModel.samples().samplesProperty().get() != null
                && viewModel.samples().reconstructionsProperty().get() != null);

        viewModel.trainOrPause();
        await("paused", () -> viewModel.lifecycle().stateProperty().get() == TrainerState.PAUSED);
        long stopped = viewModel.lifecycle().snapshotProperty().get().iteration();
        Thread.sleep(200);
        viewModel.pulse();
        assertEquals(stopped, viewModel.lifecycle().snapshotProperty().get().iteration(), "no iteration after the pause");
    }

    @Test
    void betaChangesTheRunningModelWithoutANewOne() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        viewModel.trainOrPause();
        await("10 iterations", () -> viewModel.lifecycle().snapshotProperty().get().iteration() >= 10);
        assertNull(viewModel.discardQuestion(setup().withBeta(2.5)), "β needs no new model");
        viewModel.apply(setup().withBeta(2.5));
        await("β = 2.5 in the snapshot", () -> viewModel.lifecycle().snapshotProperty().get().beta() == 2.5);
        assertTrue(viewModel.lifecycle().snapshotProperty().get().iteration() >= 10, "the same model kept training");
        assertTrue(viewModel.lifecycle().statusProperty().get().contains("β 2.50"), viewModel.lifecycle().statusProperty().get());
    }

    @Test
    void aNewLatentSizeAsksFirstOnceTrainedAndThenStartsAnew() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        assertNull(viewModel.discardQuestion(setup().withLatentSize(4)), "nothing to lose before training");
        viewModel.step();
        await("one step", () -> viewModel.lifecycle().snapshotProperty().get().iteration() == 1);
        String question = viewModel.discardQuestion(setup().withLatentSize(4));
        assertNotNull(question);
        assertTrue(question.contains("A 4-D latent space"), question);

        viewModel.apply(setup().withLatentSize(4));
        await("a fresh 4-D model", () -> viewModel.lifecycle().snapshotProperty().get().modelConfig().latentSize() == 4);
        assertEquals(0, viewModel.lifecycle().snapshotProperty().get().iteration());
        await("a PCA view of 4-D codes", () -> viewModel.scatter().pointsProperty().get().xTitle().equals("PC 1 of z"));
    }

    @Test
    void anUnreadableDatasetIsReportedAndTheModelKept() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        viewModel.apply(setup().withDataset("missing"));
        assertEquals("No dataset at missing: the file does not exist.", viewModel.lifecycle().problemProperty().get());
        assertEquals("bars", viewModel.setupProperty().get().datasetSpec(), "the setup went back");
        viewModel.step();
        await("the old model still trains", () -> viewModel.lifecycle().snapshotProperty().get().iteration() == 1);
        viewModel.lifecycle().dismissProblem();
        assertNull(viewModel.lifecycle().problemProperty().get());
    }

    @Test
    void theAttributeToolsFollowTheSelectionAndDrawOnTheScatter() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        for (int i = 0; i < 20; i++) {
            viewModel.step();
        }
        await("20 steps", () -> viewModel.lifecycle().snapshotProperty().get().iteration() == 20);
        LatentToolsViewModel tools = viewModel.tools();
        tools.toolProperty().set(LatentToolsViewModel.Tool.ATTRIBUTES);
        await("the vectors", () -> !tools.attributes().sliders().isEmpty());
        assertEquals("row → column", tools.attributes().slider("class").nameProperty().get());
        viewModel.scatter().select(3);
        assertNotNull(tools.attributes().inputProperty().get(), "the selected point is the panel's image");
        tools.attributes().slider("class").amountProperty().set(1);
        ScatterOverlay shown = viewModel.scatter().overlayProperty().get();
        assertEquals(ScatterOverlay.Style.MOVE, shown.paths().get(shown.paths().size() - 1).style(),
                "the moved point's path is on the scatter");
        tools.toolProperty().set(LatentToolsViewModel.Tool.GRID);
        assertEquals(ScatterOverlay.NONE, viewModel.scatter().overlayProperty().get(), "not while the grid is shown");

        tools.toolProperty().set(LatentToolsViewModel.Tool.INTERPOLATION);
        tools.setAFromSelection();
        viewModel.scatter().select(10);
        tools.setBFromSelection();
        await("both strips", () -> tools.interpolation().sphericalProperty().get() != null);
        assertEquals(2, viewModel.scatter().overlayProperty().get().paths().size());
    }

    @Test
    void aDrawingIsEncodedByTheTrainedModelOnTheTrainerThread() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        LatentToolsViewModel tools = viewModel.tools();
        tools.toolProperty().set(LatentToolsViewModel.Tool.DRAWING);
        tools.drawing().stroke(0, 1.5, 4, 1.5);
        await("the drawing's posterior", () -> tools.drawing().encodingProperty().get() != null
                && viewModel.scatter().overlayEllipseProperty().get() != null);
        assertEquals(2, tools.drawing().encodingProperty().get().latentSize());
        assertTrue(tools.attributes().drawingAvailableProperty().get());
        tools.moveDrawing();
        assertEquals(LatentToolsViewModel.Tool.ATTRIBUTES, tools.toolProperty().get());
        assertEquals(AttributesViewModel.Source.DRAWING, tools.attributes().sourceProperty().get());
        assertNotNull(viewModel.scatter().overlayProperty().get().posterior(), "its posterior stays on the scatter");
    }

    @Test
    void savesExportsAndOpensWhatWasTrained(@TempDir Path folder) throws Exception {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        for (int i = 0; i < 12; i++) {
            viewModel.step();
        }
        await("12 steps", () -> viewModel.lifecycle().snapshotProperty().get().iteration() == 12);
        Path model = folder.resolve("model.latentlab");
        viewModel.files().save(model);
        await("saved", () -> Files.exists(model));
        viewModel.files().exportHistory(folder.resolve("history.csv"));
        List<String> lines = Files.readAllLines(folder.resolve("history.csv"));
        assertEquals(13, lines.size(), "a header and 12 iterations");
        assertTrue(Files.exists(folder.resolve("history-epochs.csv")));

        ExplorerViewModel reopened = new ExplorerViewModel(new BarsFactory(), Runnable::run, Runnable::run);
        try {
            reopened.start(setup());
            reopened.files().open(model);
            long deadline = System.nanoTime() + PATIENCE_NANOS;
            while (System.nanoTime() < deadline && (reopened.lifecycle().snapshotProperty().get() == null
                    || reopened.lifecycle().snapshotProperty().get().iteration() != 12)) {
                reopened.pulse();
                Thread.sleep(5);
            }
            assertEquals(12, reopened.lifecycle().snapshotProperty().get().iteration(), "the history came back");
        } finally {
            reopened.close();
        }
    }

    @Test
    void anErrorWhileBuildingOrOpeningReachesTheBannerAndTheModelIsKept() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        viewModel.apply(setup().withDataset("huge"));
        assertFalse(viewModel.lifecycle().busyProperty().get(), "the controls work again");
        assertEquals("Java heap space", viewModel.lifecycle().problemProperty().get());
        assertEquals("bars", viewModel.setupProperty().get().datasetSpec(), "the setup went back");

        viewModel.lifecycle().dismissProblem();
        viewModel.files().open(Path.of("huge.latentlab"));
        assertFalse(viewModel.lifecycle().busyProperty().get());
        assertEquals("Java heap space", viewModel.lifecycle().problemProperty().get());
        viewModel.step();
        await("the old model still trains", () -> viewModel.lifecycle().snapshotProperty().get().iteration() == 1);
    }

    @Test
    void aTrainerThatStoppedOnAnErrorSaysWhyInTheBanner() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        stopTheTrainerWithAnError();
        String problem = viewModel.lifecycle().problemProperty().get();
        assertTrue(problem.contains("a broken command"), problem);
    }

    @Test
    void closingWithADeadTrainerTakesUnderTwoSeconds(@TempDir Path folder) throws Exception {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        viewModel.step();
        await("one step", () -> viewModel.lifecycle().snapshotProperty().get().iteration() == 1);
        stopTheTrainerWithAnError();

        Path lastSession = folder.resolve("last-session.latentlab");
        long start = System.nanoTime();
        CompletableFuture<Boolean> saved = viewModel.files().saveOnClose(lastSession);
        CompletableFuture<Void> ended = viewModel.shutDown();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> saved.get(2, TimeUnit.SECONDS));
        assertEquals("the trainer stopped before it could save", failed.getCause().getMessage());
        ended.get(2, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 2, "closing took " + seconds + " s");
        assertFalse(Files.exists(lastSession));
    }

    @Test
    void aSaveAskedForBeforeClosingIsWritten(@TempDir Path folder) throws Exception {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        viewModel.step();
        await("one step", () -> viewModel.lifecycle().snapshotProperty().get().iteration() == 1);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        factory.built.withSession(session -> {
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        busy.await();
        Path model = folder.resolve("model.latentlab");
        viewModel.files().save(model);
        new Thread(() -> {
            sleepQuietly(300);
            release.countDown();
        }).start();
        viewModel.close();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Files.exists(model) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(model), "the save queued before closing was written");
        assertEquals(1, RunFile.load(model).state().steps());
    }

    /** Kills the trainer thread as an internal error would: a command that throws. */
    private void stopTheTrainerWithAnError() throws InterruptedException {
        factory.built.withSession(session -> {
            throw new IllegalStateException("a broken command");
        });
        await("stopped", () -> viewModel.lifecycle().stateProperty().get() == TrainerState.STOPPED);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aProblemReportedByAWatchedPartReachesTheBannerOnce() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        String[] decoderProblem = {null};
        viewModel.lifecycle().watch(() -> decoderProblem[0]);
        viewModel.pulse();
        assertNull(viewModel.lifecycle().problemProperty().get());
        decoderProblem[0] = "The decoder failed: out of memory";
        viewModel.pulse();
        assertEquals("The decoder failed: out of memory", viewModel.lifecycle().problemProperty().get());
        viewModel.lifecycle().dismissProblem();
        viewModel.pulse();
        assertNull(viewModel.lifecycle().problemProperty().get(), "the same problem is not shown again");
    }
}
