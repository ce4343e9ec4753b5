package org.latentlab.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSplit;
import org.latentlab.data.EmbeddedMnist;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.NativeBackend;

/**
 * A benchmark, not a test: what recording a timeline costs training, measured so that the
 * machine's drift cannot hide it. {@link TimelineCostBenchmark} times whole runs one after another,
 * and on a shared machine runs of the same work differ by 15 % or more from minute to minute; here
 * two sessions of the reference VAE (784-256-2, batch 128, seed 42), one recording a timeline and
 * one not, train a block of epochs each in turn (one epoch, or more), the order reversed every
 * block, so both see the same load.
 *
 * <p>The recording session's block counts until its timeline has taken in every moment of the
 * block ({@link TrainingSession#awaitTimeline()}): work its worker had not finished by then counts
 * in full, as if the trainer had done it, rather than slowing the other session. So the figure is
 * an upper bound of what recording costs, the higher the shorter the block: the recorder leaves
 * compressing frames for when its worker is idle, which waiting at the end of every epoch turns
 * into time the trainer waits. A block of the whole run measures it as training sees it. Prints, for each round, the two
 * sessions' total wall and training-thread CPU seconds and their ratio, the moments recorded and
 * the worker's CPU seconds; then the median ratio over the rounds. A short round first warms the
 * JIT up and is not counted.
 *
 * <pre>
 *   TimelineEpochCost [rounds] [epochs] [block]     (5 60 1)
 * </pre>
 */
public final class TimelineEpochCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TimelineEpochCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int block = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Dataset data = EmbeddedMnist.load();
        DatasetSplit split = DatasetSplit.of(data, DatasetSplit.DEFAULT_VALIDATION_FRACTION, 42);
        ModelConfig model = ModelConfig.reference(ModelKind.VAE, 42);
        TrainingConfig config = TrainingConfig.defaults(epochs, 42);
        System.out.printf(Locale.ROOT, "%s; %s; %d rounds of %d epochs, an epoch with a timeline and one without in"
                + " turn%n", NativeBackend.report().cpu(), NativeBackend.report().description(), rounds, epochs);
        System.out.printf(Locale.ROOT, "%s at a time%n", block == 1 ? "one epoch" : block + " epochs");
        compare(split, model, TrainingConfig.defaults(3, 42), 1, -1); // warms the JIT up; not counted
        double[] wallRatios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            double[] ratios = compare(split, model, config, block, round);
            wallRatios[round] = ratios[0];
            cpuRatios[round] = ratios[1];
        }
        System.out.printf(Locale.ROOT, "median over %d rounds: recording costs %+.1f %% wall, %+.1f %% training-thread"
                + " CPU (ratios %s)%n", rounds, 100 * (median(wallRatios) - 1), 100 * (median(cpuRatios) - 1),
                List.of(Arrays.stream(wallRatios).mapToObj(r -> String.format(Locale.ROOT, "%.3f", r)).toArray()));
    }

    /**
     * Trains a session with a timeline and one without, an epoch of each in turn; prints the round
     * (unless {@code round} is negative, a warm-up) and returns the ratios {wall, training-thread CPU}.
     */
    private static double[] compare(DatasetSplit split, ModelConfig model, TrainingConfig config, int block,
                                    int round) {
        ExecutorService worker = TimelineRecorder.newWorker();
        try {
            TrainingSession recording = new TrainingSession(split.train(), split.validation(), model, config);
            TrainingSession plain = new TrainingSession(split.train(), split.validation(), model, config);
            recording.recordTimeline(worker);
            double workerBefore = TrainerRuns.cpuOf("latent-lab-timeline");
            double[] with = new double[2];
            double[] without = new double[2];
            for (int e = 0; e < config.epochs(); e += block) {
                int epochs = Math.min(block, config.epochs() - e);
                if ((e / block + round) % 2 == 0) {
                    add(with, epochsOf(recording, epochs));
                    add(without, epochsOf(plain, epochs));
                } else {
                    add(without, epochsOf(plain, epochs));
                    add(with, epochsOf(recording, epochs));
                }
            }
            double[] ratios = {with[0] / without[0], with[1] / without[1]};
            if (round >= 0) {
                System.out.printf(Locale.ROOT, "round %d: with a timeline %.2f s wall, %.2f s training-thread CPU;"
                                + " without %.2f s, %.2f s; ratio %.3f wall, %.3f CPU; %d moments, %.1f MB, worker %.2f"
                                + " CPU s; load average %.1f%n", round + 1, with[0], with[1], without[0], without[1],
                        ratios[0], ratios[1], recording.timeline().size(), recording.timeline().bytes() / 1e6,
                        TrainerRuns.cpuOf("latent-lab-timeline") - workerBefore,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            return ratios;
        } finally {
            worker.shutdown();
        }
    }

    /** {@code epochs} epochs of {@code session}, then its timeline taken in: {wall, training-thread CPU} seconds. */
    private static double[] epochsOf(TrainingSession session, int epochs) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            session.trainEpoch();
        }
        session.awaitTimeline();
        return new double[] {(System.nanoTime() - wall) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9};
    }

    private static void add(double[] sums, double[] epoch) {
        sums[0] += epoch[0];
        sums[1] += epoch[1];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
