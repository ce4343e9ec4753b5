package org.latentlab.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    /** Waits until {@code condition}, read on the JavaFX thread, holds. */
    protected static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** {@code read} on the JavaFX thread. */
    protected static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
