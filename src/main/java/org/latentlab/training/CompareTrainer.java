package org.latentlab.training;

import java.util.ArrayList;
import java.util.List;
import org.latentlab.data.Dataset;

/**
 * Trains the models of a comparison in lockstep on one background thread of its own: every
 * iteration steps each model in turn on the same minibatch, so the panels advance together and
 * differ only in what their variants name. Commands are taken between iterations and the latest
 * {@link CompareSnapshot} is read without waiting, exactly as with {@link Trainer}, whose thread
 * ({@link TrainerThread}) this shares.
 *
 * <p>One thread rather than one per model: see {@code docs/decisions/0040}. A model whose loss
 * stops being finite stops alone (its panel says why); the trainer pauses only when every model
 * has stopped.
 */
public final class CompareTrainer extends BackgroundTrainer<CompareSnapshot> {

    /**
     * Snapshots take at most this share of the trainer's time: a snapshot of four models costs
     * four times one model's, and 5 % would show the class a new picture only about once a second.
     */
    static final double SNAPSHOT_SHARE = 0.12;
    private static final String THREAD_NAME = "latent-lab-compare-trainer";

    private final TrainerThread<LockstepWork, CompareSnapshot> thread;

    /**
     * Builds the sessions and the linear baseline on the calling thread (so construction errors
     * reach the caller), publishes the first snapshot and starts the thread.
     */
    public CompareTrainer(Dataset training, Dataset validation, CompareConfig config) {
        this(lockstepThread(training, validation, config, LinearBaseline.of(validation)));
    }

    private CompareTrainer(TrainerThread<LockstepWork, CompareSnapshot> thread) {
        super(thread);
        this.thread = thread;
    }

    /**
     * Goes on training the models of a saved comparison in lockstep from their weights, step counts
     * and histories (the next minibatches are those the models would have taken next, the same for
     * all), until paused: the epochs their command was given no longer stop them. Reset starts each
     * model again from its first weights. Builds the sessions on the calling thread.
     */
    public static CompareTrainer resume(Dataset training, Dataset validation, SavedComparison comparison) {
        LinearBaseline baseline = LinearBaseline.of(validation);
        boolean[] resumed = {false};
        return new CompareTrainer(new TrainerThread<>(() -> {
            List<TrainingSession> sessions = new ArrayList<>();
            for (SavedRun saved : comparison.runs()) {
                SavedRun run = saved.untilPaused();
                sessions.add(resumed[0] ? new TrainingSession(training, validation, run.modelConfig(), run.trainingConfig())
                        : TrainingSession.resume(training, validation, run));
            }
            resumed[0] = true;
            return new LockstepWork(comparison.preset().variants(), sessions, baseline);
        }, THREAD_NAME, SNAPSHOT_SHARE));
    }

    private static TrainerThread<LockstepWork, CompareSnapshot> lockstepThread(Dataset training, Dataset validation,
                                                                              CompareConfig config,
                                                                              LinearBaseline baseline) {
        return new TrainerThread<>(
                () -> new LockstepWork(config.variants(), config.newSessions(training, validation), baseline),
                THREAD_NAME, SNAPSHOT_SHARE);
    }

    /** Sets every model's learning rate, from the next iteration on. */
    public void setLearningRate(double learningRate) {
        TrainingConfig.requireLearningRate(learningRate);
        thread.runAndPublish(work -> work.sessions().forEach(s -> s.setLearningRate(learningRate)));
    }
}
