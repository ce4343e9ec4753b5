package org.latentlab.training;

/**
 * What a {@link TrainerThread} trains: one session ({@link SessionWork}) or several in lockstep
 * ({@link LockstepWork}). Confined to the trainer thread that owns it.
 *
 * @param <S> the immutable snapshot it publishes
 */
interface TrainingWork<S> {

    /**
     * Trains one iteration. If it diverged, the work has already put the session that diverged
     * back to where its last snapshot shows it (weights, history, place in the data), and
     * {@link Progress#divergence()} says what happened.
     */
    Progress step();

    /** Optimisation steps so far (the speed shown in snapshots is measured on it). */
    long iteration();

    /** Whether the configured number of epochs is done. */
    boolean finished();

    /**
     * A picture of the work as of now; remembers the models' states as those to go back to if a
     * later step diverges.
     */
    S snapshot(TrainerState state, String message, double iterationsPerSecond);

    /**
     * Whether snapshots show the last step's minibatch from now on: while training is slowed down
     * to be watched ({@link Pace}). Work that has no single minibatch to show ignores it.
     */
    default void recordMinibatches(boolean record) {
    }

    /** {@code snapshot} with another state and message and no speed. */
    S withState(S snapshot, TrainerState state, String message);

    /**
     * What one iteration did.
     *
     * @param epochCompleted whether it completed an epoch
     * @param divergence     why training cannot go on, as the rest of a sentence after "Paused: "
     *                       (e.g. "the loss became NaN at iteration 12 …"), or {@code null}
     */
    record Progress(boolean epochCompleted, String divergence) {

        static final Progress STEPPED = new Progress(false, null);
        static final Progress EPOCH_COMPLETED = new Progress(true, null);

        static Progress diverged(String why) {
            return new Progress(false, why);
        }

        boolean diverged() {
            return divergence != null;
        }
    }
}
