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

    /**
     * Sizes the window to a projector's 1280 × 720, trains the first model until {@code epochs}
     * epochs are done and pauses it.
     *
     * @return the window's stage
     */
    protected Stage trainAt1280x720(int epochs) throws Exception {
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        clickOn("#train");
        waitFor(400, () -> viewModel().lifecycle().snapshotProperty().get().epoch() >= epochs);
        clickOn("#train");
        waitFor(20, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.PAUSED);
        return stage;
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
