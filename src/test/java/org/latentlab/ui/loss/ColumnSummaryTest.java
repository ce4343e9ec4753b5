package org.latentlab.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.training.IterationHistory;

class ColumnSummaryTest {

    private static LossSeries series(float... totals) {
        IterationHistory history = new IterationHistory();
        for (float t : totals) {
            history.append(t, t - 1, 1, 1);
        }
        return new LossSeries(history.view(), List.of(), true);
    }

    @Test
    void keepsEveryColumnsLowestHighestFirstAndLast() {
        // 8 iterations (x = 1..8) into 4 columns of x width 2: column c covers x in [2c, 2c+2).
        LossSeries s = series(5, 9, 1, 7, 3, 3, 8, 2);
        ColumnSummary summary = ColumnSummary.of(s, LossSeries.Term.TOTAL, 4, 8, 1);
        // column 0: x = 1 → {5}; column 1: x = 2, 3 → {9, 1}; column 2: x = 4, 5 → {7, 3}; column 3: x = 6, 7 → {3, 8}
        assertEquals(5, summary.low(0));
        assertEquals(1, summary.low(1));
        assertEquals(9, summary.high(1));
        assertEquals(9, summary.first(1));
        assertEquals(1, summary.last(1));
        assertEquals(3, summary.low(2));
        assertEquals(8, summary.high(3));
    }

    @Test
    void smoothedValueIsTheMeanOfTheCentredWindow() {
        float[] values = new float[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? 10 : 20;
        }
        ColumnSummary summary = ColumnSummary.of(series(values), LossSeries.Term.TOTAL, 100, 1000, 11);
        for (int c = 1; c < 99; c++) {
            assertEquals(15, summary.smoothed(c), 1.0, "column " + c);
        }
        ColumnSummary reconstruction = ColumnSummary.of(series(values), LossSeries.Term.RECONSTRUCTION, 100, 1000, 11);
        assertEquals(summary.smoothed(50) - 1, reconstruction.smoothed(50), 1e-4);
    }

    @Test
    void columnsWithoutIterationsHoldNaN() {
        ColumnSummary summary = ColumnSummary.of(series(4, 6), LossSeries.Term.TOTAL, 20, 10, 1);
        int empty = 0;
        for (int c = 0; c < summary.columns(); c++) {
            if (Float.isNaN(summary.low(c))) {
                empty++;
            }
        }
        assertEquals(18, empty);
        assertTrue(Float.isNaN(summary.smoothed(0)));
    }
}
