package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.model.Activation;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.ModelState;

/**
 * The ready form of a run (docs/decisions/0091): saved without Adam's moments and timeline, read
 * back with Adam restarted, while a user's save keeps both as before.
 */
class ReadyRunFormTest {

    private static final double LEARNING_RATE = 2e-3; // RunFileTest.trainedSession's

    @TempDir
    Path folder;

    private static TrainingSession trainedSession() {
        return RunFileTest.trainedSession(new ModelConfig(ModelKind.VAE, 4, 4, List.of(12, 6), 3, Activation.ELU,
                Likelihood.BERNOULLI, 0.1, 8));
    }

    private static List<String> entryNames(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    private static String properties(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry("run.properties"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aReadyRunKeepsTheWeightsAndHistoriesButNeitherAdamsMomentsNorTheTimeline() throws IOException {
        TrainingSession session = trainedSession();
        ExecutorService worker = TimelineRecorder.newWorker();
        try {
            session.recordTimeline(worker);
            session.recordTimelineNow();
            session.awaitTimeline();
        } finally {
            worker.shutdown();
        }
        SavedRun run = session.toSavedRun("bars");
        assertFalse(run.timeline().isEmpty());
        Path ready = folder.resolve("ready.latentlab");
        RunFile.save(ReadyRunFiles.ready(run), ready);

        assertEquals(List.of("run.properties", "parameters.f32", "epochs.csv", "iterations.csv"), entryNames(ready));
        assertTrue(properties(ready).contains("state.steps=6\n") && properties(ready).contains("state.optimizerSteps=0\n"),
                properties(ready));
        SavedRun loaded = RunFile.load(ready);
        assertArrayEquals(run.state().parameters(), loaded.state().parameters(), 0f);
        assertArrayEquals(new float[run.state().optimizerState().length], loaded.state().optimizerState(), 0f);
        assertEquals(6, loaded.state().steps());
        assertEquals(0, loaded.state().optimizerSteps());
        assertEquals(run.epochs().get(1).validationNegativeElbo(), loaded.epochs().get(1).validationNegativeElbo(), 1e-5);
        assertEquals(6, loaded.iterations().size());
        assertTrue(loaded.timeline().isEmpty());
    }

    @Test
    void aUsersSaveStillHoldsAdamsMomentsAndTheirStepCountIsTheModels() throws IOException {
        SavedRun run = trainedSession().toSavedRun("bars");
        Path file = folder.resolve("mine.latentlab");
        RunFile.save(run, file);
        assertTrue(entryNames(file).contains("optimizer.f32"));
        assertFalse(properties(file).contains("state.optimizerSteps"), properties(file));
        ModelState loaded = RunFile.load(file).state();
        assertArrayEquals(run.state().optimizerState(), loaded.optimizerState(), 0f);
        assertEquals(6, loaded.optimizerSteps());

        TrainingSession untrained = new TrainingSession(TrainerTest.bars(96, 1), TrainerTest.bars(20, 2),
                run.modelConfig(), TrainingConfig.defaults(1, 4));
        Path fresh = folder.resolve("fresh.latentlab");
        RunFile.save(untrained.toSavedRun("bars"), fresh);
        assertTrue(entryNames(fresh).contains("optimizer.f32"), "an untrained model's moments are not dropped ones");
    }

    /**
     * Adam's first step moves every weight by the learning rate (m̂ / √v̂ = g / |g|). Had the moments
     * been zeroed with Adam's step count going on, its bias correction would have made that step
     * about half as large (t = 7) and later ones several times larger.
     */
    @Test
    void trainingOnFromAReadyRunRestartsAdamSoItsFirstStepIsAdamsFirst() throws IOException {
        TrainingSession session = trainedSession();
        Path ready = folder.resolve("ready.latentlab");
        RunFile.save(ReadyRunFiles.ready(session.toSavedRun("bars")), ready);
        TrainingSession resumed = TrainingSession.resume(session.training(), session.validation(), RunFile.load(ready));
        float[] before = resumed.model().state().parameters();
        resumed.step();
        ModelState after = resumed.model().state();
        float[] moved = after.parameters();
        int byTheLearningRate = 0;
        for (int i = 0; i < before.length; i++) {
            double step = Math.abs(moved[i] - before[i]);
            assertTrue(step <= LEARNING_RATE * (1 + 1e-3), "weight " + i + " moved by " + step);
            if (Math.abs(step - LEARNING_RATE) < 1e-6) {
                byTheLearningRate++;
            }
        }
        assertTrue(byTheLearningRate >= 0.9 * before.length, byTheLearningRate + " of " + before.length);
        assertEquals(7, after.steps());
        assertEquals(1, after.optimizerSteps());
        assertEquals(7, resumed.history().size());

        Path continued = folder.resolve("continued.latentlab");
        RunFile.save(resumed.toSavedRun("bars"), continued);
        assertTrue(properties(continued).contains("state.optimizerSteps=1\n"), properties(continued));
        assertEquals(1, RunFile.load(continued).state().optimizerSteps());
    }

    @Test
    void aFileWhoseAdamStepCountDoesNotFitIsDamaged() throws IOException {
        Path ready = folder.resolve("ready.latentlab");
        RunFile.save(ReadyRunFiles.ready(trainedSession().toSavedRun("bars")), ready);
        Path claiming = withProperties(ready, "state.optimizerSteps=0", "state.optimizerSteps=6");
        RunFileException e = assertThrows(RunFileException.class, () -> RunFile.load(claiming));
        assertEquals(claiming + " is damaged: state.optimizerSteps says Adam's moments have averaged 6 steps, but the"
                + " file holds no optimizer.f32", e.getMessage());

        Path mine = folder.resolve("mine.latentlab");
        RunFile.save(trainedSession().toSavedRun("bars"), mine);
        Path beyond = withProperties(mine, "state.steps=6", "state.steps=6\nstate.optimizerSteps=9");
        RunFileException more = assertThrows(RunFileException.class, () -> RunFile.load(beyond));
        assertEquals(beyond + " is damaged: Adam's moments cannot average 9 steps of the 6 taken", more.getMessage());
    }

    /** A copy of the run file {@code file} with {@code text} replaced in its {@code run.properties}. */
    private Path withProperties(Path file, String text, String replacement) throws IOException {
        Path changed = folder.resolve("changed-" + file.getFileName());
        try (ZipFile in = new ZipFile(file.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(changed))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("run.properties")) {
                    String properties = new String(bytes, StandardCharsets.UTF_8);
                    assertTrue(properties.contains(text), properties);
                    bytes = properties.replace(text, replacement).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return changed;
    }
}
