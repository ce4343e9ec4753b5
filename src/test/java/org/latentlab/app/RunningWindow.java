package org.latentlab.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import javafx.stage.Stage;
import org.latentlab.training.TrainerState;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application, started headless (Monocle) before each test with its first model ready,
 * and closed after it.
 */
abstract class RunningWindow extends FxRobot {

    protected LatentLabApp app;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (LatentLabApp) FxToolkit.setupApplication(LatentLabApp.class);
        waitFor(60, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.READY);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    /** Gives the window {@code width × height} pixels, as on a projector of that size. */
    protected void resizeWindow(double width, double height) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
    }

    protected ExplorerViewModel viewModel() {
        return app.viewModel();
    }

    /** Makes the window 1280 × 720, as a projector shows it; returns it. */
    protected Stage asOnAProjector() throws Exception {
        resizeWindow(1280, 720);
        return FxToolkit.toolkitContext().getRegisteredStage();
    }

    /** Trains with the Train button until {@code epochs} epochs are done, then pauses with it. */
    protected void trainAndPause(int epochs) throws Exception {
        clickOn("#train");
        waitFor(400, () -> viewModel().lifecycle().snapshotProperty().get().epoch() >= epochs);
        clickOn("#train");
        waitFor(20, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.PAUSED);
    }

    /** Waits until {@code condition}, read on the JavaFX thread, holds. */
    protected static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** {@code read} on the JavaFX thread. */
    protected static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
