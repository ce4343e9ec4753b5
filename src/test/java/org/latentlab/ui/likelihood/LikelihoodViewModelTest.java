package org.latentlab.ui.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.data.Attributes;
import org.latentlab.data.Dataset;
import org.latentlab.likelihood.IwaeCurve;
import org.latentlab.likelihood.LikelihoodEstimator;
import org.latentlab.likelihood.PosteriorPicture;
import org.latentlab.model.DenseAutoencoder;
import org.latentlab.model.Encoding;
import org.latentlab.model.LossWeights;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;

/** The Likelihood tab's view-model without a toolkit: on a small VAE of 4×4 bars, trained a little. */
class LikelihoodViewModelTest {

    private static final int COUNT = 40;

    /** Runs what is submitted only when told, so a test sees which requests survive. */
    private final Queue<Runnable> queued = new ArrayDeque<>();

    private static TrainingSnapshot snapshot(ModelConfig config, long iteration) {
        DenseAutoencoder model = new DenseAutoencoder(config);
        Dataset bars = TestDatasets.bars(COUNT, 3);
        float[] pixels = bars.pixels(COUNT);
        int[] labels = bars.labels(COUNT);
        int[] given = config.conditional() ? labels : null;
        for (int step = 0; step < 30; step++) {
            model.trainStep(pixels, given, COUNT, LossWeights.ELBO, 1e-2);
        }
        Encoding codes = model.encode(pixels, given, COUNT);
        ProbeSet probe = new ProbeSet(codes, pixels, 4, 4, labels, bars.classNames(), Attributes.none());
        int d = config.latentSize();
        return new TrainingSnapshot(TrainerState.PAUSED, null, config, iteration, 0, 0, 1, 1e-3, 0,
                new IterationHistory().view(), List.of(), probe, new double[d], d, model.decoderWeights());
    }

    private static ModelConfig vae(int latent) {
        return TestDatasets.smallModel(ModelKind.VAE, latent);
    }

    @Test
    void theChosenImagesNumbersAreTheEnginesAndTheSliderReadsTheCurve() {
        LikelihoodViewModel model = new LikelihoodViewModel(Runnable::run);
        assertTrue(model.messageProperty().get().startsWith("Click an image"));
        TrainingSnapshot snapshot = snapshot(vae(2), 30);
        model.update(snapshot);
        model.selectProbe(7);
        model.pulse();
        assertNull(model.resultProperty().get(), "nothing is computed while the tab is hidden");

        model.activeProperty().set(true);
        model.pulse();
        LikelihoodResult result = model.resultProperty().get();
        assertNotNull(result);
        assertEquals("held-out image 8 (" + snapshot.probe().classNames().get(snapshot.probe().label(7)) + ")",
                result.subject());
        assertEquals(30, result.iteration());
        assertEquals("", model.messageProperty().get());

        float[] image = snapshot.probe().image(7);
        float[] mean = {snapshot.probe().encoding().mean(7, 0), snapshot.probe().encoding().mean(7, 1)};
        float[] logVariance = {snapshot.probe().encoding().logVariance(7, 0), snapshot.probe().encoding().logVariance(7, 1)};
        LikelihoodEstimator estimator = new LikelihoodEstimator(snapshot.decoder());
        IwaeCurve expected = estimator.iwaeCurve(image, mean, logVariance, IwaeCurve.MAX_SAMPLES, 1, c -> { }, () -> false);
        assertArrayEquals(expected.negativeLogMarginal(), result.curve().negativeLogMarginal(), 0.0);
        PosteriorPicture picture = PosteriorPicture.of(estimator, image, mean, logVariance, LikelihoodViewModel.CELLS);
        assertEquals(picture.negativeLogMarginal(), result.negativeLogMarginal(), 0.0);
        assertEquals(expected.negativeElbo() - picture.negativeLogMarginal(), result.gap(), 1e-12);
        assertTrue(result.gap() > 0, "the ELBO lies below log p(x): gap " + result.gap());

        assertEquals(IwaeCurve.MAX_SAMPLES, model.samplesProperty().get());
        assertEquals(expected.last(), model.estimateProperty().get(), 0.0);
        model.samplesIndexProperty().set(0);
        assertEquals(1, model.samplesProperty().get());
        assertEquals(expected.negativeLogMarginal()[0], model.estimateProperty().get(), 0.0);
        model.samplesIndexProperty().set(3);
        assertEquals(10, model.samplesProperty().get());
    }

    @Test
    void theLatestChoiceWinsAndANewSnapshotIsComputedAgainAfterASecond() {
        long[] now = {1};
        LikelihoodViewModel model = new LikelihoodViewModel(queued::add, () -> now[0]);
        model.activeProperty().set(true);
        model.update(snapshot(vae(2), 30));
        model.selectProbe(3);
        model.selectProbe(4);
        assertEquals(1, queued.size(), "one task runs whatever request is newest when it starts");
        queued.poll().run();
        model.pulse();
        assertTrue(model.resultProperty().get().subject().startsWith("held-out image 5 "));

        model.update(snapshot(vae(2), 60));
        model.pulse();
        assertTrue(queued.isEmpty(), "within a second of the last request a new snapshot waits");
        now[0] += LikelihoodViewModel.REFRESH_NANOS;
        model.pulse();
        queued.poll().run();
        model.pulse();
        assertEquals(60, model.resultProperty().get().iteration(), "the numbers follow training");
        assertTrue(model.resultProperty().get().subject().startsWith("held-out image 5 "));
    }

    @Test
    void aClickIsAnsweredForTheSnapshotLastAskedAboutAndThenForTheNewest() {
        long[] now = {1};
        LikelihoodViewModel model = new LikelihoodViewModel(queued::add, () -> now[0]);
        model.activeProperty().set(true);
        model.update(snapshot(vae(2), 30));
        model.selectProbe(3);
        queued.poll().run();
        model.pulse();
        model.update(snapshot(vae(2), 60));
        model.selectProbe(6);
        queued.poll().run();
        model.pulse();
        LikelihoodResult first = model.resultProperty().get();
        assertTrue(first.subject().startsWith("held-out image 7 "), first.subject());
        assertEquals(30, first.iteration(), "the snapshot whose scan the worker keeps");
        now[0] += LikelihoodViewModel.REFRESH_NANOS;
        model.pulse();
        queued.poll().run();
        model.pulse();
        assertEquals(60, model.resultProperty().get().iteration(), "then the newest");
        assertTrue(model.resultProperty().get().subject().startsWith("held-out image 7 "));
    }

    @Test
    void aboveTwoDimensionsOnlyTheCurveIsShownAndTheViewSaysWhy() {
        LikelihoodViewModel model = new LikelihoodViewModel(Runnable::run);
        model.activeProperty().set(true);
        model.update(snapshot(vae(3), 30));
        model.selectProbe(0);
        model.pulse();
        LikelihoodResult result = model.resultProperty().get();
        assertNull(result.posterior());
        assertEquals(result.curve().last(), result.negativeLogMarginal(), 0.0);
        assertTrue(model.noteProperty().get().startsWith("With 3 latent dimensions the true posterior cannot be drawn"),
                model.noteProperty().get());
    }

    @Test
    void modelsWithoutALikelihoodHereSaySoInASentence() {
        LikelihoodViewModel model = new LikelihoodViewModel(Runnable::run);
        model.activeProperty().set(true);
        model.update(snapshot(TestDatasets.smallModel(ModelKind.AUTOENCODER, 2), 30));
        model.selectProbe(0);
        model.pulse();
        assertNull(model.resultProperty().get());
        assertTrue(model.messageProperty().get().startsWith("An autoencoder has no q(z|x)"));
    }

    /** A conditional VAE scores p(x|y) with the chosen image's own class; a drawing has none. */
    @Test
    void aConditionalVaeScoresTheImageWithItsOwnClass() {
        ModelConfig config = new ModelConfig(ModelKind.CVAE, 4, 4, List.of(16), 2, vae(2).activation(),
                vae(2).likelihood(), 0.1, 1, 0, 2, vae(2).decoderVariance());
        TrainingSnapshot snapshot = snapshot(config, 30);
        LikelihoodViewModel model = new LikelihoodViewModel(Runnable::run);
        model.activeProperty().set(true);
        model.update(snapshot);
        model.selectProbe(5);
        model.pulse();
        float[] image = snapshot.probe().image(5);
        float[] mean = {snapshot.probe().encoding().mean(5, 0), snapshot.probe().encoding().mean(5, 1)};
        float[] logVariance = {snapshot.probe().encoding().logVariance(5, 0), snapshot.probe().encoding().logVariance(5, 1)};
        IwaeCurve expected = new LikelihoodEstimator(snapshot.decoder().forClass(snapshot.probe().label(5)))
                .iwaeCurve(image, mean, logVariance, IwaeCurve.MAX_SAMPLES, 1, c -> { }, () -> false);
        assertArrayEquals(expected.negativeLogMarginal(), model.resultProperty().get().curve().negativeLogMarginal(), 0.0);

        model.setDrawing(new Encoding(mean, logVariance, 1, 2), image);
        assertTrue(model.messageProperty().get().startsWith("A conditional VAE scores an image with its class"));
    }
}
