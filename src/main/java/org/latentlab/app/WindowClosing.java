package org.latentlab.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.latentlab.ui.FailureMessage;

/**
 * What is left to do once the window has gone: wait for the last session to be saved and for the
 * trainers and decoders to end. It runs on a thread of its own that is not a daemon, so the
 * JavaFX thread never waits and the JVM does not exit with a model half-written; bounded, so
 * that a thread stuck in native code cannot keep the program alive for ever.
 */
final class WindowClosing {

    /** A save takes well under a second; this leaves room for a slow disk. */
    static final long SAVE_LIMIT_SECONDS = 60;
    /** The trainers end after their current iteration; the decoders after their current decode. */
    static final long END_LIMIT_SECONDS = 5;

    private WindowClosing() {
    }

    /**
     * Starts the thread that waits for {@code saved} (of {@code file}) and then {@code ended}; a
     * save that failed is told on {@code err}, the one place left to tell it.
     *
     * @return the thread, already started
     */
    static Thread finishInBackground(CompletableFuture<Boolean> saved, Path file, CompletableFuture<Void> ended,
                                     PrintStream err) {
        Thread thread = new Thread(() -> {
            try {
                saved.get(SAVE_LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                err.println("latent-lab: could not save the last session to " + file + ": "
                        + FailureMessage.of(e.getCause()));
            } catch (TimeoutException e) {
                err.println("latent-lab: gave up saving the last session to " + file + " after "
                        + SAVE_LIMIT_SECONDS + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                ended.get(END_LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // Nothing is left to lose: the daemon threads end with the JVM.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "latent-lab-closing");
        thread.setDaemon(false);
        thread.start();
        return thread;
    }
}
