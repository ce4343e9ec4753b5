package org.latentlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.data.DatasetException;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.SnapshotDecoder;
import org.latentlab.training.CompareConfig;
import org.latentlab.training.CompareSnapshot;
import org.latentlab.training.CompareTrainer;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.training.SavedComparison;
import org.latentlab.training.TrainerState;
import org.latentlab.training.VariantSnapshot;
import org.latentlab.ui.Pulses;
import org.latentlab.ui.explorer.ExplorerSetup;
import org.latentlab.ui.scatter.LatentScatterViewModel;

/** The compare lab's view-model on 4×4 bars, without a toolkit: executors run tasks at once. */
class CompareViewModelTest {

    /** Comparisons of small models on bars; the dataset "missing" cannot be read. */
    private static final class BarsComparisons implements CompareTrainerFactory {
        @Override
        public CompareTrainer create(CompareSetup setup) {
            if (setup.source().datasetSpec().equals("missing")) {
                throw new DatasetException("No dataset at missing: the file does not exist.");
            }
            if (setup.source().datasetSpec().equals("huge")) {
                throw new OutOfMemoryError("Java heap space");
            }
            ModelConfig model = TestDatasets.smallModel(ModelKind.VAE, setup.source().latentSize())
                    .withSeed(setup.source().seed());
            CompareConfig wanted = setup.config(4, 4);
            return new CompareTrainer(TestDatasets.bars(256, 1), TestDatasets.bars(64, 2),
                    new CompareConfig(model, wanted.training(), wanted.preset()));
        }

        @Override
        public Opened open(SavedComparison comparison) {
            throw new UnsupportedOperationException("bars comparisons are built here, never opened from a file");
        }
    }

    private final SimpleObjectProperty<ExplorerSetup> explorer = new SimpleObjectProperty<>(
            ExplorerSetup.defaults().withDataset("bars").withBatchSize(32).withSeed(7));
    private final CompareViewModel viewModel = new CompareViewModel(new BarsComparisons(), explorer, Runnable::run,
            Runnable::run);

    @AfterEach
    void close() {
        viewModel.close();
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        Pulses.until(what, viewModel::pulse, condition, viewModel.lifecycle().statusProperty()::get);
    }

    private long iteration() {
        return viewModel.lifecycle().snapshotProperty().get().iteration();
    }

    private List<ComparePanelViewModel> panels() {
        return viewModel.panelsProperty().get();
    }

    private void stepTimes(int steps) throws InterruptedException {
        long target = iteration() + steps;
        for (int i = 0; i < steps; i++) {
            viewModel.commands().step();
        }
        await(steps + " steps", () -> iteration() == target);
    }

    @Test
    void nothingIsBuiltUntilTheTabIsShownThenOnePanelPerModelAndPca() throws InterruptedException {
        viewModel.pulse();
        assertTrue(panels().isEmpty(), "no models before the tab is shown");
        assertNull(viewModel.lifecycle().stateProperty().get());

        viewModel.activate();
        await("ready", () -> viewModel.lifecycle().stateProperty().get() == TrainerState.READY);
        assertEquals(List.of("autoencoder", "VAE, reconstruction only", "VAE, KL only", "VAE (β = 1)",
                "PCA (linear baseline)"), panels().stream().map(ComparePanelViewModel::title).toList());
        assertEquals(List.of("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#999999"),
                panels().stream().map(ComparePanelViewModel::colourHex).toList(), "the command line's colours");
        ComparePanelViewModel pca = panels().get(4);
        assertEquals(64, pca.pointsProperty().get().size(), "PCA places the same 64 held-out images");
        assertEquals(8 * 8 * 16, pca.gridProperty().get().pixels().length, "PCA's grid is decoded at once");
        assertTrue(pca.numbersProperty().get().matches("\\d+ % of variance kept\nfitted once, not trained"),
                pca.numbersProperty().get());
        await("every model's grid", () -> panels().stream().allMatch(p -> p.gridProperty().get() != null));
        assertEquals("bars · 2-D latent · batch 32 · seed 7", viewModel.setupProperty().get().describeSource());
    }

    @Test
    void trainingFeedsEveryPanelItsOwnSnapshotAndEveryVaeATrail() throws InterruptedException {
        viewModel.activate();
        await("ready", () -> viewModel.lifecycle().stateProperty().get() == TrainerState.READY);
        viewModel.commands().trainOrPause();
        await("300 iterations", () -> iteration() >= 300);
        assertEquals(TrainerState.RUNNING, viewModel.lifecycle().stateProperty().get());
        assertTrue(viewModel.lifecycle().statusProperty().get().contains("each of all 4 models on one minibatch"),
                viewModel.lifecycle().statusProperty().get());

        CompareSnapshot shown = viewModel.lifecycle().snapshotProperty().get();
        for (int i = 0; i < 4; i++) {
            VariantSnapshot own = panels().get(i).snapshotProperty().get();
            assertEquals(ComparisonPreset.ABLATION.variants().get(i), own.variant(), "panel " + i + " shows its model");
            assertEquals(shown.variants().get(i), own, "panel " + i + " has this snapshot's part");
            assertEquals(64, panels().get(i).pointsProperty().get().size());
            for (int j = 0; j < i; j++) {
                assertNotSame(panels().get(j).snapshotProperty().get().training().decoder(), own.training().decoder());
            }
        }
        assertNull(panels().get(4).snapshotProperty().get(), "the baseline does not train");
        assertTrue(panels().get(0).numbersProperty().get().contains("no KL"), panels().get(0).numbersProperty().get());
        assertTrue(panels().get(3).numbersProperty().get().contains("−ELBO"), panels().get(3).numbersProperty().get());

        double klOnly = meanKl(panels().get(2).snapshotProperty().get());
        double both = meanKl(panels().get(3).snapshotProperty().get());
        assertTrue(klOnly < 0.1 * both, "KL only " + klOnly + " against both terms " + both);

        assertEquals(List.of("VAE, reconstruction only", "VAE, KL only", "VAE (β = 1)"),
                viewModel.sharedAxes().rateDistortionProperty().get().stream().map(RateDistortionCurve::label).toList(),
                "the autoencoder has no rate");
        assertTrue(viewModel.sharedAxes().rateDistortionProperty().get().get(2).trail().size() > 10);
        assertTrue(viewModel.sharedAxes().rateDistortionNoteProperty().get().endsWith("The autoencoder has no KL, so no rate."));
        panels().get(0).shownProperty().set(false);
        assertFalse(viewModel.sharedAxes().rateDistortionNoteProperty().get().contains("autoencoder"), "no autoencoder shown");
        panels().get(0).shownProperty().set(true);

        viewModel.commands().trainOrPause();
        await("paused", () -> viewModel.lifecycle().stateProperty().get() == TrainerState.PAUSED);
        long stopped = iteration();
        Thread.sleep(200);
        viewModel.pulse();
        assertEquals(stopped, iteration(), "no iteration after the pause");
    }

    /** The mean KL of the last 50 iterations. */
    private static double meanKl(VariantSnapshot snapshot) {
        var history = snapshot.training().iterations();
        double sum = 0;
        for (int i = history.size() - 50; i < history.size(); i++) {
            sum += history.kl(i);
        }
        return sum / 50;
    }

    @Test
    void aProbeImageSelectedOnceIsSelectedInEveryPanelWithEachModelsReconstruction() throws InterruptedException {
        viewModel.activate();
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        stepTimes(5);
        viewModel.select(3);
        assertEquals(3, viewModel.selectedProperty().get());
        assertArrayEquals(panels().get(0).probe().image(3), viewModel.selectedImageProperty().get());
        await("every reconstruction", () -> panels().stream().allMatch(p -> p.reconstructionProperty().get() != null));
        for (ComparePanelViewModel panel : panels()) {
            assertEquals(16, panel.reconstructionProperty().get().length, panel.title());
        }
        // The VAE's reconstruction is its decoder at the image's posterior mean.
        ComparePanelViewModel vae = panels().get(3);
        float[] mean = {vae.probe().encoding().mean(3, 0), vae.probe().encoding().mean(3, 1)};
        float[] expected = new SnapshotDecoder(vae.snapshotProperty().get().training().decoder()).decode(mean, 1);
        assertArrayEquals(expected, vae.reconstructionProperty().get(), 1e-6f);
        assertTrue(viewModel.selectionTextProperty().get().startsWith("Held-out image 4, "),
                viewModel.selectionTextProperty().get());

        viewModel.select(-1);
        assertEquals(-1, viewModel.selectedProperty().get());
        assertNull(viewModel.selectedImageProperty().get());
        assertTrue(panels().stream().allMatch(p -> p.reconstructionProperty().get() == null));
    }

    @Test
    void priorSamplesAreTheSameZDecodedByEachModel() throws InterruptedException {
        viewModel.activate();
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        stepTimes(3);
        assertFalse(panels().get(3).samplesShownProperty().get(), "samples wait for the button");
        viewModel.showSamples(panels().get(3));
        await("the VAE's samples", () -> panels().get(3).samplesProperty().get() != null);
        assertNull(panels().get(0).samplesProperty().get(), "only the panel asked");

        viewModel.showSamplesEverywhere();
        await("every panel's samples", () -> panels().stream().allMatch(p -> p.samplesProperty().get() != null));
        float[] z = PriorSamples.draw(ComparePanelViewModel.SAMPLE_COUNT, 2, 2013);
        for (int i = 0; i < 4; i++) {
            var decoder = panels().get(i).snapshotProperty().get().training().decoder();
            assertArrayEquals(new SnapshotDecoder(decoder).decode(z, ComparePanelViewModel.SAMPLE_COUNT),
                    panels().get(i).samplesProperty().get().pixels(), 1e-6f, panels().get(i).title());
        }
        assertEquals(2, panels().get(4).samplesProperty().get().rows());

        float[] before = panels().get(3).samplesProperty().get().pixels();
        viewModel.newSamples();
        await("new samples", () -> panels().get(3).samplesProperty().get().pixels() != before);
        assertFalse(java.util.Arrays.equals(before, panels().get(3).samplesProperty().get().pixels()));
        assertTrue(panels().get(2).samplesCaption().contains("never trained"), panels().get(2).samplesCaption());
    }

    @Test
    void anotherPresetAsksOnceTrainedAndTrainsTheBetaSweep() throws InterruptedException {
        viewModel.activate();
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        assertNull(viewModel.presetQuestion(ComparisonPreset.BETA_SWEEP), "nothing to lose before training");
        stepTimes(2);
        String question = viewModel.presetQuestion(ComparisonPreset.BETA_SWEEP);
        assertNotNull(question);
        assertTrue(question.contains("2 iterations"), question);

        viewModel.choosePreset(ComparisonPreset.BETA_SWEEP);
        await("a fresh sweep", () -> viewModel.lifecycle().snapshotProperty().get() != null && iteration() == 0
                && panels().size() == 4);
        assertEquals(List.of("β-VAE, β = 0.1", "VAE (β = 1)", "β-VAE, β = 4", "PCA (linear baseline)"),
                panels().stream().map(ComparePanelViewModel::title).toList());
        assertEquals(ComparisonPreset.BETA_SWEEP, viewModel.presetProperty().get());
    }

    @Test
    void theComparisonFollowsTheExploreTabsDataAfterAsking() throws InterruptedException {
        viewModel.activate();
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        stepTimes(2);
        explorer.set(explorer.get().withBeta(3).withLearningRate(3e-3).withKind(ModelKind.AUTOENCODER));
        assertNull(viewModel.activationQuestion(), "β, learning rate and model kind of the Explore tab do not matter");
        viewModel.activate();
        assertEquals(2, iteration(), "the same models");

        explorer.set(explorer.get().withSeed(8));
        String question = viewModel.activationQuestion();
        assertNotNull(question);
        assertTrue(question.contains("seed 7") && question.contains("seed 8"), question);
        viewModel.keepComparison();
        assertTrue(viewModel.lifecycle().problemProperty().get().contains("seed 7"), viewModel.lifecycle().problemProperty().get());
        assertNull(viewModel.activationQuestion(), "not asked twice about the same data");
        viewModel.activate();
        assertEquals(7, viewModel.setupProperty().get().source().seed(), "kept");

        explorer.set(explorer.get().withSeed(9));
        assertNotNull(viewModel.activationQuestion(), "asked again when the Explore tab moves on");
        viewModel.activate();
        await("models on seed 9", () -> viewModel.setupProperty().get().source().seed() == 9
                && viewModel.lifecycle().snapshotProperty().get() != null);
        assertEquals(0, iteration());
    }

    @Test
    void hiddenPanelsLeaveTheSharedAxesAndTheTrails() throws InterruptedException {
        viewModel.activate();
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        stepTimes(20);
        panels().get(1).shownProperty().set(false);
        assertEquals(List.of("VAE, KL only", "VAE (β = 1)"),
                viewModel.sharedAxes().rateDistortionProperty().get().stream().map(RateDistortionCurve::label).toList());
        double widest = 0;
        for (ComparePanelViewModel panel : panels()) {
            if (panel.shownProperty().get()) {
                widest = Math.max(widest, LatentScatterViewModel.fittedViewport(panel.pointsProperty().get()).halfSpan());
            }
        }
        assertEquals(4, viewModel.sharedAxes().viewportProperty().get().halfSpan(), 1e-12, "the prior's ±4σ at first");
        viewModel.sharedAxes().wholeSpaceProperty().set(true);
        assertEquals(widest, viewModel.sharedAxes().viewportProperty().get().halfSpan(), 1e-12, "the widest shown panel's fit");
    }

    @Test
    void theLearningRateReachesEveryModel() throws InterruptedException {
        viewModel.activate();
        await("ready", () -> viewModel.lifecycle().stateProperty().get() != null);
        viewModel.setLearningRate(3e-3);
        await("3e-3 everywhere", () -> panels().stream().limit(4).allMatch(p -> p.snapshotProperty().get() != null
                && p.snapshotProperty().get().training().learningRate() == 3e-3));
        assertEquals(3e-3, viewModel.setupProperty().get().learningRate());
    }

    @Test
    void anUnreadableDatasetIsReported() {
        explorer.set(explorer.get().withDataset("missing"));
        viewModel.activate();
        assertEquals("No dataset at missing: the file does not exist.", viewModel.lifecycle().problemProperty().get());
        assertTrue(viewModel.lifecycle().statusProperty().get().startsWith("No comparison"), viewModel.lifecycle().statusProperty().get());
        assertFalse(viewModel.lifecycle().busyProperty().get());
        viewModel.lifecycle().dismissProblem();
        assertNull(viewModel.lifecycle().problemProperty().get());
    }

    @Test
    void anErrorWhileBuildingReachesTheBannerAndLeavesTheTabUsable() throws InterruptedException {
        explorer.set(explorer.get().withDataset("huge"));
        viewModel.activate();
        assertFalse(viewModel.lifecycle().busyProperty().get(), "the controls work again");
        assertEquals("Java heap space", viewModel.lifecycle().problemProperty().get());
        assertTrue(viewModel.lifecycle().statusProperty().get().startsWith("No comparison"), viewModel.lifecycle().statusProperty().get());

        explorer.set(explorer.get().withDataset("bars"));
        viewModel.activate();
        await("a comparison on bars", () -> viewModel.lifecycle().stateProperty().get() == TrainerState.READY);
    }
}
