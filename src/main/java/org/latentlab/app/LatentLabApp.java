package org.latentlab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.latentlab.data.DatasetSplits;
import org.latentlab.model.NativeBackend;
import org.latentlab.model.TrainingKernels;
import org.latentlab.storage.UserFolders;
import org.latentlab.ui.compare.CompareView;
import org.latentlab.ui.compare.CompareViewModel;
import org.latentlab.ui.compare.DatasetCompareTrainerFactory;
import org.latentlab.ui.compare.OneTrainerAtATime;
import org.latentlab.ui.debiasing.DebiasingView;
import org.latentlab.ui.debiasing.DebiasingViewModel;
import org.latentlab.ui.explorer.Confirmation;
import org.latentlab.ui.explorer.DatasetTrainerFactory;
import org.latentlab.ui.explorer.ExplorerSetup;
import org.latentlab.ui.explorer.ExplorerView;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.latentlab.ui.lesson.Classroom;

/**
 * The JavaFX application: wires the explorer's, the compare lab's and the Debiasing tab's
 * view-models to their trainer factories (which share the loaded dataset), a background thread for
 * slow work and the JavaFX thread, and opens the window on the embedded digits with a 2-D VAE ready
 * to train, with classroom mode (lessons and setups) and, if the command line named one, a lesson or
 * setup open. The compare lab and the Debiasing tab's two models are built when their tabs are first
 * shown, and only one of the three trainers runs at a time. Closing the window saves a trained model
 * and stops the trainers and the decoders without waiting.
 */
public final class LatentLabApp extends Application {

    private ExecutorService background;
    private ExplorerViewModel viewModel;
    private ExplorerView view;
    private CompareViewModel compareViewModel;
    private CompareView compareView;
    private Classroom classroom;
    private DebiasingViewModel debiasingViewModel;
    private DebiasingView debiasingView;
    /** What is left to do once the window has gone; {@code null} until it is closed. */
    private Thread closing;

    /** Opens the window, on the lesson or setup {@code args} name ({@link WindowArguments}), and returns when it is closed. */
    static void launchWindow(String... args) {
        Application.launch(LatentLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        background = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "latent-lab-background");
            thread.setDaemon(true);
            return thread;
        });
        DatasetSplits splits = new DatasetSplits();
        viewModel = new ExplorerViewModel(new DatasetTrainerFactory(splits), background, Platform::runLater);
        view = new ExplorerView(viewModel, LatentLabApp::askInDialog, UserFolders.forThisUser().models());
        compareViewModel = new CompareViewModel(new DatasetCompareTrainerFactory(splits), viewModel.setupProperty(),
                background, Platform::runLater);
        compareView = new CompareView(compareViewModel, LatentLabApp::askInDialog);
        view.addTab("Compare", "Train an autoencoder and VAEs with and without each loss term side by side, "
                + "on the same batches", compareView).selectedProperty().addListener((o, was, now) -> {
                    if (now) {
                        compareView.activate();
                    }
                });
        OneTrainerAtATime.between(viewModel.lifecycle().stateProperty(), viewModel::pause,
                compareViewModel.lifecycle().stateProperty(), compareViewModel.commands()::pause);
        debiasingViewModel = new DebiasingViewModel(new DatasetCompareTrainerFactory(splits), background,
                Platform::runLater);
        debiasingView = new DebiasingView(debiasingViewModel, LatentLabApp::askInDialog);
        view.addTab("Debiasing", "Train a VAE with and without debiased sampling side by side, on faces with a "
                + "rare group", debiasingView).selectedProperty().addListener((o, was, now) -> {
                    if (now) {
                        debiasingView.activate();
                    }
                });
        OneTrainerAtATime.between(viewModel.lifecycle().stateProperty(), viewModel::pause,
                debiasingViewModel.lifecycle().stateProperty(), debiasingViewModel.commands()::pause);
        OneTrainerAtATime.between(compareViewModel.lifecycle().stateProperty(), compareViewModel.commands()::pause,
                debiasingViewModel.lifecycle().stateProperty(), debiasingViewModel.commands()::pause);
        stage.setTitle("Latent Lab");
        stage.setScene(ExplorerView.sceneOf(view));
        WindowFrame.within(Screen.getPrimary().getVisualBounds()).place(stage);
        stage.show();
        background.execute(this::checkKernels); // before the first model: it loads ND4J on the same thread
        viewModel.start(ExplorerSetup.defaults());
        classroom = new Classroom(view, viewModel, compareViewModel, LatentLabApp::askInDialog);
        openFromCommandLine();
    }

    /**
     * Opens the lesson or setup the command line named; the launcher has already checked them. An
     * application started by another program's code (the window benchmarks) has no parameters.
     */
    private void openFromCommandLine() {
        if (getParameters() == null) {
            return;
        }
        WindowArguments args;
        try {
            args = WindowArguments.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            viewModel.lifecycle().report(e.getMessage());
            return;
        }
        args.lesson().ifPresent(classroom::openLesson);
        args.setupFile().ifPresent(classroom::openSetup);
    }

    /**
     * Says once, in the banner and on standard error, when training cannot run on the fast kernels:
     * OpenBLAS's narrower than the processor offers, or the scalar Java ones. Loads ND4J.
     */
    private void checkKernels() {
        List<String> problems = new ArrayList<>();
        NativeBackend.report().warning().ifPresent(problems::add);
        if (!TrainingKernels.vectorized()) {
            problems.add("Training runs on the slower scalar Java kernels: start Java with --add-modules "
                    + "jdk.incubator.vector for the vector ones.");
        }
        if (!problems.isEmpty()) {
            String message = String.join(" ", problems);
            System.err.println("latent-lab: " + message);
            Platform.runLater(() -> viewModel.lifecycle().report(message));
        }
    }

    /** The window's {@link Confirmation}: a dialog whose buttons say what each choice does. */
    private static boolean askInDialog(String title, String question, String yes, String no) {
        ButtonType agree = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType decline = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, agree, decline);
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.getDialogPane().setStyle("-fx-font-size: 15px;");
        return alert.showAndWait().orElse(decline) == agree;
    }

    /** The window's parts, for tests that drive the real application. */
    ExplorerViewModel viewModel() {
        return viewModel;
    }

    ExplorerView view() {
        return view;
    }

    CompareViewModel compareViewModel() {
        return compareViewModel;
    }

    CompareView compareView() {
        return compareView;
    }

    Classroom classroom() {
        return classroom;
    }

    DebiasingViewModel debiasingViewModel() {
        return debiasingViewModel;
    }

    DebiasingView debiasingView() {
        return debiasingView;
    }

    /**
     * Stops the trainers and the decoders without waiting for them. A model that has been trained in
     * the Explore tab is first saved as the last session in the user's models folder, so closing the
     * window never loses it (File → Open the last session brings it back): the save is queued after
     * any command already sent to the trainer (a Save among them), which runs them all before it
     * stops, and {@link WindowClosing} keeps the JVM alive until the file is written.
     */
    @Override
    public void stop() {
        if (view == null || closing != null) {
            return;
        }
        view.stopFrames();
        compareView.stopFrames();
        debiasingView.stopFrames();
        Path lastSession = ExplorerView.lastSession(UserFolders.forThisUser().models());
        CompletableFuture<Boolean> saved = viewModel.files().saveOnClose(lastSession);
        CompletableFuture<Void> ended = CompletableFuture.allOf(viewModel.shutDown(), compareViewModel.shutDown(),
                debiasingViewModel.shutDown());
        background.shutdownNow();
        closing = WindowClosing.finishInBackground(saved, lastSession, ended, System.err);
    }

    /** The thread that finishes closing (the JVM waits for it), for tests; {@code null} before. */
    Thread closing() {
        return closing;
    }
}
