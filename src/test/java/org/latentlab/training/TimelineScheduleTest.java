package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TimelineScheduleTest {

    /** The iterations a schedule keeps when asked after every one of {@code iterations} steps. */
    private static long[] keptAfter(TimelineSchedule schedule, long iterations) {
        long[] kept = new long[0];
        for (long t = 0; t <= iterations; t++) {
            if (schedule.due(t)) {
                kept = schedule.take(t);
            }
        }
        return kept;
    }

    @Test
    void keepsEveryOneOfTheFirst64IterationsThenGapsOfAThirtySecondOfTheIteration() {
        long[] kept = keptAfter(new TimelineSchedule(TimelineSchedule.MAX_ENTRIES, TrainingTimeline.empty()), 10_000);
        assertArrayEquals(LongStream.range(0, 64).toArray(), Arrays.copyOf(kept, 64));
        assertArrayEquals(new long[] {64, 66, 68}, Arrays.copyOfRange(kept, 64, 67), "gap 2 from 64");
        assertArrayEquals(new long[] {96, 99, 102}, Arrays.copyOfRange(kept, 80, 83), "gap 3 from 96");
        for (int i = 65; i < kept.length; i++) {
            assertEquals(Math.max(1, kept[i - 1] / 32), kept[i] - kept[i - 1], "the gap after " + kept[i - 1]);
        }
        // 64 + 32 ln(10,000 / 64) = 225.6 for gaps of exactly t/32; rounding the gaps down adds a few.
        assertEquals(237, kept.length);
        assertEquals(9_910, kept[kept.length - 1]);
    }

    @Test
    void countsForShortAndLongRunsGrowWithTheLogarithmOfTheIterations() {
        int[] counts = new int[4];
        long[] lengths = {63, 1_000, 100_000, 1_000_000};
        for (int i = 0; i < lengths.length; i++) {
            counts[i] = keptAfter(new TimelineSchedule(TimelineSchedule.MAX_ENTRIES, TrainingTimeline.empty()),
                    lengths[i]).length;
        }
        assertArrayEquals(new int[] {64, 162, 312, 386}, counts);
    }

    @Test
    void aVeryLongRunIsThinnedAndNeverHoldsMoreThanItsCapacity() {
        TimelineSchedule schedule = new TimelineSchedule(TimelineSchedule.MAX_ENTRIES, TrainingTimeline.empty());
        long[] kept = new long[0];
        long t = 0;
        int largest = 0;
        while (t <= 1_000_000_000_000L) { // jumps from one due iteration to the next
            kept = schedule.take(t);
            largest = Math.max(largest, kept.length);
            long next = t + 1;
            while (!schedule.due(next)) {
                next += Math.max(1, (next - t) / 2);
            }
            t = next;
        }
        assertEquals(TimelineSchedule.MAX_ENTRIES, largest);
        assertTrue(schedule.level() >= 1, "thinned at least once, at level " + schedule.level());
        assertArrayEquals(LongStream.range(0, 64).toArray(), Arrays.copyOf(kept, 64), "the start stays dense");
        for (int i = 1; i < kept.length; i++) {
            assertTrue(kept[i] > kept[i - 1]);
        }
    }

    @Test
    void thinningKeepsTheHeadEveryOtherOfTheRestAndTheNewest() {
        TimelineSchedule schedule = new TimelineSchedule(8, TrainingTimeline.empty());
        long[] kept = keptAfter(schedule, 8);
        // Nine entries 0…8 exceed 8: the head of 4 stays, then 4, 6, 8 of 4…8.
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 6, 8}, kept);
        assertEquals(1, schedule.level());
        assertFalse(schedule.due(8));
        assertTrue(schedule.due(9), "gap max(1, 8·2/32) = 1");
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 6, 8, 9}, schedule.take(9));
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 8, 10}, schedule.take(10), "4, 8 of 4, 6, 8, 9, 10, and the newest");
        assertEquals(2, schedule.level());
    }

    @Test
    void theCapacityComesFromTheMemoryBudget() {
        assertEquals(400, TimelineSchedule.capacity(TimelineLayout.standard(1_000, 2, 28, 28)), "the embedded digits");
        assertEquals(203_313, TimelineLayout.standard(1_000, 2, 28, 28).entryBytes(),
                "8,000 for the points, 1 for the plane, 249 images of 784 pixels, 96 for the entry");
        assertEquals(130, TimelineSchedule.capacity(TimelineLayout.standard(1_000, 2, 64, 64)));
        assertEquals(0, TimelineSchedule.capacity(TimelineLayout.standard(1_000, 2, 512, 512)), "too large to record");
        TimelineSchedule none = new TimelineSchedule(0, TrainingTimeline.empty());
        assertFalse(none.due(0));
        assertThrows(IllegalStateException.class, () -> none.take(0));
    }
}
