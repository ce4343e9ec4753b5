package org.latentlab.training;

import java.util.Locale;
import org.latentlab.model.ModelState;

/**
 * One {@link TrainingSession} as the work of a trainer thread: steps it, makes its snapshots, and
 * after a step whose loss is not finite puts the model back to the state of its last snapshot.
 * Confined to the trainer thread.
 */
final class SessionWork implements TrainingWork<TrainingSnapshot> {

    private final TrainingSession session;
    private ModelState lastGoodState;
    private long lastGoodIteration;

    SessionWork(TrainingSession session) {
        this.session = session;
    }

    TrainingSession session() {
        return session;
    }

    @Override
    public Progress step() {
        StepOutcome outcome = session.step();
        if (outcome.diverged()) {
            session.model().restore(lastGoodState);
            return Progress.diverged(String.format(Locale.ROOT,
                    "the loss became %s at iteration %d (β = %.3g, learning rate = %.3g). "
                            + "The model is back where it was at iteration %d; try a lower learning rate.",
                    describe(outcome), session.iteration() + 1, outcome.beta(), session.learningRate(),
                    lastGoodIteration));
        }
        return outcome.completedEpoch() != null ? Progress.EPOCH_COMPLETED : Progress.STEPPED;
    }

    private static String describe(StepOutcome outcome) {
        double value = outcome.losses().objective();
        return Double.isNaN(value) ? "NaN (not a number)" : "infinite";
    }

    @Override
    public long iteration() {
        return session.iteration();
    }

    @Override
    public boolean finished() {
        return session.finished();
    }

    @Override
    public TrainingSnapshot snapshot(TrainerState state, String message, double iterationsPerSecond) {
        ProbeSet probe = session.encodeProbe();
        lastGoodState = session.model().state();
        lastGoodIteration = session.iteration();
        return new TrainingSnapshot(state, message, session.model().config(), session.iteration(),
                session.completedEpochs(), session.epochProgress(), session.beta(), session.learningRate(),
                iterationsPerSecond, session.history(), session.epochs(), probe, probe.encoding().klPerDimension(),
                probe.encoding().activeUnits(TrainingSnapshot.ACTIVE_UNIT_THRESHOLD),
                session.model().decoderWeights());
    }

    @Override
    public TrainingSnapshot withState(TrainingSnapshot snapshot, TrainerState state, String message) {
        return snapshot.withState(state, message);
    }
}
