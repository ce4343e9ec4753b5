package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentlab.TestDatasets;
import org.latentlab.data.Dataset;
import org.latentlab.model.ModelKind;

/** Training slowed down to a few iterations per second, timed by a clock the test moves. */
class PaceTest {

    private static final long MILLIS = TimeUnit.MILLISECONDS.toNanos(1);

    private static Trainer trainer(ManualClock clock, Dataset training, int batch) {
        TrainingConfig config = new TrainingConfig(1e-3, batch, 0, new BetaSchedule.Constant(1), LossTerms.COMBINED, 3);
        return new Trainer(() -> new TrainingSession(training, TestDatasets.bars(40, 99),
                TestDatasets.smallModel(ModelKind.VAE, 2), config), clock);
    }

    private static TrainingSnapshot await(Trainer trainer, Predicate<TrainingSnapshot> condition)
            throws InterruptedException {
        return Awaiting.until(trainer::latest, condition);
    }

    @ParameterizedTest(name = "{0} it/s, the clock moved {1} ms at a time")
    @CsvSource({"5, 50", "20, 30", "1, 70"})
    void tenSecondsAtAPaceTakeThatManyIterationsPerSecond(int perSecond, int tickMillis) throws InterruptedException {
        ManualClock clock = new ManualClock();
        try (Trainer trainer = trainer(clock, TestDatasets.bars(512, 1), 16)) {
            trainer.setPace(new Pace(perSecond));
            trainer.train();
            clock.advance(0);
            long elapsedMillis = 0;
            while (elapsedMillis < 10_000) {
                clock.advance(tickMillis * MILLIS);
                elapsedMillis += tickMillis;
            }
            TrainingSnapshot after = trainer.latest();
            // One iteration when Train is pressed, then one each 1/pace seconds, each as soon as the clock reaches it.
            long expected = elapsedMillis * perSecond / 1000 + 1;
            assertEquals(expected, after.iteration(), "iterations after " + elapsedMillis + " ms");
            assertTrue(Math.abs(after.iteration() - 10.0 * perSecond) <= 1, "≈ " + 10 * perSecond);
            assertEquals(TrainerState.RUNNING, after.state());
            assertEquals(perSecond, after.iterationsPerSecond(), 0.25 * perSecond, "the speed the status line shows");
        }
    }

    @Test
    void commandsActAtOnceWhileTheTrainerWaitsForItsNextIteration() throws InterruptedException {
        ManualClock clock = new ManualClock();
        try (Trainer trainer = trainer(clock, TestDatasets.bars(256, 1), 16)) {
            trainer.setPace(new Pace(1));
            trainer.train();
            clock.advance(0); // the first iteration is taken at once; the next is due in a second of the clock
            assertEquals(1, trainer.latest().iteration());

            // The clock stands still from here: only the commands themselves can wake the trainer.
            trainer.setBeta(3);
            TrainingSnapshot amended = await(trainer, s -> s.beta() == 3);
            assertEquals(1, amended.iteration());
            assertEquals(TrainerState.RUNNING, amended.state());

            trainer.pause();
            TrainingSnapshot paused = await(trainer, s -> s.state() == TrainerState.PAUSED);
            assertEquals(1, paused.iteration());

            trainer.step();
            TrainingSnapshot stepped = await(trainer, s -> s.iteration() == 2);
            assertEquals(TrainerState.PAUSED, stepped.state());
            assertEquals(3, stepped.iterations().beta(1), 0, "the second step trained with the new β");

            trainer.train();
            await(trainer, s -> s.state() == TrainerState.RUNNING && s.iteration() == 3);
            trainer.setPace(Pace.FULL);
            TrainingSnapshot full = await(trainer, s -> s.iteration() >= 40);
            assertEquals(0, clock.nanoTime(), "full speed waits for nothing");
            assertTrue(full.minibatch().isEmpty(), "no minibatch at full speed");
        }
    }

    @Test
    void everyStepIsPublishedWithItsMinibatchAtASlowedPace() throws InterruptedException {
        ManualClock clock = new ManualClock();
        Dataset training = TestDatasets.bars(64, 1);
        try (Trainer trainer = trainer(clock, training, 8)) {
            assertTrue(trainer.latest().minibatch().isEmpty(), "full speed: no minibatch");
            trainer.setPace(new Pace(5));
            trainer.train();
            clock.advance(0);
            List<float[]> seen = new ArrayList<>();
            for (int step = 1; step <= 8; step++) { // one epoch of 64 images in batches of 8
                TrainingSnapshot s = trainer.latest();
                assertEquals(step, s.iteration(), "a snapshot after every step");
                Minibatch batch = s.minibatch().orElseThrow();
                assertEquals(step, batch.iteration(), "the minibatch of the step just taken");
                assertEquals(8, batch.batchSize());
                assertEquals(8, batch.shown());
                for (int k = 0; k < 8; k++) {
                    seen.add(Arrays.copyOfRange(batch.images(), k * 16, (k + 1) * 16));
                }
                clock.advance(200 * MILLIS);
            }
            assertEveryImageOnce(training, seen);
        }
    }

    /** The steps of one epoch show every training image once: they are the images trained on. */
    private static void assertEveryImageOnce(Dataset training, List<float[]> seen) {
        assertEquals(training.size(), seen.size());
        boolean[] found = new boolean[training.size()];
        float[] image = new float[16];
        for (float[] shown : seen) {
            int match = -1;
            for (int i = 0; i < training.size() && match < 0; i++) {
                training.copyImage(i, image, 0);
                if (!found[i] && Arrays.equals(image, shown)) {
                    match = i;
                }
            }
            assertTrue(match >= 0, "a shown image is a training image not shown before");
            found[match] = true;
        }
    }

    @Test
    void aMinibatchShowsAtMostTheFirstImagesWithTheirReconstructions() {
        TrainingSession session = new TrainingSession(TestDatasets.bars(256, 1), TestDatasets.bars(40, 99),
                TestDatasets.smallModel(ModelKind.VAE, 2), TrainingConfig.defaults(0, 3));
        assertTrue(session.lastMinibatch(24).isEmpty(), "nothing before the first step");
        session.step();
        Minibatch batch = session.lastMinibatch(24).orElseThrow();
        assertEquals(128, batch.batchSize());
        assertEquals(24, batch.shown());
        float[] expected = session.model().decode(session.model().encode(batch.images(), 24).means(), 24);
        assertEquals(Arrays.toString(expected), Arrays.toString(batch.reconstructions()),
                "decoded at the posterior means by the model after the step");
        assertFalse(Arrays.equals(batch.images(), batch.reconstructions()));
    }

    @Test
    void aPaceIsFullSpeedOrOneToAHundredIterationsPerSecond() {
        assertEquals(200_000_000L, new Pace(5).intervalNanos());
        assertTrue(Pace.FULL.isFull());
        assertEquals("5 it/s", new Pace(5).toString());
        assertEquals("a training pace is full speed (0) or 1 to 100 iterations per second, got 101",
                assertThrows(IllegalArgumentException.class, () -> new Pace(101)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Pace(-1));
    }
}
