package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.data.Dataset;
import org.latentlab.model.Activation;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/**
 * The plain VAE trained beside a conditional one: the same network without the class, trained on
 * the same minibatches for as many steps, so that its codes are exactly those of a VAE session
 * trained alone with those settings; and the chance level the class from the codes is read against.
 */
class PlainTwinTest {

    private static final ModelConfig BARS_CVAE = new ModelConfig(ModelKind.CVAE, 4, 4, List.of(16), 2, Activation.RELU,
            Likelihood.BERNOULLI, 0.1, 1, 0, 2, DecoderVariance.FIXED);

    @Test
    void theTwinIsTheSameVaeWithoutTheClassTrainedForAsManySteps() throws Exception {
        Dataset training = TestDatasets.bars(256, 1);
        Dataset held = TestDatasets.bars(60, 2);
        TrainingConfig settings = TrainingConfig.defaults(0, 7);
        try (Trainer trainer = new Trainer(() -> new TrainingSession(training, held, BARS_CVAE, settings));
             PlainTwin twin = new PlainTwin(trainer)) {
            for (int i = 0; i < 11; i++) {
                trainer.step();
            }
            Awaiting.until(trainer::latest, s -> s.iteration() == 11 && s.state() == TrainerState.PAUSED);
            CodeComparison compared = twin.compare().get(60, TimeUnit.SECONDS);

            TrainingSession alone = new TrainingSession(training, held, BARS_CVAE.withConditionClasses(0), settings);
            for (int i = 0; i < 11; i++) {
                alone.step();
            }
            float[] expected = alone.model().encode(held.pixels(held.size()), held.size()).means();
            assertEquals(11, compared.iteration());
            assertEquals(ModelKind.VAE, compared.plainConfig().kind());
            assertEquals(0, compared.plainConfig().conditionClasses());
            assertArrayEquals(expected, compared.plain().codes().means(), 0f);
            assertEquals(ClassFromCode.accuracy(alone.model(), training, held), compared.plain().accuracy(), 0);
            assertArrayEquals(held.labels(held.size()), compared.labels());
            assertEquals(ClassFromCode.chance(held.labels(held.size()), 2), compared.chance(), 0);

            trainer.step();
            Awaiting.until(trainer::latest, s -> s.iteration() == 12);
            CodeComparison later = twin.compare().get(60, TimeUnit.SECONDS);
            alone.step();
            assertEquals(12, later.iteration());
            assertArrayEquals(alone.model().encode(held.pixels(held.size()), held.size()).means(),
                    later.plain().codes().means(), 0f, "the twin went on by one step, on the next minibatch");
        }
    }

    @Test
    void aPlainVaeHasNoTwin() throws Exception {
        Dataset training = TestDatasets.bars(64, 1);
        try (Trainer trainer = new Trainer(() -> new TrainingSession(training, TestDatasets.bars(20, 2),
                TestDatasets.smallModel(ModelKind.VAE, 2), TrainingConfig.defaults(0, 7)));
             PlainTwin twin = new PlainTwin(trainer)) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> twin.compare().get(60, TimeUnit.SECONDS));
            assertEquals("the model reads no class: only a conditional VAE has a plain twin",
                    refused.getCause().getMessage());
        }
    }

    @Test
    void chanceIsTheShareOfTheCommonestLabelledClass() {
        assertEquals(0.75, ClassFromCode.chance(new int[] {2, 2, 2, 0, -1}, 3), 0, "3 of the 4 labelled");
        assertEquals(0.0, ClassFromCode.chance(new int[] {-1}, 2), 0);
    }
}
