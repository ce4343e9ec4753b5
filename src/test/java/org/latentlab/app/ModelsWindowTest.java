package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import org.junit.jupiter.api.Test;
import org.latentlab.model.ModelKind;
import org.latentlab.training.TrainerState;
import org.latentlab.ui.manifold.ManifoldImages;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The models beyond the plain VAE in the real window: a conditional VAE chosen in the toolbar
 * trains, and its Conditional tab's grid changes with the class chosen; the mean / sample switch
 * turns a Bernoulli decoder's images black and white; a hierarchical VAE shows each level's KL.
 */
class ModelsWindowTest extends RunningWindow {

    @SuppressWarnings("unchecked")
    private void chooseModel(ModelKind kind) throws Exception {
        ChoiceBox<ModelKind> model = lookup("#model").queryAs(ChoiceBox.class);
        interact(() -> model.setValue(kind));
        waitFor(120, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.READY
                && viewModel().lifecycle().snapshotProperty().get() != null
                && viewModel().lifecycle().snapshotProperty().get().modelConfig().kind() == kind);
    }

    private void trainFor(int iterations) throws Exception {
        clickOn("#train");
        waitFor(120, () -> viewModel().lifecycle().snapshotProperty().get().iteration() >= iterations);
        clickOn("#train");
        waitFor(20, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.PAUSED);
    }

    private ManifoldImages conditionalGrid() throws Exception {
        return onFx(() -> viewModel().conditional().grid().imagesProperty().get());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConditionalVaeDrawsTheClassChosenAcrossItsStyleSpace() throws Exception {
        asOnAProjector();
        chooseModel(ModelKind.CVAE);
        assertEquals(10, (int) onFx(() -> viewModel().lifecycle().snapshotProperty().get().modelConfig()
                .conditionClasses()));
        clickOn("#tab-conditional");
        trainFor(60);
        waitFor(120, () -> viewModel().conditional().grid().imagesProperty().get() != null
                && viewModel().conditional().grid().captionProperty().get().contains("class “0”"));
        ManifoldImages zeros = conditionalGrid();

        ChoiceBox<String> chosen = lookup("#conditional-class").queryAs(ChoiceBox.class);
        assertEquals(10, chosen.getItems().size());
        interact(() -> chosen.getSelectionModel().select("7"));
        waitFor(120, () -> viewModel().conditional().grid().captionProperty().get().contains("class “7”")
                && viewModel().conditional().grid().imagesProperty().get() != zeros);
        ManifoldImages sevens = conditionalGrid();
        assertEquals(zeros.pixels().length, sevens.pixels().length);
        double difference = 0;
        for (int i = 0; i < zeros.pixels().length; i++) {
            difference += Math.abs(zeros.pixels()[i] - sevens.pixels()[i]);
        }
        difference /= zeros.pixels().length;
        assertTrue(difference > 0.03, "another class, other images: mean difference " + difference);

        // The code nearest the origin: inside the axes however far training went before the pause
        // (image 0's code can lie past the edge, and a click there selects nothing).
        int central = onFx(() -> viewModel().scatter().pointsProperty().get().nearest(0, 0, 1e9));
        // Under load a frame can move the plot between reading the point's place and the click: click again.
        for (int attempt = 0; attempt < 3 && onFx(() -> viewModel().scatter().selectedProperty().get()) != central;
                attempt++) {
            Point2D onScreen = onFx(() -> app.view().scatterView().plot()
                    .localToScreen(app.view().scatterView().positionOf(central)));
            clickOn(onScreen);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(central, (int) onFx(() -> viewModel().scatter().selectedProperty().get()),
                "the click selected the code nearest the origin");
        waitFor(120, () -> viewModel().conditional().asEveryClassProperty().get() != null);
        assertEquals(10, (int) onFx(() -> viewModel().conditional().asEveryClassProperty().get().count()));

        Path picture = Path.of("target", "ui", "conditional.png");
        Node tab = lookup("#conditional").query();
        onFx(() -> {
            app.view().writePng(tab, picture);
            app.view().writePng(app.view(), Path.of("target", "ui", "conditional-window.png"));
            return null;
        });
        assertTrue(Files.size(picture) > 10_000, "a snapshot of the Conditional tab was written to " + picture);
    }

    @Test
    void theSampleSwitchDrawsABernoulliDecodersImagesInBlackAndWhite() throws Exception {
        asOnAProjector();
        trainFor(30);
        waitFor(120, () -> viewModel().manifold().imagesProperty().get() != null);
        assertFalse(binary(viewModel().manifold().imagesProperty().get().pixels()), "the means are grey");
        clickOn("#decoder-sample");
        waitFor(120, () -> binary(viewModel().manifold().imagesProperty().get().pixels())
                && viewModel().samples().samplesProperty().get() != null
                && binary(viewModel().samples().samplesProperty().get().pixels())
                && binary(viewModel().samples().reconstructionsProperty().get().pixels()));
        assertTrue(onFx(() -> viewModel().manifold().captionProperty().get()).contains("one sample of p(x|z)"));
        onFx(() -> {
            app.view().writePng(app.view(), Path.of("target", "ui", "decoder-sample-window.png"));
            return null;
        });
        clickOn("#decoder-mean");
        waitFor(120, () -> !binary(viewModel().manifold().imagesProperty().get().pixels()));
    }

    @Test
    void aHierarchicalVaeShowsTheKlOfEachLevelAndDecodesThroughTheMeanOfTheLowerLevel() throws Exception {
        chooseModel(ModelKind.HVAE);
        assertEquals(16, (int) onFx(() -> viewModel().lifecycle().snapshotProperty().get().modelConfig().latentSize()));
        assertEquals(2, (int) onFx(() -> viewModel().scatter().pointsProperty().get().latentSize()),
                "the scatter shows z₂");
        trainFor(20);
        waitFor(120, () -> viewModel().loss().seriesProperty().get() != null
                && viewModel().loss().seriesProperty().get().twoLevels()
                && viewModel().loss().readoutProperty().get().contains(" = z₁ "));
        assertTrue(onFx(() -> viewModel().manifold().captionProperty().get())
                .contains("decoded through the mean of p(z₁|z₂)"));
    }

    private static boolean binary(float[] pixels) {
        for (float v : pixels) {
            if (v != 0 && v != 1) {
                return false;
            }
        }
        return true;
    }
}
