package org.latentlab.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.data.DatasetSplit;
import org.latentlab.model.Activation;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/**
 * What debiased sampling costs per epoch, measured side by side in one process: a plain and a
 * debiased (α = 1) session of the faces' model (784-256-8, Gaussian σ 0.1, batch 128) on
 * {@code faces:rare=brightness>0.7@0.05}, two warm-up epochs each, then their epochs alternated;
 * each epoch's wall and thread-CPU seconds and the sampler's own seconds (encoding the 18,000
 * training faces, the histograms, the draws), and the medians.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp "target/latent-lab.jar:target/bench-classes:target/lib/*" \
 *     org.latentlab.training.DebiasedSamplingBenchmark [rounds]</pre>
 */
public final class DebiasedSamplingBenchmark {

    private DebiasedSamplingBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        Dataset faces = DatasetSource.parse("faces:rare=brightness>0.7@0.05").load();
        DatasetSplit split = DatasetSplit.of(faces, DatasetSplit.DEFAULT_VALIDATION_FRACTION, 1);
        ModelConfig model = new ModelConfig(ModelKind.VAE, 28, 28, List.of(256), 8, Activation.RELU,
                Likelihood.GAUSSIAN, 0.1, 1);
        TrainingSession plain = new TrainingSession(split.train(), split.validation(), model,
                TrainingConfig.defaults(0, 1));
        TrainingSession debiased = new TrainingSession(split.train(), split.validation(), model,
                TrainingConfig.defaults(0, 1).withDebias(1));
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            plain.runEpoch();
            debiased.runEpoch();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] wall = new double[2][rounds];
        double[][] cpu = new double[2][rounds];
        double[] sampler = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                long start = System.nanoTime();
                long startCpu = threads.getCurrentThreadCpuTime();
                (k == 0 ? plain : debiased).runEpoch();
                wall[k][r] = (System.nanoTime() - start) / 1e9;
                cpu[k][r] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
            }
            sampler[r] = debiased.sampling().seconds();
            System.out.printf(Locale.ROOT, "round %d  plain %.3f s (cpu %.3f)  debiased %.3f s (cpu %.3f)  sampler %.3f s%n",
                    r + 1, wall[0][r], cpu[0][r], wall[1][r], cpu[1][r], sampler[r]);
        }
        System.out.printf(Locale.ROOT, "median    plain %.3f s (cpu %.3f)  debiased %.3f s (cpu %.3f)  sampler %.3f s%n",
                median(wall[0]), median(cpu[0]), median(wall[1]), median(cpu[1]), median(sampler));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
