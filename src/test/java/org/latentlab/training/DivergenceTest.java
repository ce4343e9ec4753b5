package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.data.Dataset;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.ModelState;

/**
 * A step whose loss is not finite puts the whole session back to its last snapshot: the weights,
 * the optimizer, the iteration count, the history, the epoch's running sums and the place in the
 * data, so that what is shown and saved is what the model is. (A model of a lockstep comparison
 * goes back alone: {@code CompareTrainerTest}.)
 */
class DivergenceTest {

    private static final Dataset TRAINING = TestDatasets.bars(256, 1);
    private static final Dataset VALIDATION = TestDatasets.bars(40, 99);
    /** 256 images in batches of 16: 16 iterations per epoch. */
    private static final TrainingConfig CONFIG = new TrainingConfig(1e-3, 16, 0, new BetaSchedule.Constant(1),
            LossTerms.COMBINED, 3);

    private static ModelConfig network() {
        return TestDatasets.smallModel(ModelKind.VAE, 2);
    }

    private static void steps(SessionWork work, int count) {
        for (int i = 0; i < count; i++) {
            assertFalse(work.step().diverged());
        }
    }

    @Test
    void aDivergedStepTakesTheWholeSessionBackToTheLastSnapshot() {
        TrainingSession session = new TrainingSession(TRAINING, VALIDATION, new FailingModel(network(), 21, 22), CONFIG);
        SessionWork work = new SessionWork(session);
        steps(work, 18); // past the end of the first epoch
        TrainingSnapshot shown = work.snapshot(TrainerState.RUNNING, null, 0);
        ModelState atSnapshot = session.model().state();
        double progress = session.epochProgress();
        steps(work, 2);
        ModelState beforeFailure = session.model().state();

        TrainingWork.Progress failed = work.step(); // the 21st step
        assertTrue(failed.diverged());
        assertEquals("the loss became NaN (not a number) at iteration 21 (β = 1.00, learning rate = 0.00100)."
                + " The model, its history and its place in the data are back at iteration 18, as last shown:"
                + " the 2 iterations after it are undone. Try a lower learning rate.", failed.divergence());
        assertEquals(18, session.iteration());
        assertEquals(18, session.history().size());
        assertEquals(18, session.model().steps());
        assertEquals(1, session.epochs().size());
        assertEquals(progress, session.epochProgress(), 0.0);
        assertArrayEquals(atSnapshot.parameters(), session.model().state().parameters(), 0f);
        assertArrayEquals(atSnapshot.optimizerState(), session.model().state().optimizerState(), 0f);
        assertFalse(Arrays.equals(beforeFailure.parameters(), session.model().state().parameters()),
                "the two steps after the snapshot had changed the weights");
        assertArrayEquals(shown.decoder().parameters(), session.model().decoderWeights().parameters(), 0f);
        for (int i = 0; i < 18; i++) {
            assertEquals(shown.iterations().objective(i), session.history().objective(i), 0f);
        }
    }

    @Test
    void afterARollbackTheEpochEndsOnTimeWithSumsOfTheStepsItKept() {
        TrainingSession session = new TrainingSession(TRAINING, VALIDATION, new FailingModel(network(), 9, 10), CONFIG);
        SessionWork work = new SessionWork(session);
        steps(work, 5);
        work.snapshot(TrainerState.RUNNING, null, 0);
        steps(work, 3);
        assertTrue(work.step().diverged()); // back to iteration 5, 80 images into the epoch
        int completedAt = 0;
        for (int i = 6; completedAt == 0; i++) {
            if (work.step().epochCompleted()) {
                completedAt = i;
            }
        }
        assertEquals(16, completedAt, "the epoch ends after its 16 batches, counting only kept steps");
        EpochMetrics epoch = session.epochs().get(0);
        assertEquals(16, epoch.iteration());
        double sum = 0;
        for (int i = 0; i < 16; i++) {
            sum += session.history().objective(i);
        }
        assertEquals(sum / 16, epoch.trainingObjective(), 1e-4, "the epoch's mean is over the steps in its history");
        assertEquals(16, session.model().steps());
    }

    @Test
    void aScheduleChosenAfterTheSnapshotStartsAgainWhereTrainingGoesBackTo() {
        TrainingSession session = new TrainingSession(TRAINING, VALIDATION, new FailingModel(network(), 8, 9), CONFIG);
        SessionWork work = new SessionWork(session);
        steps(work, 4);
        work.snapshot(TrainerState.RUNNING, null, 0);
        steps(work, 2);
        session.setSchedule(new BetaSchedule.LinearWarmup(1, 10));
        steps(work, 1);
        assertTrue(work.step().diverged());
        assertEquals(4, session.iteration());
        assertEquals(4, session.schedule().start(), "the warm-up starts when training goes on");
        assertEquals(0.0, session.beta(), 0.0);
    }
}
