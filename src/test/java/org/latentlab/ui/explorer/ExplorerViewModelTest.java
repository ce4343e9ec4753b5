package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.TestDatasets;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetException;
import org.latentlab.model.ModelKind;
import org.latentlab.training.RunFile;
import org.latentlab.training.SavedRun;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSession;
import org.latentlab.ui.Pulses;
import org.latentlab.ui.attributes.AttributesViewModel;
import org.latentlab.ui.attributes.LatentToolsViewModel;
import org.latentlab.ui.scatter.ScatterOverlay;

/** The explorer's view-model on a tiny dataset, without a toolkit: executors run tasks at once. */
class ExplorerViewModelTest {

    private static final long PATIENCE_NANOS = 20_000_000_000L;

    /** Builds trainers on 4×4 bars; "missing" is a dataset that cannot be read. */
    private static final class BarsFactory implements TrainerFactory {
        @Override
        public Trainer create(ExplorerSetup setup) {
            if (setup.datasetSpec().equals("missing")) {
                throw new DatasetException("No dataset at missing: the file does not exist.");
            }
            Dataset training = TestDatasets.bars(256, 1);
            Dataset validation = TestDatasets.bars(64, 2);
            return new Trainer(() -> new TrainingSession(training, validation,
                    TestDatasets.smallModel(setup.kind(), setup.latentSize()).withSeed(setup.seed()),
                    setup.trainingConfig()));
        }

        /** Opens run files whose dataset is these bars. */
        @Override
        public Opened open(Path runFile) {
            SavedRun run = RunFile.load(runFile);
            Trainer trainer = new Trainer(() -> TrainingSession.resume(TestDatasets.bars(256, 1), TestDatasets.bars(64, 2), run));
            return new Opened(trainer, setup().withLatentSize(run.modelConfig().latentSize()));
        }
    }

    private final ExplorerViewModel viewModel = new ExplorerViewModel(new BarsFactory(), Runnable::run, Runnable::run);

    private static ExplorerSetup setup() {
        return new ExplorerSetup("bars", ModelKind.VAE, 2, 32, 7, 1, ExplorerSetup.Schedule.CONSTANT, 1e-3);
    }

    @AfterEach
    void close() {
        viewModel.close();
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        Pulses.until(what, viewModel::pulse, condition, viewModel.statusProperty()::get);
    }

    @Test
    void trainingFeedsEveryViewAndPausingStopsIt() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.stateProperty().get() == TrainerState.READY);
        assertNotNull(viewModel.scatter().pointsProperty().get(), "the scatter shows the untrained codes");
        assertEquals(64, viewModel.scatter().pointsProperty().get().size());

        viewModel.trainOrPause();
        await("50 iterations", () -> viewModel.snapshotProperty().get().iteration() >= 50);
        assertEquals(TrainerState.RUNNING, viewModel.stateProperty().get());
        assertTrue(viewModel.loss().seriesProperty().get().size() > 0, "the loss chart has losses");
        assertTrue(viewModel.statusProperty().get().startsWith("Training · epoch"), viewModel.statusProperty().get());
        await("a decoded grid", () -> viewModel.manifold().imagesProperty().get() != null);
        assertEquals(15 * 15 * 16, viewModel.manifold().imagesProperty().get().pixels().length);
        await("decoded strips", () -> viewModel.samples().samplesProperty().get() != null
                && viewModel.samples().reconstructionsProperty().get() != null);

        viewModel.trainOrPause();
        await("paused", () -> viewModel.stateProperty().get() == TrainerState.PAUSED);
        long stopped = viewModel.snapshotProperty().get().iteration();
        Thread.sleep(200);
        viewModel.pulse();
        assertEquals(stopped, viewModel.snapshotProperty().get().iteration(), "no iteration after the pause");
    }

    @Test
    void betaChangesTheRunningModelWithoutANewOne() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.stateProperty().get() != null);
        viewModel.trainOrPause();
        await("10 iterations", () -> viewModel.snapshotProperty().get().iteration() >= 10);
        assertNull(viewModel.discardQuestion(setup().withBeta(2.5)), "β needs no new model");
        viewModel.apply(setup().withBeta(2.5));
        await("β = 2.5 in the snapshot", () -> viewModel.snapshotProperty().get().beta() == 2.5);
        assertTrue(viewModel.snapshotProperty().get().iteration() >= 10, "the same model kept training");
        assertTrue(viewModel.statusProperty().get().contains("β 2.50"), viewModel.statusProperty().get());
    }

    @Test
    void aNewLatentSizeAsksFirstOnceTrainedAndThenStartsAnew() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.stateProperty().get() != null);
        assertNull(viewModel.discardQuestion(setup().withLatentSize(4)), "nothing to lose before training");
        viewModel.step();
        await("one step", () -> viewModel.snapshotProperty().get().iteration() == 1);
        String question = viewModel.discardQuestion(setup().withLatentSize(4));
        assertNotNull(question);
        assertTrue(question.contains("A 4-D latent space"), question);

        viewModel.apply(setup().withLatentSize(4));
        await("a fresh 4-D model", () -> viewModel.snapshotProperty().get().modelConfig().latentSize() == 4);
        assertEquals(0, viewModel.snapshotProperty().get().iteration());
        await("a PCA view of 4-D codes", () -> viewModel.scatter().pointsProperty().get().xTitle().equals("PC 1 of z"));
    }

    @Test
    void anUnreadableDatasetIsReportedAndTheModelKept() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.stateProperty().get() != null);
        viewModel.apply(setup().withDataset("missing"));
        assertEquals("No dataset at missing: the file does not exist.", viewModel.problemProperty().get());
        assertEquals("bars", viewModel.setupProperty().get().datasetSpec(), "the setup went back");
        viewModel.step();
        await("the old model still trains", () -> viewModel.snapshotProperty().get().iteration() == 1);
        viewModel.dismissProblem();
        assertNull(viewModel.problemProperty().get());
    }

    @Test
    void theAttributeToolsFollowTheSelectionAndDrawOnTheScatter() throws InterruptedException {
        viewModel.start(setup());
        await("ready", () -> viewModel.stateProperty().get() != null);
        for (int i = 0; i < 20; i++) {
            viewModel.step();
        }
        await("20 steps", () -> viewModel.snapshotProperty().get().iteration() == 20);
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
        await("ready", () -> viewModel.stateProperty().get() != null);
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
        await("ready", () -> viewModel.stateProperty().get() != null);
        for (int i = 0; i < 12; i++) {
            viewModel.step();
        }
        await("12 steps", () -> viewModel.snapshotProperty().get().iteration() == 12);
        Path model = folder.resolve("model.latentlab");
        viewModel.save(model);
        await("saved", () -> Files.exists(model));
        viewModel.exportHistory(folder.resolve("history.csv"));
        List<String> lines = Files.readAllLines(folder.resolve("history.csv"));
        assertEquals(13, lines.size(), "a header and 12 iterations");
        assertTrue(Files.exists(folder.resolve("history-epochs.csv")));

        ExplorerViewModel reopened = new ExplorerViewModel(new BarsFactory(), Runnable::run, Runnable::run);
        try {
            reopened.start(setup());
            reopened.open(model);
            long deadline = System.nanoTime() + PATIENCE_NANOS;
            while (System.nanoTime() < deadline && (reopened.snapshotProperty().get() == null
                    || reopened.snapshotProperty().get().iteration() != 12)) {
                reopened.pulse();
                Thread.sleep(5);
            }
            assertEquals(12, reopened.snapshotProperty().get().iteration(), "the history came back");
        } finally {
            reopened.close();
        }
    }
}
