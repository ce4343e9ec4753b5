package org.latentlab.ui.loss;

/**
 * One loss term condensed to a plot's pixel columns, so a curve of 100,000 iterations draws as
 * fast as one of a few hundred and looks the same: per column the lowest, highest, first and last
 * raw value of the iterations it covers, and the running mean the bold line follows. Made from the
 * series' per-block summaries ({@link LossBlocks}), so its cost grows with the columns, not the run.
 * Immutable.
 *
 * <p>Column c covers iterations whose x value (1-based iteration number) falls in
 * [c·perColumn, (c+1)·perColumn) where {@code perColumn = xMax / columns}. A column with no
 * iteration holds NaN.
 */
public final class ColumnSummary {

    private final float[] low;
    private final float[] high;
    private final float[] first;
    private final float[] last;
    private final float[] smoothed;

    private ColumnSummary(int columns) {
        low = new float[columns];
        high = new float[columns];
        first = new float[columns];
        last = new float[columns];
        smoothed = new float[columns];
    }

    /**
     * Summarises {@code series} (iteration i + 1 at index i) into {@code columns} columns spanning
     * x from 0 to {@code xMax}, smoothing over {@code window} iterations centred on each column.
     */
    public static ColumnSummary of(LossSeries series, LossSeries.Term term, int columns, double xMax, int window) {
        int n = series.size();
        ColumnSummary summary = new ColumnSummary(columns);
        double perColumn = xMax / columns;
        for (int c = 0; c < columns; c++) {
            // Iteration numbers (1-based) k with c·perColumn ≤ k < (c+1)·perColumn, as 0-based indices.
            int from = Math.max(0, (int) Math.ceil(c * perColumn) - 1);
            int to = Math.min(n, (int) Math.ceil((c + 1) * perColumn) - 1);
            LossBlocks.Fold values = series.fold(term, from, to);
            summary.low[c] = values.low;
            summary.high[c] = values.high;
            summary.first[c] = firstFinite(series, term, from, to);
            summary.last[c] = lastFinite(series, term, from, to);
            summary.smoothed[c] = Float.NaN;
            if (from < to) {
                int centre = (from + to - 1) / 2;
                LossBlocks.Fold around = series.fold(term, Math.max(0, centre - window / 2),
                        Math.min(n, centre + window / 2 + 1));
                if (around.count > 0) {
                    summary.smoothed[c] = (float) (around.sum / around.count);
                }
            }
        }
        return summary;
    }

    private static float firstFinite(LossSeries series, LossSeries.Term term, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = series.value(term, i);
            if (Float.isFinite(v)) {
                return v;
            }
        }
        return Float.NaN;
    }

    private static float lastFinite(LossSeries series, LossSeries.Term term, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            float v = series.value(term, i);
            if (Float.isFinite(v)) {
                return v;
            }
        }
        return Float.NaN;
    }

    public int columns() {
        return low.length;
    }

    public float low(int column) {
        return low[column];
    }

    public float high(int column) {
        return high[column];
    }

    public float first(int column) {
        return first[column];
    }

    public float last(int column) {
        return last[column];
    }

    /** The mean over the smoothing window centred on the column's iterations. */
    public float smoothed(int column) {
        return smoothed[column];
    }
}
