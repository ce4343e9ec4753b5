package org.latentlab.ui.loss;

import org.latentlab.ui.plot.AxisMapping;
import org.latentlab.ui.plot.Raster;

/**
 * A loss term's running mean drawn as a line into a plot's raster, from its {@link ColumnSummary}:
 * shared by the explorer's loss chart and the compare lab's small curves. Confined to the JavaFX
 * application thread.
 */
public final class LossLines {

    private LossLines() {
    }

    /**
     * The running mean as a line {@code 2 × halfWidth} pixels thick, straight across columns that
     * hold no iteration; values the axis cannot show (≤ 0 on a log axis) are skipped.
     */
    public static void drawSmoothed(Raster raster, ColumnSummary s, AxisMapping y, int rgb, double halfWidth) {
        int previousColumn = -1;
        double previousPixel = Double.NaN;
        for (int c = 0; c < s.columns(); c++) {
            double pixel = y.toPixel(s.smoothed(c));
            if (!Double.isFinite(pixel)) {
                continue;
            }
            if (previousColumn < 0) {
                raster.verticalSpan(c, pixel - halfWidth, pixel + halfWidth, rgb, 1);
            } else {
                for (int k = previousColumn + 1; k <= c; k++) {
                    double from = previousPixel + (pixel - previousPixel) * (k - 1 - previousColumn) / (c - previousColumn);
                    double to = previousPixel + (pixel - previousPixel) * (k - previousColumn) / (c - previousColumn);
                    raster.verticalSpan(k, Math.min(from, to) - halfWidth, Math.max(from, to) + halfWidth, rgb, 1);
                }
            }
            previousColumn = c;
            previousPixel = pixel;
        }
    }
}
