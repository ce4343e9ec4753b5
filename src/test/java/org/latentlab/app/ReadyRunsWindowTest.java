package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.lesson.Setup;
import org.latentlab.lesson.SetupKey;
import org.latentlab.model.ModelKind;
import org.latentlab.training.CompareSnapshot;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.ReadyRunFiles;
import org.latentlab.training.SavedComparison;
import org.latentlab.training.SavedRun;
import org.latentlab.training.TrainerState;
import org.latentlab.training.VariantSnapshot;
import org.latentlab.ui.compare.ComparePanelViewModel;
import org.latentlab.ui.compare.CompareViewModel;

/**
 * The ready-trained runs the lessons gained, in the real window (Monocle) at 1280 × 720. The
 * ablation: folders that hold no comparison are one message naming the file; the ready comparison
 * opens in the Compare tab with every panel showing its model's held-out losses as the run
 * recorded them, to the digit; Train goes on with all four models in lockstep from there. Writes a
 * PNG of the window ({@code target/ui/ready-comparison.png}, or the path in
 * {@code -Dlatentlab.readyComparisonPng}). The conditional and the hierarchical VAE: each opens
 * with its kind and latent size in the toolbar and trains on from its steps.
 */
class ReadyRunsWindowTest extends RunningWindow {

    private static final String NAME = "compare-ablation";
    private static final Path PICTURE = Path.of(System.getProperty("latentlab.readyComparisonPng",
            "target/ui/ready-comparison.png"));

    @BeforeEach
    void projectorSize() throws Exception {
        resizeWindow(1280, 720);
    }

    private CompareViewModel compare() {
        return app.compareViewModel();
    }

    @Test
    void aBadFolderIsOneMessageAndTheReadyComparisonOpensTrainedAndTrainsOnInLockstep(@TempDir Path folder)
            throws Exception {
        interact(() -> app.classroom().openComparison(folder));
        waitFor(30, () -> !compare().lifecycle().busyProperty().get() && compare().lifecycle().problemProperty().get() != null);
        assertEquals(folder + " holds no comparison.properties: give the folder that 'train --compare' wrote",
                onFx(() -> compare().lifecycle().problemProperty().get()));
        Files.writeString(folder.resolve("comparison.properties"),
                "format=latent-lab-comparison\nversion=1\npreset=ablation\nvariants=ae,vae\ndataset=mnist\n");
        interact(() -> app.classroom().openComparison(folder));
        waitFor(30, () -> !compare().lifecycle().busyProperty().get()
                && compare().lifecycle().problemProperty().get().contains("lists the model"));
        assertEquals(folder.resolve("comparison.properties") + " lists the model 'ae', but "
                + folder.resolve("ae").resolve("model.latentlab") + " does not exist (expected one run folder per model,"
                + " as 'train --compare' writes them)", onFx(() -> compare().lifecycle().problemProperty().get()));

        interact(() -> app.classroom().window().apply(Setup.defaults().with(Map.of(SetupKey.RUN, NAME,
                SetupKey.TAB, "compare"))));
        SavedComparison saved = ReadyRunFiles.loadComparison(NAME);
        long steps = saved.runs().get(0).state().steps();
        waitFor(90, () -> !compare().lifecycle().busyProperty().get() && compare().panelsProperty().get().size() == 5
                && compare().lifecycle().snapshotProperty().get() != null
                && compare().lifecycle().snapshotProperty().get().iteration() == steps);
        assertEquals(NAME, onFx(() -> compare().openedFromProperty().get()));
        assertNull(onFx(() -> compare().lifecycle().problemProperty().get()), "the banner of the bad folders is gone");
        assertEquals(ComparisonPreset.ABLATION, onFx(() -> compare().presetProperty().get()));
        assertEquals(TrainerState.READY, onFx(() -> compare().lifecycle().stateProperty().get()));
        List<ComparePanelViewModel> panels = onFx(() -> compare().panelsProperty().get());
        for (int i = 0; i < 4; i++) {
            SavedRun run = saved.runs().get(i);
            ComparePanelViewModel panel = panels.get(i);
            assertEquals(heldOutNumbers(run), onFx(() -> panel.numbersProperty().get()), "panel " + i);
        }

        clickOn("#compare-samples-everywhere");
        waitFor(30, () -> compare().panelsProperty().get().stream().allMatch(p -> p.samplesProperty().get() != null
                && p.gridProperty().get() != null));
        Files.createDirectories(PICTURE.toAbsolutePath().getParent());
        onFx(() -> {
            app.view().writePng(app.view(), PICTURE);
            return null;
        });
        assertTrue(Files.size(PICTURE) > 50_000, "a picture of the tab was written to " + PICTURE);

        clickOn("#compare-train");
        waitFor(120, () -> compare().lifecycle().snapshotProperty().get().iteration() >= steps + 20);
        clickOn("#compare-train");
        waitFor(30, () -> compare().lifecycle().stateProperty().get() == TrainerState.PAUSED);
        CompareSnapshot after = onFx(() -> compare().lifecycle().snapshotProperty().get());
        for (VariantSnapshot variant : after.variants()) {
            assertEquals(after.iteration(), variant.training().iteration(), variant.variant().name() + " in lockstep");
            assertEquals(after.iteration(), variant.training().iterations().size(), "its history goes on from the run's");
        }
    }

    @Test
    void theConditionalVaeOpensWithItsKindInTheToolbarAndTrainsOn() throws Exception {
        opensWithItsKindAndTrainsOn("cvae-2d");
    }

    @Test
    void theHierarchicalVaeOpensWithItsKindInTheToolbarAndTrainsOn() throws Exception {
        opensWithItsKindAndTrainsOn("hvae-16-2");
    }

    /** The ready run {@code name} opens with its kind and latent size in the toolbar, and Step trains it on from its steps. */
    private void opensWithItsKindAndTrainsOn(String name) throws Exception {
        SavedRun saved = ReadyRunFiles.load(name);
        long steps = saved.state().steps();
        interact(() -> app.classroom().window().apply(Setup.defaults().with(Map.of(SetupKey.RUN, name))));
        waitFor(60, () -> !viewModel().lifecycle().busyProperty().get()
                && viewModel().lifecycle().snapshotProperty().get().iteration() == steps);
        ModelKind kind = saved.modelConfig().kind();
        assertEquals(kind, lookup("#model").queryAs(ChoiceBox.class).getValue());
        assertEquals(saved.modelConfig().latentSize(), (int) onFx(() -> (Integer) lookup("#latent")
                .queryAs(Spinner.class).getValue()));
        assertEquals(kind == ModelKind.CVAE, onFx(() -> viewModel().conditional().conditionalProperty().get()));
        clickOn("#step");
        waitFor(30, () -> viewModel().lifecycle().snapshotProperty().get().iteration() == steps + 1);
        assertEquals(steps + 1, (long) onFx(() -> (long) viewModel().lifecycle().snapshotProperty().get()
                .iterations().size()), "it trains on from its history");
    }

    /** What a panel says of a run's last epoch: its held-out terms, as the panel formats them. */
    private static String heldOutNumbers(SavedRun run) {
        EpochMetrics last = run.epochs().get(run.epochs().size() - 1);
        if (run.modelConfig().kind() == ModelKind.AUTOENCODER) {
            return String.format(Locale.ROOT, "held-out rec. %.1f\nno KL, no ELBO", last.validationReconstruction());
        }
        return String.format(Locale.ROOT, "held-out rec. %.1f\nKL %.2f · −ELBO %.1f",
                last.validationReconstruction(), last.validationKl(), last.validationNegativeElbo());
    }
}
