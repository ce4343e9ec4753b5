package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.data.Dataset;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

class TrainerTest {

    static Dataset bars(int count, long seed) {
        return TestDatasets.bars(count, seed);
    }

    private static ModelConfig smallVae() {
        return TestDatasets.smallModel(ModelKind.VAE, 2);
    }

    private static Trainer trainer(Dataset training, TrainingConfig config) {
        return new Trainer(() -> new TrainingSession(training, bars(40, 99), smallVae(), config));
    }

    private static TrainingSnapshot await(Trainer trainer, Predicate<TrainingSnapshot> condition) throws InterruptedException {
        return Awaiting.until(trainer::latest, condition);
    }

    @Test
    void trainsPausesStepsAndResets() throws InterruptedException {
        try (Trainer trainer = trainer(bars(256, 1), TrainingConfig.defaults(0, 3))) {
            TrainingSnapshot ready = trainer.latest();
            assertEquals(TrainerState.READY, ready.state());
            assertEquals(0, ready.iteration());
            assertEquals(40, ready.probe().size());
            assertNotNull(ready.decoder());

            trainer.train();
            await(trainer, s -> s.state() == TrainerState.RUNNING && s.iteration() >= 30);

            trainer.pause();
            TrainingSnapshot paused = await(trainer, s -> s.state() == TrainerState.PAUSED);
            Thread.sleep(150);
            assertEquals(paused.iteration(), trainer.latest().iteration(), "no steps while paused");

            trainer.step();
            TrainingSnapshot stepped = await(trainer, s -> s.iteration() == paused.iteration() + 1);
            assertEquals(TrainerState.PAUSED, stepped.state());
            assertEquals(stepped.iteration(), stepped.iterations().size());

            trainer.reset();
            TrainingSnapshot reset = await(trainer, s -> s.state() == TrainerState.READY);
            assertEquals(0, reset.iteration());
            assertEquals(0, reset.iterations().size());
        }
    }

    @Test
    void aHeldTrainerTakesNoStepStaysRunningAndGoesOnWhenLetGo() throws InterruptedException {
        try (Trainer trainer = trainer(bars(256, 1), TrainingConfig.defaults(0, 3))) {
            trainer.train();
            await(trainer, s -> s.iteration() >= 10 && s.iterationsPerSecond() > 0);
            trainer.hold(true);
            TrainingSnapshot held = await(trainer, s -> s.iterationsPerSecond() == 0);
            Thread.sleep(200);
            TrainingSnapshot later = trainer.latest();
            assertEquals(TrainerState.RUNNING, later.state(), "held, not paused");
            assertEquals(held.iteration(), later.iteration(), "no step while held");

            trainer.hold(false);
            TrainingSnapshot going = await(trainer, s -> s.iteration() >= held.iteration() + 10);
            assertEquals(TrainerState.RUNNING, going.state());
            trainer.hold(true);
            trainer.close();
            trainer.hold(false); // a drag that ends after the trainer was closed: nothing to let go
        }
    }

    @Test
    void betaAndLearningRateChangeBetweenIterationsWhileTraining() throws InterruptedException {
        try (Trainer trainer = trainer(bars(256, 1), TrainingConfig.defaults(0, 3))) {
            trainer.train();
            await(trainer, s -> s.iteration() >= 5);
            trainer.setBeta(4.0);
            trainer.setLearningRate(5e-4);
            TrainingSnapshot changed = await(trainer, s -> s.beta() == 4.0 && s.learningRate() == 5e-4);
            long from = changed.iteration();
            TrainingSnapshot later = await(trainer, s -> s.iteration() >= from + 5);
            assertEquals(4.0, later.iterations().beta(later.iterations().size() - 1), 0.0);
        }
    }

    @Test
    void aNewBetaShowsAtOnceWithoutEncodingTheProbeSetAgain() throws InterruptedException {
        try (Trainer trainer = trainer(bars(256, 1), TrainingConfig.defaults(0, 3))) {
            TrainingSnapshot before = await(trainer, s -> s.state() == TrainerState.READY);
            trainer.setBeta(3);
            trainer.setLearningRate(0.002);
            TrainingSnapshot after = await(trainer, s -> s.beta() == 3 && s.learningRate() == 0.002);
            assertSame(before.probe(), after.probe(), "the snapshot was amended, not remade");
            assertEquals(before.iteration(), after.iteration());
        }
    }

    @Test
    void finishesAfterTheConfiguredEpochsWithHeldOutLosses() throws InterruptedException {
        try (Trainer trainer = trainer(bars(256, 1), TrainingConfig.defaults(2, 3))) {
            trainer.train();
            TrainingSnapshot done = await(trainer, s -> s.state() == TrainerState.FINISHED);
            assertEquals(2, done.epoch());
            assertEquals(2 * 2, done.iteration()); // 256 images in batches of 128
            assertEquals(2, done.epochs().size());
            EpochMetrics last = done.epochs().get(1);
            assertEquals(last.validationReconstruction() + last.validationKl(), last.validationNegativeElbo(), 1e-12);
            double klOfProbe = Arrays.stream(done.klPerDimension()).sum();
            assertTrue(klOfProbe > 1e-3, "the posteriors moved off the prior: " + klOfProbe);
            assertEquals(klOfProbe, last.validationKl(), 1e-3 * klOfProbe,
                    "the held-out KL is the closed-form KL of the same 40 posteriors, summed over dimensions");
        }
    }

    @Test
    void pausesByItselfWhenTheLossStopsBeingFiniteAndKeepsTheLastGoodSnapshot() throws Exception {
        Dataset poisoned = bars(64, 2);
        float[] pixels = new float[64 * 16];
        for (int i = 0; i < 64; i++) {
            poisoned.copyImage(i, pixels, i * 16);
        }
        pixels[40 * 16 + 5] = Float.NaN; // one bad pixel in one image
        int[] labels = new int[64];
        for (int i = 0; i < 64; i++) {
            labels[i] = poisoned.label(i);
        }
        Dataset training = new Dataset("poisoned", 4, 4, pixels, labels, poisoned.classNames());
        TrainingConfig config = new TrainingConfig(1e-3, 8, 0, new BetaSchedule.Constant(1), LossTerms.COMBINED, 5);
        try (Trainer trainer = trainer(training, config)) {
            trainer.train();
            TrainingSnapshot paused = await(trainer, s -> s.message() != null);
            assertEquals(TrainerState.PAUSED, paused.state());
            assertTrue(paused.message().contains("NaN"), paused.message());
            assertTrue(paused.iteration() < 8, "paused within the first epoch");
            CompletableFuture<long[]> counts = new CompletableFuture<>();
            CompletableFuture<float[]> decoder = new CompletableFuture<>();
            trainer.withSession(session -> {
                counts.complete(new long[] {session.iteration(), session.history().size(), session.model().steps()});
                decoder.complete(session.model().decoderWeights().parameters());
            });
            long[] now = counts.get(30, TimeUnit.SECONDS);
            assertArrayEquals(new long[] {paused.iteration(), paused.iteration(), paused.iteration()}, now,
                    "iteration, history and the model's steps are those of the snapshot shown");
            assertEquals(paused.iteration(), paused.iterations().size());
            assertArrayEquals(paused.decoder().parameters(), decoder.get(30, TimeUnit.SECONDS), 0f,
                    "the model is the one the snapshot shows");
        }
    }

    @Test
    void anErrorOnTheTrainerThreadStopsTrainingAndSaysSo() throws InterruptedException {
        OutOfMemoryError error = new OutOfMemoryError("Java heap space (thrown by the test)");
        try (Trainer trainer = new Trainer(() -> new TrainingSession(bars(256, 1), bars(40, 99),
                FailingModel.throwing(smallVae(), 3, error), TrainingConfig.defaults(0, 3)))) {
            trainer.train();
            TrainingSnapshot stopped = await(trainer, s -> s.state() != TrainerState.RUNNING && s.message() != null);
            assertEquals(TrainerState.STOPPED, stopped.state());
            assertEquals("Training stopped after an internal error: java.lang.OutOfMemoryError: Java heap space"
                    + " (thrown by the test). The views keep its last picture of the model; it can no longer be"
                    + " trained or saved.", stopped.message());
        }
    }
}
