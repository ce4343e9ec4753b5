package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.data.Dataset;
import org.latentlab.likelihood.ImportanceEstimate;
import org.latentlab.likelihood.LikelihoodEstimator;
import org.latentlab.model.ModelKind;

class EpochLikelihoodWorkerTest {

    private static final Dataset TRAINING = TestDatasets.bars(256, 1);
    private static final Dataset HELD_OUT = TestDatasets.bars(80, 2);

    private static TrainingSession session(ModelKind kind, int epochs) {
        return new TrainingSession(TRAINING, HELD_OUT, TestDatasets.smallModel(kind, 2), TrainingConfig.defaults(epochs, 5));
    }

    /** The means of −log p̂_K(x) and of the −ELBO over the subset, computed by the estimator itself. */
    private static double[] direct(TrainingSession session, EpochLikelihoodWorker worker, int images, int samples) {
        float[] pixels = worker.pixels();
        LikelihoodEstimator estimator = new LikelihoodEstimator(session.model().decoderWeights());
        List<ImportanceEstimate> estimates = estimator.importanceSampling(pixels, session.model().encode(pixels, images),
                0, images, samples, EpochLikelihoodWorker.NOISE_SEED, () -> false);
        double iwae = 0;
        double elbo = 0;
        for (ImportanceEstimate e : estimates) {
            iwae += e.negativeLogMarginal();
            elbo += e.negativeElbo();
        }
        return new double[] {iwae / images, elbo / images};
    }

    @Test
    void theEstimateEqualsTheEstimatorRunDirectlyOnTheSameImagesAndWeights() {
        TrainingSession session = session(ModelKind.VAE, 0);
        EpochMetrics first = session.runEpoch();
        EpochMetrics second = session.runEpoch();
        EpochLikelihoodWorker worker = new EpochLikelihoodWorker(HELD_OUT, session.model().config(), 30, 20, Runnable::run);
        worker.epochEnded(session.model(), second);
        EpochLikelihood estimate = worker.latest().estimates().get(0);
        double[] expected = direct(session, worker, 30, 20);
        assertEquals(expected[0], estimate.negativeLogMarginal(), 0, "IWAE, to the last digit");
        assertEquals(expected[1], estimate.negativeElbo(), 0, "−ELBO, to the last digit");
        assertEquals(2, estimate.epoch());
        assertEquals(second.iteration(), estimate.iteration());
        assertEquals(30, estimate.images());
        assertEquals(20, estimate.samples());
        assertTrue(estimate.gap() > 0, "IWAE below the −ELBO of the same samples: " + estimate);
        assertTrue(estimate.negativeLogMarginalError() > 0 && estimate.negativeLogMarginalError() < 0.5,
                "a Monte Carlo error of " + estimate.negativeLogMarginalError());
        assertTrue(first.iteration() < second.iteration());
    }

    @Test
    void theTrainerEstimatesEachEpochOnItsOwnThreadAsTheEstimatorWould() throws Exception {
        try (Trainer trainer = new Trainer(() -> session(ModelKind.VAE, 2))) {
            trainer.train();
            Awaiting.until(trainer::latest, s -> s.state() == TrainerState.FINISHED);
            // The latest epoch wins: epoch 1's estimate is dropped if epoch 2 ends before it starts.
            EpochLikelihoods done = Awaiting.until(trainer::epochLikelihoods,
                    l -> !l.estimates().isEmpty() && l.estimates().get(l.estimates().size() - 1).epoch() == 2);
            List<Integer> epochs = done.estimates().stream().map(EpochLikelihood::epoch).toList();
            assertTrue(epochs.equals(List.of(1, 2)) || epochs.equals(List.of(2)), "estimated epochs " + epochs);
            assertEquals(Math.min(EpochLikelihoodWorker.IMAGES, HELD_OUT.size()), done.images());
            assertEquals(EpochLikelihoodWorker.SAMPLES, done.samples());
            CompletableFuture<double[]> expected = new CompletableFuture<>();
            trainer.withSession(session -> expected.complete(direct(session,
                    EpochLikelihoodWorker.standard(HELD_OUT, session.model().config(), Runnable::run), done.images(),
                    done.samples())));
            double[] direct = expected.get(30, TimeUnit.SECONDS);
            EpochLikelihood last = done.estimates().get(epochs.size() - 1);
            assertEquals(direct[0], last.negativeLogMarginal(), 0);
            assertEquals(direct[1], last.negativeElbo(), 0);
            assertTrue(last.gap() > 0, "IWAE below the −ELBO of the same samples: " + last);
        }
    }

    @Test
    void theWorkerRestsLongEnoughToKeepToItsShareOfACoreBeforeTheNextEstimate() {
        TrainingSession session = session(ModelKind.VAE, 0);
        EpochMetrics first = session.runEpoch();
        EpochLikelihoodWorker worker = new EpochLikelihoodWorker(HELD_OUT, session.model().config(), 60, 20, Runnable::run);
        worker.epochEnded(session.model(), first);
        double took = worker.latest().estimates().get(0).seconds();
        EpochMetrics second = session.runEpoch();
        long start = System.nanoTime();
        worker.epochEnded(session.model(), second); // on this thread: rests, then estimates epoch 2
        double waited = (System.nanoTime() - start) / 1e9;
        assertEquals(List.of(1, 2), worker.latest().estimates().stream().map(EpochLikelihood::epoch).toList());
        assertTrue(waited >= 0.9 * (1 / EpochLikelihoodWorker.CORE_SHARE - 1) * took,
                "the first estimate took " + took + " s, the second came " + waited + " s later");
    }

    @Test
    void theSubsetIsSeededSortedAndWithoutRepeats() {
        int[] subset = EpochLikelihoodWorker.subset(1000, 500);
        assertArrayEquals(subset, EpochLikelihoodWorker.subset(1000, 500));
        for (int i = 1; i < subset.length; i++) {
            assertTrue(subset[i] > subset[i - 1]);
        }
        assertTrue(subset[0] < 10 && subset[subset.length - 1] > 990, "spread over the set");
        assertEquals(80, EpochLikelihoodWorker.subset(80, 80).length);
    }

    @Test
    void theLatestEpochWinsOverOneStillWaiting() {
        List<Runnable> queued = new ArrayList<>();
        TrainingSession session = session(ModelKind.VAE, 0);
        EpochLikelihoodWorker worker = new EpochLikelihoodWorker(HELD_OUT, session.model().config(), 10, 5, queued::add);
        EpochMetrics first = session.runEpoch();
        worker.epochEnded(session.model(), first);
        EpochMetrics second = session.runEpoch();
        worker.epochEnded(session.model(), second);
        assertEquals(1, queued.size(), "one task: the second epoch replaced the first while it waited");
        queued.get(0).run();
        assertEquals(List.of(2), worker.latest().estimates().stream().map(EpochLikelihood::epoch).toList());
    }

    @Test
    void anAutoencoderAndAHierarchicalVaeGetNoneAndSayWhy() {
        for (ModelKind kind : List.of(ModelKind.AUTOENCODER, ModelKind.HVAE)) {
            TrainingSession session = session(kind, 0);
            List<Runnable> queued = new ArrayList<>();
            EpochLikelihoodWorker worker = EpochLikelihoodWorker.standard(HELD_OUT, session.model().config(), queued::add);
            worker.epochEnded(session.model(), session.runEpoch());
            assertTrue(queued.isEmpty(), kind + ": nothing to estimate");
            assertFalse(worker.latest().available());
            assertTrue(worker.latest().missing().contains(kind == ModelKind.HVAE ? "hierarchical" : "autoencoder"),
                    worker.latest().missing());
        }
    }

    @Test
    void aConditionalVaeIsScoredWithEachImagesClass() {
        TrainingSession session = session(ModelKind.CVAE, 0);
        EpochMetrics epoch = session.runEpoch();
        EpochLikelihoodWorker worker = new EpochLikelihoodWorker(HELD_OUT, session.model().config(), 20, 10, Runnable::run);
        worker.epochEnded(session.model(), epoch);
        int[] labels = worker.labels();
        float[] pixels = worker.pixels();
        var encoding = session.model().encode(pixels, labels, 20);
        double iwae = 0;
        for (int i = 0; i < 20; i++) {
            LikelihoodEstimator byClass = new LikelihoodEstimator(session.model().decoderWeights().forClass(labels[i]));
            iwae += byClass.importanceSampling(pixels, encoding, i, i + 1, 10, EpochLikelihoodWorker.NOISE_SEED, () -> false)
                    .get(0).negativeLogMarginal();
        }
        assertEquals(iwae / 20, worker.latest().estimates().get(0).negativeLogMarginal(), 1e-9);
    }

    @Test
    void estimatesOfEpochsTrainingWentBackOnAreNotShown() {
        EpochLikelihood one = new EpochLikelihood(1, 10, 5, 5, 100, 0.1, 102, 0.1, 0.01);
        EpochLikelihood two = new EpochLikelihood(2, 20, 5, 5, 90, 0.1, 93, 0.1, 0.01);
        EpochLikelihoods both = EpochLikelihoods.none(5, 5).with(one).with(two);
        EpochMetrics first = new EpochMetrics(1, 10, 0, 0, 0, 0, 0, 1, 0);
        EpochMetrics secondAgain = new EpochMetrics(2, 21, 0, 0, 0, 0, 0, 1, 0);
        assertEquals(List.of(one), both.matching(List.of(first, secondAgain)), "epoch 2 ended elsewhere this time");
        assertEquals(List.of(one), both.matching(List.of(first)));
        EpochLikelihood again = new EpochLikelihood(1, 10, 5, 5, 99, 0.1, 101, 0.1, 0.01);
        assertEquals(List.of(again), both.with(again).estimates(), "a newer epoch 1 replaces 1 and what followed");
    }
}
