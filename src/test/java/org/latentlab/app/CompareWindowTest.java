package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.training.CompareSnapshot;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.TrainerState;
import org.latentlab.training.VariantSnapshot;
import org.latentlab.ui.compare.ComparePanelViewModel;
import org.latentlab.ui.compare.CompareViewModel;
import org.testfx.api.FxToolkit;

/**
 * Starts the real application headless (Monocle), opens the Compare tab on the embedded digits,
 * trains the ablation's four models through its buttons while the Explore tab's model pauses, and
 * checks that every panel receives its own part of each snapshot, that the KL-only model's KL stays
 * far below the VAE's, and that a dot clicked in one panel is ringed in all of them. Writes a PNG of
 * the window ({@code target/ui/compare-tab.png}, or the path in {@code -Dlatentlab.compareTabPng},
 * after {@code -Dlatentlab.compareTabIterations} iterations, 150 by default), and one with the axes
 * fitted to the whole latent space beside it ({@code …-whole.png}).
 */
class CompareWindowTest extends RunningWindow {

    private static final int ITERATIONS = Integer.getInteger("latentlab.compareTabIterations", 150);
    private static final Path PICTURE = Path.of(System.getProperty("latentlab.compareTabPng", "target/ui/compare-tab.png"));

    /** Runs after the window has started: room for five panels and the side column. */
    @BeforeEach
    void enlarge() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
    }

    private CompareViewModel compare() {
        return app.compareViewModel();
    }

    @Test
    void trainsTheAblationSideBySideAndSelectsAcrossPanels() throws Exception {
        clickOn("#train");
        waitFor(30, () -> app.viewModel().lifecycle().stateProperty().get() == TrainerState.RUNNING);

        clickOn("#tab-compare");
        waitFor(90, () -> compare().lifecycle().stateProperty().get() == TrainerState.READY);
        assertFalse(onFx(() -> shown(lookup("#train").query())), "the Explore tab's toolbar is hidden");
        assertTrue(onFx(() -> shown(lookup("#compare-train").query())), "the Compare tab's own controls show");
        assertEquals(5, onFx(() -> app.compareView().shownPanels()), "four models and PCA");

        clickOn("#compare-train");
        waitFor(30, () -> compare().lifecycle().stateProperty().get() == TrainerState.RUNNING);
        waitFor(30, () -> app.viewModel().lifecycle().stateProperty().get() == TrainerState.PAUSED);
        assertEquals("Pause", lookup("#compare-train").queryAs(Button.class).getText());
        waitFor(600, () -> compare().lifecycle().snapshotProperty().get().iteration() >= ITERATIONS);

        CompareSnapshot shown = onFx(() -> compare().lifecycle().snapshotProperty().get());
        List<ComparePanelViewModel> panels = onFx(() -> compare().panelsProperty().get());
        for (int i = 0; i < 4; i++) {
            ComparePanelViewModel panel = panels.get(i);
            VariantSnapshot own = onFx(panel.snapshotProperty()::get);
            assertEquals(ComparisonPreset.ABLATION.variants().get(i), own.variant(), "panel " + i);
            assertTrue(own == shown.variants().get(i), "panel " + i + " shows its part of the latest snapshot");
            assertEquals(shown.iteration(), own.training().iteration(), "the models advance together");
            assertEquals(1_000, onFx(() -> panel.pointsProperty().get().size()));
        }
        double klOnly = meanKl(shown.variant("kl-only").training().iterations());
        double vae = meanKl(shown.variant("vae").training().iterations());
        assertTrue(klOnly < 0.1 * vae, "KL only " + klOnly + " nats against " + vae + " for the VAE");

        clickOn("#compare-samples-everywhere");
        waitFor(30, () -> compare().panelsProperty().get().stream().allMatch(p -> p.samplesProperty().get() != null));

        int probe = firstInsideEveryPanel();
        Point2D dot = onFx(() -> app.compareView().screenPositionOf(3, probe));
        clickOn(dot);
        waitFor(20, () -> compare().selectedProperty().get() >= 0);
        int selected = onFx(() -> compare().selectedProperty().get());
        int[] everywhere = new int[5];
        java.util.Arrays.fill(everywhere, selected);
        assertArrayEquals(everywhere, onFx(() -> app.compareView().highlighted()), "ringed in every panel");
        waitFor(20, () -> compare().panelsProperty().get().stream()
                .allMatch(p -> p.reconstructionProperty().get() != null));

        Files.createDirectories(PICTURE.toAbsolutePath().getParent());
        onFx(() -> {
            app.view().writePng(app.view(), PICTURE);
            return null;
        });
        assertTrue(Files.size(PICTURE) > 50_000, "a picture of the tab was written to " + PICTURE);

        clickOn("#compare-whole-space");
        double half = onFx(() -> compare().sharedAxes().viewportProperty().get().halfSpan());
        assertTrue(half > 4, "the axes reach the farthest code, ±" + half);
        assertTrue(onFx(() -> panels.stream().allMatch(p -> p.outsideProperty().get().equals("all 1,000 inside"))),
                "every code in view");
        Path whole = PICTURE.resolveSibling(PICTURE.getFileName().toString().replace(".png", "-whole.png"));
        onFx(() -> {
            app.view().writePng(app.view(), whole);
            return null;
        });

        clickOn("#compare-train");
        waitFor(20, () -> compare().lifecycle().stateProperty().get() == TrainerState.PAUSED);
        Node explore = lookup("#tab-explore").query();
        assertNotNull(explore);
    }

    /** Whether {@code node} and every node above it are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** A probe image whose dot is inside the axes of the VAE's panel, to click on. */
    private int firstInsideEveryPanel() throws Exception {
        return onFx(() -> {
            var points = compare().panelsProperty().get().get(3).pointsProperty().get();
            var view = compare().sharedAxes().viewportProperty().get();
            for (int i = 0; i < points.size(); i++) {
                if (Math.abs(points.xs()[i]) < view.halfSpan() * 0.8 && Math.abs(points.ys()[i]) < view.halfSpan() * 0.8) {
                    return i;
                }
            }
            return 0;
        });
    }

    private static double meanKl(IterationHistory.View history) {
        int from = Math.max(0, history.size() - 50);
        double sum = 0;
        for (int i = from; i < history.size(); i++) {
            sum += history.kl(i);
        }
        return sum / (history.size() - from);
    }
}
