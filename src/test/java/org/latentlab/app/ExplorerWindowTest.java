package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.Test;
import org.latentlab.storage.UserFolders;
import org.latentlab.training.RunFile;
import org.latentlab.training.TrainerState;
import org.latentlab.ui.explorer.ExplorerView;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real application headless (Monocle), trains the default VAE on the embedded digits
 * through its buttons, and checks that every view receives data, that pausing stops training,
 * that β changes while training, and that clicking a point selects it.
 */
class ExplorerWindowTest extends RunningWindow {

    @Test
    void closingTheWindowAfterTrainingSavesTheLastSession() throws Exception {
        Path lastSession = ExplorerView.lastSession(UserFolders.forThisUser().models());
        assertTrue(lastSession.startsWith(Path.of("target").toAbsolutePath()), "tests keep to " + lastSession);
        Files.deleteIfExists(lastSession);
        clickOn("#step");
        waitFor(20, () -> viewModel().lifecycle().snapshotProperty().get().iteration() == 1);
        FxToolkit.cleanupApplication(app);
        app.closing().join(30_000); // as the JVM waits for it before it exits
        assertTrue(Files.size(lastSession) > 100_000, "the trained model was saved on close");
        assertEquals(1, RunFile.load(lastSession).iterations().size());
        app = (LatentLabApp) FxToolkit.setupApplication(LatentLabApp.class);
    }

    private long iteration() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> viewModel().lifecycle().snapshotProperty().get().iteration()).get();
    }

    @Test
    void trainsPausesChangesBetaAndSelectsAPoint() throws Exception {
        assertEquals(1_000, WaitForAsyncUtils.asyncFx(() -> viewModel().scatter().pointsProperty().get().size()).get(),
                "the scatter shows the 1,000 held-out digits");

        clickOn("#train");
        waitFor(60, () -> viewModel().lifecycle().snapshotProperty().get().iteration() >= 30);
        assertEquals("Pause", lookup("#train").queryAs(Button.class).getText());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> viewModel().loss().seriesProperty().get().size()).get() >= 30,
                "the loss chart received the iterations");

        Slider beta = lookup("#beta").queryAs(Slider.class);
        interact(() -> beta.setValue(2.5));
        waitFor(20, () -> viewModel().lifecycle().snapshotProperty().get().beta() == 2.5);
        assertTrue(WaitForAsyncUtils.asyncFx(() -> viewModel().lifecycle().statusProperty().get()).get().contains("β 2.50"));

        clickOn("#train");
        waitFor(20, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.PAUSED);
        long paused = iteration();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(paused, iteration(), "no iteration after Pause");

        Point2D onScreen = WaitForAsyncUtils.asyncFx(() -> {
            var scatter = app.view().scatterView();
            Point2D local = scatter.positionOf(0);
            return scatter.plot().localToScreen(local);
        }).get();
        clickOn(onScreen);
        waitFor(20, () -> viewModel().scatter().selectedProperty().get() >= 0
                && viewModel().scatter().reconstructionProperty().get() != null);
        assertNotNull(WaitForAsyncUtils.asyncFx(() -> viewModel().scatter().posteriorProperty().get()).get(),
                "a VAE's selected point shows its posterior");

        Path picture = Path.of("target", "ui", "explorer-window.png");
        WaitForAsyncUtils.asyncFx(() -> {
            app.view().writePng(app.view(), picture);
            return null;
        }).get();
        assertTrue(Files.size(picture) > 20_000, "a snapshot of the window was written to " + picture);
    }
}
