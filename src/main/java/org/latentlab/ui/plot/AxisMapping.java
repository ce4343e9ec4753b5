package org.latentlab.ui.plot;

import java.util.List;
import org.latentlab.render.NiceTicks;

/**
 * Where values of one axis land in pixels, linearly or logarithmically: {@code min} at
 * {@code pixelStart}, {@code max} at {@code pixelEnd} (which may be smaller, for an upward axis).
 * Immutable.
 */
public record AxisMapping(double min, double max, double pixelStart, double pixelEnd, boolean logarithmic) {

    public AxisMapping {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("an axis needs finite min < max, got [" + min + ", " + max + "]");
        }
        if (logarithmic && min <= 0) {
            throw new IllegalArgumentException("a logarithmic axis must start above 0, got " + min);
        }
    }

    public static AxisMapping linear(double min, double max, double pixelStart, double pixelEnd) {
        return new AxisMapping(min, max, pixelStart, pixelEnd, false);
    }

    public double toPixel(double value) {
        return pixelStart + (pixelEnd - pixelStart) * fraction(value);
    }

    public double toValue(double pixel) {
        double f = (pixel - pixelStart) / (pixelEnd - pixelStart);
        return logarithmic ? min * Math.pow(max / min, f) : min + (max - min) * f;
    }

    /** How far along the axis {@code value} lies: 0 at min, 1 at max (NaN for non-positive values on a log axis). */
    public double fraction(double value) {
        if (logarithmic) {
            return value > 0 ? Math.log(value / min) / Math.log(max / min) : Double.NaN;
        }
        return (value - min) / (max - min);
    }

    public boolean contains(double value) {
        double f = fraction(value);
        return f >= 0 && f <= 1;
    }

    /** Pixels per unit of value on a linear axis. */
    public double scale() {
        return (pixelEnd - pixelStart) / (max - min);
    }

    /** Round-numbered tick values about {@code spacing} pixels apart. */
    public List<Double> ticks(double spacing) {
        if (logarithmic) {
            return NiceTicks.logarithmic(min, max).values();
        }
        int count = (int) Math.max(4, Math.abs(pixelEnd - pixelStart) / spacing);
        return NiceTicks.linear(min, max, count).values();
    }

    /** A tick value as a short label: "0.5", "150", "1e4". */
    public static String label(double value) {
        double magnitude = Math.abs(value);
        if (value == 0) {
            return "0";
        }
        if (magnitude >= 1e5 || magnitude < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.0e", value).replace("e+0", "e").replace("e-0", "e-");
        }
        if (Math.rint(value) == value) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) value);
        }
        String text = String.format(java.util.Locale.ROOT, "%.3f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
