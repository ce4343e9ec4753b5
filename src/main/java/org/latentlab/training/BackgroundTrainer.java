package org.latentlab.training;

import java.util.concurrent.CompletableFuture;

/**
 * The controls every background trainer has, whatever it trains: start, pause, one step, reset,
 * stop, and the latest snapshot. Commands may be sent from any thread; the trainer thread takes
 * them between iterations. Reading {@link #latest()} never waits.
 *
 * @param <S> the immutable snapshot it publishes
 */
public abstract class BackgroundTrainer<S> implements AutoCloseable {

    private final TrainerThread<?, S> thread;

    BackgroundTrainer(TrainerThread<?, S> thread) {
        this.thread = thread;
    }

    /** The newest snapshot; never null. */
    public S latest() {
        return thread.latest();
    }

    /** Starts or resumes training. */
    public void train() {
        thread.train();
    }

    public void pause() {
        thread.pause();
    }

    /**
     * Holds training between iterations while {@code hold} is true, or lets it go on: unlike
     * {@link #pause()}, the state stays as it is (RUNNING goes on by itself on release) and the
     * snapshot shows 0 iterations a second meanwhile.
     */
    public void hold(boolean hold) {
        thread.hold(hold);
    }

    /** Trains one iteration (one minibatch of every model) and pauses. */
    public void step() {
        thread.step();
    }

    /**
     * Trains at {@code pace} from now on (and after a reset): full speed, or a few iterations per
     * second with a snapshot after every step.
     */
    public void setPace(Pace pace) {
        thread.setPace(pace);
    }

    /** Throws the models away and starts again from the same configuration and seeds, paused. */
    public void reset() {
        thread.reset();
    }

    /**
     * Stops the thread once it has run the commands already sent (a save among them), after the
     * current iteration; returns at once. See {@link #ended()}.
     */
    @Override
    public void close() {
        thread.close();
    }

    /**
     * Completes when the trainer's thread has ended: closed, or stopped by an error. Commands it
     * had not run by then never run.
     */
    public CompletableFuture<Void> ended() {
        return thread.ended();
    }
}
