package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSplit;
import org.latentlab.data.EmbeddedMnist;
import org.latentlab.latent.GridSpacing;
import org.latentlab.latent.LatentGrid;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.SnapshotDecoder;

class CompareTrainerTest {

    private static ModelConfig smallNetwork() {
        return TestDatasets.smallModel(ModelKind.VAE, 2);
    }

    private static CompareTrainer barsTrainer(ComparisonPreset preset, int epochs) {
        CompareConfig config = new CompareConfig(smallNetwork(), TrainingConfig.defaults(epochs, 3), preset);
        return new CompareTrainer(TrainerTest.bars(256, 1), TrainerTest.bars(40, 99), config);
    }

    private static CompareSnapshot await(CompareTrainer trainer, Predicate<CompareSnapshot> condition)
            throws InterruptedException {
        return Awaiting.until(trainer::latest, condition);
    }

    @Test
    void everyModelGetsItsOwnSnapshotAndAllAdvanceTogether() throws InterruptedException {
        try (CompareTrainer trainer = barsTrainer(ComparisonPreset.ABLATION, 0)) {
            CompareSnapshot ready = trainer.latest();
            assertEquals(TrainerState.READY, ready.state());
            assertEquals(List.of("ae", "rec-only", "kl-only", "vae"),
                    ready.variants().stream().map(v -> v.variant().name()).toList());
            assertNotNull(ready.baseline());
            assertEquals(40, ready.baseline().probe().size());

            trainer.train();
            await(trainer, s -> s.state() == TrainerState.RUNNING && s.iteration() >= 20);
            trainer.pause();
            CompareSnapshot paused = await(trainer, s -> s.state() == TrainerState.PAUSED);

            for (VariantSnapshot panel : paused.variants()) {
                TrainingSnapshot own = panel.training();
                assertFalse(panel.stopped());
                assertEquals(TrainerState.PAUSED, own.state());
                assertEquals(paused.iteration(), own.iteration(), panel.variant().name());
                assertEquals(paused.iteration(), own.iterations().size(), panel.variant().name());
                assertEquals(40, own.probe().size());
                assertEquals(panel.variant().kind(), own.modelConfig().kind());
                assertEquals(2, own.klPerDimension().length);
            }
            VariantSnapshot ae = paused.variant("ae");
            assertFalse(ae.training().probe().encoding().hasPosterior());
            assertEquals(0, ae.training().iterations().kl(5), 0.0, "an autoencoder has no KL term");
            assertFalse(Arrays.equals(paused.variant("vae").training().decoder().parameters(),
                    paused.variant("rec-only").training().decoder().parameters()), "each panel has its own decoder");

            trainer.step();
            CompareSnapshot stepped = await(trainer, s -> s.iteration() == paused.iteration() + 1);
            for (VariantSnapshot panel : stepped.variants()) {
                assertEquals(stepped.iteration(), panel.training().iteration(), panel.variant().name());
            }
        }
    }

    @Test
    void twoIdenticalModelsSeeTheSameBatchesAndEndWithTheSameWeights() throws InterruptedException {
        CompareVariant twin = new CompareVariant("vae-twin", ModelKind.VAE, LossTerms.COMBINED, 1);
        ComparisonPreset preset = new ComparisonPreset("twins",
                List.of(CompareVariant.vae(1), twin, CompareVariant.vae(4)));
        try (CompareTrainer trainer = barsTrainer(preset, 3)) {
            trainer.train();
            CompareSnapshot done = await(trainer, s -> s.state() == TrainerState.FINISHED);
            assertEquals(3 * 2, done.iteration()); // 256 images in batches of 128, 3 epochs
            TrainingSnapshot first = done.variant("vae").training();
            TrainingSnapshot second = done.variant("vae-twin").training();
            assertArrayEquals(first.decoder().parameters(), second.decoder().parameters(), 0f);
            assertArrayEquals(first.iterations().objectives(), second.iterations().objectives(), 0f);
            assertArrayEquals(first.probe().encoding().means(), second.probe().encoding().means(), 0f);
            assertFalse(Arrays.equals(first.decoder().parameters(),
                    done.variant("vae-beta-4").training().decoder().parameters()), "β = 4 trains differently");
        }
    }

    @Test
    void priorSamplesAreTheSameZThroughEachPanelsOwnDecoder() throws InterruptedException {
        CompareVariant twin = new CompareVariant("vae-twin", ModelKind.VAE, LossTerms.COMBINED, 1);
        ComparisonPreset preset = new ComparisonPreset("twins", List.of(CompareVariant.vae(1), twin,
                CompareVariant.reconstructionOnly()));
        try (CompareTrainer trainer = barsTrainer(preset, 2)) {
            trainer.train();
            CompareSnapshot done = await(trainer, s -> s.state() == TrainerState.FINISHED);
            ComparisonDecoder decoder = new ComparisonDecoder();
            List<float[]> samples = decoder.priorSamples(done, 6, 11);
            assertEquals(3, samples.size());
            assertEquals(6 * 16, samples.get(0).length);
            assertArrayEquals(samples.get(0), samples.get(1), 0f, "identical models decode the same z alike");
            assertFalse(Arrays.equals(samples.get(0), samples.get(2)), "another decoder, other images");
            assertArrayEquals(samples.get(2), decoder.priorSamples(done, 6, 11).get(2), 0f, "the same seed, the same images");
            assertFalse(Arrays.equals(samples.get(2), decoder.priorSamples(done, 6, 12).get(2)));
            float[] direct = new SnapshotDecoder(done.variant("rec-only").training().decoder())
                    .decode(PriorSamples.draw(6, 2, 11), 6);
            assertArrayEquals(direct, samples.get(2), 0f);

            LatentGrid grid = new LatentGrid(3, GridSpacing.INVERSE_CDF);
            assertEquals(9 * 16, decoder.grids(done, grid).get(1).length);
            float[] baseline = ComparisonDecoder.baselinePriorSamples(done, 6, 11);
            assertEquals(6 * 16, baseline.length);
            for (float v : baseline) {
                assertTrue(v >= 0 && v <= 1);
            }
            assertEquals(9 * 16, ComparisonDecoder.baselineGrid(done, grid).length);
        }
    }

    @Test
    void theKlTermPullsCodesOntoThePriorAndWithoutItTheyLeave() throws InterruptedException {
        Dataset digits = EmbeddedMnist.load();
        DatasetSplit split = DatasetSplit.of(digits, 0.1, 7);
        CompareConfig config = new CompareConfig(ModelConfig.reference(ModelKind.VAE, 7),
                TrainingConfig.defaults(2, 7), ComparisonPreset.ABLATION);
        try (CompareTrainer trainer = new CompareTrainer(split.train().head(2_000), split.validation().head(500), config)) {
            trainer.train();
            CompareSnapshot done = await(trainer, s -> s.state() == TrainerState.FINISHED);
            double combined = done.variant("vae").training().epochs().get(1).validationKl();
            double klOnly = done.variant("kl-only").training().epochs().get(1).validationKl();
            double reconstructionOnly = done.variant("rec-only").training().epochs().get(1).validationKl();
            assertTrue(combined > 2, "the VAE's code carries information: KL " + combined);
            assertTrue(klOnly < 0.05 * combined, "KL only " + klOnly + " vs combined " + combined);
            assertTrue(reconstructionOnly > 2 * combined, "reconstruction only " + reconstructionOnly
                    + " vs combined " + combined);
            assertEquals(0, done.variant("ae").training().epochs().get(1).validationKl(), 0.0);
        }
    }

    @Test
    void aModelWhoseLossStopsBeingFiniteStopsAloneAndTheOthersTrainOn() {
        Dataset training = TrainerTest.bars(256, 1);
        Dataset validation = TrainerTest.bars(40, 99);
        TrainingConfig config = new TrainingConfig(1e-3, 16, 0, new BetaSchedule.Constant(1), LossTerms.COMBINED, 3);
        TrainingSession healthy = new TrainingSession(training, validation, smallNetwork(), config);
        TrainingSession failing = new TrainingSession(training, validation, new FailingModel(smallNetwork(), 6), config);
        CompareVariant twin = new CompareVariant("failing", ModelKind.VAE, LossTerms.COMBINED, 1);
        LockstepWork work = new LockstepWork(List.of(CompareVariant.vae(1), twin), List.of(healthy, failing), null);
        work.snapshot(TrainerState.RUNNING, null, 0);
        for (int i = 0; i < 3; i++) {
            assertFalse(work.step().diverged());
        }
        work.snapshot(TrainerState.RUNNING, null, 0);
        for (int i = 0; i < 7; i++) {
            assertFalse(work.step().diverged(), "iteration " + i);
        }
        CompareSnapshot snapshot = work.snapshot(TrainerState.RUNNING, null, 0);
        assertEquals(10, snapshot.iteration());
        assertFalse(snapshot.variant("vae").stopped());
        assertEquals(10, healthy.iteration());
        assertEquals(10, snapshot.variant("vae").training().iterations().size());
        VariantSnapshot stopped = snapshot.variant("failing");
        assertTrue(stopped.stopped());
        assertEquals(TrainerState.PAUSED, stopped.training().state());
        assertEquals(3, stopped.training().iteration(), "it keeps the snapshot it had before it failed");
        assertEquals(3, failing.iteration(), "and its session is what that snapshot shows");
        assertEquals(3, failing.history().size());
        assertEquals(3, failing.model().steps());
        assertArrayEquals(stopped.training().decoder().parameters(), failing.model().decoderWeights().parameters(), 0f);
        assertTrue(stopped.training().message().startsWith("Stopped: the loss became NaN (not a number) at iteration 6 "),
                stopped.training().message());
        assertTrue(stopped.training().message().contains("back at iteration 3, as last shown: the 2 iterations after it"
                + " are undone"), stopped.training().message());

        TrainingSession alone = new TrainingSession(training, validation, new FailingModel(smallNetwork(), 1), config);
        LockstepWork last = new LockstepWork(List.of(twin), List.of(alone), null);
        last.snapshot(TrainerState.RUNNING, null, 0);
        TrainingWork.Progress progress = last.step();
        assertTrue(progress.diverged());
        assertTrue(progress.divergence().startsWith("'VAE (β = 1)', the last model still training, stopped"),
                progress.divergence());
    }
}
