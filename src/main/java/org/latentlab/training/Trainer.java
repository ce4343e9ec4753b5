package org.latentlab.training;

import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.latentlab.model.ModelState;

/**
 * Trains a {@link TrainingSession} on a background thread of its own, which owns the session and
 * every array of the model. Other threads send commands, which the trainer takes between
 * iterations, and read the latest {@link TrainingSnapshot}; nothing ever waits on a reader.
 *
 * <p>Snapshots are published at most every 100 ms while running, and at once after any command
 * or epoch. If making one costs more than a twentieth of the interval (a large probe set), the
 * interval grows so that snapshots never take more than 5 % of the trainer's time.
 *
 * <p>If a step's loss is not finite, the trainer pauses by itself, puts the model back to the
 * state of the last published snapshot, keeps that snapshot, and says why in its message.
 */
public final class Trainer implements AutoCloseable {

    private static final long MIN_PUBLISH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int PUBLISH_COST_FACTOR = 20;

    private final Supplier<TrainingSession> sessionFactory;
    private final BlockingQueue<Consumer<Trainer>> commands = new LinkedBlockingQueue<>();
    private final AtomicReference<TrainingSnapshot> latest = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopRequested;

    // Confined to the trainer thread after construction.
    private TrainingSession session;
    private TrainerState state = TrainerState.READY;
    private ModelState lastGoodState;
    private long nextPublishNanos;
    private long speedSinceNanos;
    private long speedSinceIteration;

    /**
     * Builds the first session on the calling thread (so construction errors reach the caller),
     * publishes its snapshot and starts the trainer thread, which then owns the session.
     *
     * @param sessionFactory makes a fresh session; called again on {@link #reset()}
     */
    public Trainer(Supplier<TrainingSession> sessionFactory) {
        this.sessionFactory = sessionFactory;
        this.session = sessionFactory.get();
        publish();
        this.thread = new Thread(this::loop, "latent-lab-trainer");
        thread.setDaemon(true);
        thread.start();
    }

    /** The newest snapshot; never null. */
    public TrainingSnapshot latest() {
        return latest.get();
    }

    /** Starts or resumes training. */
    public void train() {
        send(trainer -> trainer.changeState(TrainerState.RUNNING, null));
    }

    public void pause() {
        send(trainer -> {
            if (trainer.state == TrainerState.RUNNING) {
                trainer.changeState(TrainerState.PAUSED, null);
            }
        });
    }

    /** Trains one minibatch and pauses. */
    public void step() {
        send(trainer -> {
            if (trainer.state != TrainerState.RUNNING) {
                trainer.state = TrainerState.PAUSED;
                trainer.iterate();
                trainer.publish();
            }
        });
    }

    /** Throws the model away and starts again from the same configuration and seed, paused. */
    public void reset() {
        send(trainer -> {
            trainer.session = trainer.sessionFactory.get();
            trainer.changeState(TrainerState.READY, null);
        });
    }

    /** Sets the target β of the current schedule, from the next iteration on. */
    public void setBeta(double beta) {
        BetaSchedule.Constant checked = new BetaSchedule.Constant(beta); // rejects bad values on the caller's thread
        send(trainer -> {
            trainer.session.setSchedule(trainer.session.schedule().withTarget(checked.target()));
            trainer.publish();
        });
    }

    public void setSchedule(BetaSchedule schedule) {
        send(trainer -> {
            trainer.session.setSchedule(schedule);
            trainer.publish();
        });
    }

    public void setLearningRate(double learningRate) {
        TrainingConfig.requireLearningRate(learningRate);
        send(trainer -> {
            trainer.session.setLearningRate(learningRate);
            trainer.publish();
        });
    }

    /**
     * Runs {@code action} on the trainer thread with its session, between iterations: for saving,
     * evaluating or anything else that must read the model while nothing changes it.
     */
    public void withSession(Consumer<TrainingSession> action) {
        send(trainer -> action.accept(trainer.session));
    }

    /** Stops the thread after the current iteration and waits for it (at most a few seconds). */
    @Override
    public void close() {
        stopRequested = true;
        commands.add(trainer -> { });
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Consumer<Trainer> command) {
        if (stopRequested) {
            throw new IllegalStateException("the trainer has been stopped");
        }
        commands.add(command);
    }

    // ---- the trainer thread ---------------------------------------------------------------------

    private void loop() {
        try {
            while (!stopRequested) {
                Consumer<Trainer> command = state == TrainerState.RUNNING
                        ? commands.poll()
                        : commands.poll(1, TimeUnit.SECONDS);
                while (command != null && !stopRequested) {
                    command.accept(this);
                    command = commands.poll();
                }
                if (state == TrainerState.RUNNING && !stopRequested) {
                    iterate();
                    if (System.nanoTime() >= nextPublishNanos) {
                        publish();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            latest.set(latest.get().withState(TrainerState.STOPPED, "Training stopped after an internal error: " + e));
            throw e;
        }
        state = TrainerState.STOPPED;
        latest.set(latest.get().withState(TrainerState.STOPPED, null));
    }

    private void iterate() {
        StepOutcome outcome = session.step();
        if (outcome.diverged()) {
            session.model().restore(lastGoodState);
            state = TrainerState.PAUSED;
            String message = String.format(Locale.ROOT,
                    "Paused: the loss became %s at iteration %d (β = %.3g, learning rate = %.3g). "
                            + "The model is back where it was at iteration %d; try a lower learning rate.",
                    describe(outcome), session.iteration() + 1, outcome.beta(), session.learningRate(),
                    latest.get().iteration());
            latest.set(latest.get().withState(TrainerState.PAUSED, message));
            return;
        }
        if (session.finished() && state == TrainerState.RUNNING && outcome.completedEpoch() != null) {
            changeState(TrainerState.FINISHED, null);
        } else if (outcome.completedEpoch() != null) {
            publish();
        }
    }

    private static String describe(StepOutcome outcome) {
        double value = outcome.losses().objective();
        return Double.isNaN(value) ? "NaN (not a number)" : "infinite";
    }

    private void changeState(TrainerState newState, String message) {
        state = newState;
        publish(message);
    }

    private void publish() {
        publish(null);
    }

    private void publish(String message) {
        long start = System.nanoTime();
        ProbeSet probe = session.encodeProbe();
        lastGoodState = session.model().state();
        long iteration = session.iteration();
        double speed = 0;
        if (state == TrainerState.RUNNING && start > speedSinceNanos && iteration > speedSinceIteration) {
            speed = (iteration - speedSinceIteration) / ((start - speedSinceNanos) / 1e9);
        }
        speedSinceNanos = start;
        speedSinceIteration = iteration;
        latest.set(new TrainingSnapshot(state, message, session.model().config(), iteration,
                session.completedEpochs(), session.epochProgress(), session.beta(), session.learningRate(), speed,
                session.history(), session.epochs(), probe, probe.encoding().klPerDimension(),
                probe.encoding().activeUnits(TrainingSnapshot.ACTIVE_UNIT_THRESHOLD),
                session.model().decoderWeights()));
        long cost = System.nanoTime() - start;
        nextPublishNanos = start + Math.max(MIN_PUBLISH_INTERVAL_NANOS, PUBLISH_COST_FACTOR * cost);
    }
}
