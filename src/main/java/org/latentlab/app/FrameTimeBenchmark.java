package org.latentlab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.data.DatasetSplit;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSession;
import org.latentlab.ui.explorer.ExplorerSetup;
import org.latentlab.ui.explorer.ExplorerView;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.latentlab.ui.explorer.TrainerFactory;

/**
 * A benchmark, not a test: opens the real explorer window, trains the 2-D VAE on Fashion-MNIST
 * with 10,000 held-out images in the scatter and a 20 × 20 grid refreshing, and measures the
 * interval between frames (pulse to pulse of an {@link AnimationTimer}) and how long a β change
 * made with the slider takes to reach the status line. Prints the figures and exits.
 *
 * <p>Run under Xvfb with {@code docs/benchmarks/frame-time.sh}; arguments: seconds to measure
 * (default 20) and seconds of warm-up (default 3).
 */
public final class FrameTimeBenchmark {

    private static final double VALIDATION_FRACTION = 1 / 7.0; // 60,000 / 10,000
    private static final long BETA_CHANGE_EVERY_NANOS = 1_500_000_000L;

    private FrameTimeBenchmark() {
    }

    public static void main(String[] args) {
        // Launched from a class that is not the Application, as the Launcher does, so that JavaFX
        // may sit on the class path.
        Application.launch(BenchmarkWindow.class, args);
    }

    /** The window being measured. */
    public static final class BenchmarkWindow extends Application {

    private ExecutorService background;
    private ExplorerViewModel viewModel;
    private ExplorerView view;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        double seconds = args.size() > 0 ? Double.parseDouble(args.get(0)) : 20;
        double warmUp = args.size() > 1 ? Double.parseDouble(args.get(1)) : 3;
        background = Executors.newSingleThreadExecutor();
        viewModel = new ExplorerViewModel(new FashionTrainers(), background, Platform::runLater);
        view = new ExplorerView(viewModel, (title, question, yes, no) -> true,
                Path.of(System.getProperty("java.io.tmpdir"), "latent-lab-benchmark"));
        stage.setTitle("Latent Lab (frame-time benchmark)");
        stage.setScene(ExplorerView.sceneOf(view));
        stage.show();
        viewModel.manifold().sizeProperty().set(20);
        viewModel.start(new ExplorerSetup("fashion", org.latentlab.model.ModelKind.VAE, 2, 128, 42, 1,
                ExplorerSetup.Schedule.CONSTANT, 1e-3));
        new Measurement(seconds, warmUp).start();
    }

    /** Trains on Fashion-MNIST split 60,000 / 10,000, so that the scatter holds 10,000 points. */
    private static final class FashionTrainers implements TrainerFactory {
        @Override
        public Trainer create(ExplorerSetup setup) {
            Dataset data = DatasetSource.parse(setup.datasetSpec()).load();
            DatasetSplit split = DatasetSplit.of(data, VALIDATION_FRACTION, setup.seed());
            var model = setup.modelConfig(data.width(), data.height());
            var training = setup.trainingConfig();
            return new Trainer(() -> new TrainingSession(split.train(), split.validation(), model, training));
        }

        @Override
        public Opened open(Path runFile) {
            throw new UnsupportedOperationException("the benchmark opens no files");
        }
    }

    /** Runs once per frame: starts training, waits out the warm-up, records, reports. */
    private final class Measurement extends AnimationTimer {
        private final long measureNanos;
        private final long warmUpNanos;
        private final List<Long> intervals = new ArrayList<>();
        private final List<Long> betaLatencies = new ArrayList<>();
        private long previous;
        private long trainingSince;
        private long measuringSince;
        private long startIteration;
        private long betaChangedAt;
        private double betaWanted = Double.NaN;
        private int betaChanges;
        private int gridRefreshes;
        private Object shownGrid;

        Measurement(double seconds, double warmUp) {
            measureNanos = (long) (seconds * 1e9);
            warmUpNanos = (long) (warmUp * 1e9);
        }

        @Override
        public void handle(long now) {
            if (trainingSince == 0) {
                if (viewModel.stateProperty().get() == TrainerState.READY) {
                    viewModel.trainOrPause();
                    trainingSince = now;
                }
                return;
            }
            if (measuringSince == 0) {
                if (now - trainingSince >= warmUpNanos) {
                    measuringSince = now;
                    previous = now;
                    startIteration = viewModel.snapshotProperty().get().iteration();
                }
                return;
            }
            intervals.add(now - previous);
            previous = now;
            if (viewModel.manifold().imagesProperty().get() != shownGrid) {
                shownGrid = viewModel.manifold().imagesProperty().get();
                gridRefreshes++;
            }
            checkBeta(now);
            if (now - measuringSince >= measureNanos) {
                stop();
                report(now);
            }
        }

        /** Moves the β slider every 1.5 s and times the change's arrival in the status line. */
        private void checkBeta(long now) {
            if (!Double.isNaN(betaWanted)) {
                String shown = String.format(Locale.ROOT, "β %.2f", betaWanted);
                if (viewModel.snapshotProperty().get().beta() == betaWanted
                        && viewModel.statusProperty().get().contains(shown)) {
                    betaLatencies.add(now - betaChangedAt);
                    betaWanted = Double.NaN;
                }
            }
            if (Double.isNaN(betaWanted) && now - betaChangedAt >= BETA_CHANGE_EVERY_NANOS) {
                betaChanges++;
                betaWanted = betaChanges % 2 == 1 ? 1 + 0.05 * betaChanges : 1;
                betaChangedAt = System.nanoTime();
                ((Slider) view.lookup("#beta")).setValue(betaWanted);
            }
        }

        private void report(long now) {
            long[] sorted = intervals.stream().mapToLong(Long::longValue).sorted().toArray();
            double median = percentile(sorted, 0.5);
            long iterations = viewModel.snapshotProperty().get().iteration() - startIteration;
            double seconds = (now - measuringSince) / 1e9;
            System.out.printf(Locale.ROOT, "frames %d over %.1f s with %d scatter points and a %d × %d grid (refreshed %d times)%n",
                    sorted.length, seconds, viewModel.scatter().pointsProperty().get().size(),
                    viewModel.manifold().sizeProperty().get(), viewModel.manifold().sizeProperty().get(), gridRefreshes);
            System.out.printf(Locale.ROOT, "frame interval: median %.1f ms (%.1f fps), p99 %.1f ms, max %.1f ms, over 50 ms: %d%n",
                    median / 1e6, 1e9 / median, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6,
                    Arrays.stream(sorted).filter(t -> t > 50_000_000L).count());
            long[] beta = betaLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (beta.length > 0) {
                System.out.printf(Locale.ROOT, "β slider → status line: %d changes, median %.0f ms, max %.0f ms%n",
                        beta.length, percentile(beta, 0.5) / 1e6, beta[beta.length - 1] / 1e6);
            }
            System.out.printf(Locale.ROOT, "training meanwhile: %.0f iterations/s%n", iterations / seconds);
            viewModel.close();
            background.shutdownNow();
            Platform.exit();
        }
    }

    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
        return sorted[index];
    }
}
