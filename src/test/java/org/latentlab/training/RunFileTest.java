package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.Dataset;
import org.latentlab.model.Activation;
import org.latentlab.model.DenseAutoencoder;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

class RunFileTest {

    @TempDir
    Path folder;

    private static TrainingSession trainedSession() {
        Dataset training = TrainerTest.bars(96, 1);
        ModelConfig config = new ModelConfig(ModelKind.VAE, 4, 4, List.of(12, 6), 3, Activation.ELU,
                Likelihood.BERNOULLI, 0.1, 8);
        TrainingConfig trainingConfig = new TrainingConfig(2e-3, 32, 2, new BetaSchedule.LinearWarmup(0.5, 7),
                LossTerms.COMBINED, 4);
        TrainingSession session = new TrainingSession(training, TrainerTest.bars(20, 2), config, trainingConfig);
        session.runEpoch();
        session.runEpoch();
        return session;
    }

    @Test
    void savedRunLoadsBackToAModelWithIdenticalOutputs() throws IOException {
        TrainingSession session = trainedSession();
        Path file = folder.resolve(RunFile.FILE_NAME);
        RunFile.save(session.toSavedRun("bars"), file);

        SavedRun loaded = RunFile.load(file);
        assertEquals(session.model().config(), loaded.modelConfig());
        assertEquals(session.config().withEpochs(2), loaded.trainingConfig());
        assertEquals("bars", loaded.datasetSpec());
        assertEquals(session.epochs().size(), loaded.epochs().size());
        assertEquals(session.epochs().get(1).validationNegativeElbo(),
                loaded.epochs().get(1).validationNegativeElbo(), 1e-5);
        assertEquals(session.history().size(), loaded.iterations().size());
        assertEquals(session.history().kl(4), loaded.iterations().kl(4), 1e-5f);

        DenseAutoencoder restored = new DenseAutoencoder(loaded.modelConfig());
        restored.restore(loaded.state());
        float[] images = new float[5 * 16];
        for (int i = 0; i < 5; i++) {
            session.validation().copyImage(i, images, i * 16);
        }
        assertArrayEquals(session.model().encode(images, 5).means(), restored.encode(images, 5).means(), 0f);
        float[] z = {0.5f, -1f, 2f, 0f, 0f, 0f};
        assertArrayEquals(session.model().decode(z, 2), restored.decode(z, 2), 0f);
        assertEquals(session.model().steps(), restored.steps());
    }

    @Test
    void savingLeavesNoTemporaryFileAndReplacesTheOldRun() throws IOException {
        TrainingSession session = trainedSession();
        Path file = folder.resolve(RunFile.FILE_NAME);
        Files.writeString(file, "an older run");
        RunFile.save(session.toSavedRun("bars"), file);
        try (var entries = Files.list(folder)) {
            assertEquals(List.of(file), entries.toList());
        }
        assertEquals(2, RunFile.load(file).epochs().size());
    }

    @Test
    void unreadableFilesAreNamedInTheMessage() throws IOException {
        Path text = Files.writeString(folder.resolve("notes.latentlab"), "not a zip at all");
        RunFileException notZip = assertThrows(RunFileException.class, () -> RunFile.load(text));
        assertTrue(notZip.getMessage().contains("notes.latentlab"), notZip.getMessage());
        assertTrue(notZip.getMessage().contains("not a Latent Lab model file"), notZip.getMessage());

        RunFileException missing = assertThrows(RunFileException.class,
                () -> RunFile.load(folder.resolve("absent.latentlab")));
        assertTrue(missing.getMessage().contains("absent.latentlab: no such file"), missing.getMessage());
    }

    @Test
    void truncatedFileIsReportedAsDamaged() throws IOException {
        Path file = folder.resolve(RunFile.FILE_NAME);
        RunFile.save(trainedSession().toSavedRun("bars"), file);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = Files.write(folder.resolve("cut.latentlab"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        RunFileException e = assertThrows(RunFileException.class, () -> RunFile.load(cut));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
    }
}
