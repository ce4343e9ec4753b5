package org.latentlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.control.Slider;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.data.DatasetSplit;
import org.latentlab.model.ModelKind;
import org.latentlab.training.SavedRun;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSession;
import org.latentlab.ui.explorer.ExplorerSetup;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.latentlab.ui.explorer.TrainerFactory;

/**
 * A benchmark, not a test: opens the real explorer window, trains the 2-D VAE on Fashion-MNIST
 * with 10,000 held-out images in the scatter and a 20 × 20 grid refreshing, and measures the
 * interval between frames (pulse to pulse of an {@link AnimationTimer}) and how long a β change
 * made with the slider takes to reach the status line. Prints the figures and exits.
 *
 * <p>Run under Xvfb with {@code docs/benchmarks/window.sh frame-time [seconds] [warm-up seconds]}.
 */
public final class FrameTimeBenchmark {

    private FrameTimeBenchmark() {
    }

    public static void main(String[] args) {
        // Launched from a class that is not the Application, as the Launcher does, so that JavaFX
        // may sit on the class path.
        Application.launch(Window.class, args);
    }

    /** The window being measured. */
    public static final class Window extends MeasuredWindow {

        private static final double VALIDATION_FRACTION = 1 / 7.0; // 60,000 / 10,000
        private static final long BETA_CHANGE_EVERY_NANOS = 1_500_000_000L;

        @Override
        TrainerFactory trainerFactory() {
            return new FashionTrainers();
        }

        @Override
        ExplorerSetup setup() {
            return ExplorerSetup.defaults().withDataset("fashion").withKind(ModelKind.VAE);
        }

        @Override
        void prepare(ExplorerViewModel model) {
            model.manifold().sizeProperty().set(20);
        }

        @Override
        AnimationTimer measurement(List<String> args) {
            double seconds = args.size() > 0 ? Double.parseDouble(args.get(0)) : 20;
            double warmUp = args.size() > 1 ? Double.parseDouble(args.get(1)) : 3;
            return new Measurement(seconds, warmUp);
        }

        /** Trains on Fashion-MNIST split 60,000 / 10,000, so that the scatter holds 10,000 points. */
        private static final class FashionTrainers implements TrainerFactory {
            @Override
            public Trainer create(ExplorerSetup setup) {
                Dataset data = DatasetSource.parse(setup.datasetSpec()).load();
                DatasetSplit split = DatasetSplit.of(data, VALIDATION_FRACTION, setup.seed());
                var model = setup.modelConfig(data.width(), data.height(), data.hasLabels() ? data.classNames().size() : 0);
                var training = setup.trainingConfig();
                return new Trainer(() -> new TrainingSession(split.train(), split.validation(), model, training));
            }

            @Override
            public Opened open(SavedRun run) {
                throw new UnsupportedOperationException("the benchmark opens no runs");
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
                ExplorerViewModel model = viewModel();
                if (trainingSince == 0) {
                    if (model.lifecycle().stateProperty().get() == TrainerState.READY) {
                        model.trainOrPause();
                        trainingSince = now;
                    }
                    return;
                }
                if (measuringSince == 0) {
                    if (now - trainingSince >= warmUpNanos) {
                        measuringSince = now;
                        previous = now;
                        startIteration = model.lifecycle().snapshotProperty().get().iteration();
                    }
                    return;
                }
                intervals.add(now - previous);
                previous = now;
                if (model.manifold().imagesProperty().get() != shownGrid) {
                    shownGrid = model.manifold().imagesProperty().get();
                    gridRefreshes++;
                }
                checkBeta(model, now);
                if (now - measuringSince >= measureNanos) {
                    stop();
                    report(model, now);
                    finish();
                }
            }

            /** Moves the β slider every 1.5 s and times the change's arrival in the status line. */
            private void checkBeta(ExplorerViewModel model, long now) {
                if (!Double.isNaN(betaWanted)) {
                    String shown = String.format(Locale.ROOT, "β %.2f", betaWanted);
                    if (model.lifecycle().snapshotProperty().get().beta() == betaWanted && model.lifecycle().statusProperty().get().contains(shown)) {
                        betaLatencies.add(now - betaChangedAt);
                        betaWanted = Double.NaN;
                    }
                }
                if (Double.isNaN(betaWanted) && now - betaChangedAt >= BETA_CHANGE_EVERY_NANOS) {
                    betaChanges++;
                    betaWanted = betaChanges % 2 == 1 ? 1 + 0.05 * betaChanges : 1;
                    betaChangedAt = System.nanoTime();
                    ((Slider) view().lookup("#beta")).setValue(betaWanted);
                }
            }

            private void report(ExplorerViewModel model, long now) {
                double seconds = (now - measuringSince) / 1e9;
                long iterations = model.lifecycle().snapshotProperty().get().iteration() - startIteration;
                int size = model.manifold().sizeProperty().get();
                System.out.printf(Locale.ROOT, "%.1f s with %d scatter points and a %d × %d grid (refreshed %d times); "
                                + "training meanwhile at %.0f iterations/s%n", seconds,
                        model.scatter().pointsProperty().get().size(), size, size, gridRefreshes, iterations / seconds);
                long[] sorted = intervals.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "frames per second (from the median interval): %.1f%n",
                        1e9 / Timings.percentile(sorted, 0.5));
                System.out.println(Timings.summary("frame interval", intervals));
                System.out.println(Timings.summary("β slider → status line", betaLatencies));
            }
        }
    }
}
