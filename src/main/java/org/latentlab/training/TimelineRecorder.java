package org.latentlab.training;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records one session's timeline. The thread that trains the session asks {@link #due} after each
 * step and hands over a {@link TimelineCapture} when it is (the schedule lives there); the entry
 * is made from it on {@code worker} (projecting the probe's codes, decoding about 250 images,
 * packing them: a few milliseconds the trainer does not wait for), and {@link #timeline()} gives
 * the newest timeline to any thread.
 *
 * <p>{@link #due}, {@link #record} and {@link #awaitRecorded} are confined to the training
 * thread; the entries' frames are made on the worker, one capture after another in order.
 */
public final class TimelineRecorder {

    private final TimelineLayout layout;
    private final Executor worker;
    private final TimelineSchedule schedule;
    private final TimelineFrames frames;
    private final AtomicReference<TrainingTimeline> timeline;
    private final AtomicReference<String> problem = new AtomicReference<>();
    /** The last capture handed to the worker, which works in order; confined to the training thread. */
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    /**
     * @param base   the timeline so far (from a run file), to go on from; left out if its entries
     *               are of another layout
     * @param worker runs one task at a time, in order (a single thread)
     */
    TimelineRecorder(TimelineLayout layout, TrainingTimeline base, Executor worker) {
        TrainingTimeline start = base.isEmpty() || layout.equals(base.layout()) ? base : TrainingTimeline.empty();
        this.layout = layout;
        this.worker = worker;
        this.schedule = new TimelineSchedule(TimelineSchedule.capacity(layout), start);
        this.frames = new TimelineFrames(layout);
        this.timeline = new AtomicReference<>(start);
    }

    /** A worker for recorders: one daemon thread, "latent-lab-timeline". Shut it down when done. */
    public static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "latent-lab-timeline");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether the moment after {@code iteration} steps is to be recorded. */
    boolean due(long iteration) {
        return schedule.due(iteration);
    }

    /** Records {@code capture}'s moment, which must be {@link #due}; its entry appears a little later. */
    void record(TimelineCapture capture) {
        long[] kept = schedule.take(capture.iteration());
        int level = schedule.level();
        try {
            last = CompletableFuture.runAsync(() -> make(capture, kept, level), worker);
        } catch (RejectedExecutionException closing) {
            // The trainer is closing: nobody will see the entry.
        }
    }

    private void make(TimelineCapture capture, long[] kept, int level) {
        try {
            TimelineEntry entry = TimelineEntry.of(capture, frames.frameOf(capture));
            timeline.set(timeline.get().with(entry, kept, level, layout));
            problem.set(null);
        } catch (Throwable e) { // out of memory too: the timeline misses a moment, training goes on
            problem.set("The timeline could not record iteration " + capture.iteration() + ": " + e);
        }
    }

    /** Waits until every moment recorded so far is in {@link #timeline()}: before saving it. */
    void awaitRecorded() {
        last.join();
    }

    /** The timeline as recorded so far. */
    public TrainingTimeline timeline() {
        return timeline.get();
    }

    /** Why the last moment could not be recorded, while no later one has been; {@code null} otherwise. */
    public String problem() {
        return problem.get();
    }

    /** How many entries the timeline may hold (0 when its images are too large to record any). */
    public int capacity() {
        return schedule.capacity();
    }
}
