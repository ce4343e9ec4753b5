package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.model.Activation;
import org.latentlab.model.DecoderStd;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/**
 * Run files of the hierarchical VAE (format version 2), of debiased training (3), of the conditional
 * VAE and the learned decoder σ (4), and older files read as before.
 */
class RunFileVersionsTest {

    @TempDir
    Path folder;

    /**
     * Written by the code of main at 4881c2c (format version 1): a VAE 16-6-2 on bars, two epochs of
     * two steps. The numbers below are what that code printed for it when it wrote the file.
     */
    private static Path versionOneFile() throws URISyntaxException {
        return Path.of(RunFileVersionsTest.class.getResource("run-version-1.latentlab").toURI());
    }

    @Test
    void aVersionOneFileOpensExactlyAsBefore() throws Exception {
        SavedRun run = RunFile.load(versionOneFile());
        assertEquals(new ModelConfig(ModelKind.VAE, 4, 4, List.of(6), 2, Activation.ELU, Likelihood.BERNOULLI, 0.1, 8),
                run.modelConfig());
        assertEquals(0, run.modelConfig().upperLatentSize());
        assertEquals(4, run.state().steps());
        assertEquals(4, run.iterations().size());
        assertEquals(1, run.iterations().levels());
        assertEquals(run.iterations().kl(2), run.iterations().levelKl(0, 2), 0f);
        assertEquals(2, run.epochs().size());
        EpochMetrics second = run.epochs().get(1);
        assertEquals(11.142728, second.validationReconstruction(), 1e-6);
        assertEquals(0.100040, second.validationKl(), 1e-6);
        assertEquals(List.of(second.validationKl()), second.validationKlByLevel());

        LatentModel model = LatentModel.create(run.modelConfig());
        model.restore(run.state());
        float[] decoded = model.decode(new float[] {0.5f, -1f, 2f, 0f}, 2);
        assertEquals(0.5338806f, decoded[0], 1e-6f);
        assertEquals(0.72304314f, decoded[27], 1e-6f);
        assertEquals(0.4158301f, decoded[31], 1e-6f);
    }

    /**
     * Written by the code of main at 4b55688 (format version 2): a hierarchical VAE 16-6-3,2 with a
     * Gaussian decoder of σ 0.2 on bars, two epochs of three steps. The numbers below are what that
     * code printed for it when it wrote the file.
     */
    @Test
    void aVersionTwoFileOpensExactlyAsBefore() throws Exception {
        SavedRun run = RunFile.load(Path.of(RunFileVersionsTest.class.getResource("run-version-2.latentlab").toURI()));
        assertEquals(new ModelConfig(ModelKind.HVAE, 4, 4, List.of(6), 3, Activation.ELU, Likelihood.GAUSSIAN, 0.2, 8, 2),
                run.modelConfig());
        assertEquals(DecoderVariance.FIXED, run.modelConfig().decoderVariance());
        assertEquals(0, run.modelConfig().conditionClasses());
        assertEquals(6, run.iterations().size());
        assertEquals(0.177634f, run.iterations().levelKl(0, 5), 1e-6f);
        assertEquals(0.105485f, run.iterations().levelKl(1, 5), 1e-6f);
        EpochMetrics second = run.epochs().get(1);
        assertEquals(83.793985, second.validationReconstruction(), 1e-6);
        assertEquals(List.of(0.137624, 0.115489), second.validationKlByLevel());

        LatentModel model = LatentModel.create(run.modelConfig());
        model.restore(run.state());
        float[] decoded = model.decode(new float[] {0.5f, -1f, 2f, 0f}, 2);
        assertEquals(0.14016348f, decoded[0], 1e-6f);
        assertEquals(0.23286274f, decoded[20], 1e-6f);
    }

    /** A conditional VAE on bars (2 classes) whose Gaussian decoder learns a σ per pixel. */
    private static TrainingSession conditionalSession() {
        return RunFileTest.trainedSession(new ModelConfig(ModelKind.CVAE, 4, 4, List.of(12, 6), 2, Activation.ELU,
                Likelihood.GAUSSIAN, 0.3, 8, 0, 2, DecoderVariance.LEARNED_PER_PIXEL));
    }

    @Test
    void aConditionalRunWithALearnedStdLoadsBackToIdenticalOutputsAndItsStdHistory() throws IOException {
        TrainingSession session = conditionalSession();
        Path file = folder.resolve(RunFile.FILE_NAME);
        RunFile.save(session.toSavedRun("bars"), file);
        String properties = properties(file);
        assertTrue(properties.contains("version=5") && properties.contains("model.conditionClasses=2")
                && properties.contains("model.decoderVariance=learned-per-pixel"), properties);
        assertEquals(HistoryCsv.ITERATION_HEADER + ",decoder_std_mean,decoder_std_min,decoder_std_max",
                entry(file, "iterations.csv").lines().findFirst().orElseThrow());

        SavedRun loaded = RunFile.load(file);
        assertEquals(session.model().config(), loaded.modelConfig());
        LatentModel restored = LatentModel.create(loaded.modelConfig());
        restored.restore(loaded.state());
        float[] images = session.validation().pixels(5);
        int[] labels = session.validation().labels(5);
        assertArrayEquals(session.model().encode(images, labels, 5).means(), restored.encode(images, labels, 5).means(), 0f);
        float[] z = {0.5f, -1f, 2f, 0f};
        int[] classes = {1, 0};
        assertArrayEquals(session.model().decode(z, classes, 2), restored.decode(z, classes, 2), 0f);
        assertArrayEquals(session.model().decoderWeights().pixelStds(), restored.decoderWeights().pixelStds(), 0f);

        IterationHistory.View before = session.history();
        IterationHistory.View after = loaded.iterations();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.decoderStd(i).mean(), after.decoderStd(i).mean(), 1e-6);
            assertEquals(before.decoderStd(i).min(), after.decoderStd(i).min(), 1e-6);
            assertEquals(before.decoderStd(i).max(), after.decoderStd(i).max(), 1e-6);
        }
        DecoderStd last = restored.decoderStd();
        assertEquals(last.mean(), after.decoderStd(after.size() - 1).mean(), 1e-6);
        assertTrue(last.min() < last.max() && last.min() != 0.3, "σ did not move from 0.3, pixel by pixel: " + last);
    }

    @Test
    void aSharedLearnedStdIsOneColumnAndResumingGoesOnFromItsHistory() throws IOException {
        TrainingSession session = RunFileTest.trainedSession(new ModelConfig(ModelKind.VAE, 4, 4, List.of(6), 2,
                Activation.ELU, Likelihood.GAUSSIAN, 0.3, 8, 0, 0, DecoderVariance.LEARNED));
        Path file = folder.resolve(RunFile.FILE_NAME);
        RunFile.save(session.toSavedRun("bars"), file);
        assertEquals(HistoryCsv.ITERATION_HEADER + ",decoder_std",
                entry(file, "iterations.csv").lines().findFirst().orElseThrow());
        assertFalse(properties(file).contains("conditionClasses"), properties(file));
        SavedRun loaded = RunFile.load(file);
        TrainingSession resumed = TrainingSession.resume(session.training(), session.validation(), loaded);
        resumed.runEpoch();
        IterationHistory.View history = resumed.history();
        assertEquals(session.history().decoderStd(3).mean(), history.decoderStd(3).mean(), 1e-6);
        assertTrue(history.decoderStd(history.size() - 1).isShared());
        assertEquals(resumed.model().decoderStd().mean(), history.decoderStd(history.size() - 1).mean(), 1e-6);
    }

    private static TrainingSession hierarchicalSession() {
        return RunFileTest.trainedSession(new ModelConfig(ModelKind.HVAE, 4, 4, List.of(12, 6), 3, Activation.ELU,
                Likelihood.BERNOULLI, 0.1, 8, 2));
    }

    @Test
    void aHierarchicalRunLoadsBackToAModelWithIdenticalOutputsAndItsKlByLevel() throws IOException {
        TrainingSession session = hierarchicalSession();
        Path file = folder.resolve(RunFile.FILE_NAME);
        RunFile.save(session.toSavedRun("bars"), file);
        assertTrue(properties(file).contains("model.upperLatentSize=2"), properties(file));
        assertTrue(properties(file).contains("version=5"), properties(file));
        assertFalse(properties(file).contains("conditionClasses") || properties(file).contains("decoderVariance"),
                properties(file));

        SavedRun loaded = RunFile.load(file);
        assertEquals(session.model().config(), loaded.modelConfig());
        LatentModel restored = LatentModel.create(loaded.modelConfig());
        restored.restore(loaded.state());
        float[] images = session.validation().pixels(5);
        List<Encoding> before = session.model().encodeLevels(images, 5);
        List<Encoding> after = restored.encodeLevels(images, 5);
        for (int level = 0; level < 2; level++) {
            assertArrayEquals(before.get(level).means(), after.get(level).means(), 0f);
            assertArrayEquals(before.get(level).logVariances(), after.get(level).logVariances(), 0f);
        }
        float[] z2 = {0.5f, -1f, 2f, 0f};
        assertArrayEquals(session.model().decode(z2, 2), restored.decode(z2, 2), 0f);

        assertEquals(2, loaded.iterations().levels());
        for (int i = 0; i < loaded.iterations().size(); i++) {
            assertEquals(session.history().levelKl(0, i), loaded.iterations().levelKl(0, i), 1e-5f);
            assertEquals(session.history().levelKl(1, i), loaded.iterations().levelKl(1, i), 1e-5f);
        }
        EpochMetrics saved = session.epochs().get(1);
        EpochMetrics read = loaded.epochs().get(1);
        assertEquals(saved.validationKlByLevel().get(0), read.validationKlByLevel().get(0), 1e-6);
        assertEquals(saved.validationKlByLevel().get(1), read.validationKlByLevel().get(1), 1e-6);
        assertEquals(saved.trainingKlByLevel().get(1), read.trainingKlByLevel().get(1), 1e-6);
        assertEquals(saved.validationKl(), saved.validationKlByLevel().get(0) + saved.validationKlByLevel().get(1), 1e-9);
    }

    @Test
    void aSingleLevelRunGetsNoNewKeyNorNewColumns() throws IOException {
        Path file = folder.resolve(RunFile.FILE_NAME);
        ModelConfig config = new ModelConfig(ModelKind.VAE, 4, 4, List.of(6), 2, Activation.ELU, Likelihood.BERNOULLI,
                0.1, 8);
        TrainingConfig training = new TrainingConfig(2e-3, 32, 1, new BetaSchedule.Constant(1), LossTerms.COMBINED, 4);
        TrainingSession session = new TrainingSession(TrainerTest.bars(64, 1), TrainerTest.bars(8, 2), config, training);
        session.runEpoch();
        RunFile.save(session.toSavedRun("bars"), file);
        assertFalse(properties(file).contains("upperLatentSize"), properties(file));
        assertEquals(HistoryCsv.EPOCH_HEADER, entry(file, "epochs.csv").lines().findFirst().orElseThrow());
        assertEquals(HistoryCsv.ITERATION_HEADER, entry(file, "iterations.csv").lines().findFirst().orElseThrow());
    }

    @Test
    void aHierarchicalRunsHistoriesCarryEachLevelsKl() throws IOException {
        Path file = folder.resolve(RunFile.FILE_NAME);
        RunFile.save(hierarchicalSession().toSavedRun("bars"), file);
        assertEquals(HistoryCsv.EPOCH_HEADER + ",train_kl_z1,train_kl_z2,validation_kl_z1,validation_kl_z2",
                entry(file, "epochs.csv").lines().findFirst().orElseThrow());
        assertEquals(HistoryCsv.ITERATION_HEADER + ",kl_z1,kl_z2",
                entry(file, "iterations.csv").lines().findFirst().orElseThrow());
    }

    private static String properties(Path file) throws IOException {
        return entry(file, "run.properties");
    }

    private static String entry(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
