package org.latentlab.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import org.latentlab.training.TrainerState;
import org.latentlab.ui.attributes.AttributeSlider;
import org.latentlab.ui.attributes.LatentToolsViewModel;
import org.latentlab.ui.explorer.ExplorerViewModel;

/**
 * A benchmark, not a test: the soak. Opens the application as it starts ({@link LatentLabApp}) on
 * the embedded digits and trains for a long time with every view live: the scatter, the loss chart
 * and the strips follow every snapshot; the right-hand column switches every
 * {@value #TOOL_SECONDS} s between the decoded grid and the Attributes tab, where a selected image
 * is moved along an attribute slider every {@value #MOVE_MILLIS} ms (each move decodes an image and
 * a strip, and each snapshot recomputes the vectors). Every minute it prints one line: the
 * process's resident memory (VmRSS), the heap in use and the heap left after the last collection,
 * the frame intervals of that minute (pulse to pulse of an {@link AnimationTimer}: median, p99,
 * largest, and how many exceeded {@value #SLOW_MILLIS} ms) and the training rate. At the end it
 * gives the growth of resident memory and of the heap after collection from the end of the warm-up
 * to the last minute (the target: under 5 %), and the frames over {@value #SLOW_MILLIS} ms after
 * the warm-up (the target: none).
 *
 * <p>Run under Xvfb with {@code docs/benchmarks/window.sh soak [minutes] [warm-up minutes]}
 * (60 and 5 by default).
 */
public final class SoakBenchmark {

    static final int TOOL_SECONDS = 20;
    static final int MOVE_MILLIS = 200;
    static final int SLOW_MILLIS = 100;

    private SoakBenchmark() {
    }

    public static void main(String[] args) {
        // Launched from a class that is not the Application, as the Launcher does, so that JavaFX
        // may sit on the class path.
        Application.launch(Window.class, args);
    }

    /** The application being soaked. */
    public static final class Window extends MeasuredApplication {

        @Override
        void measure(LatentLabApp app, List<String> args) {
            int minutes = args.size() > 0 ? Integer.parseInt(args.get(0)) : 60;
            int warmUp = args.size() > 1 ? Integer.parseInt(args.get(1)) : 5;
            new Soak(app.viewModel(), minutes, warmUp).start();
        }
    }

    /** One minute's figures. */
    private record Minute(int index, double rssMb, double heapMb, double heapAfterGcMb, long[] frames,
                          double iterationsPerSecond) {

        long slowFrames() {
            return java.util.Arrays.stream(frames).filter(t -> t > SLOW_MILLIS * 1_000_000L).count();
        }

        String line() {
            return String.format(Locale.ROOT, "%6d %9.0f %9.0f %12.0f %7d %8.1f %8.1f %8.1f %9d %8.0f", index, rssMb,
                    heapMb, heapAfterGcMb, frames.length, Timings.percentile(frames, 0.5) / 1e6,
                    Timings.percentile(frames, 0.99) / 1e6, frames.length == 0 ? 0 : frames[frames.length - 1] / 1e6,
                    slowFrames(), iterationsPerSecond);
        }
    }

    /** Runs once per frame: keeps training and the tools busy, records, reports each minute. */
    private static final class Soak extends AnimationTimer {
        private final ExplorerViewModel model;
        private final int minutes;
        private final int warmUp;
        private final List<Long> intervals = new ArrayList<>();
        private final List<Minute> done = new ArrayList<>();
        private long started;
        private long minuteStart;
        private long minuteIteration;
        private long previousFrame;
        private long lastSwitch;
        private long lastMove;
        private int moves;

        Soak(ExplorerViewModel model, int minutes, int warmUp) {
            this.model = model;
            this.minutes = minutes;
            this.warmUp = warmUp;
        }

        @Override
        public void handle(long now) {
            TrainerState state = model.lifecycle().stateProperty().get();
            if (started == 0) {
                if (state == TrainerState.READY) {
                    model.trainOrPause();
                    model.scatter().select(3);
                    started = now;
                    minuteStart = now;
                    previousFrame = now;
                    lastSwitch = now;
                    minuteIteration = 0;
                    System.out.printf(Locale.ROOT, "soak: %d minutes, the first %d of them warm-up%n", minutes, warmUp);
                    System.out.println("minute   RSS(MB)  heap(MB) heap-after-GC  frames  p50(ms)  p99(ms)  max(ms) >100ms"
                            + "     it/s");
                }
                return;
            }
            if (state == TrainerState.PAUSED || state == TrainerState.FINISHED) {
                model.trainOrPause(); // a divergence or the end of the epochs: go on
            }
            intervals.add(now - previousFrame);
            previousFrame = now;
            keepToolsBusy(now);
            if (now - minuteStart >= 60_000_000_000L) {
                endMinute(now);
            }
        }

        /** Switches between the decoded grid and the Attributes tab, and moves a slider on the latter. */
        private void keepToolsBusy(long now) {
            LatentToolsViewModel tools = model.tools();
            if (now - lastSwitch >= TOOL_SECONDS * 1_000_000_000L) {
                lastSwitch = now;
                tools.toolProperty().set(tools.toolProperty().get() == LatentToolsViewModel.Tool.ATTRIBUTES
                        ? LatentToolsViewModel.Tool.GRID : LatentToolsViewModel.Tool.ATTRIBUTES);
                if (model.scatter().selectedProperty().get() < 0) {
                    model.scatter().select(3);
                }
            }
            if (tools.toolProperty().get() == LatentToolsViewModel.Tool.ATTRIBUTES
                    && now - lastMove >= MOVE_MILLIS * 1_000_000L && !tools.attributes().sliders().isEmpty()) {
                lastMove = now;
                moves++;
                AttributeSlider slider = tools.attributes().sliders().get(moves % tools.attributes().sliders().size());
                slider.amountProperty().set(Math.sin(moves / 7.0) * 1.5);
            }
        }

        private void endMinute(long now) {
            long iteration = model.lifecycle().snapshotProperty().get().iteration();
            long[] frames = intervals.stream().mapToLong(Long::longValue).sorted().toArray();
            intervals.clear();
            Minute minute = new Minute(done.size() + 1, residentMegabytes(), heapUsedMegabytes(),
                    heapAfterGcMegabytes(), frames, (iteration - minuteIteration) / ((now - minuteStart) / 1e9));
            done.add(minute);
            System.out.println(minute.line() + (minute.index() <= warmUp ? "  (warm-up)" : ""));
            minuteStart = now;
            minuteIteration = iteration;
            if (done.size() >= minutes) {
                stop();
                report();
                Platform.exit();
            }
        }

        private void report() {
            Minute base = done.get(Math.max(0, Math.min(warmUp, done.size()) - 1)); // the end of the warm-up
            Minute last = done.get(done.size() - 1);
            List<Minute> after = done.subList(Math.min(warmUp, done.size()), done.size());
            long slow = after.stream().mapToLong(Minute::slowFrames).sum();
            long worst = after.stream().mapToLong(m -> m.frames().length == 0 ? 0 : m.frames()[m.frames().length - 1])
                    .max().orElse(0);
            System.out.printf(Locale.ROOT, "growth from the end of minute %d to the end of minute %d: resident memory "
                            + "%+.1f %% (%.0f → %.0f MB), heap after GC %+.1f %% (%.0f → %.0f MB)%n", base.index(),
                    last.index(), growth(base.rssMb(), last.rssMb()), base.rssMb(), last.rssMb(),
                    growth(base.heapAfterGcMb(), last.heapAfterGcMb()), base.heapAfterGcMb(), last.heapAfterGcMb());
            System.out.printf(Locale.ROOT, "frames over %d ms after the warm-up: %d (largest interval %.1f ms); "
                    + "slider moves: %d%n", SLOW_MILLIS, slow, worst / 1e6, moves);
        }

        private static double growth(double from, double to) {
            return from > 0 ? 100 * (to - from) / from : Double.NaN;
        }

        /** VmRSS of this process, from /proc (Linux). */
        private static double residentMegabytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return Double.NaN;
            }
            return Double.NaN;
        }

        private static double heapUsedMegabytes() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        }

        /** The heap still in use after each pool's last collection: what a leak would make grow. */
        private static double heapAfterGcMegabytes() {
            long bytes = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                    bytes += afterGc.getUsed();
                }
            }
            return bytes / 1048576.0;
        }
    }
}
