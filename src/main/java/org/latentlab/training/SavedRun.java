package org.latentlab.training;

import java.util.List;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelState;

/**
 * A trained model with everything needed to show, evaluate or continue it: its configurations,
 * the dataset it was trained on, its weights and optimizer state, and its history.
 *
 * @param datasetSpec what the user named as the dataset ({@code mnist}, {@code fashion}, a path)
 */
public record SavedRun(
        ModelConfig modelConfig,
        TrainingConfig trainingConfig,
        String datasetSpec,
        ModelState state,
        IterationHistory.View iterations,
        List<EpochMetrics> epochs) {

    public SavedRun {
        epochs = List.copyOf(epochs);
    }
}
