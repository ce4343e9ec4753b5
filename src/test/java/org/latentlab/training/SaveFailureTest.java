package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.TestDatasets;
import org.latentlab.io.AtomicFile;
import org.latentlab.io.DiskFullAfter;
import org.latentlab.model.ModelKind;

/**
 * A disk that fills up while a model is being saved: the save fails with a message that says so,
 * the model saved before stays whole, and training goes on. The failure is injected into the
 * stream that {@link AtomicFile} hands the run file's writer, where a real full disk would fail.
 */
class SaveFailureTest {

    @TempDir
    Path folder;

    @Test
    void aDiskThatFillsUpDuringASaveKeepsTheSavedModelAndTheTrainerRunning() throws Exception {
        Path target = folder.resolve(RunFile.FILE_NAME);
        try (Trainer trainer = new Trainer(() -> new TrainingSession(TestDatasets.bars(256, 1),
                TestDatasets.bars(40, 99), TestDatasets.smallModel(ModelKind.VAE, 2), TrainingConfig.defaults(0, 3)))) {
            trainer.train();
            Awaiting.until(trainer::latest, s -> s.iteration() >= 10);
            CompletableFuture<Long> saved = new CompletableFuture<>();
            trainer.withSession(session -> {
                try {
                    RunFile.save(session.toSavedRun("bars"), target);
                    saved.complete(session.iteration());
                } catch (IOException e) {
                    saved.completeExceptionally(e);
                }
            });
            long savedAt = saved.get(30, TimeUnit.SECONDS);

            CompletableFuture<String> failure = new CompletableFuture<>();
            trainer.withSession(session -> {
                try {
                    AtomicFile.write(target, out -> RunFile.write(session.toSavedRun("bars"), new DiskFullAfter(out, 2_000)));
                    failure.complete(null);
                } catch (IOException e) {
                    failure.complete(e.getMessage());
                }
            });
            assertEquals("No space left on device; the file that was there is unchanged", failure.get(30, TimeUnit.SECONDS));
            assertEquals(savedAt, RunFile.load(target).state().steps(), "the model saved before is whole");
            try (Stream<Path> files = Files.list(folder)) {
                assertEquals(List.of(target), files.toList(), "no temporary file is left");
            }
            long now = trainer.latest().iteration();
            TrainingSnapshot later = Awaiting.until(trainer::latest, s -> s.iteration() >= now + 10);
            assertEquals(TrainerState.RUNNING, later.state(), "training goes on");
        }
    }
}
