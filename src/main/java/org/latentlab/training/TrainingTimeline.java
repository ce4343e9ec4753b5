package org.latentlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The moments of a training run that can be replayed: entries in increasing iteration order, all
 * of one {@link TimelineLayout}, kept by a {@link TimelineSchedule} (dense early, sparse later,
 * never more than its capacity). Immutable and safe to share between threads; a recorder replaces
 * the whole value when it adds an entry.
 */
public final class TrainingTimeline {

    private static final TrainingTimeline EMPTY = new TrainingTimeline(null, 0, List.of());

    private final TimelineLayout layout;
    private final int level;
    private final List<TimelineEntry> entries;

    /**
     * @param layout  what every entry holds; {@code null} only when there are no entries
     * @param level   how many times the schedule has thinned the entries (each time it halves how
     *                densely it records from then on)
     * @param entries in strictly increasing iteration order
     */
    TrainingTimeline(TimelineLayout layout, int level, List<TimelineEntry> entries) {
        this.entries = List.copyOf(entries);
        if (layout == null && !this.entries.isEmpty()) {
            throw new IllegalArgumentException("a timeline of " + entries.size() + " entries needs a layout");
        }
        if (level < 0 || level > TimelineSchedule.MAX_LEVEL) {
            throw new IllegalArgumentException("a timeline thinned " + level + " times");
        }
        for (int i = 1; i < this.entries.size(); i++) {
            if (this.entries.get(i).iteration() <= this.entries.get(i - 1).iteration()) {
                throw new IllegalArgumentException("timeline entries out of order: iteration "
                        + this.entries.get(i).iteration() + " after " + this.entries.get(i - 1).iteration());
            }
        }
        this.layout = layout;
        this.level = level;
    }

    /** A timeline with no entries: a run recorded without one, or saved before timelines existed. */
    public static TrainingTimeline empty() {
        return EMPTY;
    }

    /**
     * This timeline with only the entries at {@code kept} iterations (ascending) and then {@code added},
     * thinned {@code newLevel} times.
     */
    TrainingTimeline with(TimelineEntry added, long[] kept, int newLevel, TimelineLayout entryLayout) {
        if (layout != null && !layout.equals(entryLayout)) {
            throw new IllegalArgumentException("an entry of layout " + entryLayout + " in a timeline of " + layout);
        }
        List<TimelineEntry> next = new ArrayList<>(entries.size() + 1);
        for (TimelineEntry entry : entries) {
            if (Arrays.binarySearch(kept, entry.iteration()) >= 0 && entry.iteration() < added.iteration()) {
                next.add(entry);
            }
        }
        next.add(added);
        return new TrainingTimeline(entryLayout, newLevel, next);
    }

    /** This timeline with entry {@code index} replaced by {@code entry}, of the same moment. */
    TrainingTimeline replacing(int index, TimelineEntry entry) {
        if (entry.iteration() != entries.get(index).iteration()) {
            throw new IllegalArgumentException("entry " + index + " is at iteration " + entries.get(index).iteration()
                    + ", not " + entry.iteration());
        }
        List<TimelineEntry> next = new ArrayList<>(entries);
        next.set(index, entry);
        return new TrainingTimeline(layout, level, next);
    }

    /** This timeline without the entries after {@code iteration}. */
    TrainingTimeline upTo(long iteration) {
        int keep = atOrBefore(iteration) + 1;
        return keep == entries.size() ? this
                : new TrainingTimeline(keep == 0 ? null : layout, level, entries.subList(0, keep));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    public TimelineEntry entry(int index) {
        return entries.get(index);
    }

    public List<TimelineEntry> entries() {
        return entries;
    }

    /** What every entry holds; {@code null} for an empty timeline. */
    public TimelineLayout layout() {
        return layout;
    }

    /** How many times the entries have been thinned to stay within the schedule's capacity. */
    public int level() {
        return level;
    }

    /** The memory its entries take, in bytes. */
    public long bytes() {
        long total = 0;
        for (TimelineEntry entry : entries) {
            total += entry.bytes();
        }
        return total;
    }

    /** What entry {@code index} showed. */
    public TimelineFrame frame(int index) {
        return entries.get(index).frame(layout);
    }

    /** The index of the entry whose iteration is nearest to {@code iteration} (the earlier of two); −1 if empty. */
    public int nearest(long iteration) {
        int before = atOrBefore(iteration);
        if (before + 1 < entries.size() && (before < 0
                || entries.get(before + 1).iteration() - iteration < iteration - entries.get(before).iteration())) {
            return before + 1;
        }
        return before;
    }

    /** The index of the last entry at or before {@code iteration}; −1 if none. */
    public int atOrBefore(long iteration) {
        int low = 0;
        int high = entries.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (entries.get(middle).iteration() <= iteration) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingTimeline t && level == t.level && Objects.equals(layout, t.layout)
                && entries.equals(t.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layout, level, entries);
    }

    @Override
    public String toString() {
        return "TrainingTimeline[" + entries.size() + " entries, level " + level + ", " + bytes() + " bytes]";
    }
}
