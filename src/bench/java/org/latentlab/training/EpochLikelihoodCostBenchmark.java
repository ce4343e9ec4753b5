package org.latentlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSplit;
import org.latentlab.data.EmbeddedMnist;
import org.latentlab.likelihood.EvaluationSettings;
import org.latentlab.likelihood.LikelihoodEvaluation;
import org.latentlab.likelihood.LikelihoodReport;
import org.latentlab.model.Activation;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/**
 * A benchmark, not a test: what the per-epoch held-out −log p(x) ({@link EpochLikelihoodWorker})
 * costs, in two modes, on the window's model (784-256-2 VAE, batch 100) and the embedded digits:
 * <ul>
 *   <li>{@code choice [epochs]}: trains that many epochs (5 by default), then for several subset sizes N
 *       and sample counts K times one estimate on one thread and prints its Monte Carlo standard errors,
 *       the spread over images (the standard error of the subset's mean as an estimate of the whole
 *       held-out set's) and the gap; what note 0071's choice of N and K rests on;</li>
 *   <li>{@code speed [rounds] [epochs]}: trains as the window does, a {@link Trainer} on its thread from
 *       {@code train()} to FINISHED (30 epochs by default), with and without the estimate, alternating
 *       (the order turning each round) after one short warm-up run of each; prints each run's wall time and the CPU of the trainer and of the
 *       estimate's thread, then the medians and their ratio.</li>
 * </ul>
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp "target/latent-lab.jar:target/bench-classes:target/lib/*"
 * org.latentlab.training.EpochLikelihoodCostBenchmark choice|speed ...}.
 */
public final class EpochLikelihoodCostBenchmark {

    private static final int BATCH = 100;

    private EpochLikelihoodCostBenchmark() {
    }

    private record Run(boolean estimate, double seconds, double trainerCpu, double workerCpu, int estimates) {
    }

    public static void main(String[] args) throws InterruptedException {
        Dataset data = EmbeddedMnist.load();
        DatasetSplit split = DatasetSplit.of(data, DatasetSplit.DEFAULT_VALIDATION_FRACTION, 42);
        ModelConfig model = new ModelConfig(ModelKind.VAE, data.width(), data.height(), List.of(256), 2, Activation.RELU,
                Likelihood.BERNOULLI, 0.1, 42);
        String mode = args.length > 0 ? args[0] : "speed";
        if (mode.equals("choice")) {
            choice(split, model, args.length > 1 ? Integer.parseInt(args[1]) : 5);
        } else {
            speed(split, model, args.length > 1 ? Integer.parseInt(args[1]) : 5,
                    args.length > 2 ? Integer.parseInt(args[2]) : 30);
        }
    }

    private static TrainingConfig config(int epochs) {
        TrainingConfig defaults = TrainingConfig.defaults(epochs, 42);
        return new TrainingConfig(defaults.learningRate(), BATCH, epochs, defaults.beta(), defaults.lossTerms(),
                defaults.seed(), defaults.debias());
    }

    private static void choice(DatasetSplit split, ModelConfig model, int epochs) {
        TrainingSession session = new TrainingSession(split.train(), split.validation(), model, config(epochs));
        long start = System.nanoTime();
        EpochMetrics last = null;
        for (int e = 0; e < epochs; e++) {
            last = session.runEpoch();
        }
        System.out.printf(Locale.ROOT, "%d epochs of %d iterations in %.2f s; held-out -ELBO (one draw) %.2f nats%n",
                epochs, last.iteration() / epochs, (System.nanoTime() - start) / 1e9, last.validationNegativeElbo());
        ExecutorService unused = Executors.newSingleThreadExecutor();
        try {
            for (int images : new int[] {100, 250, 500, 1000}) {
                for (int samples : new int[] {5, 10, 20, 50, 100, 500}) {
                    EpochLikelihoodWorker worker = new EpochLikelihoodWorker(split.validation(), model, images, samples,
                            unused);
                    var encoding = session.model().encode(worker.pixels(), null, images);
                    var weights = session.model().decoderWeights();
                    double best = Double.POSITIVE_INFINITY;
                    LikelihoodReport report = null;
                    for (int r = 0; r < 3; r++) {
                        long t = System.nanoTime();
                        report = LikelihoodEvaluation.run(weights, worker.pixels(), null, encoding,
                                new EvaluationSettings(samples, EpochLikelihoodWorker.NOISE_SEED, null, 1), () -> false);
                        best = Math.min(best, (System.nanoTime() - t) / 1e6);
                    }
                    double spread = spreadOverImages(report);
                    System.out.printf(Locale.ROOT, "N %4d K %3d: %7.1f ms; -log p(x) IWAE %.3f (MC s.e. %.3f),"
                                    + " -ELBO %.3f (MC s.e. %.3f), gap %.3f; s.e. over images %.2f%n", images, samples,
                            best, report.negativeLogMarginalIwae(), report.negativeLogMarginalIwaeStandardError(),
                            report.negativeElbo(), report.negativeElboStandardError(),
                            report.negativeElbo() - report.negativeLogMarginalIwae(), spread);
                }
            }
        } finally {
            unused.shutdown();
        }
    }

    /** The standard deviation over the images of −log p̂_K(x), over √N. */
    private static double spreadOverImages(LikelihoodReport report) {
        int n = report.images();
        double mean = report.negativeLogMarginalIwae();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = report.importance(i).negativeLogMarginal() - mean;
            sum += d * d;
        }
        return Math.sqrt(sum / (n - 1) / n);
    }

    private static void speed(DatasetSplit split, ModelConfig model, int rounds, int epochs) throws InterruptedException {
        for (boolean estimate : new boolean[] {true, false}) { // warm-up: the JIT, the natives, the first allocations
            window(() -> new TrainingSession(split.train(), split.validation(), model, config(2)), estimate);
        }
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < 2; k++) {
                boolean estimate = (k + round) % 2 == 0;
                Run run = window(() -> new TrainingSession(split.train(), split.validation(), model, config(epochs)),
                        estimate);
                runs.add(run);
                System.out.printf(Locale.ROOT, "round %d %-11s %6.2f s wall (%.0f it/s), trainer %6.2f CPU s,"
                                + " estimates %5.2f CPU s (%d estimates)%n", round + 1,
                        estimate ? "estimate" : "no estimate", run.seconds(),
                        epochs * Math.ceil(split.train().size() / (double) BATCH) / run.seconds(), run.trainerCpu(),
                        run.workerCpu(), run.estimates());
            }
        }
        double with = median(runs, true, Run::seconds);
        double without = median(runs, false, Run::seconds);
        System.out.printf(Locale.ROOT, "median %.2f s with the estimate, %.2f s without (%+.1f %%); trainer CPU %.2f s"
                        + " and %.2f s; estimates %.2f CPU s (%.0f ms an epoch)%n", with, without,
                100 * (with / without - 1), median(runs, true, Run::trainerCpu), median(runs, false, Run::trainerCpu),
                median(runs, true, Run::workerCpu), 1000 * median(runs, true, Run::workerCpu) / epochs);
    }

    private static double median(List<Run> runs, boolean estimate, ToDoubleFunction<Run> value) {
        double[] values = runs.stream().filter(r -> r.estimate() == estimate).mapToDouble(value).sorted().toArray();
        return values.length == 0 ? Double.NaN
                : values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static Run window(Supplier<TrainingSession> sessions, boolean estimate) throws InterruptedException {
        try (Trainer trainer = new Trainer(sessions, true, estimate)) {
            double workerBefore = TrainerRuns.cpuOf("latent-lab-epoch-likelihood");
            double[] run = TrainerRuns.trainToTheEnd(trainer);
            Thread.sleep(1000); // the last estimate
            return new Run(estimate, run[0], run[1], TrainerRuns.cpuOf("latent-lab-epoch-likelihood") - workerBefore,
                    trainer.epochLikelihoods().estimates().size());
        }
    }
}
