package org.latentlab.ui.explorer;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.latentlab.training.CodeComparison;
import org.latentlab.training.PlainTwin;
import org.latentlab.training.Trainer;

/**
 * The plain VAE trained beside the window's conditional VAE ({@link PlainTwin}): one per trainer,
 * made when the Conditional tab first asks, the last trainer's closed when another is in place.
 * Confined to the JavaFX application thread (or a test's thread).
 */
final class PlainTwins implements Supplier<CompletableFuture<CodeComparison>>, AutoCloseable {

    private final Supplier<Trainer> trainer;
    private PlainTwin twin;
    private Trainer twinOf;

    /** @param trainer the trainer in place, or {@code null} while there is none ready (one is being built) */
    PlainTwins(Supplier<Trainer> trainer) {
        this.trainer = trainer;
    }

    /** Reads the conditional VAE's codes beside those of a plain VAE trained to the same step. */
    @Override
    public CompletableFuture<CodeComparison> get() {
        Trainer current = trainer.get();
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no model is ready"));
        }
        if (current != twinOf) {
            close();
            twin = new PlainTwin(current);
            twinOf = current;
        }
        return twin.compare();
    }

    /** Ends the twin's thread, if there is one; returns at once. */
    @Override
    public void close() {
        if (twin != null) {
            twin.close();
            twin = null;
            twinOf = null;
        }
    }
}
