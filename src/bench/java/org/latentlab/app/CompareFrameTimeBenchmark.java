package org.latentlab.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import org.latentlab.training.CompareSnapshot;
import org.latentlab.training.TrainerState;
import org.latentlab.ui.compare.CompareStatus;
import org.latentlab.ui.compare.CompareViewModel;

/**
 * A benchmark, not a test: opens the application as it starts ({@link LatentLabApp}), shows its
 * Compare tab training the ablation's four models on the embedded digits with every panel decoding
 * prior samples, and measures the interval between frames (pulse to pulse of an
 * {@link AnimationTimer}), the JavaFX thread's CPU time per frame, and how long each lockstep epoch
 * of the four models takes, by the wall clock and in training time. Prints the figures and exits.
 *
 * <p>Run under Xvfb with {@code docs/benchmarks/window.sh compare-frame-time [seconds] [warm-up seconds]}.
 */
public final class CompareFrameTimeBenchmark {

    private CompareFrameTimeBenchmark() {
    }

    public static void main(String[] args) {
        // Launched from a class that is not the Application, as the Launcher does, so that JavaFX
        // may sit on the class path.
        Application.launch(Window.class, args);
    }

    /** The application being measured, on its Compare tab. */
    public static final class Window extends MeasuredApplication {

        @Override
        void measure(LatentLabApp app, List<String> args) {
            ((TabPane) app.view().lookup("#main-tabs")).getSelectionModel().select(1);
            double seconds = args.size() > 0 ? Double.parseDouble(args.get(0)) : 60;
            double warmUp = args.size() > 1 ? Double.parseDouble(args.get(1)) : 5;
            CompareViewModel compare = app.compareViewModel();
            Measurement measurement = new Measurement(compare, seconds);
            // The tab builds its models in the background; training starts once they are ready.
            compare.lifecycle().stateProperty().addListener((o, was, now) -> {
                if (was == null && now == TrainerState.READY) {
                    compare.commands().trainOrPause();
                    compare.showSamplesEverywhere();
                    measurement.startAfter(warmUp);
                }
            });
        }

        /** Runs once per frame once training has warmed up: records, then reports. */
        private static final class Measurement extends AnimationTimer {
            private final CompareViewModel compare;
            private final long measureNanos;
            private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            private final List<Long> intervals = new ArrayList<>();
            private final List<Long> timerTimes = new ArrayList<>();
            private final List<Long> cpuTimes = new ArrayList<>();
            private final List<Long> epochEnds = new ArrayList<>();
            private final List<Double> trainingSeconds = new ArrayList<>();
            private long previous;
            private long previousCpu;
            private long measureFrom;
            private long measuringSince;
            private long startIteration;
            private int lastEpoch = -1;

            Measurement(CompareViewModel compare, double seconds) {
                this.compare = compare;
                measureNanos = (long) (seconds * 1e9);
            }

            /** Starts measuring {@code warmUp} seconds from now. */
            void startAfter(double warmUp) {
                measureFrom = System.nanoTime() + (long) (warmUp * 1e9);
                start();
            }

            private CompareViewModel compare() {
                return compare;
            }

            @Override
            public void handle(long now) {
                if (now < measureFrom) {
                    return;
                }
                if (measuringSince == 0) {
                    measuringSince = now;
                    previous = now;
                    previousCpu = threads.getCurrentThreadCpuTime();
                    startIteration = compare().lifecycle().snapshotProperty().get().iteration();
                    return;
                }
                intervals.add(now - previous);
                previous = now;
                // The window's own timers ran before this one in the same pulse: the time since the
                // pulse began is what they spent taking the snapshot and redrawing.
                timerTimes.add(System.nanoTime() - now);
                // All the JavaFX thread did since the last frame, CSS and layout included; far less
                // than the interval means the thread waited for a core.
                long cpu = threads.getCurrentThreadCpuTime();
                cpuTimes.add(cpu - previousCpu);
                previousCpu = cpu;
                noteEpochs(now);
                if (now - measuringSince >= measureNanos) {
                    stop();
                    report(now);
                    Platform.exit();
                }
            }

            /** Notes when each epoch of the models ends, as the window sees it. */
            private void noteEpochs(long now) {
                CompareSnapshot s = compare().lifecycle().snapshotProperty().get();
                if (lastEpoch >= 0 && s.epoch() > lastEpoch) {
                    epochEnds.add(now);
                    trainingSeconds.add(CompareStatus.lastEpochSeconds(s));
                }
                lastEpoch = s.epoch();
            }

            private void report(long now) {
                double seconds = (now - measuringSince) / 1e9;
                CompareSnapshot s = compare().lifecycle().snapshotProperty().get();
                System.out.printf(Locale.ROOT, "%.1f s of the Compare tab: %d models and PCA, prior samples in every "
                        + "panel, %.1f lockstep iterations/s%n", seconds, s.variants().size(),
                        (s.iteration() - startIteration) / seconds);
                long[] sorted = intervals.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "frames per second (from the median interval): %.1f%n",
                        1e9 / Timings.percentile(sorted, 0.5));
                System.out.println(Timings.summary("frame interval", intervals));
                System.out.println(Timings.summary("the window's timers per frame, wall clock", timerTimes));
                System.out.println(Timings.summary("JavaFX thread CPU time per frame", cpuTimes));
                for (int i = 1; i < epochEnds.size(); i++) {
                    System.out.printf(Locale.ROOT, "epoch of all models: %.2f s wall, %.2f s of training%n",
                            (epochEnds.get(i) - epochEnds.get(i - 1)) / 1e9, trainingSeconds.get(i));
                }
                if (epochEnds.size() < 2) {
                    System.out.println("no whole epoch within the measurement: measure for longer");
                }
            }
        }
    }
}
