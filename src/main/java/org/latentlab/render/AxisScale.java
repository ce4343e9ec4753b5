package org.latentlab.render;

/**
 * The mapping of one axis from data values to pixel positions, linear or logarithmic.
 *
 * <p>{@code pixelAtMin} may be larger than {@code pixelAtMax}: a vertical axis has its minimum at
 * the bottom, where image rows are larger.
 *
 * @param min         the data value at {@code pixelAtMin}
 * @param max         the data value at {@code pixelAtMax}; greater than {@code min}
 * @param pixelAtMin  the pixel coordinate of {@code min}
 * @param pixelAtMax  the pixel coordinate of {@code max}
 * @param logarithmic whether equal ratios (rather than equal differences) get equal distances;
 *                    then {@code min} must be positive
 */
record AxisScale(double min, double max, double pixelAtMin, double pixelAtMax, boolean logarithmic) {

    AxisScale {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("an axis needs finite min < max, got [" + min + ", " + max + "]");
        }
        if (logarithmic && !(min > 0)) {
            throw new IllegalArgumentException("a logarithmic axis needs a positive minimum, got " + min);
        }
    }

    static AxisScale linear(double min, double max, double pixelAtMin, double pixelAtMax) {
        return new AxisScale(min, max, pixelAtMin, pixelAtMax, false);
    }

    static AxisScale log(double min, double max, double pixelAtMin, double pixelAtMax) {
        return new AxisScale(min, max, pixelAtMin, pixelAtMax, true);
    }

    /** The pixel coordinate of {@code value}; values outside the range map outside the pixel span. */
    double toPixel(double value) {
        double fraction = logarithmic
                ? Math.log(value / min) / Math.log(max / min)
                : (value - min) / (max - min);
        return pixelAtMin + fraction * (pixelAtMax - pixelAtMin);
    }

    /** Whether {@code value} lies within [min, max] (and can be drawn on this axis). */
    boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** The ticks for this axis, at most {@code maxCount} of them when linear. */
    NiceTicks ticks(int maxCount) {
        return logarithmic ? NiceTicks.logarithmic(min, max) : NiceTicks.linear(min, max, maxCount);
    }

    /** How many pixels the axis spans. */
    double pixelLength() {
        return Math.abs(pixelAtMax - pixelAtMin);
    }
}
