package org.latentlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.latentlab.data.DatasetSplit;
import org.latentlab.training.CompareConfig;
import org.latentlab.training.CompareVariant;
import org.latentlab.training.StepOutcome;
import org.latentlab.training.TrainingSession;

/**
 * {@code train --compare}: trains the models of a comparison side by side, prints one line per
 * epoch with every model's held-out losses, and saves each model into its own sub-folder of the
 * output folder after every epoch, with a {@link ComparisonFolder} index beside them.
 *
 * <p>The models share their seeds, so every model sees the same minibatches in the same order.
 * Since they do not interact, each epoch trains them in parallel, one model per core (each with
 * one BLAS thread), and the weights come out bit for bit as when they are stepped in turn batch by
 * batch on one thread (as the window's {@code CompareTrainer} does): on two cores an epoch takes
 * about half as long (docs/decisions/0040).
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
                + " the epoch took for all of them (trained in parallel, one per core).");
        ComparisonFolder.writeIndex(out, config.preset(), datasetSpec);
        trainAndSave(variants, sessions, config.training().epochs());
        console.printf("Saved %d runs into sub-folders of %s, listed in %s; draw them side by side with"
                + " 'render --run %s --figure compare --out compare.png'%n", sessions.size(), out,
                ComparisonFolder.INDEX_FILE, out);
        return 0;
    }

    /**
     * Trains the sessions side by side for {@code epochs}, printing a line and saving every model
     * after each epoch. If a model diverges, nothing more is saved: the models saved after the last
     * epoch that all of them finished stay, and the failure says so.
     */
    void trainAndSave(List<CompareVariant> variants, List<TrainingSession> sessions, int epochs) {
        int threads = Math.min(sessions.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "latent-lab-compare-epoch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int e = 0; e < epochs; e++) {
                long start = System.nanoTime();
                List<StepOutcome> epoch = runEpoch(pool, sessions);
                double seconds = (System.nanoTime() - start) / 1e9;
                for (int i = 0; i < epoch.size(); i++) {
                    if (epoch.get(i).diverged()) {
                        throw new LatentLabCommand.CommandFailure("'" + variants.get(i).name() + "': "
                                + TrainCommand.divergence(sessions.get(i), epoch.get(i), out.resolve(variants.get(i).name()))
                                + (e == 0 ? " Nor were the other models." : " The other models too were last saved"
                                        + " after epoch " + e + ".") + " Try a lower --lr.");
                    }
                }
                console.println(EpochLine.ofComparison(variants,
                        epoch.stream().map(StepOutcome::completedEpoch).toList(), seconds));
                console.flush();
                saveAll(variants, sessions);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One epoch of every session, in parallel: each one's last step, which completed the epoch or diverged. */
    private static List<StepOutcome> runEpoch(ExecutorService pool, List<TrainingSession> sessions) {
        List<Future<StepOutcome>> running = new ArrayList<>();
        for (TrainingSession session : sessions) {
            running.add(pool.submit(session::trainEpoch));
        }
        List<StepOutcome> epoch = new ArrayList<>();
        for (Future<StepOutcome> model : running) {
            try {
                epoch.add(model.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LatentLabCommand.CommandFailure("training was interrupted");
            }
        }
        return epoch;
    }

    private void saveAll(List<CompareVariant> variants, List<TrainingSession> sessions) {
        for (int i = 0; i < sessions.size(); i++) {
            RunFolder.write(sessions.get(i), out.resolve(variants.get(i).name()), datasetSpec);
        }
    }
}
