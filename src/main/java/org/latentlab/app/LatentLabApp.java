package org.latentlab.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one window on the embedded digits, with a VAE ready to train. */
public final class LatentLabApp extends Application {

    /** Opens the window and returns when it is closed. */
    static void launchWindow() {
        Application.launch(LatentLabApp.class);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Latent Lab");
        stage.show();
    }
}
