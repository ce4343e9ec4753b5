package org.latentlab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.latentlab.ui.explorer.DatasetTrainerFactory;
import org.latentlab.ui.explorer.ExplorerSetup;
import org.latentlab.ui.explorer.ExplorerView;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.latentlab.ui.explorer.TrainerFactory;

/**
 * The real explorer window, opened by a benchmark that measures it from an
 * {@link AnimationTimer} and then exits: the parts every window benchmark shares. Confirmations
 * are always answered yes, and nothing is saved into the user's folders.
 */
abstract class MeasuredWindow extends Application {

    private ExecutorService background;
    private ExplorerViewModel viewModel;
    private ExplorerView view;

    @Override
    public final void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        viewModel = new ExplorerViewModel(trainerFactory(), background, Platform::runLater);
        view = new ExplorerView(viewModel, (title, question, yes, no) -> true,
                Path.of(System.getProperty("java.io.tmpdir"), "latent-lab-benchmark"));
        stage.setTitle("Latent Lab (" + getClass().getSimpleName() + ")");
        stage.setScene(ExplorerView.sceneOf(view));
        stage.show();
        prepare(viewModel);
        viewModel.start(setup());
        measurement(getParameters().getRaw()).start();
    }

    /** How the window builds its trainers; the window's own by default. */
    TrainerFactory trainerFactory() {
        return new DatasetTrainerFactory();
    }

    /** The model the window starts with; the window's default by default. */
    ExplorerSetup setup() {
        return ExplorerSetup.defaults();
    }

    /** Adjusts the views before the first model is built. */
    void prepare(ExplorerViewModel model) {
    }

    /** The timer that measures; it calls {@link #finish()} when done. */
    abstract AnimationTimer measurement(List<String> args);

    ExplorerViewModel viewModel() {
        return viewModel;
    }

    ExplorerView view() {
        return view;
    }

    /** Closes everything and leaves the application. */
    void finish() {
        view.stopFrames();
        viewModel.close();
        background.shutdownNow();
        Platform.exit();
    }
}
