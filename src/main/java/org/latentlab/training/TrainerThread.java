package org.latentlab.training;

import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A named background thread that owns a piece of {@link TrainingWork} and every array of its
 * models: the loop behind {@link Trainer} and {@link CompareTrainer}. Other threads send commands,
 * which the thread takes between iterations, and read the latest snapshot; nothing ever waits on
 * a reader. When not running, the thread blocks on its command queue instead of spinning.
 *
 * <p>Snapshots are published at most every 100 ms while running, and at once after any command
 * or epoch. If making one costs more than its share of the interval (a large probe set, several
 * models), the interval grows so that snapshots never take more than that share of the thread's
 * time: 5 % for one model, more for a comparison, whose snapshots hold several.
 *
 * <p>At a slowed {@link Pace} the thread waits between iterations on its command queue, holding
 * nothing, so that a command acts at once; it publishes a snapshot after every step, with the
 * step's minibatch, so that every step is seen. Each iteration is due one interval after the last
 * was due, or at once when training fell behind by more than that: the pace is never exceeded
 * and a slow step is not made up by a burst.
 *
 * <p>{@link #close()} does not wait: the thread runs every command sent before it (a save among
 * them), then ends; {@link #ended()} tells when.
 *
 * <p>If a step diverges, the thread pauses, keeps the last published snapshot (the work has put
 * its session back to what that snapshot shows) and publishes it with "Paused: " and the work's
 * explanation as message.
 *
 * @param <W> the work
 * @param <S> the snapshot it publishes
 */
final class TrainerThread<W extends TrainingWork<S>, S> implements AutoCloseable {

    private static final long MIN_PUBLISH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** At a slowed pace the speed is measured over at least this long, so that it reads steadily. */
    private static final long MIN_PACED_SPEED_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The last command {@link #close()} sends: the thread ends when it reaches it. */
    private static final Runnable STOP = () -> { };

    private final Supplier<W> workFactory;
    private final double publishCostFactor;
    private final TrainerClock clock;
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final AtomicReference<S> latest = new AtomicReference<>();
    private final Thread thread;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    /** Set, with STOP queued, under the queue's lock: no command can follow STOP. */
    private boolean stopRequested;

    // Confined to the trainer thread after construction.
    private W work;
    private TrainerState state = TrainerState.READY;
    private Pace pace = Pace.FULL;
    /** While held, a running thread takes no step; its state stays RUNNING. */
    private boolean held;
    /** When the next iteration is due at a slowed pace. */
    private long nextIterationNanos;
    private long nextPublishNanos;
    private long speedSinceNanos;
    private long speedSinceIteration;
    private double speed;

    /**
     * Builds the first work on the calling thread (so construction errors reach the caller),
     * publishes its snapshot and starts the thread, which then owns the work.
     *
     * @param workFactory   makes fresh work; called again on {@link #reset()}
     * @param name          the thread's name
     * @param snapshotShare the largest share of the thread's time that making snapshots may take,
     *                      in (0, 1): 0.05 lets a snapshot that costs 10 ms come every 200 ms
     */
    TrainerThread(Supplier<W> workFactory, String name, double snapshotShare) {
        this(workFactory, name, snapshotShare, TrainerClock.SYSTEM);
    }

    /** A trainer thread that paces training and measures its speed by {@code clock}. */
    TrainerThread(Supplier<W> workFactory, String name, double snapshotShare, TrainerClock clock) {
        if (!(snapshotShare > 0 && snapshotShare < 1)) {
            throw new IllegalArgumentException("the snapshots' share of time must be in (0, 1), got " + snapshotShare);
        }
        this.workFactory = workFactory;
        this.publishCostFactor = 1 / snapshotShare;
        this.clock = clock;
        this.work = workFactory.get();
        publish(null);
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The newest snapshot; never null. */
    S latest() {
        return latest.get();
    }

    void train() {
        send(() -> {
            nextIterationNanos = clock.nanoTime();
            changeState(TrainerState.RUNNING, null);
        });
    }

    /** Trains at {@code newPace} from now on; the next iteration may start at once. */
    void setPace(Pace newPace) {
        Objects.requireNonNull(newPace, "pace");
        send(() -> {
            pace = newPace;
            work.recordMinibatches(!pace.isFull());
            nextIterationNanos = clock.nanoTime();
            publish(null);
        });
    }

    void pause() {
        send(() -> {
            if (state == TrainerState.RUNNING) {
                changeState(TrainerState.PAUSED, null);
            }
        });
    }

    /** Trains one iteration and pauses. */
    void step() {
        send(() -> {
            if (state != TrainerState.RUNNING) {
                state = TrainerState.PAUSED;
                if (iterate()) {
                    publish(null);
                }
            }
        });
    }

    /**
     * Holds a running thread between iterations, its state still RUNNING, or lets it go on. The
     * window holds training while the timeline is dragged, so that the replay has both cores. Once
     * the thread is stopped there is nothing to hold, and this does nothing (a drag may end after
     * the window closed the trainer).
     */
    void hold(boolean hold) {
        offer(() -> {
            if (held == hold) {
                return;
            }
            held = hold;
            nextIterationNanos = clock.nanoTime();
            publish(null);
            if (!held) { // the speed is measured from the release, not across the hold
                speedSinceNanos = nextIterationNanos;
                speedSinceIteration = work.iteration();
            }
        });
    }

    /** Throws the work away and starts again from the factory, paused. */
    void reset() {
        send(() -> {
            work = workFactory.get();
            work.recordMinibatches(!pace.isFull());
            changeState(TrainerState.READY, null);
        });
    }

    /** Runs {@code command} on the thread with its work, between iterations. */
    void run(Consumer<W> command) {
        send(() -> command.accept(work));
    }

    /** Runs {@code command} like {@link #run} and then publishes a snapshot showing its effect. */
    void runAndPublish(Consumer<W> command) {
        send(() -> {
            command.accept(work);
            publish(null);
        });
    }

    /**
     * Runs {@code command}, which changes only settings (β, learning rate), and replaces the latest
     * snapshot with the one it returns: the last snapshot amended to show the new settings. Much
     * cheaper than a new snapshot, which would encode the probe set again, so that a slider shows
     * its effect within a frame or two.
     */
    void runAndAmend(BiFunction<W, S, S> command) {
        send(() -> latest.set(command.apply(work, latest.get())));
    }

    /**
     * Stops the thread once it has run the commands sent so far, after the current iteration;
     * returns at once. Later commands are refused.
     */
    @Override
    public void close() {
        synchronized (commands) {
            if (!stopRequested) {
                stopRequested = true;
                commands.add(STOP);
            }
        }
    }

    /**
     * Completes when the thread has ended, closed or stopped by an error; commands it had not run
     * by then never run. A copy: completing it changes nothing here.
     */
    CompletableFuture<Void> ended() {
        return ended.copy();
    }

    private void send(Runnable command) {
        if (!offer(command)) {
            throw new IllegalStateException("the trainer has been stopped");
        }
    }

    /** Queues {@code command} unless the thread has been stopped; returns whether it was queued. */
    private boolean offer(Runnable command) {
        synchronized (commands) {
            if (!stopRequested) {
                commands.add(command);
            }
            return !stopRequested;
        }
    }

    // ---- the trainer thread ---------------------------------------------------------------------

    private void loop() {
        try {
            boolean stopping = false;
            while (!stopping) {
                Runnable command = nextCommand();
                while (command != null && !stopping) {
                    stopping = command == STOP; // the last command: every one sent before it has run
                    command.run();
                    command = stopping ? null : commands.poll();
                }
                if (state == TrainerState.RUNNING && !held && !stopping && iterationDue() && iterate()
                        && (!pace.isFull() || clock.nanoTime() >= nextPublishNanos)) {
                    publish(null);
                }
            }
            state = TrainerState.STOPPED;
            latest.set(work.withState(latest.get(), TrainerState.STOPPED, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) { // an Error too: the snapshot must not go on saying RUNNING
            stopAfter(e);
        } finally {
            ended.complete(null);
        }
    }

    /**
     * The next command: waited for while not training, until the next iteration is due while
     * training at a slowed pace, not at all at full speed; {@code null} when there is none. A held
     * thread waits like one not training.
     */
    private Runnable nextCommand() throws InterruptedException {
        if (state != TrainerState.RUNNING || held) {
            return commands.poll(1, TimeUnit.SECONDS);
        }
        return pace.isFull() ? commands.poll() : clock.awaitCommand(commands, nextIterationNanos);
    }

    /** Whether the next iteration may start now; if so, sets when the one after it is due. */
    private boolean iterationDue() {
        if (pace.isFull()) {
            return true;
        }
        long now = clock.nanoTime();
        if (now < nextIterationNanos) {
            return false;
        }
        nextIterationNanos = Math.max(nextIterationNanos + pace.intervalNanos(), now);
        return true;
    }

    /**
     * Ends the thread after {@code failure}: publishes the last snapshot as STOPPED with a message
     * that names the failure, and prints its stack trace on standard error for whoever debugs it.
     * Nothing is rethrown: the failure has been reported, and the process goes on.
     */
    private void stopAfter(Throwable failure) {
        state = TrainerState.STOPPED;
        latest.set(work.withState(latest.get(), TrainerState.STOPPED, "Training stopped after an internal error: "
                + failure + ". The views keep its last picture of the model; it can no longer be trained or saved."));
        failure.printStackTrace();
    }

    /**
     * One iteration; returns whether a snapshot may still be due (false when it published one
     * already, or paused after a divergence).
     */
    private boolean iterate() {
        TrainingWork.Progress progress = work.step();
        if (progress.diverged()) {
            state = TrainerState.PAUSED;
            latest.set(work.withState(latest.get(), TrainerState.PAUSED, "Paused: " + progress.divergence()));
            return false;
        }
        if (!progress.epochCompleted()) {
            return true;
        }
        if (work.finished() && state == TrainerState.RUNNING) {
            changeState(TrainerState.FINISHED, null);
        } else {
            publish(null);
        }
        return false;
    }

    private void changeState(TrainerState newState, String message) {
        state = newState;
        publish(message);
    }

    private void publish(String message) {
        long start = clock.nanoTime();
        measureSpeed(start);
        latest.set(work.snapshot(state, message, speed));
        long cost = clock.nanoTime() - start;
        nextPublishNanos = start + Math.max(MIN_PUBLISH_INTERVAL_NANOS, (long) (publishCostFactor * cost));
    }

    /**
     * Iterations per second while running, over the time since the last measurement: since the
     * last snapshot at full speed, at least a second (and two iterations) at a slowed pace. 0 when
     * not running or held.
     */
    private void measureSpeed(long now) {
        long iteration = work.iteration();
        long elapsed = now - speedSinceNanos;
        long window = pace.isFull() ? 0 : Math.max(MIN_PACED_SPEED_WINDOW_NANOS, 2 * pace.intervalNanos());
        if (state != TrainerState.RUNNING || held) {
            speed = 0;
        } else if (elapsed <= 0 || elapsed < window || iteration <= speedSinceIteration) {
            return; // too soon to tell: the last measurement stands
        } else {
            speed = (iteration - speedSinceIteration) / (elapsed / 1e9);
        }
        speedSinceNanos = now;
        speedSinceIteration = iteration;
    }
}
