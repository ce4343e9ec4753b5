package org.latentlab.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.data.DatasetSplit;
import org.latentlab.training.CompareSnapshot;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSession;
import org.latentlab.ui.compare.CompareViewModel;
import org.latentlab.ui.explorer.ExplorerSetup;
import org.latentlab.ui.explorer.ExplorerView;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.latentlab.ui.explorer.TrainerFactory;

/**
 * A benchmark, not a test: opens the real window, trains, and measures the interval between frames
 * (pulse to pulse of an {@link AnimationTimer}). Prints the figures and exits.
 *
 * <ul>
 *   <li>{@code explore}: the 2-D VAE on Fashion-MNIST with 10,000 held-out images in the scatter
 *       and a 20 × 20 grid refreshing; also how long a β change made with the slider takes to
 *       reach the status line.</li>
 *   <li>{@code compare}: the application as it starts ({@link LatentLabApp}), with its Compare tab
 *       training the ablation's four models on the embedded digits and every panel decoding prior
 *       samples; also how long each lockstep epoch of the four models takes, by the wall clock
 *       and in training time.</li>
 * </ul>
 *
 * <p>Run under Xvfb with {@code docs/benchmarks/frame-time.sh}; arguments: seconds to measure
 * (default 20), seconds of warm-up (default 3), and {@code explore} (default) or {@code compare}.
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

    /** What trains while the frames are measured. */
    private interface Workload {

        /** Starts training once the models are ready; whether it has. */
        boolean startWhenReady();

        long iteration();

        /** Called every measured frame. */
        void everyFrame(long now);

        /** Prints what it measured besides the frames. */
        void report(double seconds, long iterations);

        /** Stops its trainers. */
        void close();
    }

    /** The window being measured. */
    public static final class BenchmarkWindow extends Application {

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            double seconds = args.size() > 0 ? Double.parseDouble(args.get(0)) : 20;
            double warmUp = args.size() > 1 ? Double.parseDouble(args.get(1)) : 3;
            boolean compare = args.size() > 2 && args.get(2).equals("compare");
            Workload workload = compare ? new CompareWorkload(stage) : new ExploreWorkload(stage);
            new Measurement(seconds, warmUp, workload).start();
        }
    }

    /** The explorer on Fashion-MNIST with 10,000 scatter points, a 20 × 20 grid and β moving. */
    private static final class ExploreWorkload implements Workload {
        private final ExecutorService background = Executors.newSingleThreadExecutor();
        private final ExplorerViewModel viewModel;
        private final ExplorerView view;
        private final List<Long> betaLatencies = new ArrayList<>();
        private long betaChangedAt;
        private double betaWanted = Double.NaN;
        private int betaChanges;
        private int gridRefreshes;
        private Object shownGrid;

        ExploreWorkload(Stage stage) {
            viewModel = new ExplorerViewModel(new FashionTrainers(), background, Platform::runLater);
            view = new ExplorerView(viewModel, (title, question, yes, no) -> true);
            stage.setTitle("Latent Lab (frame-time benchmark)");
            stage.setScene(ExplorerView.sceneOf(view));
            stage.show();
            viewModel.manifold().sizeProperty().set(20);
            viewModel.start(new ExplorerSetup("fashion", org.latentlab.model.ModelKind.VAE, 2, 128, 42, 1,
                    ExplorerSetup.Schedule.CONSTANT, 1e-3));
        }

        @Override
        public boolean startWhenReady() {
            if (viewModel.stateProperty().get() != TrainerState.READY) {
                return false;
            }
            viewModel.trainOrPause();
            return true;
        }

        @Override
        public long iteration() {
            return viewModel.snapshotProperty().get().iteration();
        }

        /** Counts grid refreshes; moves the β slider every 1.5 s and times its arrival in the status line. */
        @Override
        public void everyFrame(long now) {
            if (viewModel.manifold().imagesProperty().get() != shownGrid) {
                shownGrid = viewModel.manifold().imagesProperty().get();
                gridRefreshes++;
            }
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

        @Override
        public void report(double seconds, long iterations) {
            System.out.printf(Locale.ROOT, "%d scatter points, a %d × %d grid refreshed %d times%n",
                    viewModel.scatter().pointsProperty().get().size(), viewModel.manifold().sizeProperty().get(),
                    viewModel.manifold().sizeProperty().get(), gridRefreshes);
            long[] beta = betaLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (beta.length > 0) {
                System.out.printf(Locale.ROOT, "β slider → status line: %d changes, median %.0f ms, max %.0f ms%n",
                        beta.length, percentile(beta, 0.5) / 1e6, beta[beta.length - 1] / 1e6);
            }
            System.out.printf(Locale.ROOT, "training meanwhile: %.0f iterations/s%n", iterations / seconds);
        }

        @Override
        public void close() {
            viewModel.close();
            background.shutdownNow();
        }
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

    /** The application as it starts, its Compare tab training the ablation on the embedded digits. */
    private static final class CompareWorkload implements Workload {
        private final LatentLabApp app = new LatentLabApp();
        private final List<Long> epochEnds = new ArrayList<>();
        private final List<Double> trainingSeconds = new ArrayList<>();
        private int lastEpoch = -1;

        CompareWorkload(Stage stage) {
            app.start(stage);
            stage.setTitle("Latent Lab (frame-time benchmark, Compare tab)");
            ((TabPane) app.view().lookup("#main-tabs")).getSelectionModel().select(1);
        }

        private CompareViewModel compare() {
            return app.compareViewModel();
        }

        @Override
        public boolean startWhenReady() {
            if (compare().stateProperty().get() != TrainerState.READY) {
                return false;
            }
            compare().commands().trainOrPause();
            compare().showSamplesEverywhere();
            return true;
        }

        @Override
        public long iteration() {
            return compare().snapshotProperty().get().iteration();
        }

        /** Notes when each epoch of the four models ends, as the window sees it. */
        @Override
        public void everyFrame(long now) {
            CompareSnapshot s = compare().snapshotProperty().get();
            if (lastEpoch >= 0 && s.epoch() > lastEpoch) {
                epochEnds.add(now);
                trainingSeconds.add(CompareViewModel.lastEpochSeconds(s));
            }
            lastEpoch = s.epoch();
        }

        @Override
        public void report(double seconds, long iterations) {
            System.out.printf(Locale.ROOT, "Compare tab: %d models, %d panels, %.1f lockstep iterations/s%n",
                    compare().snapshotProperty().get().variants().size(), compare().panelsProperty().get().size(),
                    iterations / seconds);
            for (int i = 1; i < epochEnds.size(); i++) {
                System.out.printf(Locale.ROOT, "epoch of all models: %.2f s wall, %.2f s of training%n",
                        (epochEnds.get(i) - epochEnds.get(i - 1)) / 1e9, trainingSeconds.get(i));
            }
            if (epochEnds.size() < 2) {
                System.out.println("no whole epoch within the measurement: measure for longer");
            }
        }

        @Override
        public void close() {
            app.stop();
        }
    }

    /** Runs once per frame: starts training, waits out the warm-up, records, reports. */
    private static final class Measurement extends AnimationTimer {
        private final long measureNanos;
        private final long warmUpNanos;
        private final Workload workload;
        private final List<Long> intervals = new ArrayList<>();
        private final List<Long> handlerTimes = new ArrayList<>();
        private final List<Long> cpuTimes = new ArrayList<>();
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private long previous;
        private long previousCpu;
        private long trainingSince;
        private long measuringSince;
        private long startIteration;

        Measurement(double seconds, double warmUp, Workload workload) {
            this.measureNanos = (long) (seconds * 1e9);
            this.warmUpNanos = (long) (warmUp * 1e9);
            this.workload = workload;
        }

        @Override
        public void handle(long now) {
            if (trainingSince == 0) {
                if (workload.startWhenReady()) {
                    trainingSince = now;
                }
                return;
            }
            if (measuringSince == 0) {
                if (now - trainingSince >= warmUpNanos) {
                    measuringSince = now;
                    previous = now;
                    previousCpu = threads.getCurrentThreadCpuTime();
                    startIteration = workload.iteration();
                }
                return;
            }
            intervals.add(now - previous);
            // The window's own timers ran before this one in the same pulse: the time since the
            // pulse began is what they spent taking the snapshot and redrawing.
            handlerTimes.add(System.nanoTime() - now);
            // The JavaFX thread's CPU time since the last frame: all it did, CSS and layout included.
            // Far less than the wall time means the thread waited for a core.
            long cpu = threads.getCurrentThreadCpuTime();
            cpuTimes.add(cpu - previousCpu);
            previousCpu = cpu;
            previous = now;
            workload.everyFrame(now);
            if (now - measuringSince >= measureNanos) {
                stop();
                report(now);
            }
        }

        private void report(long now) {
            long[] sorted = intervals.stream().mapToLong(Long::longValue).sorted().toArray();
            double median = percentile(sorted, 0.5);
            double seconds = (now - measuringSince) / 1e9;
            System.out.printf(Locale.ROOT, "frames %d over %.1f s%n", sorted.length, seconds);
            System.out.printf(Locale.ROOT, "frame interval: median %.1f ms (%.1f fps), p99 %.1f ms, max %.1f ms, over 50 ms: %d%n",
                    median / 1e6, 1e9 / median, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6,
                    Arrays.stream(sorted).filter(t -> t > 50_000_000L).count());
            printSpread("the window's timers per frame, wall clock", handlerTimes);
            printSpread("JavaFX thread CPU time per frame", cpuTimes);
            workload.report(seconds, workload.iteration() - startIteration);
            workload.close();
            Platform.exit();
        }
    }

    private static void printSpread(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: median %.2f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                percentile(sorted, 0.5) / 1e6, percentile(sorted, 0.9) / 1e6, percentile(sorted, 0.99) / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
        return sorted[index];
    }
}
