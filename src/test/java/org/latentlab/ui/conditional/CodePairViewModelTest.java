package org.latentlab.ui.conditional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.ClassFromCode;
import org.latentlab.training.CodeComparison;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.scatter.ScatterPoints;

/**
 * The pair of scatters of the Conditional tab: when a pair is asked for (only while the tab is
 * shown, after each epoch while training, at a new step once stopped), and what it shows: both
 * sets of codes as points of their classes, each accuracy and chance as percentages.
 */
class CodePairViewModelTest {

    private static final ModelConfig CVAE = TestDatasets.smallModel(ModelKind.VAE, 2).withConditionClasses(2);
    private static final int[] LABELS = {0, 1, 1, 0};

    private final List<CompletableFuture<CodeComparison>> asked = new ArrayList<>();
    private final CodePairViewModel viewModel = new CodePairViewModel(() -> {
        CompletableFuture<CodeComparison> pair = new CompletableFuture<>();
        asked.add(pair);
        return pair;
    });

    private static TrainingSnapshot snapshot(ModelConfig config, TrainerState state, long iteration, int epoch) {
        LatentModel model = LatentModel.create(config);
        Encoding codes = new Encoding(new float[8], new float[8], 4, 2);
        ProbeSet probe = new ProbeSet(codes, new float[4 * 16], 4, 4, LABELS, List.of("row", "column"));
        return new TrainingSnapshot(state, null, config, iteration, epoch, 0, 1, 1e-3, 0,
                new IterationHistory().view(), List.of(), probe, new double[2], 2, model.decoderWeights());
    }

    private static CodeComparison pair(long iteration) {
        Encoding conditional = new Encoding(new float[] {0.5f, -1, 0.4f, -1.1f, -0.2f, 0.3f, 0.1f, 0.2f}, null, 4, 2);
        Encoding plain = new Encoding(new float[] {-2, 0, 2, 0.5f, 2.1f, -0.5f, -1.9f, 0.1f}, null, 4, 2);
        return new CodeComparison(new ClassFromCode.Reading(conditional, 0.21), new ClassFromCode.Reading(plain, 0.541),
                LABELS, List.of("row", "column"), 0.5, iteration, CVAE.withConditionClasses(0));
    }

    @Test
    void aPairIsAskedForOnlyWhileTheTabIsShownAndShowsBothCodesAndTheirAccuracies() {
        viewModel.update(snapshot(CVAE, TrainerState.PAUSED, 0, 0));
        viewModel.shownProperty().set(true);
        viewModel.chosenProperty().set(true);
        assertEquals(0, asked.size(), "an untrained model has nothing to compare");
        assertEquals(CodePairViewModel.NOT_YET, viewModel.statusProperty().get());

        viewModel.shownProperty().set(false);
        viewModel.update(snapshot(CVAE, TrainerState.PAUSED, 142, 2));
        assertEquals(0, asked.size(), "not while the tab is hidden");
        viewModel.chosenProperty().set(false);
        viewModel.shownProperty().set(true);
        assertEquals(0, asked.size(), "not while the tab shows the grid");
        viewModel.chosenProperty().set(true);
        assertEquals(1, asked.size());
        assertTrue(viewModel.statusProperty().get().contains("step 142"), viewModel.statusProperty().get());
        viewModel.pulse();
        assertNull(viewModel.plainPointsProperty().get(), "nothing until the pair is done");

        asked.get(0).complete(pair(142));
        viewModel.pulse();
        ScatterPoints plain = viewModel.plainPointsProperty().get();
        ScatterPoints conditional = viewModel.conditionalPointsProperty().get();
        assertArrayEquals(new float[] {-2, 2, 2.1f, -1.9f}, plain.xs(), 0f);
        assertArrayEquals(new float[] {0, 0.5f, -0.5f, 0.1f}, plain.ys(), 0f);
        assertArrayEquals(new float[] {0.5f, 0.4f, -0.2f, 0.1f}, conditional.xs(), 0f);
        assertArrayEquals(LABELS, plain.labels());
        assertArrayEquals(LABELS, conditional.labels());
        assertEquals(3.2, viewModel.viewportProperty().get().halfSpan(), 0, "the prior's ±3σ reach the codes");
        assertEquals("class from z: 54.1 %", viewModel.plainReadoutProperty().get());
        assertEquals("class from z: 21.0 %", viewModel.conditionalReadoutProperty().get());
        assertEquals("4 held-out images; chance 50.0 %. Both 16-16-2, 142 steps, same batches.",
                viewModel.statusProperty().get());
        viewModel.pulse();
        assertEquals(1, asked.size(), "the same step is not read twice");
    }

    @Test
    void whileTrainingANewPairFollowsEachEpochAndANewModelClearsIt() {
        viewModel.shownProperty().set(true);
        viewModel.chosenProperty().set(true);
        viewModel.update(snapshot(CVAE, TrainerState.RUNNING, 10, 0));
        asked.get(0).complete(pair(10));
        viewModel.pulse();
        viewModel.update(snapshot(CVAE, TrainerState.RUNNING, 40, 0));
        viewModel.pulse();
        assertEquals(1, asked.size(), "within the epoch");
        viewModel.update(snapshot(CVAE, TrainerState.RUNNING, 75, 1));
        assertEquals(2, asked.size(), "a new epoch");
        viewModel.update(snapshot(CVAE, TrainerState.PAUSED, 80, 1));
        assertEquals(2, asked.size(), "one pair at a time");
        asked.get(1).completeExceptionally(new IllegalStateException("the trainer has stopped"));
        viewModel.pulse();
        assertEquals(3, asked.size(), "stopped at a step not yet read: read again");
        asked.get(2).complete(pair(80));
        viewModel.pulse();

        viewModel.update(snapshot(CVAE, TrainerState.READY, 0, 0));
        assertNull(viewModel.plainPointsProperty().get(), "a reset model starts again");
        assertEquals(CodePairViewModel.NOT_YET, viewModel.statusProperty().get());
        viewModel.update(snapshot(TestDatasets.smallModel(ModelKind.VAE, 2), TrainerState.PAUSED, 300, 4));
        assertEquals(3, asked.size(), "a plain VAE has no twin");
        assertNull(viewModel.comparisonProperty().get());
    }

    @Test
    void aFailedPairSaysWhy() {
        viewModel.shownProperty().set(true);
        viewModel.chosenProperty().set(true);
        viewModel.update(snapshot(CVAE, TrainerState.PAUSED, 5, 0));
        asked.get(0).completeExceptionally(new IllegalStateException("the plain VAE's loss was not finite at step 3"));
        viewModel.pulse();
        assertTrue(viewModel.statusProperty().get().startsWith("The codes could not be compared: "),
                viewModel.statusProperty().get());
        assertTrue(viewModel.statusProperty().get().contains("not finite at step 3"));
        assertEquals(1, asked.size(), "not asked again at the same step");
    }
}
