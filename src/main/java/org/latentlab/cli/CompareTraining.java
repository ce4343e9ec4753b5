package org.latentlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentlab.data.DatasetSplit;
import org.latentlab.training.CompareConfig;
import org.latentlab.training.CompareVariant;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.TrainingSession;

/**
 * {@code train --compare}: trains the models of a comparison side by side, prints one line per
 * epoch with every model's held-out losses, and saves each model into its own sub-folder of the
 * output folder after every epoch, with a {@link ComparisonFolder} index beside them.
 *
 * <p>Each epoch trains the models one after the other. They share their seeds, so every model
 * sees the same minibatches in the same order, and since they do not interact the result is the
 * same as stepping them in turn batch by batch (as the window's {@code CompareTrainer} does).
 */
final class CompareTraining {

    private final PrintWriter console;
    private final Path out;
    private final String datasetSpec;

    CompareTraining(PrintWriter console, Path out, String datasetSpec) {
        this.console = console;
        this.out = out;
        this.datasetSpec = datasetSpec;
    }

    int run(CompareConfig config, DatasetSplit split, String datasetName) throws IOException {
        List<CompareVariant> variants = config.variants();
        List<TrainingSession> sessions = config.newSessions(split.train(), split.validation());
        console.printf(Locale.ROOT, "Training %d models side by side on %s (%d training and %d held-out images), "
                        + "%s, the same batches and seeds for all: %s%n", variants.size(), datasetName,
                split.train().size(), split.validation().size(), TrainCommand.architecture(config.model()),
                String.join(", ", variants.stream().map(CompareVariant::name).toList()));
        console.println("Each line: held-out reconstruction + KL (nats per image) of every model, then the seconds"
                + " the epoch took for all of them.");
        ComparisonFolder.writeIndex(out, config.preset(), datasetSpec);
        for (int e = 0; e < config.training().epochs(); e++) {
            List<EpochMetrics> epoch = new ArrayList<>();
            for (int i = 0; i < sessions.size(); i++) {
                EpochMetrics metrics = sessions.get(i).runEpoch();
                if (metrics == null) {
                    saveAll(variants, sessions);
                    throw new LatentLabCommand.CommandFailure(String.format(Locale.ROOT,
                            "training of '%s' diverged in epoch %d (the loss became NaN or infinite); the last good"
                                    + " models are saved in %s; try a lower --lr", variants.get(i).name(), e + 1, out));
                }
                epoch.add(metrics);
            }
            console.println(EpochLine.ofComparison(variants, epoch));
            console.flush();
            saveAll(variants, sessions);
        }
        console.printf("Saved %d runs into sub-folders of %s, listed in %s; draw them side by side with"
                + " 'render --run %s --figure compare --out compare.png'%n", sessions.size(), out,
                ComparisonFolder.INDEX_FILE, out);
        return 0;
    }

    private void saveAll(List<CompareVariant> variants, List<TrainingSession> sessions) throws IOException {
        for (int i = 0; i < sessions.size(); i++) {
            RunFolder.write(sessions.get(i), out.resolve(variants.get(i).name()), datasetSpec);
        }
    }
}
