package org.latentlab.training;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records one session's timeline. The thread that trains the session asks {@link #due} after each
 * step and hands over a {@link TimelineCapture} (a copy of the weights) when it is: the schedule
 * lives there. The entry is made from it on {@code worker} (encoding the probe, decoding about 250
 * images, laying them out: several milliseconds the trainer does not wait for), and
 * {@link #timeline()} gives the newest timeline to any thread. Entries are made with their frames
 * stored, and Huffman-coded to about half the room ({@link TimelineEntry#compacted}) only when no
 * capture waits for the worker: in the dense start of training the worker then keeps up, where
 * coding every frame at once made the trainer wait for it (note 0096). Should the worker fall behind by
 * {@value #MAX_WAITING_BYTES} bytes of captured weights (20 captures of the reference network, in
 * the dense start of a fast run), the trainer waits for it, so that memory stays bounded.
 *
 * <p>{@link #due}, {@link #isNew}, {@link #record}, {@link #undoAfter} and {@link #awaitRecorded}
 * are confined to the training thread; the entries' frames are made on the worker, one capture after another.
 */
public final class TimelineRecorder {

    /** The most memory that captures waiting for the worker may hold (at least two wait). */
    static final long MAX_WAITING_BYTES = 32L << 20;

    private final TimelineLayout layout;
    private final Executor worker;
    private final int maxWaiting;
    private final TimelineSchedule schedule;
    private final TimelineFrames frames;
    private final AtomicReference<TrainingTimeline> timeline;
    private final AtomicReference<String> problem = new AtomicReference<>();
    /** What was handed to the worker and is not done, oldest first; confined to the training thread. */
    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    /** Captures handed to the worker that it has not begun. */
    private final AtomicInteger queued = new AtomicInteger();
    /** The moments whose frames are still stored, oldest first; confined to the worker. */
    private final Deque<Long> stored = new ArrayDeque<>();

    /**
     * @param frames makes the entries' frames on the worker
     * @param base   the timeline so far (from a run file), to go on from; left out if its entries
     *               are of another layout
     * @param worker runs one task at a time, in order (a single thread)
     */
    TimelineRecorder(TimelineLayout layout, TimelineFrames frames, TrainingTimeline base, Executor worker) {
        TrainingTimeline start = base.isEmpty() || layout.equals(base.layout()) ? base : TrainingTimeline.empty();
        this.layout = layout;
        this.worker = worker;
        this.maxWaiting = (int) Math.max(2, Math.min(64, MAX_WAITING_BYTES / (4 * frames.parameterCount())));
        this.schedule = new TimelineSchedule(TimelineSchedule.capacity(layout), start);
        this.frames = frames;
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

    /** Whether {@code iteration} is after every moment recorded, so that it may be recorded out of turn. */
    boolean isNew(long iteration) {
        return schedule.isNew(iteration);
    }

    /** Records {@code capture}'s moment, {@link #due} or {@link #isNew}; its entry appears a little later. */
    void record(TimelineCapture capture) {
        long[] kept = schedule.take(capture.iteration());
        int level = schedule.level();
        queued.incrementAndGet();
        submit(() -> {
            queued.decrementAndGet();
            make(capture, kept, level);
            compactWhileIdle();
        });
    }

    /**
     * Forgets the moments after {@code iteration}: the session has gone back there (a diverged
     * step undone) and will train them again.
     */
    void undoAfter(long iteration) {
        schedule.undoAfter(iteration);
        submit(() -> timeline.set(timeline.get().upTo(iteration)));
    }

    /** Runs {@code task} on the worker after those handed over before; first waits if too many wait. */
    private void submit(Runnable task) {
        waiting.removeIf(CompletableFuture::isDone);
        while (waiting.size() >= maxWaiting) {
            waiting.removeFirst().join();
        }
        try {
            waiting.addLast(CompletableFuture.runAsync(task, worker));
        } catch (RejectedExecutionException closing) {
            // The trainer is closing: nobody will see the entry.
        }
    }

    private void make(TimelineCapture capture, long[] kept, int level) {
        try {
            TimelineEntry entry = TimelineEntry.of(capture, frames.frameOf(capture));
            timeline.set(timeline.get().with(entry, kept, level, layout));
            stored.addLast(capture.iteration());
            problem.set(null);
        } catch (Throwable e) { // out of memory too: the timeline misses a moment, training goes on
            problem.set("The timeline could not record iteration " + capture.iteration() + ": " + e);
        }
    }

    /**
     * Huffman-codes the stored frames, oldest first, until none is left or a capture waits. A frame
     * thinned or undone meanwhile is passed over; one that cannot be coded stays stored.
     */
    private void compactWhileIdle() {
        while (queued.get() == 0 && !stored.isEmpty()) {
            long iteration = stored.removeFirst();
            TrainingTimeline now = timeline.get();
            int index = now.isEmpty() ? -1 : now.nearest(iteration);
            if (index >= 0 && now.entry(index).iteration() == iteration) {
                try {
                    timeline.set(now.replacing(index, now.entry(index).compacted(layout)));
                } catch (RuntimeException | OutOfMemoryError e) { // it stays as it is, stored: twice the room
                    problem.set("The timeline could not compress iteration " + iteration + ": " + e);
                }
            }
        }
    }

    /** Waits until every moment recorded so far is in {@link #timeline()}, compressed: before saving it. */
    void awaitRecorded() {
        while (!waiting.isEmpty()) {
            waiting.removeFirst().join();
        }
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
