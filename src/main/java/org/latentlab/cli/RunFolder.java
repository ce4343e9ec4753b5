package org.latentlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.data.DatasetSplit;
import org.latentlab.model.DenseAutoencoder;
import org.latentlab.model.LatentModel;
import org.latentlab.training.HistoryCsv;
import org.latentlab.training.RunFile;
import org.latentlab.training.SavedRun;
import org.latentlab.training.TrainingSession;

/**
 * A folder written by {@code train}, opened again: the saved run, its model ready to use, and its
 * dataset split as training split it, so the held-out images are the ones it was validated on.
 */
record RunFolder(Path folder, SavedRun run, LatentModel model, DatasetSplit split) {

    static final String HISTORY_CSV = "history.csv";
    static final String ITERATIONS_CSV = "iterations.csv";

    /**
     * Saves a session into {@code folder}: the run file, and its histories as CSV beside it, each
     * written atomically.
     *
     * @param datasetSpec the dataset as the user named it, so that the run can find it again
     */
    static void write(TrainingSession session, Path folder, String datasetSpec) throws IOException {
        Files.createDirectories(folder);
        RunFile.save(session.toSavedRun(datasetSpec), folder.resolve(RunFile.FILE_NAME));
        AtomicText.write(folder.resolve(HISTORY_CSV), w -> HistoryCsv.writeEpochs(session.epochs(), w));
        AtomicText.write(folder.resolve(ITERATIONS_CSV), w -> HistoryCsv.writeIterations(session.history(), w));
    }

    static RunFolder open(Path folder) {
        return open(folder, null);
    }

    /**
     * Opens a run folder.
     *
     * @param data the run's whole dataset if the caller has loaded it already, else {@code null}
     */
    static RunFolder open(Path folder, Dataset data) {
        Path file = Files.isDirectory(folder) ? folder.resolve(RunFile.FILE_NAME) : folder;
        if (!Files.exists(file)) {
            if (ComparisonFolder.holdsComparison(folder)) {
                throw new LatentLabCommand.CommandFailure(folder + " holds a comparison of several models: give one of"
                        + " its sub-folders, or draw them all with --figure compare");
            }
            throw new LatentLabCommand.CommandFailure(folder + " holds no " + RunFile.FILE_NAME
                    + ": give the folder that 'train --out' wrote");
        }
        SavedRun run = RunFile.load(file);
        DenseAutoencoder model = new DenseAutoencoder(run.modelConfig());
        model.restore(run.state());
        Dataset images = data != null ? data : DatasetSource.parse(run.datasetSpec()).load();
        DatasetSplit split = DatasetSplit.of(images, TrainCommand.VALIDATION_FRACTION, run.trainingConfig().seed());
        return new RunFolder(folder, run, model, split);
    }

    /** The held-out images the run was validated on. */
    Dataset validation() {
        return split.validation();
    }
}
