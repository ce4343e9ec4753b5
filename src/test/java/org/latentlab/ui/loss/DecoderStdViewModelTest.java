package org.latentlab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.DecoderStdCourse;
import org.latentlab.training.LossTerms;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingConfig;
import org.latentlab.training.TrainingSession;
import org.latentlab.training.TrainingSnapshot;

/**
 * The small σ chart's view-model on real runs on the bars: nothing for a fixed σ; for a learned one
 * the course per epoch and a caption with σ now and the held-out residual's RMS (shared) or the
 * map's median and 10–90 % range (per pixel), recomputed only when training moved.
 */
class DecoderStdViewModelTest {

    private static TrainingSession session(DecoderVariance variance, Likelihood likelihood) {
        ModelConfig small = TestDatasets.smallModel(ModelKind.VAE, 2);
        ModelConfig config = new ModelConfig(ModelKind.VAE, 4, 4, small.hiddenSizes(), 2, small.activation(), likelihood,
                0.1, 1, 0, 0, variance);
        return new TrainingSession(TestDatasets.bars(512, 1), TestDatasets.bars(128, 2), config,
                new TrainingConfig(1e-2, 32, 0, new BetaSchedule.Constant(1), LossTerms.COMBINED, 3));
    }

    private static TrainingSnapshot snapshot(TrainingSession s) {
        return new TrainingSnapshot(TrainerState.PAUSED, null, s.model().config(), s.iteration(), s.completedEpochs(),
                s.epochProgress(), 1, 1e-2, 0, s.history(), s.epochs(), s.encodeProbe(), new double[2], 2,
                s.model().decoderWeights());
    }

    @Test
    void aFixedSigmaHasNoChart() {
        TrainingSession s = session(DecoderVariance.FIXED, Likelihood.GAUSSIAN);
        s.runEpoch();
        DecoderStdViewModel viewModel = new DecoderStdViewModel();
        viewModel.update(snapshot(s));
        assertNull(viewModel.courseProperty().get());
        assertEquals("", viewModel.captionProperty().get());
    }

    @Test
    void aSharedSigmaIsDrawnBesideTheHeldOutResidualsRms() {
        TrainingSession s = session(DecoderVariance.LEARNED, Likelihood.GAUSSIAN);
        DecoderStdViewModel viewModel = new DecoderStdViewModel();
        s.step();
        viewModel.update(snapshot(s));
        assertEquals("σ " + String.format(Locale.ROOT, "%.3f", s.history().decoderStd(0).mean())
                + " now (line); the held-out residual's RMS (dots) after each epoch", viewModel.captionProperty().get());
        for (int e = 0; e < 12; e++) {
            s.runEpoch();
        }
        s.step();
        TrainingSnapshot later = snapshot(s);
        viewModel.update(later);
        DecoderStdCourse course = viewModel.courseProperty().get();
        assertEquals(14, course.size(), "the first step, twelve epochs, now");
        double rms = DecoderStdCourse.residualRms(s.epochs().get(11).validationReconstruction(),
                s.history().decoderStd((int) s.epochs().get(11).iteration() - 1).mean(), 16);
        assertEquals(rms, course.residualRms()[12], 1e-12);
        assertEquals(String.format(Locale.ROOT, "σ %.3f now (line); held-out residual RMS %.3f after epoch 12 (dots)",
                s.history().decoderStd(s.history().size() - 1).mean(), rms), viewModel.captionProperty().get());
        viewModel.update(later.withSettings(0.5, 1e-3));
        assertSame(course, viewModel.courseProperty().get(), "no new step, no new course");
    }

    @Test
    void aPerPixelSigmaShowsItsMapsMedianAndTenToNinetyPercentRange() {
        TrainingSession s = session(DecoderVariance.LEARNED_PER_PIXEL, Likelihood.GAUSSIAN);
        for (int e = 0; e < 6; e++) {
            s.runEpoch();
        }
        DecoderStdViewModel viewModel = new DecoderStdViewModel();
        viewModel.update(snapshot(s));
        DecoderStdCourse course = viewModel.courseProperty().get();
        float[] map = s.model().decoderWeights().pixelStds();
        float[] sorted = map.clone();
        java.util.Arrays.sort(sorted);
        assertEquals((sorted[7] + sorted[8]) / 2.0, course.quantile(0.5), 1e-6, "the median of 16 values");
        assertEquals(String.format(Locale.ROOT, "σ per pixel now (map): median %.3f, 10–90 %% %.3f–%.3f; band: %.3f–%.3f",
                course.quantile(0.5), course.quantile(0.1), course.quantile(0.9), sorted[0], sorted[15]),
                viewModel.captionProperty().get());
    }
}
