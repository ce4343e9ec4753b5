package org.latentlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.control.Slider;
import org.latentlab.training.TrainerState;
import org.latentlab.ui.attributes.LatentToolsViewModel;
import org.latentlab.ui.explorer.ExplorerViewModel;

/**
 * A benchmark, not a test: opens the real explorer window on the embedded digits and measures, first
 * while the model trains and then while it is paused, how long a move of an attribute slider takes
 * to show its decoded image (from the slider's change to the image being taken up in a frame), and
 * how long the drawing pad waits for an encoding from the trainer thread. Prints the figures and exits.
 *
 * <p>Run under Xvfb with {@code docs/benchmarks/window.sh attribute-latency [seconds per phase] [control]}.
 */
public final class AttributeLatencyBenchmark {

    private static final long MOVE_EVERY_NANOS = 100_000_000L;
    private static final long STROKE_EVERY_NANOS = 250_000_000L;
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private AttributeLatencyBenchmark() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window being measured. */
    public static final class Window extends MeasuredWindow {

        /** Only measure frames, with the decoded grid shown and nothing moved: what the window does without the tools. */
        private boolean control;

        @Override
        AnimationTimer measurement(List<String> args) {
            double seconds = args.isEmpty() ? 15 : Double.parseDouble(args.get(0));
            control = args.size() > 1 && args.get(1).equals("control");
            return new Measurement((long) (seconds * 1e9));
        }

        /** Runs once per frame: trains, moves the slider and strokes the pad, records, reports. */
        private final class Measurement extends AnimationTimer {
            private final long phaseNanos;
            private final List<Long> slider = new ArrayList<>();
            private final List<Long> queued = new ArrayList<>();
            private final List<Long> decoded = new ArrayList<>();
            private final List<Long> waited = new ArrayList<>();
            private final List<Long> frames = new ArrayList<>();
            private long previousFrame;
            private Slider ink;
            private final List<Long> encodes = new ArrayList<>();
            private long trainingSince;
            private long phaseSince;
            private boolean paused;
            private long movedAt;
            private long strokedAt;
            private int moves;
            private double strokeX = 8;

            Measurement(long phaseNanos) {
                this.phaseNanos = phaseNanos;
                LatentToolsViewModel tools = viewModel().tools();
                tools.attributes().updateTimingProperty().addListener((o, was, now) -> {
                    if (phaseSince > 0) {
                        slider.add(now.total());
                        queued.add(now.queued());
                        decoded.add(now.decoded());
                        waited.add(now.waited());
                    }
                });
                tools.drawing().encodeLatencyProperty().addListener((o, was, now) -> {
                    if (phaseSince > 0) {
                        encodes.add(now.longValue());
                    }
                });
            }

            @Override
            public void handle(long now) {
                ExplorerViewModel viewModel = viewModel();
                LatentToolsViewModel tools = viewModel.tools();
                if (trainingSince == 0) {
                    if (viewModel.lifecycle().stateProperty().get() == TrainerState.READY) {
                        viewModel.trainOrPause();
                        trainingSince = now;
                    }
                    return;
                }
                if (phaseSince == 0) {
                    if (now - trainingSince >= WARM_UP_NANOS) {
                        viewModel.scatter().select(0);
                        cpuByThread();
                        tools.toolProperty().set(control ? LatentToolsViewModel.Tool.GRID : LatentToolsViewModel.Tool.ATTRIBUTES);
                        phaseSince = now;
                    }
                    return;
                }
                if (previousFrame > 0) {
                    frames.add(now - previousFrame);
                }
                previousFrame = now;
                if (ink == null && now - movedAt >= MOVE_EVERY_NANOS) {
                    ink = (Slider) view().lookup("#attribute-ink"); // once it exists: a lookup walks the whole scene
                    movedAt = now;
                }
                if (ink != null && now - movedAt >= MOVE_EVERY_NANOS) {
                    moves++;
                    ink.setValue(2 * Math.sin(moves * 0.7));
                    movedAt = now;
                }
                if (!control && now - strokedAt >= STROKE_EVERY_NANOS) {
                    if (strokeX >= 20) {
                        tools.drawing().clear();
                        strokeX = 8;
                    }
                    strokeX++;
                    tools.drawing().stroke(strokeX, 6, strokeX, 22);
                    strokedAt = now;
                }
                if (now - phaseSince >= phaseNanos) {
                    report(paused ? "paused" : "while training");
                    if (paused) {
                        stop();
                        finish();
                        return;
                    }
                    viewModel().pause();
                    paused = true;
                    phaseSince = now;
                }
            }

            private final java.util.Map<String, Long> cpuBefore = new java.util.HashMap<>();

            /** CPU seconds per thread since the last call, for the busiest threads. */
            private String cpuByThread() {
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                java.util.Map<String, Long> used = new java.util.TreeMap<>();
                for (long id : threads.getAllThreadIds()) {
                    var info = threads.getThreadInfo(id);
                    long cpu = threads.getThreadCpuTime(id);
                    if (info != null && cpu > 0) {
                        used.merge(info.getThreadName(), cpu, Long::sum);
                    }
                }
                StringBuilder text = new StringBuilder();
                used.entrySet().stream()
                        .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L)))
                        .filter(e -> e.getValue() > 100_000_000L)
                        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                        .forEach(e -> text.append(String.format(Locale.ROOT, " %s %.1f s;", e.getKey(), e.getValue() / 1e9)));
                cpuBefore.putAll(used);
                return text.toString();
            }

            private void report(String phase) {
                System.out.printf(Locale.ROOT, "%s (iteration %,d):%n", phase, viewModel().lifecycle().snapshotProperty().get().iteration());
                System.out.println("  CPU by thread:" + cpuByThread());
                print("  slider move → decoded image taken up", slider);
                print("    of which waiting for the decoder thread", queued);
                print("    of which decoding", decoded);
                print("    of which waiting for the next frame", waited);
                print("  drawing → encoding from the trainer thread taken up", encodes);
                print("  frame interval", frames);
                for (List<Long> list : List.of(slider, queued, decoded, waited, encodes, frames)) {
                    list.clear();
                }
            }

            private void print(String what, List<Long> nanos) {
                System.out.println(Timings.summary(what, nanos));
            }
        }
    }
}
