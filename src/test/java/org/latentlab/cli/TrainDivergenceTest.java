package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.TestDatasets;
import org.latentlab.model.ModelKind;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.CompareVariant;
import org.latentlab.training.FailingModel;
import org.latentlab.training.LossTerms;
import org.latentlab.training.RunFile;
import org.latentlab.training.SavedRun;
import org.latentlab.training.TrainingConfig;
import org.latentlab.training.TrainingSession;

/**
 * When training diverges, {@code train} keeps the model it saved after the last good epoch (or
 * saves nothing) and says exactly what happened; it never saves the model it had when it failed.
 */
class TrainDivergenceTest {

    @TempDir
    Path folder;

    /** 64 images in batches of 16: 4 iterations per epoch. */
    private static final TrainingConfig CONFIG = new TrainingConfig(1e-3, 16, 3, new BetaSchedule.Constant(1),
            LossTerms.COMBINED, 3);

    private static TrainingSession failingFrom(int step) {
        return FailingModel.session(TestDatasets.bars(64, 1), TestDatasets.bars(20, 2),
                TestDatasets.smallModel(ModelKind.VAE, 2), CONFIG, step);
    }

    @Test
    void aRunThatDivergesInItsSecondEpochKeepsTheModelSavedAfterTheFirst() {
        Path out = folder.resolve("run");
        StringWriter console = new StringWriter();
        LatentLabCommand.CommandFailure failure = assertThrows(LatentLabCommand.CommandFailure.class,
                () -> TrainCommand.trainAndSave(failingFrom(7), out, "bars", new PrintWriter(console)));
        SavedRun saved = RunFile.load(out.resolve(RunFile.FILE_NAME));
        assertEquals(1, saved.epochs().size());
        assertEquals(4, saved.iterations().size());
        assertEquals(4, saved.state().steps());
        assertEquals("training diverged at iteration 7, in epoch 2: the loss became NaN (not a number). The model"
                + " saved after epoch 1 (iteration 4) in " + out + " is the last good one; nothing after it was saved."
                + " Try a lower --lr.", failure.getMessage());
    }

    @Test
    void aRunThatDivergesInItsFirstEpochSavesNothing() {
        Path out = folder.resolve("run");
        LatentLabCommand.CommandFailure failure = assertThrows(LatentLabCommand.CommandFailure.class,
                () -> TrainCommand.trainAndSave(failingFrom(3), out, "bars", new PrintWriter(new StringWriter())));
        assertFalse(Files.exists(out.resolve(RunFile.FILE_NAME)));
        assertEquals("training diverged at iteration 3, in epoch 1: the loss became NaN (not a number). No model was"
                + " saved in " + out + ": the first epoch did not end. Try a lower --lr.", failure.getMessage());
    }

    @Test
    void aComparisonWhoseModelDivergesKeepsEveryModelSavedAfterTheLastEpochTheyAllFinished() {
        Path out = folder.resolve("compare");
        TrainingSession healthy = new TrainingSession(TestDatasets.bars(64, 1), TestDatasets.bars(20, 2),
                TestDatasets.smallModel(ModelKind.VAE, 2), CONFIG);
        List<CompareVariant> variants = List.of(CompareVariant.vae(1),
                new CompareVariant("failing", ModelKind.VAE, LossTerms.COMBINED, 1));
        CompareTraining training = new CompareTraining(new PrintWriter(new StringWriter()), out, "bars");
        LatentLabCommand.CommandFailure failure = assertThrows(LatentLabCommand.CommandFailure.class,
                () -> training.trainAndSave(variants, List.of(healthy, failingFrom(7)), 3));
        for (CompareVariant variant : variants) {
            SavedRun saved = RunFile.load(out.resolve(variant.name()).resolve(RunFile.FILE_NAME));
            assertEquals(1, saved.epochs().size(), variant.name());
            assertEquals(4, saved.state().steps(), variant.name());
        }
        assertEquals("'failing': training diverged at iteration 7, in epoch 2: the loss became NaN (not a number)."
                + " The model saved after epoch 1 (iteration 4) in " + out.resolve("failing") + " is the last good one;"
                + " nothing after it was saved. The other models too were last saved after epoch 1. Try a lower --lr.",
                failure.getMessage());
    }
}
