package org.latentlab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.lesson.Units;
import org.latentlab.model.ModelKind;
import org.latentlab.training.EpochLikelihood;
import org.latentlab.training.EpochLikelihoods;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingConfig;
import org.latentlab.training.TrainingSession;
import org.latentlab.training.TrainingSnapshot;

class HeldOutLikelihoodLinesTest {

    /** A snapshot of a bars model (16 pixels) after two epochs of 4 iterations. */
    private static TrainingSnapshot snapshot(ModelKind kind) {
        TrainingSession session = new TrainingSession(TestDatasets.bars(256, 1), TestDatasets.bars(80, 2),
                TestDatasets.smallModel(kind, 2), TrainingConfig.defaults(0, 5));
        session.runEpoch();
        session.runEpoch();
        ProbeSet probe = session.encodeProbe();
        return new TrainingSnapshot(TrainerState.PAUSED, null, session.model().config(), session.iteration(), 2, 0, 1,
                1e-3, 0, session.history(), session.epochs(), probe, new double[2], 2, session.model().decoderWeights());
    }

    /** Estimates at the two epochs' ends: −log p(x) 40 and 30 nats, −ELBO 43 and 32. */
    private static EpochLikelihoods estimates(List<EpochMetrics> epochs) {
        return new EpochLikelihoods(List.of(
                new EpochLikelihood(1, epochs.get(0).iteration(), 80, 20, 40, 0.1, 43, 0.1, 0.01),
                new EpochLikelihood(2, epochs.get(1).iteration(), 80, 20, 30, 0.1, 32, 0.1, 0.01)), 80, 20, null);
    }

    /** A chart of a {@code kind} model's snapshot after two epochs, given their {@link #estimates}. */
    private static LossChartViewModel chartWithEstimates(ModelKind kind) {
        TrainingSnapshot snapshot = snapshot(kind);
        LossChartViewModel chart = new LossChartViewModel();
        chart.update(snapshot);
        chart.updateLikelihood(estimates(snapshot.epochs()));
        return chart;
    }

    @Test
    void theChartShowsEachEpochsEstimateWithItsLabelInTheUnitsChosen() {
        LossChartViewModel chart = chartWithEstimates(ModelKind.VAE);
        HeldOutLikelihoodLines lines = chart.likelihoodProperty().get();
        assertTrue(lines.drawn());
        assertEquals("held-out −log p(x), IWAE K=20, 80 images", lines.label());
        assertEquals("held-out −ELBO, same 80 images, K=20", lines.elboLabel());
        assertArrayEquals(new double[] {40, 30}, chart.heldOutLikelihoodShown(), 0);
        assertTrue(chart.readoutProperty().get().endsWith("gap after epoch 2: 2.00 nats (−ELBO 32.0 − IWAE 30.0), a lower"
                + " bound on the mean KL(q(z|x) ‖ p(z|x)) over the same 80 images"), chart.readoutProperty().get());

        assertEquals("gap after epoch 2: 2.00 nats", chart.gapProperty().get());

        chart.unitsProperty().set(Units.BITS_PER_DIMENSION);
        double perNat = 1 / (16 * Math.log(2));
        assertEquals(String.format(Locale.ROOT, "gap after epoch 2: %.5f bits/dim", 2 * perNat), chart.gapProperty().get());
        assertArrayEquals(new double[] {40 * perNat, 30 * perNat}, chart.heldOutLikelihoodShown(), 1e-12);
        assertTrue(chart.readoutProperty().get().contains(String.format(Locale.ROOT, "gap after epoch 2: %.5f bits/dim",
                2 * perNat)), chart.readoutProperty().get());
    }

    @Test
    void aConditionalModelsLineIsOfPOfXGivenY() {
        LossChartViewModel chart = chartWithEstimates(ModelKind.CVAE);
        assertEquals("held-out −log p(x|y), IWAE K=20, 80 images", chart.likelihoodProperty().get().label());
    }

    @Test
    void anEpochTrainingWentBackOnLosesItsPoint() {
        TrainingSnapshot snapshot = snapshot(ModelKind.VAE);
        LossChartViewModel chart = new LossChartViewModel();
        chart.update(snapshot);
        EpochLikelihoods ahead = new EpochLikelihoods(List.of(
                new EpochLikelihood(1, snapshot.epochs().get(0).iteration(), 80, 20, 40, 0.1, 43, 0.1, 0.01),
                new EpochLikelihood(3, 999, 80, 20, 30, 0.1, 32, 0.1, 0.01)), 80, 20, null);
        chart.updateLikelihood(ahead);
        assertEquals(1, chart.likelihoodProperty().get().estimates().size(), "epoch 3 is not on the chart");
    }

    @Test
    void aModelWithoutALikelihoodGetsNoLineAndTheLegendSaysWhy() {
        TrainingSnapshot snapshot = snapshot(ModelKind.AUTOENCODER);
        LossChartViewModel chart = new LossChartViewModel();
        chart.update(snapshot);
        chart.updateLikelihood(EpochLikelihoods.missing("an autoencoder has no likelihood"));
        HeldOutLikelihoodLines lines = chart.likelihoodProperty().get();
        assertFalse(lines.drawn());
        assertEquals("held-out −log p(x): none, an autoencoder has no likelihood", lines.label());
        assertEquals(0, chart.heldOutLikelihoodShown().length);
        assertFalse(chart.readoutProperty().get().contains("gap"), chart.readoutProperty().get());
        assertEquals("", chart.gapProperty().get());
    }
}
