package org.latentlab.data;

import java.util.Objects;

/**
 * Datasets named as on the command line ({@code --dataset}), loaded and split as the command line
 * splits them, so that a model trained in the window and one trained by {@code train} see the same
 * held-out images. Keeps the last split, so that a new model on the same data (the explorer's, the
 * compare lab's) starts at once and the images are held in memory only once.
 *
 * <p>Thread-safe.
 */
public final class DatasetSplits {

    private record Loaded(String spec, long seed, DatasetSplit split) {
    }

    private Loaded last;

    /**
     * The dataset {@code spec} split into training and held-out images by {@code seed}, with the
     * command line's held-out share.
     *
     * @throws DatasetException naming the dataset and what is wrong with it
     */
    public synchronized DatasetSplit split(String spec, long seed) {
        Objects.requireNonNull(spec, "spec");
        if (last != null && last.spec.equals(spec) && last.seed == seed) {
            return last.split;
        }
        Dataset data = DatasetSource.parse(spec).load();
        DatasetSplit split = DatasetSplit.of(data, DatasetSplit.DEFAULT_VALIDATION_FRACTION, seed);
        last = new Loaded(spec, seed, split);
        return split;
    }
}
