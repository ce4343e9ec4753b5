package org.latentlab.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Several sessions as the work of one trainer thread, stepped in turn: each iteration trains
 * every model on its next minibatch. The sessions share their seed and batch size, so the
 * minibatches are the same images in the same order for every model, except that a debiased
 * model draws its own ({@link CompareVariant#debiased}): it keeps the same pace, one step of the
 * same size per iteration and its held-out losses at the same moments.
 *
 * <p>A model whose loss stops being finite has its session put back to its last snapshot (weights,
 * history, place in the data) and stops, with its own message; the others train on. Only when none is left does the trainer pause.
 * Confined to the trainer thread.
 */
final class LockstepWork implements TrainingWork<CompareSnapshot> {

    private final List<CompareVariant> variants;
    private final List<SessionWork> members = new ArrayList<>();
    private final LinearBaseline baseline;
    private final String[] stoppedBecause;
    private final TrainingSnapshot[] lastSnapshots;

    LockstepWork(List<CompareVariant> variants, List<TrainingSession> sessions, LinearBaseline baseline) {
        if (variants.size() != sessions.size()) {
            throw new IllegalArgumentException(variants.size() + " variants but " + sessions.size() + " sessions");
        }
        this.variants = List.copyOf(variants);
        for (TrainingSession session : sessions) {
            members.add(new SessionWork(session));
        }
        this.baseline = baseline;
        this.stoppedBecause = new String[sessions.size()];
        this.lastSnapshots = new TrainingSnapshot[sessions.size()];
    }

    List<TrainingSession> sessions() {
        return members.stream().map(SessionWork::session).toList();
    }

    @Override
    public Progress step() {
        boolean epochCompleted = false;
        int stillTraining = 0;
        String lastDivergence = null;
        for (int i = 0; i < members.size(); i++) {
            if (stoppedBecause[i] != null) {
                continue;
            }
            Progress progress = members.get(i).step();
            if (progress.diverged()) {
                stoppedBecause[i] = "Stopped: " + progress.divergence() + " The other models train on.";
                lastDivergence = "'" + variants.get(i).label() + "', the last model still training, stopped: "
                        + progress.divergence();
                continue;
            }
            stillTraining++;
            epochCompleted |= progress.epochCompleted();
        }
        if (stillTraining == 0) {
            return Progress.diverged(lastDivergence == null ? "every model has stopped." : lastDivergence);
        }
        return epochCompleted ? Progress.EPOCH_COMPLETED : Progress.STEPPED;
    }

    @Override
    public long iteration() {
        long iteration = 0;
        for (SessionWork member : members) {
            iteration = Math.max(iteration, member.iteration());
        }
        return iteration;
    }

    @Override
    public boolean finished() {
        for (int i = 0; i < members.size(); i++) {
            if (stoppedBecause[i] == null && !members.get(i).finished()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public CompareSnapshot snapshot(TrainerState state, String message, double iterationsPerSecond) {
        List<VariantSnapshot> panels = new ArrayList<>();
        TrainingSession pace = null;
        for (int i = 0; i < members.size(); i++) {
            boolean stopped = stoppedBecause[i] != null && lastSnapshots[i] != null;
            if (stopped) {
                lastSnapshots[i] = lastSnapshots[i].withState(TrainerState.PAUSED, stoppedBecause[i]);
            } else {
                lastSnapshots[i] = members.get(i).snapshot(state, null, iterationsPerSecond);
                pace = pace == null ? members.get(i).session() : pace;
            }
            panels.add(new VariantSnapshot(variants.get(i), lastSnapshots[i], stopped));
        }
        TrainingSession shown = pace == null ? members.get(0).session() : pace;
        return new CompareSnapshot(state, message, iteration(), shown.completedEpochs(), shown.epochProgress(),
                iterationsPerSecond, panels, baseline);
    }

    @Override
    public CompareSnapshot withState(CompareSnapshot snapshot, TrainerState state, String message) {
        return snapshot.withState(state, message);
    }
}
