package org.latentlab.app;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.latentlab.data.DatasetSplit;
import org.latentlab.data.EmbeddedMnist;
import org.latentlab.latent.GridSpacing;
import org.latentlab.latent.LatentGrid;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.SnapshotDecoder;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingConfig;
import org.latentlab.training.TrainingSession;
import org.latentlab.training.TrainingSnapshot;

/**
 * The JavaFX application. Until the explorer window lands this is a small window that trains the
 * reference VAE on the embedded digits and shows its Kingma &amp; Welling manifold moving, with
 * Train / Pause / Step and a status line.
 */
public final class LatentLabApp extends Application {

    private static final int GRID = 12;
    private static final int SIDE = 28;
    private static final long SEED = 42;

    private final Label status = new Label("Loading the digits…");
    private final Button train = new Button("Train");
    private final Button step = new Button("Step");
    private final WritableImage manifold = new WritableImage(GRID * SIDE, GRID * SIDE);
    private final float[] gridPoints = new LatentGrid(GRID, GridSpacing.INVERSE_CDF).points(2, 0, 1);
    private Trainer trainer;
    private DecoderWeights shownDecoder;

    /** Opens the window and returns when it is closed. */
    static void launchWindow() {
        Application.launch(LatentLabApp.class);
    }

    @Override
    public void start(Stage stage) {
        train.setDisable(true);
        step.setDisable(true);
        train.setTooltip(new Tooltip("Start or pause training on a background thread (Space)"));
        step.setTooltip(new Tooltip("Train on one minibatch of 128 digits, then pause"));
        train.setOnAction(e -> toggleTraining());
        step.setOnAction(e -> trainer.step());

        ImageView view = new ImageView(manifold);
        view.setFitWidth(GRID * SIDE * 2);
        view.setFitHeight(GRID * SIDE * 2);
        Label caption = new Label("Images decoded at z = Φ⁻¹(u) on a 12 × 12 grid of u in (0, 1)²"
                + " (Kingma & Welling 2013, Fig. 4); z₂ grows upwards.");
        VBox centre = new VBox(8, view, caption);
        centre.setAlignment(Pos.CENTER);
        centre.setPadding(new Insets(12));

        BorderPane root = new BorderPane(centre);
        root.setTop(new ToolBar(train, step));
        status.setWrapText(true);
        root.setBottom(status);
        BorderPane.setMargin(status, new Insets(6, 12, 8, 12));
        root.setStyle("-fx-font-size: 16px;");
        Scene scene = new Scene(root);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE && trainer != null) {
                toggleTraining();
                e.consume();
            }
        });
        stage.setTitle("Latent Lab");
        stage.setScene(scene);
        stage.show();

        CompletableFuture.supplyAsync(LatentLabApp::newTrainer).whenComplete((ready, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                status.setText("Could not start training: " + failure.getCause().getMessage());
                return;
            }
            trainer = ready;
            train.setDisable(false);
            step.setDisable(false);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    show(trainer.latest());
                }
            }.start();
        }));
    }

    private static Trainer newTrainer() {
        DatasetSplit split = DatasetSplit.of(EmbeddedMnist.load(), 0.1, SEED);
        return new Trainer(() -> new TrainingSession(split.train(), split.validation(),
                ModelConfig.reference(ModelKind.VAE, SEED), TrainingConfig.defaults(0, SEED)));
    }

    private void toggleTraining() {
        if (trainer.latest().state() == TrainerState.RUNNING) {
            trainer.pause();
        } else {
            trainer.train();
        }
    }

    /** Called once per frame: redraws only when a new snapshot brought a new decoder. */
    private void show(TrainingSnapshot snapshot) {
        train.setText(snapshot.state() == TrainerState.RUNNING ? "Pause" : "Train");
        status.setText(statusLine(snapshot));
        if (snapshot.decoder() != shownDecoder) {
            shownDecoder = snapshot.decoder();
            drawManifold(new SnapshotDecoder(shownDecoder).decode(gridPoints, GRID * GRID));
        }
    }

    private static String statusLine(TrainingSnapshot s) {
        if (s.message() != null) {
            return s.message();
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s · epoch %d (%.0f %%) · iteration %d",
                s.state().name().toLowerCase(Locale.ROOT), s.epoch() + 1, 100 * s.epochProgress(), s.iteration()));
        if (s.iterationsPerSecond() > 0) {
            text.append(String.format(Locale.ROOT, " · %.0f it/s", s.iterationsPerSecond()));
        }
        IterationHistory.View history = s.iterations();
        if (history.size() > 0) {
            int last = history.size() - 1;
            text.append(String.format(Locale.ROOT, " · loss %.1f (reconstruction %.1f, KL %.2f)",
                    history.objective(last), history.reconstruction(last), history.kl(last)));
        }
        if (!s.epochs().isEmpty()) {
            EpochMetrics m = s.epochs().get(s.epochs().size() - 1);
            text.append(String.format(Locale.ROOT, " · held-out −ELBO %.1f", m.validationNegativeElbo()));
        }
        return text.toString();
    }

    private void drawManifold(float[] images) {
        int width = GRID * SIDE;
        byte[] rgb = new byte[width * width * 3];
        for (int cell = 0; cell < GRID * GRID; cell++) {
            int top = cell / GRID * SIDE;
            int left = cell % GRID * SIDE;
            for (int p = 0; p < SIDE * SIDE; p++) {
                byte grey = (byte) Math.round(255 * images[cell * SIDE * SIDE + p]);
                int offset = ((top + p / SIDE) * width + left + p % SIDE) * 3;
                rgb[offset] = grey;
                rgb[offset + 1] = grey;
                rgb[offset + 2] = grey;
            }
        }
        manifold.getPixelWriter().setPixels(0, 0, width, width, PixelFormat.getByteRgbInstance(), rgb, 0, width * 3);
    }

    @Override
    public void stop() {
        if (trainer != null) {
            trainer.close();
        }
    }
}
