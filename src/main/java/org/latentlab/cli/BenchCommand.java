package org.latentlab.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentlab.data.Dataset;
import org.latentlab.data.EmbeddedMnist;
import org.latentlab.latent.GridSpacing;
import org.latentlab.latent.LatentGrid;
import org.latentlab.model.Activation;
import org.latentlab.model.DecoderOutput;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.ModelState;
import org.latentlab.model.MultiplyBound;
import org.latentlab.model.SnapshotDecoder;
import org.latentlab.model.BlasReport;
import org.latentlab.model.NativeBackend;
import org.latentlab.model.TrainingKernels;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.LossTerms;
import org.latentlab.training.TrainingConfig;
import org.latentlab.training.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench}: trains the reference network on all embedded digits and prints how fast, in the
 * format of the PyTorch and numpy peers ({@code epoch N seconds S loss L cpu C}) plus the figures
 * the benchmark notes need: the training thread's own CPU time (the process's also counts the
 * JIT compiler), an epoch of the multiplies alone timed right after each epoch (the machine may be
 * shared), garbage collections, heap used/committed and resident memory; then the median epoch,
 * its GFLOP/s and its ratio to the multiplies, how many subnormal floats the weights and Adam's
 * moments hold at the end (docs/decisions/0012), and the time to encode the digits and to decode a
 * manifold grid.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times training of the reference VAE (784-256-2, batch 128, Adam 0.001) on the 10,000 embedded digits;"
                + " --model, --latent, --decoder and --decoder-std time other networks of the same hidden width.")
final class BenchCommand implements Callable<Integer> {

    private static final int BATCH = 128;
    private static final double LEARNING_RATE = 1e-3;
    private static final int REPEATS = 5;
    private static final int WARM_UP = 20;
    private static final double MIB = 1024.0 * 1024.0;

    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "5", paramLabel = "E", description = "Epochs to time (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--model", defaultValue = "vae", paramLabel = "vae|ae|hvae|cvae",
            description = "A variational autoencoder, a plain one, a hierarchical VAE, or a conditional VAE reading the"
                    + " digits' classes (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--latent", paramLabel = "N|N,M",
            description = "Latent dimensions; for hvae the lower level z₁'s then the upper z₂'s (default: 2; 16,2 for hvae).")
    String latent;

    @Option(names = "--loss", defaultValue = "combined", paramLabel = "combined|reconstruction|kl",
            description = "Which loss terms to train (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--beta", defaultValue = "1", paramLabel = "B", description = "Weight of the KL term (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--decoder", defaultValue = "bernoulli", paramLabel = "bernoulli|gaussian",
            description = "The decoder's pixel distribution (default: ${DEFAULT-VALUE}).")
    String decoder;

    @Option(names = "--decoder-std", paramLabel = DecoderStdOption.LABEL, description = DecoderStdOption.DESCRIPTION)
    String decoderStd;

    @Option(names = "--grid", defaultValue = "20", paramLabel = "N", description = "Side of the decoded manifold grid (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seeds weights, noise and order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        }
        if (grid < LatentGrid.MIN_SIZE || grid > LatentGrid.MAX_SIZE) {
            throw new IllegalArgumentException("--grid must be in " + LatentGrid.MIN_SIZE + ".." + LatentGrid.MAX_SIZE + ", got " + grid);
        }
        LossTerms terms = LossTerms.fromCliName(loss);
        TrainingConfig trainingConfig = new TrainingConfig(LEARNING_RATE, BATCH, epochs, new BetaSchedule.Constant(beta),
                terms, seed);
        ModelKind kind = ModelKind.fromCliName(model);
        LatentSizes sizes = LatentSizes.parse(latent, kind);
        ModelConfig reference = ModelConfig.reference(ModelKind.VAE, seed);
        DecoderStdOption std = DecoderStdOption.parse(decoderStd);
        Dataset digits = EmbeddedMnist.load();
        ModelConfig modelConfig = new ModelConfig(kind, reference.imageWidth(), reference.imageHeight(),
                reference.hiddenSizes(), sizes.lower(), Activation.RELU, Likelihood.fromCliName(decoder),
                std.std(), seed, sizes.upper(), kind == ModelKind.CVAE ? TrainCommand.conditionClasses(digits) : 0,
                std.variance());
        TrainingSession session = new TrainingSession(digits, digits.head(0), modelConfig, trainingConfig);

        PrintWriter out = spec.commandLine().getOut();
        BlasReport blas = NativeBackend.report();
        out.printf(Locale.ROOT, "bench: %s %s%s, batch %d, Adam %s, %s decoder, %s loss, β %s, %d images%n",
                kind.displayName(), TrainCommand.architecture(modelConfig), TrainCommand.extras(modelConfig),
                BATCH,
                LEARNING_RATE, modelConfig.likelihood().name().toLowerCase(Locale.ROOT), terms.cliName(), beta,
                digits.size());
        out.printf(Locale.ROOT, "cpu: %s; blas: %s; %s%n", blas.cpu(), blas.description(), TrainingKernels.description());
        out.flush();

        MultiplyBound multiplies = new MultiplyBound(modelConfig, BATCH, digits.size());
        double[] seconds = new double[epochs];
        double[] cpuSeconds = new double[epochs];
        double[] threadSeconds = new double[epochs];
        double[] multiplySeconds = new double[epochs];
        double[] ratios = new double[epochs];
        long collections = 0;
        ProcessMeters first = ProcessMeters.now();
        for (int e = 0; e < epochs; e++) {
            ProcessMeters before = ProcessMeters.now();
            EpochMetrics metrics = session.runEpoch();
            ProcessMeters after = ProcessMeters.now();
            if (metrics == null) {
                throw new LatentLabCommand.CommandFailure("training diverged in epoch " + (e + 1));
            }
            seconds[e] = after.secondsSince(before);
            cpuSeconds[e] = after.processCpuSecondsSince(before);
            threadSeconds[e] = after.threadCpuSecondsSince(before);
            multiplySeconds[e] = multiplies.secondsPerEpoch();
            ratios[e] = seconds[e] / multiplySeconds[e];
            if (e > 0) {
                collections += after.collections() - before.collections();
            }
            out.printf(Locale.ROOT, "epoch %d seconds %.3f loss %.3f cpu %.3f thread %.3f multiplies %.3f gc %d"
                            + " heap %.1f/%.1fMiB rss %.1fMiB%n",
                    e + 1, seconds[e], metrics.trainingObjective(), cpuSeconds[e], threadSeconds[e],
                    multiplySeconds[e], after.collections() - before.collections(), after.heapUsed() / MIB,
                    after.heapCommitted() / MIB, after.residentBytes() / MIB);
            out.flush();
        }

        int from = epochs > 1 ? 1 : 0;
        String steady = from == 1 ? "epochs 2-" + epochs : "epoch 1";
        double median = median(Arrays.copyOfRange(seconds, from, epochs));
        double steadyCpu = Arrays.stream(cpuSeconds, from, epochs).sum();
        double steadyWall = Arrays.stream(seconds, from, epochs).sum();
        out.printf(Locale.ROOT, "median epoch seconds %.3f over %s (%.0f images/s, %.1f GFLOP/s as 6 × %,d weights × %,d images)%n",
                median, steady, digits.size() / median, 6.0 * modelConfig.weightCount() * digits.size() / median / 1e9,
                modelConfig.weightCount(), digits.size());
        out.printf(Locale.ROOT, "multiplies alone seconds %.3f per epoch, timed after each epoch; median epoch / multiplies %.2f%n",
                median(Arrays.copyOfRange(multiplySeconds, from, epochs)), median(Arrays.copyOfRange(ratios, from, epochs)));
        out.printf(Locale.ROOT, "cpu seconds %.3f (training thread %.3f) over wall %.3f in %s (%.2f cores);"
                        + " %d garbage collections after epoch 1; process cpu %.3f s in %.3f s%n",
                steadyCpu, Arrays.stream(threadSeconds, from, epochs).sum(), steadyWall, steady, steadyCpu / steadyWall,
                collections,
                ProcessMeters.now().processCpuNanos() / 1e9, ProcessMeters.now().secondsSince(first));

        ModelState state = session.model().state();
        ModelState.SubnormalCounts subnormals = state.subnormalCounts();
        out.printf(Locale.ROOT, "subnormals %d in the training state: %d of %,d parameters, %d in Adam's first and %d in"
                        + " its second moments (floats with 0 < |x| < %s, which x86 computes with slowly)%n",
                subnormals.total(), subnormals.parameters(), state.parameters().length, subnormals.firstMoments(),
                subnormals.secondMoments(), Float.MIN_NORMAL);

        float[] pixels = digits.pixels(digits.size());
        int[] digitLabels = digits.labels(digits.size());
        double encode = medianSeconds(() -> session.model().encode(pixels, digitLabels, digits.size()));
        float[] latents = new LatentGrid(grid, GridSpacing.INVERSE_CDF).points(modelConfig.topLatentSize(), 0, 1);
        SnapshotDecoder decoder = new SnapshotDecoder(session.model().decoderWeights());
        int[] labels = modelConfig.conditional() ? new int[grid * grid] : null; // a conditional VAE's grid: class 0
        double decode = medianSeconds(() -> decoder.decode(latents, labels, grid * grid, DecoderOutput.MEAN));
        out.printf(Locale.ROOT, "encode %d images %.4f s; decode %d×%d grid %.4f s (medians of %d after %d warm-up runs)%n",
                digits.size(), encode, grid, grid, decode, REPEATS, WARM_UP);
        return 0;
    }

    private static double medianSeconds(Runnable work) {
        double[] times = new double[REPEATS];
        for (int i = 0; i < WARM_UP; i++) {
            work.run(); // lets the JIT compile the decoding and encoding paths first
        }
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        return median(times);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
