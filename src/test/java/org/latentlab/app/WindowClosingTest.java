package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The work left when the window has gone: the JVM waits for the last session's save, and no longer. */
class WindowClosingTest {

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

    @Test
    void theJvmWaitsForASaveStillBeingWritten() throws InterruptedException {
        CompletableFuture<Boolean> saved = new CompletableFuture<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Thread closing = WindowClosing.finishInBackground(saved, Path.of("last.latentlab"), ended, err);
        assertFalse(closing.isDaemon(), "the JVM exits only when this thread has ended");
        closing.join(300);
        assertTrue(closing.isAlive(), "still waiting for the save");

        saved.complete(true);
        ended.complete(null);
        closing.join(2_000);
        assertFalse(closing.isAlive());
        assertEquals("", errors.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSaveThatFailedIsToldOnStandardErrorAndNothingWaitsLonger() throws InterruptedException {
        CompletableFuture<Boolean> saved = CompletableFuture.failedFuture(new IllegalStateException("the disk is full"));
        Thread closing = WindowClosing.finishInBackground(saved, Path.of("last.latentlab"),
                CompletableFuture.completedFuture(null), err);
        closing.join(2_000);
        assertFalse(closing.isAlive());
        assertEquals("latent-lab: could not save the last session to last.latentlab: the disk is full",
                errors.toString(StandardCharsets.UTF_8).strip());
    }
}
