package org.latentlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.latentlab.latent.LatentPlane;
import org.latentlab.training.CompareVariant;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.RateDistortionTrail;
import org.latentlab.training.TrainerState;
import org.latentlab.ui.scatter.ScatterPoints;
import org.latentlab.ui.scatter.Viewport;

/** The compare lab's small sums, checked by hand. */
class ComparePanelMathsTest {

    @Test
    void numbersAverageTheLastFiftyIterationsAndAddUpToMinusElbo() {
        IterationHistory history = new IterationHistory();
        for (int i = 0; i < 60; i++) {
            // The first 10 iterations are left out of the mean: reconstruction 1000, KL 1000.
            boolean early = i < 10;
            history.append(0, early ? 1000 : 150 + (i % 2), early ? 1000 : 4 + (i % 2), 1);
        }
        // Over the last 50: reconstruction alternates 150, 151 (mean 150.5), KL 4, 5 (mean 4.5).
        assertEquals("reconstruction 150.5\nKL 4.50 · −ELBO 155.0",
                PanelText.numbers(CompareVariant.vae(1), history.view(), List.of()));
        assertEquals("reconstruction 150.5\nno KL, no ELBO",
                PanelText.numbers(CompareVariant.autoencoder(), history.view(), List.of()));
        assertEquals("not trained yet\npress Train",
                PanelText.numbers(CompareVariant.klOnly(), new IterationHistory().view(), List.of()));
    }

    @Test
    void afterAnEpochTheNumbersAreItsHeldOutLosses() {
        IterationHistory history = new IterationHistory();
        for (int i = 0; i < 60; i++) {
            history.append(0, 150, 4, 1);
        }
        List<EpochMetrics> epochs = List.of(new EpochMetrics(1, 30, 200, 190, 10, 180, 9, 1, 1),
                new EpochMetrics(2, 60, 155, 150, 4, 164.64, 5.14, 1, 1));
        // The last epoch's held-out terms; −ELBO = 164.64 + 5.14 = 169.78.
        assertEquals("held-out rec. 164.6\nKL 5.14 · −ELBO 169.8",
                PanelText.numbers(CompareVariant.vae(1), history.view(), epochs));
        assertEquals("held-out rec. 164.6\nno KL, no ELBO",
                PanelText.numbers(CompareVariant.autoencoder(), history.view(), epochs));
    }

    @Test
    void headingsSayTheKindOfModelOverWhatItIsTrainedOn() {
        assertEquals("autoencoder\nno KL, no prior", ComparePanelViewModel.ofModel(CompareVariant.autoencoder(), 0, null, Runnable::run).heading());
        assertEquals("VAE\nKL only", ComparePanelViewModel.ofModel(CompareVariant.klOnly(), 2, null, Runnable::run).heading());
        assertEquals("VAE\nreconstruction + KL", ComparePanelViewModel.ofModel(CompareVariant.vae(1), 3, null, Runnable::run).heading());
        assertEquals("β-VAE\nβ = 0.1", ComparePanelViewModel.ofModel(CompareVariant.vae(0.1), 0, null, Runnable::run).heading());
        assertEquals("β = 4", ComparePanelViewModel.ofModel(CompareVariant.vae(4), 2, null, Runnable::run).shortTitle());
        assertEquals("PCA\nlinear baseline", ComparePanelViewModel.ofBaseline().heading());
    }

    @Test
    void pointsOutsideTheSharedAxesAreCounted() {
        ScatterPoints points = new ScatterPoints(new float[] {0, 3.9f, -4.1f, 0, 10}, new float[] {0, 3.9f, 0, 4.5f, 10},
                new int[5], List.of("a"), LatentPlane.firstTwoAxes(2), "");
        assertEquals(3, ComparePanelViewModel.outsideCount(points, new Viewport(0, 0, 4)));
        assertEquals(0, ComparePanelViewModel.outsideCount(points, new Viewport(0, 0, 10)));
    }

    @Test
    void rateDistortionAxesReachEveryFinitePointAtRoundNumbers() {
        RateDistortionTrail a = new RateDistortionTrail(new int[] {1, 2}, new float[] {0.5f, 38.2f},
                new float[] {540, 162});
        RateDistortionTrail b = new RateDistortionTrail(new int[] {1, 2}, new float[] {0, Float.NaN},
                new float[] {545, Float.NaN});
        double[] ranges = RateDistortionCurve.ranges(List.of(new RateDistortionCurve("a", "#000000", a),
                new RateDistortionCurve("b", "#000000", b)));
        // Rate up to 38.2 · 1.04 = 39.7, rounded up to the next 10; distortion 162…545, padded by
        // 4 % of 383 and rounded outwards to steps of 100.
        assertArrayEquals(new double[] {40, 100, 600}, ranges, 1e-9);
    }

    @Test
    void whenOneTrainerStartsTheOtherIsPaused() {
        SimpleObjectProperty<TrainerState> explorer = new SimpleObjectProperty<>(TrainerState.RUNNING);
        SimpleObjectProperty<TrainerState> compare = new SimpleObjectProperty<>(TrainerState.READY);
        int[] pauses = new int[2];
        OneTrainerAtATime.between(explorer, () -> {
            pauses[0]++;
            explorer.set(TrainerState.PAUSED);
        }, compare, () -> {
            pauses[1]++;
            compare.set(TrainerState.PAUSED);
        });
        compare.set(TrainerState.RUNNING);
        assertEquals(TrainerState.PAUSED, explorer.get());
        assertArrayEquals(new int[] {1, 0}, pauses);
        explorer.set(TrainerState.RUNNING);
        assertEquals(TrainerState.PAUSED, compare.get());
        assertArrayEquals(new int[] {1, 1}, pauses);
        explorer.set(TrainerState.PAUSED);
        assertArrayEquals(new int[] {1, 1}, pauses, "pausing one starts nothing");
    }
}
