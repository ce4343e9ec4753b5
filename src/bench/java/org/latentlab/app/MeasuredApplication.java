package org.latentlab.app;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The application as it starts ({@link LatentLabApp}), opened by a benchmark that measures it and
 * then exits (closing it as the window would). Subclasses are nested in their benchmark, whose name
 * the window's title carries.
 */
abstract class MeasuredApplication extends Application {

    private final LatentLabApp app = new LatentLabApp();

    @Override
    public final void start(Stage stage) {
        app.start(stage);
        stage.setTitle("Latent Lab (" + getClass().getEnclosingClass().getSimpleName() + ")");
        measure(app, getParameters().getRaw());
    }

    /** Starts measuring the opened application; {@code args} are the benchmark's arguments. */
    abstract void measure(LatentLabApp app, List<String> args);

    @Override
    public void stop() {
        app.stop();
    }
}
