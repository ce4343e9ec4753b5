package org.latentlab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.latentlab.lesson.Units;
import org.latentlab.model.DecoderStd;
import org.latentlab.model.DecoderVariance;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.IterationHistory;

class LossChartViewModelTest {

    /** Iterations whose β moves from 1 to 3 half-way: reconstruction 150, KL 5, total = rec + β·KL. */
    private static LossSeries changingBeta() {
        IterationHistory history = new IterationHistory();
        for (int i = 0; i < 100; i++) {
            double beta = i < 75 ? 1 : 3;
            history.append(150 + beta * 5, 150, 5, beta);
        }
        return new LossSeries(history.view(), List.of(new EpochMetrics(1, 100, 160, 150, 5, 152, 6, 3, 1)), true);
    }

    @Test
    void readoutAddsUpEvenWhileBetaChanges() {
        String text = LossChartViewModel.readoutOf(changingBeta(), 100, Units.NATS_PER_IMAGE, 784);
        Matcher m = Pattern.compile("objective ([0-9.]+) = reconstruction ([0-9.]+) \\+ β·KL ([0-9.]+) nats \\(β ([0-9.]+)")
                .matcher(text);
        assertTrue(m.find(), text);
        double total = Double.parseDouble(m.group(1));
        double sum = Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3));
        assertEquals(total, sum, 0.1, text);
        assertEquals(160.0, total, 0.05, "25 of the last 50 at β = 1 (155), 25 at β = 3 (165)");
        assertEquals("3.00", m.group(4), "the current β");
        assertTrue(text.contains("training −ELBO 155.0"), "reconstruction + KL, unweighted: " + text);
        assertTrue(text.contains("held-out −ELBO (β = 1, one draw of z per image) after epoch 1: 158.0"), text);
    }

    @Test
    void readoutInBitsPerDimensionDividesEveryNumberByPixelsTimesLnTwo() {
        String text = LossChartViewModel.readoutOf(changingBeta(), 100, Units.BITS_PER_DIMENSION, 784);
        double perNat = 1 / (784 * Math.log(2));
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "objective %.4f = reconstruction %.4f + β·KL %.5f "
                + "bits/dim", 160 * perNat, 150 * perNat, 10 * perNat)), text);
        assertTrue(text.endsWith(String.format(java.util.Locale.ROOT, "after epoch 1: %.4f", 158 * perNat)), text);
        assertEquals("objective 0.2944", text.substring(text.indexOf("objective"), text.indexOf(" =")));
    }

    @Test
    void trainingNegativeElboIsDrawnBesideTheObjectiveOnceBetaLeavesOne() {
        assertEquals(List.of(LossSeries.Term.TOTAL, LossSeries.Term.RECONSTRUCTION, LossSeries.Term.KL,
                LossSeries.Term.NEGATIVE_ELBO), LossChartViewModel.terms(changingBeta()));
        assertEquals(155f, changingBeta().value(LossSeries.Term.NEGATIVE_ELBO, 99));
        IterationHistory atOne = new IterationHistory();
        atOne.append(155, 150, 5, 1);
        LossSeries plain = new LossSeries(atOne.view(), List.of(), true);
        assertEquals(List.of(LossSeries.Term.TOTAL, LossSeries.Term.RECONSTRUCTION, LossSeries.Term.KL),
                LossChartViewModel.terms(plain), "at β = 1 the objective is the −ELBO");
    }

    @Test
    void negativeLossesAreExplainedOnlyForADensity() {
        IterationHistory history = new IterationHistory();
        for (int i = 0; i < 20; i++) {
            history.append(-300, -310, 10, 1);
        }
        LossSeries gaussian = new LossSeries(history.view(), List.of(), true, true);
        double[] range = LossChartViewModel.yRange(gaussian, false, 1);
        assertTrue(range[0] <= -310, "bottom " + range[0]);
        assertTrue(LossChartViewModel.showsNegativeDensity(gaussian, range));
        assertTrue(!LossChartViewModel.showsNegativeDensity(changingBeta(),
                LossChartViewModel.yRange(changingBeta(), false, 1)));
    }

    @Test
    void aHierarchicalVaesChartDrawsAndReadsOutEachLevelsKl() {
        IterationHistory history = new IterationHistory(2);
        for (int i = 0; i < 10; i++) {
            history.append(130 + 18, 130, 18, 1, new double[] {15 + 0.2 * i, 3 - 0.2 * i});
        }
        LossSeries series = new LossSeries(history.view(), List.of(), true);
        assertEquals(List.of(LossSeries.Term.TOTAL, LossSeries.Term.RECONSTRUCTION, LossSeries.Term.KL,
                LossSeries.Term.KL_Z1, LossSeries.Term.KL_Z2), LossChartViewModel.terms(series));
        assertEquals(15.4f, series.value(LossSeries.Term.KL_Z1, 2), 1e-5);
        assertEquals(2.6f, series.value(LossSeries.Term.KL_Z2, 2), 1e-5);
        String text = LossChartViewModel.readoutOf(series, series.size(), Units.NATS_PER_IMAGE, 784);
        assertTrue(text.contains("; KL 18.00 = z₁ 15.90 + z₂ 2.10"), text);
        assertEquals(List.of(LossSeries.Term.TOTAL, LossSeries.Term.RECONSTRUCTION, LossSeries.Term.KL,
                LossSeries.Term.NEGATIVE_ELBO), LossChartViewModel.terms(changingBeta()),
                "one level: its KL alone (and, as β left 1, the training −ELBO)");
    }

    @Test
    void aLearnedSigmaIsReadOutAsItIsNowAndAfterTheFirstIteration() {
        IterationHistory shared = new IterationHistory(1, DecoderVariance.LEARNED);
        IterationHistory perPixel = new IterationHistory(1, DecoderVariance.LEARNED_PER_PIXEL);
        for (int i = 0; i < 5; i++) {
            shared.append(-500, -505, 5, 1, new double[] {5}, DecoderStd.shared(0.1 + 0.01 * i));
            perPixel.append(-500, -505, 5, 1, new double[] {5}, new DecoderStd(0.1 + 0.01 * i, 0.05, 0.2 + 0.01 * i));
        }
        assertTrue(LossChartViewModel.readoutOf(new LossSeries(shared.view(), List.of(), true), 5, Units.NATS_PER_IMAGE, 784)
                .contains(" · learned decoder σ 0.140 (after iteration 1: 0.100)"));
        assertTrue(LossChartViewModel.readoutOf(new LossSeries(perPixel.view(), List.of(), true), 5, Units.NATS_PER_IMAGE, 784)
                .contains(" · learned decoder σ per pixel 0.050 to 0.240, mean 0.140 (after iteration 1: 0.100)"));
        assertFalse(LossChartViewModel.readoutOf(changingBeta(), changingBeta().size(), Units.NATS_PER_IMAGE, 784).contains("σ"), "a fixed σ is not read out");
    }

    @Test
    void linearRangeStartsAtZeroAndHoldsTheBoldLinesAndHeldOutLoss() {
        double[] range = LossChartViewModel.yRange(changingBeta(), false, 1);
        assertEquals(0, range[0]);
        assertTrue(range[1] >= 165 && range[1] <= 200, "top " + range[1]);
        double perNat = Units.BITS_PER_DIMENSION.fromNats(1, 784);
        double[] bits = LossChartViewModel.yRange(changingBeta(), false, perNat);
        assertEquals(0, bits[0]);
        assertTrue(bits[1] >= 165 * perNat && bits[1] <= 200 * perNat, "top " + bits[1] + " bits/dim");
    }

    @Test
    void logarithmicRangeSpansWholeDecadesAroundEveryPositiveValue() {
        double[] range = LossChartViewModel.yRange(changingBeta(), true, 1);
        assertEquals(1, range[0], 1e-12, "KL = 5 lies in [1, 10)");
        assertEquals(1000, range[1], 1e-9, "totals up to 165 lie below 1000");
    }

    @Test
    void smoothingWindowIsAboutAHundredthOfTheRunAndOdd() {
        assertEquals(1, LossChartViewModel.smoothingWindow(150));
        assertEquals(51, LossChartViewModel.smoothingWindow(5_000));
        assertEquals(101, LossChartViewModel.smoothingWindow(10_050));
    }
}
