package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
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
        return trainedSession(new ModelConfig(ModelKind.VAE, 4, 4, List.of(12, 6), 3, Activation.ELU,
                Likelihood.BERNOULLI, 0.1, 8));
    }

    /** {@code config} trained for two epochs of 96 bars, batch 32, β warmed up over 7 iterations. */
    static TrainingSession trainedSession(ModelConfig config) {
        Dataset training = TrainerTest.bars(96, 1);
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
        Path cut = Files.write(folder.resolve("cut.latentlab"), Arrays.copyOf(bytes, bytes.length / 2));
        RunFileException e = assertThrows(RunFileException.class, () -> RunFile.load(cut));
        assertTrue(e.getMessage().startsWith(cut + " is damaged or not a Latent Lab model file: it is not a complete"
                + " zip file ("), e.getMessage());
    }

    // ---- damaged and foreign files ----------------------------------------------------------------

    /** A saved run's entries, by name, to change and write back as a zip. */
    private Map<String, byte[]> savedEntries() throws IOException {
        Path file = folder.resolve("good.latentlab");
        RunFile.save(trainedSession().toSavedRun("bars"), file);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = folder.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** The saved run with one line of {@code run.properties} changed. */
    private Path withProperty(String key, String value) throws IOException {
        Map<String, byte[]> entries = savedEntries();
        String properties = new String(entries.get("run.properties"), StandardCharsets.UTF_8);
        String changed = properties.replaceAll("(?m)^" + key + "=.*$", key + "=" + value);
        assertTrue(!changed.equals(properties), key + " is in the file");
        entries.put("run.properties", changed.getBytes(StandardCharsets.UTF_8));
        return zip(key + ".latentlab", entries);
    }

    private static void assertDamaged(Path file, String problem) {
        RunFileException e = assertThrows(RunFileException.class, () -> RunFile.load(file));
        assertEquals(file + " is damaged: " + problem, e.getMessage());
    }

    @Test
    void imagesLargerThanAnyModelReadsAreRefusedBeforeAnythingIsAllocated() throws IOException {
        assertDamaged(withProperty("model.imageWidth", "100000"),
                "image size must be between 1×1 and 4096×4096 pixels, got 100000×4");
        assertDamaged(withProperty("model.imageHeight", "-4"),
                "image size must be between 1×1 and 4096×4096 pixels, got 4×-4");
    }

    @Test
    void aNetworkTooLargeToHoldIsRefused() throws IOException {
        Path file = withProperty("model.hiddenSizes", "4096,4096,4096,4096,4096");
        assertDamaged(file, "a network of 16-4096-4096-4096-4096-4096-3 would have 134,426,646 weights and biases,"
                + " more than the 100,000,000 Latent Lab can hold");
    }

    @Test
    void weightsOfTheWrongLengthAreRefusedWithoutReadingThem() throws IOException {
        Map<String, byte[]> entries = savedEntries();
        entries.put("parameters.f32", new byte[4 * 10]);
        assertDamaged(zip("short.latentlab", entries),
                "parameters.f32 holds 40 bytes, but the network it describes has 640 weights and biases (2560 bytes)");
    }

    @Test
    void weightsThatAreNotFiniteNumbersAreRefused() throws IOException {
        Map<String, byte[]> entries = savedEntries();
        byte[] parameters = entries.get("parameters.f32").clone();
        ByteBuffer.wrap(parameters).order(ByteOrder.LITTLE_ENDIAN).putFloat(4 * 17, Float.NaN);
        entries.put("parameters.f32", parameters);
        assertDamaged(zip("nan.latentlab", entries),
                "parameters.f32 holds a value that is not a finite number (NaN at position 17)");
        byte[] optimizer = entries.get("optimizer.f32").clone();
        ByteBuffer.wrap(optimizer).order(ByteOrder.LITTLE_ENDIAN).putFloat(4 * 3, Float.POSITIVE_INFINITY);
        entries.put("parameters.f32", savedEntries().get("parameters.f32"));
        entries.put("optimizer.f32", optimizer);
        assertDamaged(zip("infinite.latentlab", entries),
                "optimizer.f32 holds a value that is not a finite number (Infinity at position 3)");
    }

    @Test
    void aStepCountBeyondTheHistoryIsRefused() throws IOException {
        assertDamaged(withProperty("state.steps", "999"),
                "its model has taken 999 steps but its history holds only 6 iterations");
        assertDamaged(withProperty("state.steps", "-1"), "step count must be ≥ 0, got -1");
    }

    @Test
    void aHistoryLongerThanTheModelsStepsIsCutBackToThem() throws IOException {
        // Files saved after a divergence by earlier versions: the weights had gone back, the history had not.
        SavedRun run = RunFile.load(withProperty("state.steps", "4"));
        assertEquals(4, run.iterations().size());
        assertEquals(1, run.epochs().size(), "the second epoch ended at iteration 6, after the model's steps");
        assertEquals(4, run.state().steps());
    }

    @Test
    void aForeignZipWithAHugeEntryIsReadNoFurtherThanTheRunNeeds() throws IOException {
        Map<String, byte[]> entries = savedEntries();
        entries.put("parameters.f32", new byte[300 << 20]); // 300 MB of zeros, compressed to a few hundred KB
        Path foreign = zip("huge.latentlab", entries);
        long before = allocatedBytes();
        assertThrows(RunFileException.class, () -> RunFile.load(foreign));
        long allocated = allocatedBytes() - before;
        assertTrue(allocated < (20 << 20), "loading allocated " + (allocated >> 20) + " MB");
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void aRunFileWithoutTheScheduleStartStartedItAtZero() throws IOException {
        Map<String, byte[]> entries = savedEntries();
        String properties = new String(entries.get("run.properties"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^training.betaScheduleStart=.*$", "");
        entries.put("run.properties", properties.getBytes(StandardCharsets.UTF_8));
        BetaSchedule schedule = RunFile.load(zip("old.latentlab", entries)).trainingConfig().beta();
        assertEquals(new BetaSchedule.LinearWarmup(0.5, 7, 0), schedule);
    }
}
