package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSplit;
import org.latentlab.data.EmbeddedMnist;
import org.latentlab.model.Activation;
import org.latentlab.model.Encoding;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

class HierarchicalTrainingTest {

    /**
     * 4,500 embedded digits, 4 epochs of a hierarchical VAE 784-256-8,2 (about two epochs of all the
     * digits, which the upper level needs to come off its prior): a few seconds.
     */
    @Test
    void seededTrainingOnDigitsLowersTheHeldOutNegativeElboAndUsesBothLevels() {
        DatasetSplit split = DatasetSplit.of(EmbeddedMnist.load(), 0.1, 7);
        Dataset validation = split.validation().head(500);
        ModelConfig config = new ModelConfig(ModelKind.HVAE, 28, 28, List.of(256), 8, Activation.RELU,
                Likelihood.BERNOULLI, 0.1, 7, 2);
        TrainingSession session = new TrainingSession(split.train().head(4_500), validation, config,
                TrainingConfig.defaults(4, 7));
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
            epochs.add(session.runEpoch());
        }
        double first = epochs.get(0).validationNegativeElbo();
        double last = epochs.get(3).validationNegativeElbo();
        assertTrue(first > last + 25, "held-out −ELBO fell from " + first + " to " + last);
        assertTrue(first < 300 && last > 120 && last < 235, "first " + first + ", last " + last);

        EpochMetrics end = epochs.get(3);
        double lower = end.validationKlByLevel().get(0);
        double upper = end.validationKlByLevel().get(1);
        assertEquals(end.validationKl(), lower + upper, 1e-9);
        assertTrue(lower > 2 && lower < 40, "KL of z₁ against p(z₁|z₂): " + lower);
        assertTrue(upper > 0.5 && upper < 10, "KL of z₂ against N(0, I): " + upper);
        assertEquals(2, session.history().levels());
        assertEquals(session.history().kl(47), session.history().levelKl(0, 47) + session.history().levelKl(1, 47),
                1e-4);

        List<Encoding> levels = session.model().encodeLevels(validation.pixels(500), 500);
        int lowerActive = levels.get(0).activeUnits(TrainingSnapshot.ACTIVE_UNIT_THRESHOLD);
        int upperActive = levels.get(1).activeUnits(TrainingSnapshot.ACTIVE_UNIT_THRESHOLD);
        assertTrue(lowerActive >= 2 && upperActive >= 1, "active units: z₁ " + lowerActive + ", z₂ " + upperActive);
    }
}
