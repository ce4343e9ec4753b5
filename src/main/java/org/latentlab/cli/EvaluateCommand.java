package org.latentlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.latentlab.likelihood.EvaluationSettings;
import org.latentlab.likelihood.IwaeCurve;
import org.latentlab.likelihood.LikelihoodReport;
import org.latentlab.likelihood.QuadratureRule;
import org.latentlab.model.BatchLosses;
import org.latentlab.model.LatentModel;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.ClassFromCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evaluate}: how likely held-out images are under a trained VAE (flat, conditional or
 * hierarchical): the −ELBO, −log p(x) by importance sampling, and for a 2-D latent space −log p(x)
 * by quadrature and the gap, in nats per image and bits per dimension.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Prints how likely held-out images are under a trained VAE: -ELBO, -log p(x) by importance"
                + " sampling (IWAE) and, for a 2-D latent space, by quadrature, with the gap between them;"
                + " in nats per image and bits per dimension."})
final class EvaluateCommand implements Callable<Integer> {

    static final int DEFAULT_SAMPLES = 1000;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A folder written by 'train'.")
    Path run;

    @Option(names = "--dataset", paramLabel = "mnist|fashion|faces|PATH",
            description = "Score these images instead: all of them, or the held-out split if they are the run's own data.")
    String dataset;

    @Option(names = "--samples", defaultValue = "" + DEFAULT_SAMPLES, paramLabel = "K",
            description = "Samples of q(z|x) per image, 1 to " + IwaeCurve.MAX_SAMPLES
                    + ", for the IWAE estimate and the -ELBO alike (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seeds the samples: image i draws from SplittableRandom(S + i) (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--images", paramLabel = "N", description = "Score only the first N images.")
    Integer images;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads to share the images (default: one per processor).")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Option(names = "--per-image", paramLabel = "FILE.csv",
            description = "Also write every image's numbers, with its index in the dataset, as CSV.")
    Path perImage;

    @Override
    public Integer call() {
        RunFolder folder = RunFolder.open(run);
        ScoredImages scored = ScoredImages.choose(folder, dataset, images);
        ModelConfig config = folder.run().modelConfig();
        PrintWriter out = spec.commandLine().getOut();
        if (config.kind() == ModelKind.AUTOENCODER) {
            printAutoencoder(out, folder.model(), scored);
            return 0;
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        EvaluationSettings settings = new EvaluationSettings(samples, seed,
                config.latentSize() == 2 && config.kind() != ModelKind.HVAE ? QuadratureRule.STANDARD : null, threadCount);
        LikelihoodReport report = ModelLikelihood.evaluate(folder.model(), scored.images(), settings);
        LikelihoodSummary summary = new LikelihoodSummary(report, scored, config, folder.model().decoderStd(),
                run.toString());
        if (perImage != null) {
            AtomicText.write(perImage, summary::writeCsv);
        }
        if (json) {
            out.println(summary.json());
            return 0;
        }
        summary.printTable(out);
        if (config.kind() == ModelKind.HVAE) {
            printKlByLevel(out, folder.model(), scored);
        }
        out.println(ActiveUnits.describe(folder.model(), scored.images()));
        String classes = dataset == null ? ClassFromCode.describe(folder.model(), folder.training(), scored.images()) : null;
        if (classes != null) {
            out.println(classes);
        }
        return 0;
    }

    /** A hierarchical VAE's KL split between its levels, from the training loss at one sample of q per image. */
    private void printKlByLevel(PrintWriter out, LatentModel model, ScoredImages scored) {
        double[] levels = model.evaluate(scored.pixels(), scored.count(), new SplittableRandom(seed)).klPerLevel();
        out.printf(Locale.ROOT, "KL by level (one sample of q per image, as in training): z₁ %.2f against p(z₁|z₂)"
                + " + z₂ %.2f against N(0, I)%n", levels[0], levels[1]);
    }

    /** An autoencoder has no q(z|x) and so no likelihood: its reconstruction error is all there is to say. */
    private void printAutoencoder(PrintWriter out, LatentModel model, ScoredImages scored) {
        BatchLosses losses = model.evaluate(scored.pixels(), scored.count(), new SplittableRandom(seed));
        if (json) {
            out.println(new JsonObject().put("run", run.toString()).put("dataset", scored.datasetSpec())
                    .put("split", scored.heldOut() ? "held-out" : "all").put("images", scored.count())
                    .put("model", "ae").put("reconstruction", losses.reconstruction()));
        } else {
            out.printf(Locale.ROOT, "reconstruction -log p(x|z = mu(x)) %.2f nats per image; an autoencoder has no"
                    + " posterior q(z|x), so no ELBO or likelihood (%s)%n", losses.reconstruction(), scored.description());
        }
    }
}
