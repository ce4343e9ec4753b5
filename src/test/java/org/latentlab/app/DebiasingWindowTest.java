package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.training.CompareSnapshot;
import org.latentlab.training.TrainerState;
import org.latentlab.ui.debiasing.DebiasingViewModel;
import org.latentlab.ui.debiasing.GroupErrors;
import org.latentlab.ui.debiasing.WeightedPoints;

/**
 * Starts the real application headless (Monocle) at 1280 × 720, opens the Debiasing tab on the
 * faces with 5 % bright ones, trains its two models through its own Train button while the Explore
 * tab's model pauses, and checks that after {@code -Dlatentlab.debiasingEpochs} epochs (2 by
 * default) both models' error curves hold a point per epoch for both groups and that the scatter
 * shows the debiased sampler's weights. Writes a PNG of the window ({@code target/ui/debiasing-tab.png},
 * or the path in {@code -Dlatentlab.debiasingTabPng}).
 */
class DebiasingWindowTest extends RunningWindow {

    private static final int EPOCHS = Integer.getInteger("latentlab.debiasingEpochs", 2);
    private static final Path PICTURE = Path.of(System.getProperty("latentlab.debiasingTabPng",
            "target/ui/debiasing-tab.png"));

    @BeforeEach
    void projectorSize() throws Exception {
        resizeWindow(1280, 720);
    }

    private DebiasingViewModel debiasing() {
        return app.debiasingViewModel();
    }

    @Test
    void trainsAPlainAndADebiasedVaeSideBySideAndShowsBothGroupsErrorsAndTheWeights() throws Exception {
        clickOn("#train");
        waitFor(30, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.RUNNING);

        clickOn("#tab-debiasing");
        waitFor(180, () -> debiasing().lifecycle().stateProperty().get() == TrainerState.READY);
        assertEquals("faces:rare=brightness>0.7@0.05", onFx(() -> debiasing().builtProperty().get().datasetSpec()));
        // The scatter is placed on a background thread after the models are built.
        waitFor(60, () -> debiasing().pointsProperty().get() != null);
        WeightedPoints untrained = onFx(() -> debiasing().pointsProperty().get());
        assertEquals(2_000, untrained.size(), "every held-out face");
        assertEquals(1.0, untrained.meanRareWeight(), 0.0, "no weights before the first epoch");

        clickOn("#debiasing-train");
        waitFor(30, () -> debiasing().lifecycle().stateProperty().get() == TrainerState.RUNNING);
        waitFor(30, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.PAUSED);
        assertEquals("Pause", lookup("#debiasing-train").queryAs(Button.class).getText());
        waitFor(900, () -> debiasing().debiasedErrorsProperty().get().size() >= EPOCHS
                && debiasing().pointsProperty().get().epoch() > EPOCHS);
        clickOn("#debiasing-train");
        waitFor(30, () -> debiasing().lifecycle().stateProperty().get() == TrainerState.PAUSED);

        CompareSnapshot shown = onFx(() -> debiasing().lifecycle().snapshotProperty().get());
        GroupErrors plain = onFx(() -> debiasing().plainErrorsProperty().get());
        GroupErrors debiased = onFx(() -> debiasing().debiasedErrorsProperty().get());
        assertEquals(shown.epoch(), plain.size(), "a point per epoch for the plain model");
        assertEquals(shown.epoch(), debiased.size(), "and for the debiased one");
        for (GroupErrors model : new GroupErrors[] {plain, debiased}) {
            for (int e = 0; e < model.size(); e++) {
                // A Gaussian decoder with σ = 0.1 on 784 pixels: about −1,000 nats per face once trained.
                assertTrue(model.rare(e) < -500 && model.rare(e) > -1500, "rare group " + model.rare(e));
                assertTrue(model.common(e) < -500 && model.common(e) > -1500, "the others " + model.common(e));
            }
        }
        assertEquals(0.05, plain.rareShare(0), 0.01, "a plain shuffle draws the group at its share");
        assertTrue(debiased.rareShare(debiased.size() - 1) > 0.05,
                "the sampler draws the bright faces more often: " + debiased.rareShare(debiased.size() - 1));

        WeightedPoints weighted = onFx(() -> debiasing().pointsProperty().get());
        assertTrue(weighted.meanRareWeight() > 1.2 * weighted.meanCommonWeight(), "bright faces weigh "
                + weighted.meanRareWeight() + " on average, the others " + weighted.meanCommonWeight());
        assertTrue(onFx(() -> lookup("#debiasing-readout").queryAs(Label.class).getText())
                .startsWith("After epoch " + shown.epoch()));
        assertFalse(onFx(() -> lookup("#debiasing-look-for").queryAs(Label.class).getText()).isBlank());

        Files.createDirectories(PICTURE.toAbsolutePath().getParent());
        onFx(() -> {
            app.view().writePng(app.view(), PICTURE);
            return null;
        });
        assertTrue(Files.size(PICTURE) > 30_000, "a picture of the tab was written to " + PICTURE);
    }
}
