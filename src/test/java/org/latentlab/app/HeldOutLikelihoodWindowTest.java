package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.latentlab.training.EpochLikelihood;
import org.latentlab.training.TrainerState;
import org.latentlab.ui.loss.HeldOutLikelihoodLines;

/**
 * Starts the real application headless (Monocle), trains the 2-D VAE on the digits for two epochs
 * or a little more, and waits for the loss chart's held-out −log p(x) line, estimated in the
 * background after each epoch: a point for every epoch, each below the −ELBO of the same images from
 * the same samples, named in the legend for what it is. A picture of the window at 1280 × 720 goes to
 * target/ui/held-out-likelihood.png.
 */
class HeldOutLikelihoodWindowTest extends RunningWindow {

    @Test
    void theLossChartDrawsTheHeldOutLikelihoodOfEachEpochBelowTheSameImagesElbo() throws Exception {
        Stage stage = asOnAProjector();
        clickOn("#train");
        waitFor(300, () -> viewModel().lifecycle().snapshotProperty().get().epoch() >= 2);
        clickOn("#train");
        waitFor(20, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.PAUSED);
        int epochs = onFx(() -> viewModel().lifecycle().snapshotProperty().get().epoch());
        // The last epoch's estimate follows its end by a fraction of a second, on its own thread.
        waitFor(60, () -> {
            List<EpochLikelihood> drawn = viewModel().loss().likelihoodProperty().get().estimates();
            return !drawn.isEmpty() && drawn.get(drawn.size() - 1).epoch() == epochs;
        });
        HeldOutLikelihoodLines lines = onFx(() -> viewModel().loss().likelihoodProperty().get());
        // An epoch is skipped only when the next one ends while its estimate is still waiting to start.
        assertTrue(lines.estimates().size() >= 2, epochs + " epochs, estimated: " + lines.estimates());
        for (EpochLikelihood e : lines.estimates()) {
            assertTrue(e.negativeLogMarginal() < e.negativeElbo(), "IWAE below the −ELBO of the same images: " + e);
            assertTrue(e.negativeLogMarginal() > 50 && e.negativeLogMarginal() < 300, "nats per digit: " + e);
        }
        assertEquals("held-out −log p(x), IWAE K=20, 500 images", lines.label());
        String legend = onFx(() -> lookup("#loss-likelihood-legend").queryAs(Label.class).getText());
        assertEquals("held-out −log p(x), IWAE K=20\n500 images, dashed: their −ELBO", legend);
        assertTrue(onFx(() -> viewModel().loss().readoutProperty().get()).contains("gap after epoch " + epochs + ": "));
        String gap = onFx(() -> viewModel().loss().gapProperty().get()); // drawn under the last point
        assertTrue(gap.matches("gap after epoch " + epochs + ": [0-9.]+ nats"), gap);

        Path picture = Path.of("target", "ui", "held-out-likelihood.png");
        onFx(() -> {
            app.view().writePng(stage.getScene().getRoot(), picture);
            return null;
        });
        assertTrue(Files.size(picture) > 5_000, "a picture was written to " + picture);
    }
}
