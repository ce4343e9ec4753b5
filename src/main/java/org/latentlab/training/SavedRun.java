package org.latentlab.training;

import java.util.List;
import java.util.Objects;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelState;

/**
 * A trained model with everything needed to show, evaluate or continue it: its configurations,
 * the dataset it was trained on, its weights and optimizer state, and its history. Consistent by
 * construction: the weights fit the network, the model has taken one step per iteration of the
 * history, and the epochs end in order within it.
 *
 * @param datasetSpec what the user named as the dataset ({@code mnist}, {@code fashion}, a path)
 * @param timeline    the moments of training that can be replayed; empty when none were recorded
 */
public record SavedRun(
        ModelConfig modelConfig,
        TrainingConfig trainingConfig,
        String datasetSpec,
        ModelState state,
        IterationHistory.View iterations,
        List<EpochMetrics> epochs,
        TrainingTimeline timeline) {

    /** @throws IllegalArgumentException saying which part does not fit the others */
    public SavedRun {
        Objects.requireNonNull(modelConfig, "modelConfig");
        Objects.requireNonNull(trainingConfig, "trainingConfig");
        Objects.requireNonNull(datasetSpec, "datasetSpec");
        epochs = List.copyOf(epochs);
        if (state.parameterCount() != modelConfig.parameterCount()) {
            throw new IllegalArgumentException("the weights hold " + state.parameterCount()
                    + " values, but the network has " + modelConfig.parameterCount() + " weights and biases");
        }
        if (state.steps() > iterations.size()) {
            throw new IllegalArgumentException("its model has taken " + state.steps() + " steps but its history holds"
                    + " only " + iterations.size() + " iterations");
        }
        if (state.steps() < iterations.size()) {
            throw new IllegalArgumentException("its history holds " + iterations.size() + " iterations but its model"
                    + " has taken only " + state.steps() + " steps");
        }
        if (iterations.decoderVariance() != modelConfig.decoderVariance()) {
            throw new IllegalArgumentException("its history is of a decoder whose σ is "
                    + iterations.decoderVariance().cliName() + ", but the model's is "
                    + modelConfig.decoderVariance().cliName());
        }
        if (iterations.levels() != modelConfig.latentLevels()) {
            throw new IllegalArgumentException("its history holds the KL of " + iterations.levels()
                    + " latent levels, but the model has " + modelConfig.latentLevels());
        }
        long previous = 0;
        for (int i = 0; i < epochs.size(); i++) {
            EpochMetrics epoch = epochs.get(i);
            if (epoch.epoch() != i + 1 || epoch.iteration() <= previous || epoch.iteration() > iterations.size()) {
                throw new IllegalArgumentException("epoch " + epoch.epoch() + " ending at iteration " + epoch.iteration()
                        + " does not follow epoch " + i + " (iteration " + previous + ") within the "
                        + iterations.size() + " iterations of the history");
            }
            if (epoch.levels() != modelConfig.latentLevels()) {
                throw new IllegalArgumentException("epoch " + epoch.epoch() + " holds the KL of " + epoch.levels()
                        + " latent levels, but the model has " + modelConfig.latentLevels());
            }
            previous = epoch.iteration();
        }
        Objects.requireNonNull(timeline, "timeline");
        if (!timeline.isEmpty()) {
            TimelineLayout layout = timeline.layout();
            if (layout.imageWidth() != modelConfig.imageWidth() || layout.imageHeight() != modelConfig.imageHeight()
                    || layout.latentSize() != modelConfig.topLatentSize()) {
                throw new IllegalArgumentException("its timeline shows " + layout.imageWidth() + "×"
                        + layout.imageHeight() + " images and " + layout.latentSize() + "-D codes, but the model has "
                        + modelConfig.imageWidth() + "×" + modelConfig.imageHeight() + " and "
                        + modelConfig.topLatentSize() + "-D");
            }
            long last = timeline.entry(timeline.size() - 1).iteration();
            if (last > state.steps()) {
                throw new IllegalArgumentException("its timeline reaches iteration " + last + " but its model has taken"
                        + " only " + state.steps() + " steps");
            }
        }
    }

    /** A run without a timeline. */
    public SavedRun(ModelConfig modelConfig, TrainingConfig trainingConfig, String datasetSpec, ModelState state,
            IterationHistory.View iterations, List<EpochMetrics> epochs) {
        this(modelConfig, trainingConfig, datasetSpec, state, iterations, epochs, TrainingTimeline.empty());
    }

    /**
     * This run without its epoch limit, to go on training until paused: a run that {@code train
     * --epochs 10} made would otherwise stop again after one more epoch.
     */
    public SavedRun untilPaused() {
        return new SavedRun(modelConfig, trainingConfig.withEpochs(0), datasetSpec, state, iterations, epochs, timeline);
    }
}
