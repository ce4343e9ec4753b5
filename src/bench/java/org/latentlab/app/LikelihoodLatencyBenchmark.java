package org.latentlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import org.latentlab.likelihood.IwaeCurve;
import org.latentlab.likelihood.LikelihoodEstimator;
import org.latentlab.likelihood.PosteriorPicture;
import org.latentlab.model.DecoderWeights;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.attributes.LatentToolsViewModel;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.latentlab.ui.likelihood.LikelihoodResult;
import org.latentlab.ui.likelihood.LikelihoodViewModel;

/**
 * A benchmark, not a test: opens the real explorer window on the embedded digits, trains the default
 * 2-D VAE, shows the Likelihood tab and chooses held-out images one after another as a click in the
 * scatter does, measuring the time from each choice to the frame that takes up that image's heat map
 * and numbers (median and p90 over the clicks; the goal is under 200 ms while training). Then,
 * on a thread of its own while training goes on, it times the parts of one image's computation from
 * the latest snapshot (the importance-sampling curve to K = 5,000, the quadrature and the heat map)
 * to say where the time goes. Prints the figures and exits.
 *
 * <p>Run under Xvfb with {@code docs/benchmarks/window.sh likelihood-latency [clicks] [warm-up seconds]}
 * (40 clicks after 5 s of training by default).
 */
public final class LikelihoodLatencyBenchmark {

    /** The pause between the tab showing one image and the next click, as a person looks at it. */
    private static final long LOOK_NANOS = 300_000_000L;
    private static final int PARTS_ROUNDS = 10;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private LikelihoodLatencyBenchmark() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window being measured. */
    public static final class Window extends MeasuredWindow {

        @Override
        AnimationTimer measurement(List<String> args) {
            int clicks = args.isEmpty() ? 40 : Integer.parseInt(args.get(0));
            double warmUp = args.size() > 1 ? Double.parseDouble(args.get(1)) : 5;
            return new Measurement(clicks, (long) (warmUp * 1e9));
        }

        /** Runs once per frame: trains, clicks, records, reports. */
        private final class Measurement extends AnimationTimer {
            private final int clicks;
            private final long warmUpNanos;
            private final List<Long> latencies = new ArrayList<>();
            private long trainingSince;
            private long clickedAt;
            private long shownAt;
            private int image = -1;
            private CompletableFuture<String> parts;

            Measurement(int clicks, long warmUpNanos) {
                this.clicks = clicks;
                this.warmUpNanos = warmUpNanos;
                LikelihoodViewModel likelihood = viewModel().tools().likelihood();
                likelihood.resultProperty().addListener((o, was, now) -> {
                    if (clickedAt > 0 && now != null && now.subject().startsWith("held-out image " + (image + 1) + " ")) {
                        long at = System.nanoTime();
                        latencies.add(at - clickedAt);
                        clickedAt = 0;
                        shownAt = at;
                    }
                });
            }

            @Override
            public void handle(long now) {
                ExplorerViewModel viewModel = viewModel();
                if (trainingSince == 0) {
                    if (viewModel.lifecycle().stateProperty().get() == TrainerState.READY) {
                        viewModel.trainOrPause();
                        viewModel.tools().toolProperty().set(LatentToolsViewModel.Tool.LIKELIHOOD);
                        trainingSince = now;
                    }
                    return;
                }
                if (now - trainingSince < warmUpNanos) {
                    return;
                }
                if (parts != null) {
                    if (parts.isDone()) {
                        System.out.println(parts.join());
                        stop();
                        finish();
                    }
                    return;
                }
                if (clickedAt == 0 && System.nanoTime() - shownAt >= LOOK_NANOS) {
                    if (latencies.size() == clicks) {
                        report();
                        TrainingSnapshot latest = viewModel.lifecycle().snapshotProperty().get();
                        parts = CompletableFuture.supplyAsync(() -> timeParts(latest));
                        return;
                    }
                    image = (image + 1) % 200;
                    clickedAt = System.nanoTime();
                    viewModel.scatter().select(image);
                }
            }

            private void report() {
                TrainingSnapshot latest = viewModel().lifecycle().snapshotProperty().get();
                System.out.printf(Locale.ROOT, "while training (iteration %,d, epoch %d, %.0f iterations/s):%n",
                        latest.iteration(), latest.epoch(), latest.iterationsPerSecond());
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "  click → heat map and numbers taken up: %d clicks, median %.1f ms,"
                                + " p90 %.1f ms, max %.1f ms, under 200 ms: %d%n", sorted.length,
                        Timings.percentile(sorted, 0.5) / 1e6, Timings.percentile(sorted, 0.9) / 1e6,
                        sorted[sorted.length - 1] / 1e6, java.util.Arrays.stream(sorted).filter(t -> t < 200_000_000L)
                                .count());
            }
        }
    }

    /**
     * The parts of one image's computation as the tab's worker makes them, timed on this thread
     * from {@code snapshot} while training goes on, in wall and CPU time: the median over
     * {@value #PARTS_ROUNDS} images, each first with a new estimator (which decodes the coarse scan)
     * and then again with the one kept (as for a click on another image of the same snapshot).
     */
    private static String timeParts(TrainingSnapshot snapshot) {
        DecoderWeights weights = snapshot.decoder();
        ProbeSet probe = snapshot.probe();
        List<List<Long>> wall = new ArrayList<>();
        List<List<Long>> cpu = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            wall.add(new ArrayList<>());
            cpu.add(new ArrayList<>());
        }
        for (int i = 0; i < PARTS_ROUNDS; i++) {
            float[] image = probe.image(i);
            float[] mean = {probe.encoding().mean(i, 0), probe.encoding().mean(i, 1)};
            float[] logVariance = {probe.encoding().logVariance(i, 0), probe.encoding().logVariance(i, 1)};
            LikelihoodEstimator estimator = new LikelihoodEstimator(weights);
            long[] at = {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
            PosteriorPicture.of(estimator, image, mean, logVariance, 64);
            lap(wall.get(0), cpu.get(0), at);
            estimator.iwaeCurve(image, mean, logVariance, IwaeCurve.MAX_SAMPLES, 1, partial -> { }, () -> false);
            lap(wall.get(1), cpu.get(1), at);
            PosteriorPicture.of(estimator, image, mean, logVariance, 64);
            lap(wall.get(2), cpu.get(2), at);
        }
        String[] names = {"quadrature and 64 × 64 heat map, new estimator (decodes the 96 × 96 scan)",
            "IWAE curve, K = 1 … 5,000", "quadrature and heat map again, the scan kept"};
        StringBuilder text = new StringBuilder("one image's computation, on a thread of its own while training:");
        for (int k = 0; k < names.length; k++) {
            long[] c = cpu.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
            text.append(System.lineSeparator()).append(Timings.summary("  " + names[k], wall.get(k)))
                    .append(String.format(Locale.ROOT, "; CPU median %.1f ms", Timings.percentile(c, 0.5) / 1e6));
        }
        return text.toString();
    }

    /** Adds the wall and CPU time since {@code at} to the lists and moves {@code at} to now. */
    private static void lap(List<Long> wall, List<Long> cpu, long[] at) {
        long now = System.nanoTime();
        long cpuNow = THREADS.getCurrentThreadCpuTime();
        wall.add(now - at[0]);
        cpu.add(cpuNow - at[1]);
        at[0] = now;
        at[1] = cpuNow;
    }
}
