package org.latentlab.ui.explorer;

import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSplit;
import org.latentlab.data.DatasetSplits;
import org.latentlab.training.SavedRun;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainingConfig;
import org.latentlab.training.TrainingSession;

/**
 * Builds trainers from datasets named as on the command line, split as the command line splits
 * them (so a model trained in the window and one trained by {@code train} see the same held-out
 * images). The {@link DatasetSplits} keep the last dataset loaded, so a new model on the same data
 * starts at once; the compare lab shares them.
 *
 * <p>Thread-safe: called from one background thread at a time.
 */
public final class DatasetTrainerFactory implements TrainerFactory {

    private final DatasetSplits splits;

    public DatasetTrainerFactory() {
        this(new DatasetSplits());
    }

    /** @param splits where datasets are loaded and kept, shared with other factories */
    public DatasetTrainerFactory(DatasetSplits splits) {
        this.splits = splits;
    }

    @Override
    public synchronized Trainer create(ExplorerSetup setup) {
        DatasetSplit split = splits.split(setup.datasetSpec(), setup.seed());
        Dataset train = split.train();
        var modelConfig = setup.modelConfig(train.width(), train.height(),
                train.hasLabels() ? train.classNames().size() : 0);
        TrainingConfig trainingConfig = setup.trainingConfig();
        return new Trainer(() -> new TrainingSession(train, split.validation(), modelConfig, trainingConfig));
    }

    @Override
    public synchronized Opened open(SavedRun saved) {
        SavedRun run = saved.untilPaused();
        DatasetSplit split = splits.split(run.datasetSpec(), run.trainingConfig().seed());
        boolean[] resumed = {false};
        Trainer trainer = new Trainer(() -> {
            if (!resumed[0]) {
                resumed[0] = true;
                return TrainingSession.resume(split.train(), split.validation(), run);
            }
            return new TrainingSession(split.train(), split.validation(), run.modelConfig(), run.trainingConfig());
        });
        return new Opened(trainer, ExplorerSetup.of(run));
    }
}
