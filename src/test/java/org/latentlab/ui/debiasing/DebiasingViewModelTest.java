package org.latentlab.ui.debiasing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.data.Dataset;
import org.latentlab.data.RareGroup;
import org.latentlab.data.SyntheticFaces;
import org.latentlab.latent.LatentPoints;
import org.latentlab.model.Activation;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.CompareConfig;
import org.latentlab.training.CompareSnapshot;
import org.latentlab.training.CompareTrainer;
import org.latentlab.training.DebiasingSnapshot;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.LossTerms;
import org.latentlab.training.SavedComparison;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingConfig;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.Pulses;
import org.latentlab.ui.compare.CompareSetup;
import org.latentlab.ui.compare.CompareTrainerFactory;

/** The Debiasing tab's view-model on 600 small faces, without a toolkit: executors run tasks at once. */
class DebiasingViewModelTest {

    private static final int TRAINING = 500;
    private static final int HELD_OUT = 100;

    /** Two small VAEs on faces with the setup's rare group; remembers what it was asked to build. */
    private static final class SmallFaces implements CompareTrainerFactory {
        final List<CompareSetup> asked = new ArrayList<>();

        @Override
        public CompareTrainer create(CompareSetup setup) {
            asked.add(setup);
            RareGroup rare = RareGroup.parse(setup.source().datasetSpec().substring("faces:rare=".length()));
            Dataset faces = SyntheticFaces.generate(TRAINING + HELD_OUT, 2016, rare);
            Dataset training = faces.subset(range(0, TRAINING), "training");
            Dataset heldOut = faces.subset(range(TRAINING, TRAINING + HELD_OUT), "held out");
            ModelConfig model = new ModelConfig(ModelKind.VAE, faces.width(), faces.height(), List.of(32), 8,
                    Activation.RELU, Likelihood.GAUSSIAN, 0.1, setup.source().seed());
            // Larger steps on smaller batches than the tab's, so that two epochs spread the codes.
            TrainingConfig fast = new TrainingConfig(1e-2, 32, 0, new BetaSchedule.Constant(1), LossTerms.COMBINED,
                    setup.source().seed());
            return new CompareTrainer(training, heldOut, new CompareConfig(model, fast, setup.preset()));
        }

        @Override
        public Opened open(SavedComparison comparison) {
            throw new UnsupportedOperationException("the Debiasing tab builds its models, it opens none");
        }
    }

    private final SmallFaces factory = new SmallFaces();
    private final DebiasingViewModel viewModel = new DebiasingViewModel(factory, Runnable::run, Runnable::run);

    @AfterEach
    void close() {
        viewModel.close();
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        Pulses.until(what, viewModel::pulse, condition, viewModel.lifecycle().statusProperty()::get);
    }

    private CompareSnapshot snapshot() {
        return viewModel.lifecycle().snapshotProperty().get();
    }

    private void trainEpochs(int epochs) throws InterruptedException {
        while (snapshot().epoch() < epochs) {
            long next = snapshot().iteration() + 1;
            viewModel.commands().step();
            await("step " + next, () -> snapshot().iteration() == next);
        }
    }

    @Test
    void buildsTheTwoModelsWhenShownWithTheRareFacesMarkedAndEveryWeightOne() throws InterruptedException {
        viewModel.pulse();
        assertNull(viewModel.builtProperty().get(), "nothing is built before the tab is shown");
        assertTrue(factory.asked.isEmpty());

        viewModel.activate();
        await("ready", () -> viewModel.lifecycle().stateProperty().get() == TrainerState.READY);
        CompareSetup asked = factory.asked.get(0);
        assertEquals("faces:rare=brightness>0.7@0.05", asked.source().datasetSpec());
        assertEquals(List.of("vae", "vae-debias-1"),
                asked.preset().variants().stream().map(v -> v.name()).toList(), "plain first, then debiased");
        assertEquals(1.0, asked.preset().variants().get(DebiasingViewModel.DEBIASED).debias(), 0.0);

        WeightedPoints points = viewModel.pointsProperty().get();
        assertNotNull(points);
        assertEquals(HELD_OUT, points.size());
        boolean[] expected = RareGroup.members(snapshot().variants().get(1).training().probe().attributes());
        assertArrayEquals(expected, points.rare());
        int rare = 0;
        for (boolean r : expected) {
            rare += r ? 1 : 0;
        }
        assertTrue(rare > 0 && rare < 20, rare + " rare faces among 100 held out at a 5 % share");
        for (int i = 0; i < points.size(); i++) {
            assertEquals(1.0, points.weight(i), 0.0, "no histograms before the first epoch");
        }
        assertEquals(0, points.epoch());
        assertTrue(points.caption().endsWith("Every dot the same size: the sampler has no histograms before the first"
                + " epoch."), points.caption());
        assertEquals(0, viewModel.plainErrorsProperty().get().size());
        assertEquals("", viewModel.readoutProperty().get());
    }

    @Test
    void anEpochBringsBothModelsErrorsOfBothGroupsAndTheSamplersWeights() throws InterruptedException {
        viewModel.activate();
        await("ready", () -> viewModel.lifecycle().stateProperty().get() == TrainerState.READY);
        trainEpochs(2);

        CompareSnapshot s = snapshot();
        for (int model : new int[] {DebiasingViewModel.PLAIN, DebiasingViewModel.DEBIASED}) {
            GroupErrors shown = model == 0 ? viewModel.plainErrorsProperty().get()
                    : viewModel.debiasedErrorsProperty().get();
            List<EpochMetrics> epochs = s.variants().get(model).training().epochs();
            assertEquals(2, shown.size(), "one point per epoch, model " + model);
            for (int e = 0; e < 2; e++) {
                assertEquals(e + 1, shown.epoch(e));
                assertEquals(epochs.get(e).rareGroup().rareReconstruction(), shown.rare(e), 0.0);
                assertEquals(epochs.get(e).rareGroup().commonReconstruction(), shown.common(e), 0.0);
                assertTrue(Double.isFinite(shown.rare(e)) && Double.isFinite(shown.common(e)));
            }
        }
        assertNotEquals(viewModel.plainErrorsProperty().get().rare(1), viewModel.debiasedErrorsProperty().get().rare(1),
                "the two models drew other faces in the second epoch");

        // The weights are those of the debiased model's sampler, at its held-out faces' codes.
        TrainingSnapshot debiased = s.variants().get(DebiasingViewModel.DEBIASED).training();
        DebiasingSnapshot debiasing = debiased.debiasing();
        assertNotNull(debiasing.sampling());
        WeightedPoints points = viewModel.pointsProperty().get();
        LatentPoints codes = new LatentPoints(debiased.probe().encoding().means(), debiased.probe().size(),
                debiased.probe().encoding().latentSize());
        double spread = 0;
        for (int i = 0; i < points.size(); i++) {
            assertEquals(debiasing.sampling().relativeWeight(codes, i), points.weight(i), 1e-12);
            spread = Math.max(spread, Math.abs(points.weight(i) - 1));
        }
        assertTrue(spread > 0.05, "the weights are no longer all 1 (largest difference " + spread + ")");
        // Epoch 2 has just ended; epoch 3's histograms are made at its first step, so these are epoch 2's.
        assertEquals(0.0, debiased.epochProgress(), 0.0);
        assertEquals(2, points.epoch());
        assertTrue(points.caption().startsWith("8-D latent space seen on the plane of the means' two principal"
                + " components") && points.caption().endsWith(". Dot sizes from the histograms made at the start of"
                + " epoch 2."), points.caption());
        long next = s.iteration() + 1;
        viewModel.commands().step();
        await("a step into epoch 3", () -> snapshot().iteration() == next);
        assertEquals(3, viewModel.pointsProperty().get().epoch(), "the first step of epoch 3 made its histograms");
        assertTrue(viewModel.readoutProperty().get().startsWith("After epoch 2 · rare group: plain "),
                viewModel.readoutProperty().get());
        assertNull(viewModel.changeQuestion(viewModel.builtProperty().get()), "the same setup loses nothing");
        assertNotNull(viewModel.changeQuestion(viewModel.builtProperty().get().withAlpha(2)));
    }

    @Test
    void aChoiceBeforeTheTabIsShownIsRememberedAndOneAfterItBuildsNewModels() throws InterruptedException {
        DebiasingSetup dark = DebiasingSetup.defaults().withGroup(DebiasingSetup.RareFaces.DARK).withShare(0.1);
        viewModel.choose(dark);
        assertTrue(factory.asked.isEmpty(), "nothing is built before the tab is shown");
        assertTrue(viewModel.lookForProperty().get().contains("less often than their share"),
                viewModel.lookForProperty().get());

        viewModel.activate();
        await("ready", () -> viewModel.builtProperty().get() != null);
        assertEquals("faces:rare=brightness<0.3@0.1", factory.asked.get(0).source().datasetSpec());
        CompareSnapshot first = snapshot();

        viewModel.choose(dark.withAlpha(0.5));
        await("rebuilt", () -> viewModel.builtProperty().get().alpha() == 0.5 && snapshot() != null
                && snapshot() != first);
        assertEquals(2, factory.asked.size());
        assertEquals(0.5, factory.asked.get(1).preset().variants().get(1).debias(), 0.0);
        assertSame(viewModel.chosenProperty().get(), viewModel.builtProperty().get());
    }

    @Test
    void setupsNameTheirDatasetAndRejectWhatCannotBeTrained() {
        DebiasingSetup setup = DebiasingSetup.defaults();
        assertEquals("faces:rare=brightness>0.7@0.05", setup.datasetSpec());
        assertEquals("5 %", DebiasingSetup.percent(0.05));
        assertEquals("10 %", DebiasingSetup.percent(0.10));
        assertEquals("2 %", DebiasingSetup.percent(0.02));
        assertEquals(8, setup.compareSetup().config(28, 28).model().latentSize());
        assertEquals(Likelihood.GAUSSIAN, setup.compareSetup().config(28, 28).model().likelihood());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> setup.withAlpha(0));
        assertTrue(zero.getMessage().contains("α = 0 is the plain VAE"), zero.getMessage());
        IllegalArgumentException share = assertThrows(IllegalArgumentException.class, () -> setup.withShare(1.5));
        assertTrue(share.getMessage().contains("share"), share.getMessage());
    }

    @Test
    void theReadoutGivesTheLastEpochOfBothModels() {
        GroupErrors plain = new GroupErrors(new int[] {1, 2}, new double[] {-1000, -1034.14},
                new double[] {-1010, -1054.3}, new double[] {0.05, 0.05});
        GroupErrors debiased = new GroupErrors(new int[] {1, 2}, new double[] {-1001, -1036.25},
                new double[] {-1009, -1052.4}, new double[] {0.15, 0.162});
        assertEquals("After epoch 2 · rare group: plain -1,034.1, debiased -1,036.3 nats · the others: plain -1,054.3,"
                + " debiased -1,052.4 nats · the debiased model drew the rare group in 16.2 % of its draws (5 % of"
                + " the faces)", DebiasingViewModel.readout(plain, debiased, DebiasingSetup.defaults()));
        assertEquals("", DebiasingViewModel.readout(GroupErrors.NONE, GroupErrors.NONE, DebiasingSetup.defaults()));
    }

    @Test
    void theChartLeavesTheFirstEpochOutOnceThereAreThree() {
        GroupErrors two = new GroupErrors(new int[] {1, 2}, new double[] {-900, -1030}, new double[] {-950, -1040},
                new double[2]);
        assertArrayEquals(new double[] {-1047, -893}, GroupErrors.valueRange(two), 0.0, "both epochs, 5 % padding");
        GroupErrors three = new GroupErrors(new int[] {1, 2, 3}, new double[] {-900, -1030, -1040},
                new double[] {-950, -1040, Double.NaN}, new double[3]);
        assertArrayEquals(new double[] {-1041, -1029}, GroupErrors.valueRange(three), 0.0,
                "epochs 2 and 3, padded by half a nat");
        assertArrayEquals(new double[] {0, 1}, GroupErrors.valueRange(GroupErrors.NONE), 0.0);
    }

    @Test
    void groupErrorsSkipEpochsWithoutARareGroup() {
        EpochMetrics without = new EpochMetrics(1, 10, 5, 4, 1, 4.5, 1.1, 1, 0.1);
        EpochMetrics with = new EpochMetrics(2, 20, 5, 4, 1, 4.5, 1.1, 1, 0.1, List.of(1.0), List.of(1.1),
                new org.latentlab.training.RareGroupMetrics(7.5, 4.25, 0.125));
        GroupErrors errors = GroupErrors.of(List.of(without, with));
        assertArrayEquals(new int[] {2}, errors.epochs());
        assertArrayEquals(new double[] {7.5}, errors.rare(), 0.0);
        assertArrayEquals(new double[] {4.25}, errors.common(), 0.0);
        assertArrayEquals(new double[] {0.125}, errors.rareShare(), 0.0);
        assertFalse(errors.size() == 0);
    }
}
