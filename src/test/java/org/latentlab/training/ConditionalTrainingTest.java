package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.data.Dataset;
import org.latentlab.model.Activation;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/** A session of a conditional VAE: each batch's classes go to the model, and images without them are refused. */
class ConditionalTrainingTest {

    private static final ModelConfig BARS_CVAE = new ModelConfig(ModelKind.CVAE, 4, 4, List.of(16), 2, Activation.RELU,
            Likelihood.BERNOULLI, 0.1, 1, 0, 2, DecoderVariance.FIXED);

    private static TrainingSession session(Dataset training) {
        return new TrainingSession(training, TrainerTest.bars(20, 2), BARS_CVAE, TrainingConfig.defaults(2, 7));
    }

    @Test
    void theSessionTrainsOnEachImagesClassAndEncodesTheProbeWithItsOwn() {
        TrainingSession session = session(TrainerTest.bars(64, 1));
        EpochMetrics first = session.runEpoch();
        EpochMetrics second = session.runEpoch();
        assertTrue(second.validationNegativeElbo() < first.validationNegativeElbo() + 1, first + " then " + second);
        ProbeSet probe = session.encodeProbe();
        Dataset held = session.validation();
        float[] expected = session.model().encode(held.pixels(held.size()), held.labels(held.size()), held.size()).means();
        assertArrayEquals(expected, probe.encoding().means(), 0f);
        assertEquals(held.label(3), probe.label(3));
    }

    @Test
    void imagesWithoutTheModelsClassesAreRefused() {
        Dataset bars = TrainerTest.bars(64, 1);
        Dataset unlabelled = new Dataset("plain bars", 4, 4, bars.pixels(bars.size()), null, List.of());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> session(unlabelled));
        assertEquals("'plain bars' has no labels, and a conditional VAE reads each image's class", none.getMessage());
        Dataset threeClasses = new Dataset("three", 4, 4, bars.pixels(bars.size()), bars.labels(bars.size()),
                List.of("row", "column", "dot"));
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> session(threeClasses));
        assertEquals("'three' has 3 classes but the conditional VAE was made for 2", other.getMessage());
    }
}
