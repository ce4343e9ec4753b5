package org.latentlab.training;

import java.util.Arrays;

/**
 * Which iterations a timeline keeps: every one of the first {@value #PER_E_FOLD} × 2 (the scatter
 * changes most there), then each after a gap that grows with the iteration, t / {@value #PER_E_FOLD},
 * so that about {@value #PER_E_FOLD} entries are kept each time the iteration count grows e-fold
 * (≈ 227 entries for 10,000 iterations). The entries never exceed a capacity set by a memory
 * budget: when one more would, the schedule thins them, keeping the early ones (up to half the
 * capacity), every other one of the rest, and the newest, and records half as densely from then on.
 *
 * <p>Confined to the thread that trains the session.
 */
final class TimelineSchedule {

    /** Entries kept each time the iteration count grows e-fold, before any thinning. */
    static final int PER_E_FOLD = 32;
    /** The most entries a timeline holds. */
    static final int MAX_ENTRIES = 400;
    /** The most memory a timeline's entries may take, counting each at its unpacked size. */
    static final long MEMORY_BUDGET = 128L << 20;
    /** Fewer entries than this would not make a timeline worth replaying: none is recorded then. */
    static final int MIN_CAPACITY = 8;
    /** Thinning more often than this would need a run of more than 2⁶⁰ iterations. */
    static final int MAX_LEVEL = 60;

    private final int capacity;
    private long[] kept;
    private int count;
    private int level;
    private long nextDue;

    /**
     * @param capacity how many entries may be kept (0: record none)
     * @param base     the timeline recorded so far (a run opened from a file), to go on from
     */
    TimelineSchedule(int capacity, TrainingTimeline base) {
        if (capacity != 0 && (capacity < MIN_CAPACITY || capacity > MAX_ENTRIES)) {
            throw new IllegalArgumentException("a timeline keeps 0 or " + MIN_CAPACITY + " to " + MAX_ENTRIES
                    + " entries, not " + capacity);
        }
        this.capacity = capacity;
        this.level = base.level();
        this.kept = new long[Math.max(capacity + 1, base.size() + 1)];
        for (TimelineEntry entry : base.entries()) {
            kept[count++] = entry.iteration();
        }
        this.nextDue = count == 0 ? 0 : kept[count - 1] + gap(kept[count - 1]);
    }

    /** How many entries of {@code layout} fit the memory budget and {@value #MAX_ENTRIES}; 0 if too few. */
    static int capacity(TimelineLayout layout) {
        long fits = Math.min(MAX_ENTRIES, MEMORY_BUDGET / layout.entryBytes());
        return fits < MIN_CAPACITY ? 0 : (int) fits;
    }

    /** Whether the moment after {@code iteration} steps should be recorded. */
    boolean due(long iteration) {
        return capacity > 0 && iteration >= nextDue;
    }

    /**
     * Whether {@code iteration} is after every entry kept, so that it could be taken out of turn
     * (the moment training pauses or ends).
     */
    boolean isNew(long iteration) {
        return capacity > 0 && (count == 0 || iteration > kept[count - 1]);
    }

    /**
     * Takes {@code iteration} into the timeline, thinning if needed: when {@link #due}, or out of
     * turn when {@link #isNew}. The next is due a gap after it.
     *
     * @return the iterations kept, ascending, {@code iteration} last
     */
    long[] take(long iteration) {
        if (!isNew(iteration)) {
            throw new IllegalStateException("iteration " + iteration + " is not after the last one kept");
        }
        kept[count++] = iteration;
        while (count > capacity) {
            thin();
        }
        nextDue = iteration + gap(iteration);
        return Arrays.copyOf(kept, count);
    }

    /** Forgets the entries after {@code iteration}, which is due again next. */
    void undoAfter(long iteration) {
        while (count > 0 && kept[count - 1] > iteration) {
            count--;
        }
        nextDue = count == 0 ? 0 : Math.min(iteration + 1, kept[count - 1] + gap(kept[count - 1]));
    }

    /** How many times the entries have been thinned. */
    int level() {
        return level;
    }

    int capacity() {
        return capacity;
    }

    /** Keeps the early entries, every other one of the rest and the newest; records half as densely. */
    private void thin() {
        int head = Math.min(2 * PER_E_FOLD, capacity / 2);
        int length = head;
        for (int i = head; i < count; i++) {
            if ((i - head) % 2 == 0 || i == count - 1) {
                kept[length++] = kept[i];
            }
        }
        count = length;
        level = Math.min(MAX_LEVEL, level + 1);
    }

    /** The iterations from {@code iteration} to the next entry: t · 2^level / {@value #PER_E_FOLD}, at least 1. */
    private long gap(long iteration) {
        double gap = Math.floor(iteration * Math.scalb(1.0, level) / PER_E_FOLD);
        return (long) Math.max(1, Math.min(gap, 1e15));
    }
}
