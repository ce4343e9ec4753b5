package org.latentlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.latentlab.data.Dataset;
import org.latentlab.model.ModelConfig;

/**
 * A comparison of several models trained side by side: what they share (the architecture and its
 * seed, the optimiser, the batch size, the number of epochs, the seed of the visiting order) and
 * the panels that differ. Because every model gets the same seeds, the models start from the same
 * weights where their layers match and see the same minibatches in the same order, so the only
 * difference between two panels is the one the panels name.
 *
 * @param model    the shared network; each variant sets its kind
 * @param training the shared optimiser and schedule; each variant sets its loss terms and β
 * @param preset   the panels
 */
public record CompareConfig(ModelConfig model, TrainingConfig training, ComparisonPreset preset) {

    public CompareConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(preset, "preset");
    }

    public List<CompareVariant> variants() {
        return preset.variants();
    }

    /** One fresh session per variant, in panel order, all on the same images. */
    public List<TrainingSession> newSessions(Dataset trainingImages, Dataset validationImages) {
        List<TrainingSession> sessions = new ArrayList<>();
        for (CompareVariant variant : preset.variants()) {
            sessions.add(new TrainingSession(trainingImages, validationImages, variant.modelConfig(model),
                    variant.trainingConfig(training)));
        }
        return sessions;
    }
}
