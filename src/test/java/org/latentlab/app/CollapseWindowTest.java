package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import org.latentlab.lesson.Units;
import org.junit.jupiter.api.Test;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.collapse.CollapseReading;
import org.latentlab.ui.explorer.ExplorerSetup;

/**
 * Starts the real application headless (Monocle), presses the collapse meter's preset and trains:
 * the new 16-dimensional VAE at β = 4 brings every dimension alive early on (an untrained encoder's
 * means hardly vary, so it starts with none active) and ends a few hundred steps with fewer active
 * units than that; the meter shows the snapshot's counts and greys the dead dimensions. The units
 * switch then turns every loss number of the tab into bits per dimension.
 */
class CollapseWindowTest extends RunningWindow {

    @Test
    void thePresetTrainedAFewHundredStepsLosesActiveUnits() throws Exception {
        // The meter sits under the strips in their scroller: scroll down to it, as a user would.
        interact(() -> {
            javafx.scene.Node preset = lookup("#collapse-preset").query();
            for (javafx.scene.Node n = preset; n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane scroller) {
                    scroller.setVvalue(scroller.getVmax());
                }
            }
        });
        clickOn("#collapse-preset");
        waitFor(60, () -> viewModel().setupProperty().get().latentSize() == 16
                && viewModel().lifecycle().stateProperty().get() == TrainerState.READY
                && viewModel().lifecycle().snapshotProperty().get().modelConfig().latentSize() == 16);
        ExplorerSetup setup = onFx(() -> viewModel().setupProperty().get());
        assertEquals(4, setup.beta());
        assertEquals(ExplorerSetup.Schedule.CONSTANT, setup.schedule());
        assertEquals(0.01, setup.learningRate());
        TrainingSnapshot untrained = onFx(() -> viewModel().lifecycle().snapshotProperty().get());
        assertEquals(0, untrained.iteration());
        int[] most = {untrained.activeUnits()};
        onFx(() -> {
            viewModel().lifecycle().snapshotProperty().addListener((o, was, now) ->
                    most[0] = Math.max(most[0], now.activeUnits()));
            return null;
        });

        clickOn("#train");
        waitFor(120, () -> viewModel().lifecycle().snapshotProperty().get().iteration() >= 400);
        clickOn("#train");
        waitFor(20, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.PAUSED);
        TrainingSnapshot trained = onFx(() -> viewModel().lifecycle().snapshotProperty().get());
        int before = onFx(() -> most[0]);
        int after = trained.activeUnits();
        assertEquals(16, before, "every dimension came alive at some point");
        assertTrue(after < before, "active units went from " + before + " to " + after + " in "
                + trained.iteration() + " steps");

        waitFor(20, () -> viewModel().collapse().readingProperty().get().activeUnits() == after);
        CollapseReading shown = onFx(() -> viewModel().collapse().readingProperty().get());
        assertArrayEquals(trained.klPerDimension(), shown.klPerDimension());
        int grey = 0;
        for (int d = 0; d < 16; d++) {
            grey += shown.active()[d] ? 0 : 1;
            if (!shown.active()[d]) {
                assertTrue(shown.klPerDimension()[d] < 0.05, "dimension " + (d + 1) + " is inactive with KL "
                        + shown.klPerDimension()[d]);
            }
        }
        assertEquals(16 - after, grey);
        String caption = lookup("#collapse-caption").queryAs(Label.class).getText();
        assertTrue(caption.startsWith("Active units: " + after + " of 16, " + (16 - after) + " collapsed"), caption);

        Path picture = Path.of("target", "ui", "collapse-meter.png");
        Files.createDirectories(picture.getParent());
        onFx(() -> {
            app.view().writePng(app.view().collapseView(), picture);
            app.view().writePng(app.view(), Path.of("target", "ui", "collapse-window.png"));
            return null;
        });
        assertTrue(Files.size(picture) > 3_000, "the meter was written to " + picture);
        clickOn("#units");
        clickOn("bits per dimension");
        waitFor(20, () -> viewModel().unitsProperty().get() == Units.BITS_PER_DIMENSION);
        assertEquals(Units.BITS_PER_DIMENSION, lookup("#units").queryAs(ChoiceBox.class).getValue());
        double perNat = 1 / (784 * Math.log(2));
        String readout = onFx(() -> viewModel().loss().readoutProperty().get());
        double heldOut = trained.epochs().get(trained.epochs().size() - 1).validationNegativeElbo();
        assertTrue(readout.contains(String.format(java.util.Locale.ROOT, "after epoch %d: %.4f",
                trained.epochs().size(), heldOut * perNat)), readout);
        assertTrue(readout.contains("bits/dim") && !readout.contains("nats"), readout);
        String meter = lookup("#collapse-caption").queryAs(Label.class).getText();
        assertTrue(meter.endsWith(String.format(java.util.Locale.ROOT, "held-out KL %.5f bits/dim in all",
                shown.totalKl() * perNat)), meter);
        String status = onFx(() -> viewModel().lifecycle().statusProperty().get());
        assertTrue(status.endsWith("KL bits/dim"), status);
        onFx(() -> {
            app.view().writePng(app.view(), Path.of("target", "ui", "collapse-window-bits.png"));
            return null;
        });
        System.out.println("collapse: " + before + " → " + after + " active units in " + trained.iteration()
                + " steps; " + caption);
    }
}
