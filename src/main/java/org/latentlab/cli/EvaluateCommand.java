package org.latentlab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.model.BatchLosses;
import org.latentlab.model.ModelKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evaluate}: the held-out negative ELBO of a trained model and its two terms. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Prints a trained model's negative ELBO (nats per image) on held-out images.")
final class EvaluateCommand implements Callable<Integer> {

    private static final long NOISE_SEED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A folder written by 'train'.")
    Path run;

    @Option(names = "--dataset", paramLabel = "mnist|fashion|PATH",
            description = "Evaluate on all of these images instead of the run's own held-out split.")
    String dataset;

    @Override
    public Integer call() {
        RunFolder folder = RunFolder.open(run);
        Dataset images = dataset == null ? folder.validation() : DatasetSource.parse(dataset).load();
        if (images.width() != folder.run().modelConfig().imageWidth()
                || images.height() != folder.run().modelConfig().imageHeight()) {
            throw new IllegalArgumentException(images.name() + " holds " + images.width() + "×" + images.height()
                    + " images but the model reads " + folder.run().modelConfig().imageWidth() + "×"
                    + folder.run().modelConfig().imageHeight());
        }
        BatchLosses losses = folder.model().evaluate(images.pixels(images.size()), images.labels(images.size()),
                images.size(), new SplittableRandom(NOISE_SEED));
        spec.commandLine().getOut().printf(Locale.ROOT,
                "negative ELBO %.2f nats = reconstruction %.2f + KL %.2f (%d %s images of %s)%n",
                losses.negativeElbo(), losses.reconstruction(), losses.kl(), images.size(),
                dataset == null ? "held-out" : "", images.name());
        double[] levels = losses.klPerLevel();
        if (levels.length > 1) {
            spec.commandLine().getOut().printf(Locale.ROOT, "KL by level: z₁ %.2f against p(z₁|z₂) + z₂ %.2f against"
                    + " N(0, I)%n", levels[0], levels[1]);
        }
        if (folder.run().modelConfig().kind() != ModelKind.AUTOENCODER) {
            spec.commandLine().getOut().println(ActiveUnits.describe(folder.model(), images));
        }
        String classes = dataset == null ? ClassFromCode.describe(folder.model(), folder.training(), images) : null;
        if (classes != null) {
            spec.commandLine().getOut().println(classes);
        }
        return 0;
    }
}
