package org.latentlab.ui.compare;

import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSplit;
import org.latentlab.data.DatasetSplits;
import org.latentlab.model.ModelKind;
import org.latentlab.training.CompareTrainer;
import org.latentlab.training.SavedComparison;
import org.latentlab.training.SavedRun;
import org.latentlab.ui.explorer.ExplorerSetup;

/**
 * Builds comparisons on datasets named as on the command line, split as the command line and the
 * Explore tab split them, through the {@link DatasetSplits} the Explore tab's factory uses too, so
 * the images are loaded once. Thread-safe.
 */
public final class DatasetCompareTrainerFactory implements CompareTrainerFactory {

    private final DatasetSplits splits;

    public DatasetCompareTrainerFactory(DatasetSplits splits) {
        this.splits = splits;
    }

    @Override
    public CompareTrainer create(CompareSetup setup) {
        DatasetSplit split = splits.split(setup.source().datasetSpec(), setup.source().seed());
        Dataset train = split.train();
        return new CompareTrainer(train, split.validation(), setup.config(train.width(), train.height()));
    }

    @Override
    public Opened open(SavedComparison comparison) {
        SavedRun first = comparison.runs().get(0);
        DatasetSplit split = splits.split(comparison.datasetSpec(), first.trainingConfig().seed());
        CompareSetup setup = new CompareSetup(ExplorerSetup.of(first).withKind(ModelKind.VAE).withBeta(1),
                comparison.preset(), first.trainingConfig().learningRate());
        return new Opened(CompareTrainer.resume(split.train(), split.validation(), comparison), setup);
    }
}
