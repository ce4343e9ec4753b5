package org.latentlab.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSplit;
import org.latentlab.data.EmbeddedMnist;
import org.latentlab.model.Activation;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/**
 * A benchmark, not a test: what recording a timeline costs training. Trains the reference VAE
 * (784-256-2, batch 128) on the embedded digits for 141 epochs (10,011 iterations), with and
 * without a timeline, alternating the two (the order turning each round), in two ways:
 * <ul>
 *   <li>as the window does: a {@link Trainer} on its thread, publishing snapshots, from
 *       {@code train()} to FINISHED;</li>
 *   <li>as {@code train} does: {@link TrainingSession#trainEpoch()} on the calling thread.</li>
 * </ul>
 * Prints each run's wall time, the CPU time of the training thread and of the timeline's worker,
 * and the timeline's entries and memory; then the medians and their ratio.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp "target/latent-lab.jar:target/bench-classes:target/lib/*"
 * org.latentlab.training.TimelineCostBenchmark [rounds] [epochs]}.
 */
public final class TimelineCostBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TimelineCostBenchmark() {
    }

    private record Run(String what, boolean timeline, double seconds, double trainingCpu, double workerCpu,
                       int entries, long bytes) {
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 141;
        Dataset data = EmbeddedMnist.load();
        DatasetSplit split = DatasetSplit.of(data, DatasetSplit.DEFAULT_VALIDATION_FRACTION, 42);
        ModelConfig model = new ModelConfig(ModelKind.VAE, data.width(), data.height(), List.of(256), 2, Activation.RELU,
                Likelihood.BERNOULLI, 0.1, 42);
        TrainingConfig config = TrainingConfig.defaults(epochs, 42);
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < 4; k++) {
                int which = (k + round) % 4;
                boolean timeline = which % 2 == 0;
                Run run = which < 2
                        ? window(() -> new TrainingSession(split.train(), split.validation(), model, config), timeline)
                        : commandLine(new TrainingSession(split.train(), split.validation(), model, config), timeline);
                runs.add(run);
                System.out.printf(Locale.ROOT, "round %d %-12s %-11s %6.1f s wall, training thread %6.1f CPU s,"
                                + " timeline worker %5.1f CPU s, %3d entries, %5.1f MB%n", round + 1, run.what(),
                        timeline ? "timeline" : "no timeline", run.seconds(), run.trainingCpu(), run.workerCpu(),
                        run.entries(), run.bytes() / 1e6);
            }
        }
        for (String what : List.of("window", "command line")) {
            double with = median(runs, what, true, Run::seconds);
            double without = median(runs, what, false, Run::seconds);
            double cpuWith = median(runs, what, true, Run::trainingCpu);
            double cpuWithout = median(runs, what, false, Run::trainingCpu);
            System.out.printf(Locale.ROOT, "%s: median %.1f s with a timeline, %.1f s without (%+.1f %%); training"
                            + " thread CPU %.1f s and %.1f s (%+.1f %%); worker %.1f CPU s%n", what, with, without,
                    100 * (with / without - 1), cpuWith, cpuWithout, 100 * (cpuWith / cpuWithout - 1),
                    median(runs, what, true, Run::workerCpu));
        }
    }

    private static double median(List<Run> runs, String what, boolean timeline,
                                 ToDoubleFunction<Run> value) {
        double[] values = runs.stream().filter(r -> r.what().equals(what) && r.timeline() == timeline)
                .mapToDouble(value).sorted().toArray();
        return values.length == 0 ? Double.NaN : values[values.length / 2];
    }

    private static Run window(Supplier<TrainingSession> sessions, boolean timeline)
            throws InterruptedException {
        try (Trainer trainer = new Trainer(sessions, timeline, false)) {
            double workerBefore = TrainerRuns.cpuOf("latent-lab-timeline");
            double[] run = TrainerRuns.trainToTheEnd(trainer);
            Thread.sleep(500); // the last entries
            TrainingTimeline recorded = trainer.timeline();
            return new Run("window", timeline, run[0], run[1], TrainerRuns.cpuOf("latent-lab-timeline") - workerBefore,
                    recorded.size(), recorded.bytes());
        }
    }

    private static Run commandLine(TrainingSession session, boolean timeline) {
        ExecutorService worker = timeline ? TimelineRecorder.newWorker() : null;
        try {
            if (worker != null) {
                session.recordTimeline(worker);
            }
            double workerBefore = TrainerRuns.cpuOf("latent-lab-timeline");
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int e = 0; e < session.config().epochs(); e++) {
                session.trainEpoch();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            session.awaitTimeline();
            double workerCpu = TrainerRuns.cpuOf("latent-lab-timeline") - workerBefore;
            return new Run("command line", timeline, seconds, cpu, workerCpu, session.timeline().size(),
                    session.timeline().bytes());
        } finally {
            if (worker != null) {
                worker.shutdown();
            }
        }
    }
}
