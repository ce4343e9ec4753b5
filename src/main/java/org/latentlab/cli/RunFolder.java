package org.latentlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.data.DatasetSplit;
import org.latentlab.model.DenseAutoencoder;
import org.latentlab.model.LatentModel;
import org.latentlab.training.RunFile;
import org.latentlab.training.SavedRun;

/**
 * A folder written by {@code train}, opened again: the saved run, its model ready to use, and the
 * same held-out images it was validated on.
 */
record RunFolder(Path folder, SavedRun run, LatentModel model, Dataset validation) {

    static RunFolder open(Path folder) {
        Path file = Files.isDirectory(folder) ? folder.resolve(RunFile.FILE_NAME) : folder;
        if (!Files.exists(file)) {
            throw new LatentLabCommand.CommandFailure(folder + " holds no " + RunFile.FILE_NAME
                    + ": give the folder that 'train --out' wrote");
        }
        SavedRun run = RunFile.load(file);
        DenseAutoencoder model = new DenseAutoencoder(run.modelConfig());
        model.restore(run.state());
        Dataset data = DatasetSource.parse(run.datasetSpec()).load();
        DatasetSplit split = DatasetSplit.of(data, TrainCommand.VALIDATION_FRACTION, run.trainingConfig().seed());
        return new RunFolder(folder, run, model, split.validation());
    }
}
