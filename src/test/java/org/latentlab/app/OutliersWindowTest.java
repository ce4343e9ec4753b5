package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.latentlab.ui.outliers.OutlierScores;
import org.latentlab.ui.outliers.OutliersViewModel;

/**
 * Starts the real application headless (Monocle), trains the 2-D VAE on the digits for a few
 * epochs, and opens the Outliers tab: the held-out digits are scored, 16 most and 16 least likely
 * shown in order of −log p(x); a click on one selects it in the scatter; the synthetic faces (built
 * into every checkout) are loaded as other data and get their AUROC and both histograms. A picture
 * of the window at 1280 × 720 goes to target/ui/outliers.png.
 */
class OutliersWindowTest extends RunningWindow {

    private static final int EPOCHS = 3;

    @Test
    void theHeldOutDigitsAreRankedAndTheFacesComparedWithThem() throws Exception {
        Stage stage = asOnAProjector();
        trainAndPause(EPOCHS);
        long paused = onFx(() -> viewModel().lifecycle().snapshotProperty().get().iteration());
        clickOn("#outliers");
        OutliersViewModel outliers = viewModel().tools().outliers();
        waitFor(120, () -> outliers.scoresProperty().get() != null && outliers.scoresProperty().get().iteration() == paused);
        OutlierScores scores = onFx(() -> outliers.scoresProperty().get());

        double[] sorted = scores.heldOut().clone();
        Arrays.sort(sorted);
        assertEquals(1000, sorted.length, "the 1,000 held-out digits");
        assertEquals(16, scores.mostLikely().count());
        assertEquals(16, scores.leastLikely().count());
        for (int k = 0; k < 16; k++) {
            assertEquals(sorted[k], scores.mostLikely().values()[k], 0, "most likely, rank " + (k + 1));
            assertEquals(sorted[999 - k], scores.leastLikely().values()[k], 0, "least likely, rank " + (k + 1));
        }
        assertTrue(sorted[999] - sorted[0] > 20, "−log p(x) spreads over tens of nats: " + sorted[0] + " … " + sorted[999]);
        assertTrue(onFx(() -> lookup("#outliers-progress").queryAs(Label.class).getText())
                .contains("(IWAE, K = " + OutliersViewModel.SAMPLES + ")"));

        // The first least likely digit, top left of its block: its image, beside its reconstruction.
        Node least = lookup("#outliers-least-likely").query();
        Bounds block = onFx(() -> least.localToScreen(least.getBoundsInLocal()));
        clickOn(block.getMinX() + 10, block.getMinY() + 10);
        waitFor(10, () -> viewModel().scatter().selectedProperty().get() == scores.leastLikely().indices()[0]);

        clickOn("#other-data");
        clickOn("Synthetic faces (20,000)");
        waitFor(180, () -> outliers.scoresProperty().get() != null && outliers.scoresProperty().get().comparison() != null);
        OutlierScores compared = onFx(() -> outliers.scoresProperty().get());
        OutlierScores.Comparison faces = compared.comparison();
        assertEquals(1000, faces.other().length, "1,000 faces spread through the 20,000");
        assertEquals(1000, Arrays.stream(faces.histogram().firstCounts()).sum());
        assertEquals(1000, Arrays.stream(faces.histogram().secondCounts()).sum());
        String auroc = onFx(() -> lookup("#outliers-auroc").queryAs(Label.class).getText());
        assertTrue(auroc.startsWith(String.format(Locale.ROOT, "AUROC %.3f: ", faces.auroc())), auroc);
        assertTrue(onFx(() -> lookup("#outliers-histogram").query().isVisible()));
        assertEquals(faces.auroc() < 0.5, onFx(() -> lookup("#outliers-nalisnick").query().isVisible()),
                "the sentence on Nalisnick et al. exactly when the AUROC is below 0.5: " + faces.auroc());

        // For the picture, the divider under the right-hand tabs dragged down as far as it goes, as a
        // class would to see the whole tab at 1280 × 720.
        Node tools = lookup("#latent-tools").query();
        interact(() -> {
            Node up = tools;
            while (!(up instanceof SplitPane)) {
                up = up.getParent();
            }
            ((SplitPane) up).setDividerPosition(0, 1);
        });
        Path picture = Path.of("target", "ui", "outliers.png");
        onFx(() -> {
            app.view().writePng(stage.getScene().getRoot(), picture);
            return null;
        });
        assertTrue(Files.size(picture) > 5_000, "a picture was written to " + picture);
    }
}
