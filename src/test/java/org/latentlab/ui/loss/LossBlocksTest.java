package org.latentlab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.training.IterationHistory;

class LossBlocksTest {

    /** Appends {@code count} noisy, slowly falling losses, some of them NaN or zero, seeded. */
    private static void append(IterationHistory history, int count, SplittableRandom random) {
        for (int i = 0; i < count; i++) {
            double total = 150 + 400 * Math.exp(-history.size() / 2000.0) + 20 * random.nextDouble();
            double kl = random.nextInt(50) == 0 ? 0 : 5 * random.nextDouble();
            if (random.nextInt(997) == 0) {
                total = Double.NaN;
            }
            history.append(total, total - kl, kl, 1);
        }
    }

    /** Column summaries as they were made before the blocks: from every raw value. */
    private static void assertSameAsEveryValue(LossSeries series, int columns) {
        int n = series.size();
        double perColumn = (double) Math.max(10, n) / columns;
        int window = LossChartViewModel.smoothingWindow(n);
        for (LossSeries.Term term : LossSeries.Term.values()) {
            ColumnSummary summary = ColumnSummary.of(series, term, columns, Math.max(10, n), window);
            for (int c = 0; c < columns; c++) {
                int from = Math.max(0, (int) Math.ceil(c * perColumn) - 1);
                int to = Math.min(n, (int) Math.ceil((c + 1) * perColumn) - 1);
                float low = Float.NaN;
                float high = Float.NaN;
                for (int i = from; i < to; i++) {
                    float v = series.value(term, i);
                    if (Float.isFinite(v)) {
                        low = Float.isNaN(low) ? v : Math.min(low, v);
                        high = Float.isNaN(high) ? v : Math.max(high, v);
                    }
                }
                assertEquals(low, summary.low(c), term + " column " + c);
                assertEquals(high, summary.high(c), term + " column " + c);
                if (from < to) {
                    int centre = (from + to - 1) / 2;
                    double sum = 0;
                    int count = 0;
                    for (int i = Math.max(0, centre - window / 2); i < Math.min(n, centre + window / 2 + 1); i++) {
                        float v = series.value(term, i);
                        if (Float.isFinite(v)) {
                            sum += v;
                            count++;
                        }
                    }
                    assertEquals(count == 0 ? Float.NaN : (float) (sum / count), summary.smoothed(c), 1e-3,
                            term + " column " + c);
                }
            }
        }
    }

    @Test
    void columnsFromBlocksAreThoseOfEveryValue() {
        IterationHistory history = new IterationHistory();
        append(history, 50_003, new SplittableRandom(7));
        LossSeries series = new LossSeries(history.view(), List.of(), true);
        assertSameAsEveryValue(series, 400);
        assertSameAsEveryValue(series, 37);
        assertSameAsEveryValue(series, 50_003); // fewer iterations per column than a block
    }

    @Test
    void aGrowingRunSharesItsBlocksAndACutOneStartsAgain() {
        SplittableRandom random = new SplittableRandom(11);
        IterationHistory history = new IterationHistory();
        append(history, 1_000, random);
        LossSeries first = new LossSeries(history.view(), List.of(), true);
        append(history, 9_000, random);
        LossSeries grown = LossSeries.after(first, history.view(), List.of(), true, false);
        assertSame(first.blocks(), grown.blocks());
        assertSameAsEveryValue(grown, 300);
        assertSameAsEveryValue(first, 300); // the earlier series still reads only its own iterations

        history.truncate(4_321); // a diverged step undone: the entries after it are written again
        append(history, 3_000, random);
        LossSeries afterCut = LossSeries.after(grown, history.view(), List.of(), true, false);
        assertNotSame(grown.blocks(), afterCut.blocks());
        assertSameAsEveryValue(afterCut, 300);

        LossSeries otherRun = LossSeries.after(afterCut, new IterationHistory().view(), List.of(), true, false);
        assertNotSame(afterCut.blocks(), otherRun.blocks());
    }

    @Test
    void theLogarithmicRangeAndTheCutOffReadTheBlocks() {
        IterationHistory history = new IterationHistory();
        append(history, 20_000, new SplittableRandom(3));
        LossSeries series = new LossSeries(history.view(), List.of(), true);
        float lowestPositive = Float.MAX_VALUE;
        float highest = -Float.MAX_VALUE;
        float startHighest = -Float.MAX_VALUE;
        for (LossSeries.Term term : LossChartViewModel.terms(series)) {
            for (int i = 0; i < series.size(); i++) {
                float v = series.value(term, i);
                if (Float.isFinite(v) && v > 0) {
                    lowestPositive = Math.min(lowestPositive, v);
                    highest = Math.max(highest, v);
                }
                if (term == LossSeries.Term.TOTAL && i < series.size() / 10 && Float.isFinite(v)) {
                    startHighest = Math.max(startHighest, v);
                }
            }
        }
        double[] range = LossChartViewModel.yRange(series, true, 1);
        assertEquals(Math.pow(10, Math.floor(Math.log10(lowestPositive))), range[0], 1e-9);
        assertEquals(Math.pow(10, Math.ceil(Math.log10(highest * 1.0001))), range[1], 1e-9);
        assertEquals(true, LossChartViewModel.cutsOffTheStart(series, startHighest - 0.01));
        assertEquals(false, LossChartViewModel.cutsOffTheStart(series, startHighest));
    }
}
