package org.latentlab.ui.scatter;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs one kind of computation on an executor, off the JavaFX thread, where the latest request wins
 * (the attribute vectors, a scatter's principal plane):
 * a request still waiting when a newer one comes is dropped, and a result is kept only if it is
 * newer than the one kept. Nothing is pushed to the caller; it reads {@link #latest()} in its next
 * frame. Thread-safe.
 *
 * @param <T> what the computation makes
 */
public final class LatestWins<T> {

    /** A finished computation: its request's number and its value, or why it failed. */
    public record Outcome<T>(long id, T value, Throwable failure) {
    }

    private final Executor executor;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicReference<Request<T>> pending = new AtomicReference<>();
    private final AtomicReference<Outcome<T>> latest = new AtomicReference<>();

    private record Request<T>(long id, Supplier<T> work) {
    }

    public LatestWins(Executor executor) {
        this.executor = executor;
    }

    /**
     * Asks for {@code work} to be run, in place of any request that has not started yet.
     *
     * @return the request's number; outcomes of later requests have larger ones
     */
    public long submit(Supplier<T> work) {
        Request<T> request = new Request<>(ids.incrementAndGet(), work);
        if (pending.getAndSet(request) == null) {
            try {
                executor.execute(this::runPending);
            } catch (RejectedExecutionException closing) {
                pending.set(null); // the window is closing; nothing will read the outcome
            }
        }
        return request.id();
    }

    /** The newest finished outcome, or {@code null} before the first. */
    public Outcome<T> latest() {
        return latest.get();
    }

    /** The number of the newest request made, 0 before the first. */
    public long lastRequested() {
        return ids.get();
    }

    private void runPending() {
        Request<T> request = pending.getAndSet(null);
        if (request == null) {
            return;
        }
        Outcome<T> outcome;
        try {
            outcome = new Outcome<>(request.id(), request.work().get(), null);
        } catch (Throwable e) { // out of memory too: the caller shows it, and asks again later
            outcome = new Outcome<>(request.id(), null, e);
        }
        Outcome<T> done = outcome;
        latest.accumulateAndGet(done, (kept, fresh) -> kept == null || fresh.id() > kept.id() ? fresh : kept);
    }
}
