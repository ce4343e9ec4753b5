package org.latentlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.data.DatasetSplit;
import org.latentlab.model.LatentModel;
import org.latentlab.training.HistoryCsv;
import org.latentlab.training.RunFile;
import org.latentlab.training.SavedRun;
import org.latentlab.training.TrainingSession;

/**
 * A folder written by {@code train}, opened again: the saved run, its model ready to use, and the
 * same training and held-out images it was trained and validated on.
 *
 * @param validationIndices where each held-out image is in the run's whole dataset, in the order of {@code validation}
 */
record RunFolder(Path folder, SavedRun run, LatentModel model, Dataset training, Dataset validation,
        int[] validationIndices) {

    static final String HISTORY_CSV = "history.csv";
    static final String ITERATIONS_CSV = "iterations.csv";

    /**
     * Saves a session into {@code folder}: the run file, and its histories as CSV beside it, each
     * written atomically.
     *
     * @param datasetSpec the dataset as the user named it, so that the run can find it again
     */
    static void write(TrainingSession session, Path folder, String datasetSpec) {
        Path file = folder.resolve(RunFile.FILE_NAME);
        try {
            RunFile.save(session.toSavedRun(datasetSpec), file);
        } catch (IOException e) {
            throw new LatentLabCommand.CommandFailure("could not save the model to " + file + ": " + e.getMessage());
        }
        AtomicText.write(folder.resolve(HISTORY_CSV), w -> HistoryCsv.writeEpochs(session.epochs(),
                session.model().config().latentLevels(), w));
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
        SavedRun run = load(folder);
        LatentModel model = modelOf(run);
        Dataset images = data != null ? data : DatasetSource.parse(run.datasetSpec()).load();
        DatasetSplit split = DatasetSplit.of(images, TrainCommand.VALIDATION_FRACTION, run.trainingConfig().seed());
        return new RunFolder(folder, run, model, split.train(), split.validation(), split.validationIndices());
    }

    /** The run saved in {@code folder} (or in the file {@code folder} names), without its images. */
    static SavedRun load(Path folder) {
        Path file = Files.isDirectory(folder) ? folder.resolve(RunFile.FILE_NAME) : folder;
        if (!Files.exists(file)) {
            if (ComparisonFolder.holdsComparison(folder)) {
                throw new LatentLabCommand.CommandFailure(folder + " holds a comparison of several models: give one of"
                        + " its sub-folders, or draw them all with --figure compare");
            }
            throw new LatentLabCommand.CommandFailure(folder + " holds no " + RunFile.FILE_NAME
                    + ": give the folder that 'train --out' wrote");
        }
        return RunFile.load(file);
    }

    /** The saved run's model, ready to use. */
    static LatentModel modelOf(SavedRun run) {
        LatentModel model = LatentModel.create(run.modelConfig());
        model.restore(run.state());
        return model;
    }
}
