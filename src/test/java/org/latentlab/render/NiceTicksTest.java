package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NiceTicksTest {

    @Test
    void unitRangeGetsFifths() {
        NiceTicks ticks = NiceTicks.linear(0, 1, 6);
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), ticks.values());
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), ticks.labels());
    }

    @Test
    void symmetricLatentRangeGetsWholeNumbersWithTrueMinusSigns() {
        NiceTicks ticks = NiceTicks.linear(-3, 3, 7);
        assertEquals(List.of(-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0), ticks.values());
        assertEquals(List.of("−3", "−2", "−1", "0", "1", "2", "3"), ticks.labels());
    }

    @Test
    void lossRangesGetStepsOfOneTwoOrFive() {
        assertEquals(100, NiceTicks.linear(0, 543, 8).step(), 1e-12);
        assertEquals(List.of(0.0, 100.0, 200.0, 300.0, 400.0, 500.0), NiceTicks.linear(0, 543, 8).values());
        assertEquals(List.of(160.0, 180.0, 200.0, 220.0, 240.0), NiceTicks.linear(160, 250, 6).values());
        assertEquals(0.05, NiceTicks.linear(0.01, 0.26, 6).step(), 1e-12);
    }

    @Test
    void largeCountsAreGroupedByThousands() {
        NiceTicks ticks = NiceTicks.linear(0, 100_000, 10);
        assertEquals(20_000, ticks.step(), 1e-9);
        assertEquals(List.of("0", "20,000", "40,000", "60,000", "80,000", "100,000"), ticks.labels());
    }

    @Test
    void ticksNeverExceedTheAskedCount() {
        for (double max = 0.7; max < 5_000; max *= 1.37) {
            for (int count = 2; count <= 12; count++) {
                NiceTicks ticks = NiceTicks.linear(-max / 3, max, count);
                int size = ticks.values().size();
                assertEquals(true, size <= count && size >= 1, "range up to " + max + " with " + count + " ticks gave " + size);
            }
        }
    }

    @Test
    void logarithmicTicksAreDecadesOrOneTwoFive() {
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0), NiceTicks.logarithmic(1, 1000).values());
        NiceTicks shortRange = NiceTicks.logarithmic(0.5, 20);
        assertEquals(List.of(0.5, 1.0, 2.0, 5.0, 10.0, 20.0), shortRange.values());
        assertEquals(List.of("0.5", "1", "2", "5", "10", "20"), shortRange.labels());
        assertEquals(List.of("0.01", "0.1", "1", "10", "100", "1,000"), NiceTicks.logarithmic(0.01, 1000).labels());
    }

    @Test
    void roundingUpReachesTheNextTick() {
        assertEquals(5, NiceTicks.roundUp(4.2, 4.2, 8), 1e-12);
        assertEquals(3, NiceTicks.roundUp(3, 3, 8), 1e-12);
        assertEquals(350, NiceTicks.roundUp(331, 331, 8), 1e-12);
        assertEquals(-50, NiceTicks.roundDown(-42, 300, 8), 1e-12);
    }

    @Test
    void negativeZeroIsPrintedAsZero() {
        assertEquals("0.0", NiceTicks.format(-0.0, 1));
        assertEquals("0", NiceTicks.format(-0.2, 0));
        assertEquals("−1.64", NiceTicks.format(-1.6448536, 2));
    }

    @Test
    void refusesRangesThatAreNotRanges() {
        assertThrows(IllegalArgumentException.class, () -> NiceTicks.linear(2, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> NiceTicks.linear(0, Double.NaN, 5));
        assertThrows(IllegalArgumentException.class, () -> NiceTicks.logarithmic(0, 10));
    }
}
