package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSplit;
import org.latentlab.data.EmbeddedMnist;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

class TrainingSessionTest {

    /** 2,000 embedded digits, 3 epochs of the reference VAE: a few seconds. */
    private static List<EpochMetrics> trainOnDigits(TrainingConfig config, ModelKind kind) {
        Dataset digits = EmbeddedMnist.load().head(10_000);
        DatasetSplit split = DatasetSplit.of(digits, 0.1, 7);
        Dataset subset = split.train().head(2_000);
        TrainingSession session = new TrainingSession(subset, split.validation().head(500),
                ModelConfig.reference(kind, 7), config);
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int e = 0; e < config.epochs(); e++) {
            epochs.add(session.runEpoch());
        }
        return epochs;
    }

    @Test
    void seededTrainingOnDigitsLowersTheHeldOutNegativeElbo() {
        List<EpochMetrics> epochs = trainOnDigits(TrainingConfig.defaults(3, 7), ModelKind.VAE);
        double first = epochs.get(0).validationNegativeElbo();
        double last = epochs.get(2).validationNegativeElbo();
        assertTrue(first > last + 10, "held-out −ELBO fell from " + first + " to " + last);
        assertTrue(first < 300 && last < 235, "first " + first + ", last " + last);
        assertTrue(epochs.get(2).validationKl() > 1, "the posterior carries information: KL " + epochs.get(2).validationKl());
        assertEquals(3 * 16, epochs.get(2).iteration()); // 2,000 images in batches of 128
    }

    @Test
    void klOnlyTrainingCollapsesThePosteriorOntoThePrior() {
        TrainingConfig klOnly = new TrainingConfig(1e-3, 128, 2, new BetaSchedule.Constant(1), LossTerms.KL, 7);
        List<EpochMetrics> epochs = trainOnDigits(klOnly, ModelKind.VAE);
        assertTrue(epochs.get(1).validationKl() < 0.05, "KL " + epochs.get(1).validationKl());
    }

    @Test
    void reconstructionOnlyTrainingLetsTheKlGrow() {
        TrainingConfig recOnly = new TrainingConfig(1e-3, 128, 2, new BetaSchedule.Constant(1),
                LossTerms.RECONSTRUCTION, 7);
        List<EpochMetrics> combined = trainOnDigits(TrainingConfig.defaults(2, 7), ModelKind.VAE);
        List<EpochMetrics> reconstruction = trainOnDigits(recOnly, ModelKind.VAE);
        assertTrue(reconstruction.get(1).validationKl() > 2 * combined.get(1).validationKl(),
                "KL without its term " + reconstruction.get(1).validationKl() + " vs with it "
                        + combined.get(1).validationKl());
    }

    @Test
    void writingIntoTheProbeImagesOrASnapshotChangesNothingTheTrainerUses() {
        TrainingSession scribbled = barsSession();
        TrainingSession clean = barsSession();
        java.util.Arrays.fill(scribbled.encodeProbe().pixels(), 1f);
        EpochMetrics scribbledEpoch = scribbled.runEpoch();
        EpochMetrics cleanEpoch = clean.runEpoch();
        assertEquals(cleanEpoch.validationReconstruction(), scribbledEpoch.validationReconstruction(), 0.0,
                "the held-out loss is measured on the trainer's own images");
        assertEquals(cleanEpoch.trainingObjective(), scribbledEpoch.trainingObjective(), 0.0);

        TrainingSnapshot snapshot = new SessionWork(scribbled).snapshot(TrainerState.READY, null, 0);
        snapshot.klPerDimension()[0] = 1e9;
        assertTrue(snapshot.klPerDimension()[0] < 1e9, "the snapshot hands out a copy");
    }

    private static TrainingSession barsSession() {
        return new TrainingSession(org.latentlab.TestDatasets.bars(64, 1), org.latentlab.TestDatasets.bars(20, 2),
                org.latentlab.TestDatasets.smallModel(ModelKind.VAE, 2), TrainingConfig.defaults(1, 3));
    }
}
