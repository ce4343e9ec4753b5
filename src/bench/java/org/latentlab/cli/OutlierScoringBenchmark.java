package org.latentlab.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.latentlab.data.Dataset;
import org.latentlab.likelihood.EvaluationSettings;
import org.latentlab.likelihood.LikelihoodRanking;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;

/**
 * A benchmark, not a test: what scoring a run's held-out images by −log p(x) with importance
 * sampling (IWAE) costs on one thread, as the window's Outliers tab scores them beside the trainer,
 * for several K. The K are taken in turn within each round, the order turning every round. Prints
 * each run's wall time and the scoring thread's CPU time, then per K their medians and the mean
 * −log p(x), and how far each image's value lies from the largest K's (the estimate's noise and bias
 * at that K, in nats).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp "target/latent-lab.jar:target/bench-classes:target/lib/*"
 * org.latentlab.cli.OutlierScoringBenchmark RUN-FOLDER [rounds] [K,K,...]}.
 */
public final class OutlierScoringBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private OutlierScoringBenchmark() {
    }

    private record Run(int samples, double seconds, double cpuSeconds, double[] values) {
    }

    public static void main(String[] args) {
        RunFolder folder = RunFolder.open(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int[] ks = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {10, 30, 100, 300, 1000};
        LatentModel model = folder.model();
        Dataset held = folder.validation();
        int count = held.size();
        float[] pixels = held.pixels(count);
        int[] labels = ModelLikelihood.labels(model.config(), held);
        Encoding posteriors = labels == null ? model.encode(pixels, count) : model.encode(pixels, labels, count);
        System.out.printf(Locale.ROOT, "%s: %,d held-out images, latent %d, one thread%n", args[0], count,
                model.config().latentSize());
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int j = 0; j < ks.length; j++) {
                int k = ks[(j + round) % ks.length];
                long cpu = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                double[] values = LikelihoodRanking.negativeLogMarginals(model.decoderWeights(), pixels, labels, posteriors,
                        new EvaluationSettings(k, 1, null, 1), done -> { }, () -> false);
                Run run = new Run(k, (System.nanoTime() - start) / 1e9,
                        (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, values);
                runs.add(run);
                System.out.printf(Locale.ROOT, "round %d  K = %,5d  %7.2f s wall  %7.2f s CPU%n", round + 1, k,
                        run.seconds(), run.cpuSeconds());
            }
        }
        int largest = Arrays.stream(ks).max().orElseThrow();
        double[] reference = runs.stream().filter(r -> r.samples() == largest).findFirst().orElseThrow().values();
        System.out.println("K      median wall  median CPU  mean -log p(x)  mean |value - K=" + largest + "'s|  largest");
        for (int k : ks) {
            List<Run> of = runs.stream().filter(r -> r.samples() == k).toList();
            double[] values = of.get(0).values();
            double mean = Arrays.stream(values).average().orElseThrow();
            double[] away = new double[count];
            for (int i = 0; i < count; i++) {
                away[i] = Math.abs(values[i] - reference[i]);
            }
            System.out.printf(Locale.ROOT, "%,5d  %9.2f s  %8.2f s  %14.2f  %21.3f  %7.2f%n", k,
                    median(of.stream().mapToDouble(Run::seconds).toArray()),
                    median(of.stream().mapToDouble(Run::cpuSeconds).toArray()), mean,
                    Arrays.stream(away).average().orElseThrow(), Arrays.stream(away).max().orElseThrow());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
