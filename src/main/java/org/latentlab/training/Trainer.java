package org.latentlab.training;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Trains a {@link TrainingSession} on a background thread of its own, which owns the session and
 * every array of the model. Other threads send commands, which the trainer takes between
 * iterations, and read the latest {@link TrainingSnapshot}; nothing ever waits on a reader.
 *
 * <p>Snapshots are published at most every 100 ms while running, and at once after any command
 * or epoch. If making one costs more than a twentieth of the interval (a large probe set), the
 * interval grows so that snapshots never take more than 5 % of the trainer's time.
 *
 * <p>If a step's loss is not finite, the trainer pauses by itself, puts the whole session (model,
 * optimizer, history, place in the data) back to where the last published snapshot shows it, keeps
 * that snapshot, and says in its message which iteration diverged and how many were undone.
 * The thread itself is a {@link TrainerThread}, shared with {@link CompareTrainer}.
 *
 * <p>Each session records its {@link TrainingTimeline} as it trains; the entries are made on a
 * second thread, "latent-lab-timeline", which ends with the trainer.
 */
public final class Trainer extends BackgroundTrainer<TrainingSnapshot> {

    /** Snapshots take at most this share of the trainer's time. */
    static final double SNAPSHOT_SHARE = 0.05;

    private final TrainerThread<SessionWork, TrainingSnapshot> thread;
    /** The recorder of the session being trained, handed over from the trainer thread. */
    private final AtomicReference<TimelineRecorder> recorder;
    /** The estimates of the session being trained, likewise; {@code null} inside when none are made. */
    private final AtomicReference<EpochLikelihoodWorker> likelihoods;

    /**
     * Builds the first session on the calling thread (so construction errors reach the caller),
     * publishes its snapshot and starts the trainer thread, which then owns the session.
     *
     * @param sessionFactory makes a fresh session; called again on {@link #reset()}
     */
    public Trainer(Supplier<TrainingSession> sessionFactory) {
        this(sessionFactory, TrainerClock.SYSTEM, true, true);
    }

    /** A trainer that paces training and measures its speed by {@code clock}. */
    Trainer(Supplier<TrainingSession> sessionFactory, TrainerClock clock) {
        this(sessionFactory, clock, true, true);
    }

    /**
     * A trainer that records a timeline or not, and estimates the held-out −log p(x) after each
     * epoch or not: without them only to measure what they cost (src/bench/java,
     * TimelineCostBenchmark and EpochLikelihoodCostBenchmark).
     */
    Trainer(Supplier<TrainingSession> sessionFactory, boolean recordTimeline, boolean estimateLikelihood) {
        this(sessionFactory, TrainerClock.SYSTEM, recordTimeline, estimateLikelihood);
    }

    private Trainer(Supplier<TrainingSession> sessionFactory, TrainerClock clock, boolean recordTimeline,
                    boolean estimateLikelihood) {
        this(sessionFactory, clock, recordTimeline ? TimelineRecorder.newWorker() : null,
                estimateLikelihood ? EpochLikelihoodWorker.newWorker() : null, new AtomicReference<>(),
                new AtomicReference<>());
    }

    private Trainer(Supplier<TrainingSession> sessionFactory, TrainerClock clock, ExecutorService timelineWorker,
                    ExecutorService likelihoodWorker, AtomicReference<TimelineRecorder> recorder,
                    AtomicReference<EpochLikelihoodWorker> likelihoods) {
        this(new TrainerThread<>(() -> {
            TrainingSession made = sessionFactory.get();
            if (timelineWorker != null) {
                made.recordTimeline(timelineWorker);
                recorder.set(made.timelineRecorder());
            }
            EpochLikelihoodWorker estimates = likelihoodWorker == null ? null
                    : EpochLikelihoodWorker.standard(made.validation(), made.model().config(), likelihoodWorker);
            likelihoods.set(estimates);
            return new SessionWork(made, estimates);
        }, "latent-lab-trainer", SNAPSHOT_SHARE, clock), recorder, likelihoods);
        for (ExecutorService worker : new ExecutorService[] {timelineWorker, likelihoodWorker}) {
            if (worker != null) {
                thread.ended().thenRun(worker::shutdown);
            }
        }
    }

    private Trainer(TrainerThread<SessionWork, TrainingSnapshot> thread, AtomicReference<TimelineRecorder> recorder,
                    AtomicReference<EpochLikelihoodWorker> likelihoods) {
        super(thread);
        this.thread = thread;
        this.recorder = recorder;
        this.likelihoods = likelihoods;
    }

    /**
     * The held-out −log p(x) estimated after each epoch of the session being trained, so far: read
     * from any thread. An epoch's estimate follows its end by the estimate's time (docs/decisions/0071).
     */
    public EpochLikelihoods epochLikelihoods() {
        EpochLikelihoodWorker current = likelihoods.get();
        return current == null ? EpochLikelihoods.missing("not estimated by this trainer") : current.latest();
    }

    /**
     * The timeline of the session being trained, as recorded so far: read from any thread. Its
     * newest entry follows its moment by a few milliseconds.
     */
    public TrainingTimeline timeline() {
        TimelineRecorder current = recorder.get();
        return current == null ? TrainingTimeline.empty() : current.timeline();
    }

    /** Why the timeline missed its last moment; {@code null} when it did not. */
    public String timelineProblem() {
        TimelineRecorder current = recorder.get();
        return current == null ? null : current.problem();
    }

    /** Sets the target β of the current schedule, from the next iteration on. */
    public void setBeta(double beta) {
        BetaSchedule.Constant checked = new BetaSchedule.Constant(beta); // rejects bad values on the caller's thread
        thread.runAndAmend((work, last) -> {
            work.session().setBetaTarget(checked.target());
            return amended(work, last);
        });
    }

    /** Follows {@code schedule} from the next iteration on: a warm-up chosen now rises from 0 now. */
    public void setSchedule(BetaSchedule schedule) {
        thread.runAndAmend((work, last) -> {
            work.session().setSchedule(schedule);
            return amended(work, last);
        });
    }

    public void setLearningRate(double learningRate) {
        TrainingConfig.requireLearningRate(learningRate);
        thread.runAndAmend((work, last) -> {
            work.session().setLearningRate(learningRate);
            return amended(work, last);
        });
    }

    /** The last snapshot showing the session's β and learning rate as they are now. */
    private static TrainingSnapshot amended(SessionWork work, TrainingSnapshot last) {
        return last.withSettings(work.session().beta(), work.session().learningRate());
    }

    /**
     * Runs {@code action} on the trainer thread with its session, between iterations: for saving,
     * evaluating or anything else that must read the model while nothing changes it.
     */
    public void withSession(Consumer<TrainingSession> action) {
        thread.run(work -> action.accept(work.session()));
    }
}
