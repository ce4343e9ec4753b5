package org.latentlab.training;

import java.util.Locale;
import java.util.Optional;

/**
 * One {@link TrainingSession} as the work of a trainer thread: steps it, makes its snapshots, and
 * after a step whose loss is not finite puts the whole session (model, history, place in the
 * data) back to where it was at its last snapshot. Confined to the trainer thread.
 */
final class SessionWork implements TrainingWork<TrainingSnapshot> {

    /** How many of a step's images a snapshot shows, with their reconstructions: as many as the window's strips. */
    static final int MINIBATCH_SHOWN = 12;

    private final TrainingSession session;
    /** Estimates the held-out −log p(x) after each epoch; {@code null} when nobody asked for it. */
    private final EpochLikelihoodWorker likelihoods;
    private TrainingSession.Checkpoint lastShown;
    private boolean minibatches;

    SessionWork(TrainingSession session) {
        this(session, null);
    }

    SessionWork(TrainingSession session, EpochLikelihoodWorker likelihoods) {
        this.session = session;
        this.likelihoods = likelihoods;
    }

    TrainingSession session() {
        return session;
    }

    @Override
    public Progress step() {
        StepOutcome outcome = session.step();
        if (!outcome.diverged()) {
            if (outcome.completedEpoch() != null && likelihoods != null) {
                likelihoods.epochEnded(session.model(), outcome.completedEpoch());
            }
            return outcome.completedEpoch() != null ? Progress.EPOCH_COMPLETED : Progress.STEPPED;
        }
        long diverged = session.iteration() + 1;
        long back = lastShown == null ? session.iteration() : lastShown.iteration();
        if (lastShown != null) {
            session.restore(lastShown);
        }
        long undone = diverged - 1 - back;
        return Progress.diverged(String.format(Locale.ROOT,
                "the loss became %s at iteration %d (β = %.3g, learning rate = %.3g). The model, its history and"
                        + " its place in the data are back at iteration %d, as last shown%s. Try a lower learning rate.",
                outcome.lossDescription(), diverged, outcome.beta(), session.learningRate(), back,
                undone == 0 ? "" : undone == 1 ? ": the iteration after it is undone"
                        : ": the " + undone + " iterations after it are undone"));
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
    public void recordMinibatches(boolean record) {
        minibatches = record;
    }

    @Override
    public TrainingSnapshot snapshot(TrainerState state, String message, double iterationsPerSecond) {
        if (state != TrainerState.RUNNING) {
            session.recordTimelineNow(); // a replay reaches where training paused, stepped or finished
        }
        ProbeSet probe = session.encodeProbe();
        lastShown = session.checkpoint();
        return new TrainingSnapshot(state, message, session.model().config(), session.iteration(),
                session.completedEpochs(), session.epochProgress(), session.beta(), session.learningRate(),
                iterationsPerSecond, session.history(), session.epochs(), probe, probe.encoding().klPerDimension(),
                probe.encoding().activeUnits(TrainingSnapshot.ACTIVE_UNIT_THRESHOLD),
                session.model().decoderWeights(), session.config().debiasing()
                        ? DebiasingSnapshot.of(session.config().debias(), session.sampling(), probe) : null,
                minibatches ? session.lastMinibatch(MINIBATCH_SHOWN) : Optional.empty());
    }

    @Override
    public TrainingSnapshot withState(TrainingSnapshot snapshot, TrainerState state, String message) {
        return snapshot.withState(state, message);
    }
}
