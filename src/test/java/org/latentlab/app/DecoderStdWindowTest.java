package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;
import org.latentlab.training.DecoderStdCourse;
import org.latentlab.training.TrainerState;
import org.latentlab.ui.explorer.DecoderChoice;

/**
 * A learned σ per pixel drawn in the real window at 1280 × 720: the small chart above the
 * reconstructions appears only for a learned σ, follows the epochs, and shows the σ map of 28 × 28 pixels.
 */
class DecoderStdWindowTest extends RunningWindow {

    @Test
    @SuppressWarnings("unchecked")
    void aLearnedSigmaPerPixelIsDrawnOverTheEpochsWithItsMap() throws Exception {
        Stage stage = asOnAProjector();
        Node chart = lookup("#decoder-std-chart").query();
        assertFalse(onFx(chart::isVisible), "a Bernoulli decoder has no σ to draw");
        ChoiceBox<DecoderChoice> decoder = lookup("#decoder").queryAs(ChoiceBox.class);
        interact(() -> decoder.setValue(new DecoderChoice(Likelihood.GAUSSIAN, DecoderVariance.LEARNED_PER_PIXEL)));
        waitFor(120, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.READY
                && viewModel().lifecycle().snapshotProperty().get() != null
                && viewModel().lifecycle().snapshotProperty().get().modelConfig().decoderVariance()
                        == DecoderVariance.LEARNED_PER_PIXEL);
        clickOn("#train");
        waitFor(300, () -> viewModel().lifecycle().snapshotProperty().get().epochs().size() >= 2);
        clickOn("#train");
        waitFor(20, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.PAUSED);
        waitFor(20, () -> viewModel().loss().decoderStd().courseProperty().get() != null
                && viewModel().loss().decoderStd().courseProperty().get().size()
                        == viewModel().lifecycle().snapshotProperty().get().epochs().size() + 2);

        DecoderStdCourse course = onFx(() -> viewModel().loss().decoderStd().courseProperty().get());
        assertTrue(onFx(chart::isVisible));
        assertEquals(28, course.mapWidth());
        assertEquals(784, course.map().length);
        assertTrue(course.max()[2] > course.min()[2] * 1.2, "two epochs spread the pixels' σ: " + course.min()[2]
                + " to " + course.max()[2]);
        ImageView map = lookup("#decoder-std-map").queryAs(ImageView.class);
        assertNotNull(onFx(map::getImage));
        assertEquals(28, (int) (double) onFx(() -> map.getImage().getWidth()));
        assertTrue(onFx(() -> viewModel().loss().decoderStd().captionProperty().get()).startsWith(
                "σ per pixel now (map): median "));

        Path picture = Path.of("target", "ui", "decoder-std-window.png");
        onFx(() -> {
            app.view().writePng(app.view(), picture);
            return null;
        });
        assertTrue(Files.size(picture) > 10_000, "a snapshot of the window was written to " + picture);
    }
}
