package org.latentlab.render;

import java.awt.geom.Path2D;

/**
 * The line through a long series as it can be seen at a given pixel width: for each pixel column
 * the first, lowest, highest and last value that fall in it (the "M4" reduction), so a line of
 * 100,000 points costs about four points per column and looks the same as the full line.
 */
final class SeriesOutline {

    private SeriesOutline() {
    }

    /**
     * The path through {@code values[i]} at x = {@code i + 1}, mapped by the two scales. Values that
     * are NaN, or not positive on a logarithmic vertical axis, are skipped.
     */
    static Path2D path(float[] values, AxisScale x, AxisScale y) {
        Path2D.Double path = new Path2D.Double();
        int n = values.length;
        if (n <= 2 * x.pixelLength()) {
            for (int i = 0; i < n; i++) {
                if (drawable(values[i], y)) {
                    add(path, x.toPixel(i + 1), y.toPixel(values[i]));
                }
            }
            return path;
        }
        long column = Long.MIN_VALUE;
        int first = -1;
        int last = -1;
        int lowest = -1;
        int highest = -1;
        for (int i = 0; i < n; i++) {
            float v = values[i];
            if (!drawable(v, y)) {
                continue;
            }
            long c = (long) Math.floor(x.toPixel(i + 1));
            if (c != column) {
                if (first >= 0) {
                    addColumn(path, values, x, y, first, lowest, highest, last);
                }
                column = c;
                first = lowest = highest = i;
            }
            if (v < values[lowest]) {
                lowest = i;
            }
            if (v > values[highest]) {
                highest = i;
            }
            last = i;
        }
        if (first >= 0) {
            addColumn(path, values, x, y, first, lowest, highest, last);
        }
        return path;
    }

    private static void addColumn(Path2D path, float[] values, AxisScale x, AxisScale y,
                                  int first, int lowest, int highest, int last) {
        add(path, x.toPixel(first + 1), y.toPixel(values[first]));
        if (lowest < highest) {
            add(path, x.toPixel(lowest + 1), y.toPixel(values[lowest]));
            add(path, x.toPixel(highest + 1), y.toPixel(values[highest]));
        } else {
            add(path, x.toPixel(highest + 1), y.toPixel(values[highest]));
            add(path, x.toPixel(lowest + 1), y.toPixel(values[lowest]));
        }
        add(path, x.toPixel(last + 1), y.toPixel(values[last]));
    }

    private static void add(Path2D path, double px, double py) {
        if (path.getCurrentPoint() == null) {
            path.moveTo(px, py);
        } else {
            path.lineTo(px, py);
        }
    }

    static boolean drawable(float v, AxisScale y) {
        return !Float.isNaN(v) && !Float.isInfinite(v) && (!y.logarithmic() || v > 0);
    }

    /**
     * The mean of each value with its neighbours, {@code window} values centred on it (fewer at the
     * ends), NaN values left out; NaN where a window holds no number.
     */
    static float[] centredMean(float[] values, int window) {
        int n = values.length;
        double[] sums = new double[n + 1];
        int[] counts = new int[n + 1];
        for (int i = 0; i < n; i++) {
            boolean number = Float.isFinite(values[i]);
            sums[i + 1] = sums[i] + (number ? values[i] : 0);
            counts[i + 1] = counts[i] + (number ? 1 : 0);
        }
        int half = window / 2;
        float[] means = new float[n];
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(n, i + half + 1);
            int count = counts[to] - counts[from];
            means[i] = count == 0 ? Float.NaN : (float) ((sums[to] - sums[from]) / count);
        }
        return means;
    }
}
