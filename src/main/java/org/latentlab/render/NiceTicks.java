package org.latentlab.render;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions for an axis at round values: steps of 1, 2 or 5 times a power of ten, or decades
 * (with 2 and 5 between them when the range is short) for a logarithmic axis.
 *
 * @param values the tick positions, ascending, all inside the range they were made for
 * @param step   the distance between neighbouring linear ticks, or 0 for logarithmic ticks
 */
public record NiceTicks(List<Double> values, double step) {

    private static final double[] MANTISSAS = {1, 2, 5};

    public NiceTicks {
        values = List.copyOf(values);
    }

    /**
     * The ticks with the smallest 1-2-5 step that puts at most {@code maxCount} ticks in
     * {@code [min, max]}.
     */
    public static NiceTicks linear(double min, double max, int maxCount) {
        checkRange(min, max);
        if (maxCount < 2) {
            throw new IllegalArgumentException("an axis needs room for at least 2 ticks, got " + maxCount);
        }
        if (min == max) {
            return new NiceTicks(List.of(min), 0);
        }
        int exponent = (int) Math.floor(Math.log10((max - min) / maxCount));
        for (int e = exponent; ; e++) {
            for (double mantissa : MANTISSAS) {
                BigDecimal step = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(e);
                double stepValue = step.doubleValue();
                long first = (long) Math.ceil(min / stepValue - 1e-9);
                long last = (long) Math.floor(max / stepValue + 1e-9);
                if (last - first + 1 <= maxCount) {
                    List<Double> values = new ArrayList<>();
                    for (long i = first; i <= last; i++) {
                        values.add(step.multiply(BigDecimal.valueOf(i)).doubleValue());
                    }
                    return new NiceTicks(values, stepValue);
                }
            }
        }
    }

    /**
     * Ticks for a logarithmic axis over {@code [min, max]}, both positive: every decade, and also 2
     * and 5 times each decade when the range spans fewer than three decades.
     */
    public static NiceTicks logarithmic(double min, double max) {
        checkRange(min, max);
        if (!(min > 0)) {
            throw new IllegalArgumentException("a logarithmic axis needs a positive minimum, got " + min);
        }
        boolean withIntermediates = Math.log10(max / min) < 3;
        double[] mantissas = withIntermediates ? MANTISSAS : new double[] {1};
        List<Double> values = new ArrayList<>();
        int firstDecade = (int) Math.floor(Math.log10(min));
        int lastDecade = (int) Math.ceil(Math.log10(max));
        for (int e = firstDecade; e <= lastDecade; e++) {
            for (double mantissa : mantissas) {
                double value = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(e).doubleValue();
                if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) {
                    values.add(value);
                }
            }
        }
        return new NiceTicks(values, 0);
    }

    /**
     * The smallest multiple of a 1-2-5 step (for a span of about {@code maxCount} ticks) at or
     * above {@code value}: a round upper end for an axis.
     */
    public static double roundUp(double value, double span, int maxCount) {
        double step = linear(0, Math.abs(span), maxCount).step();
        return step == 0 ? value : Math.ceil(value / step - 1e-9) * step;
    }

    /**
     * The smallest multiple of a 1-2-5 step (for a span of about {@code maxCount} ticks) at or
     * below {@code value}.
     */
    public static double roundDown(double value, double span, int maxCount) {
        double step = linear(0, Math.abs(span), maxCount).step();
        return step == 0 ? value : Math.floor(value / step + 1e-9) * step;
    }

    /** The labels of the ticks, with as many decimals as the step needs and a true minus sign. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(values.size());
        int decimals = step > 0 ? decimalsOf(step) : 0;
        for (double v : values) {
            labels.add(format(v, step > 0 ? decimals : decimalsOf(v)));
        }
        return labels;
    }

    /** The decimals a round number (one significant digit) needs: 2 for 0.05, 0 for 500. */
    private static int decimalsOf(double roundNumber) {
        return roundNumber == 0 ? 0 : Math.max(0, (int) -Math.floor(Math.log10(Math.abs(roundNumber)) + 1e-9));
    }

    /**
     * {@code value} with {@code decimals} decimals, thousands grouped by commas and a true minus
     * sign (U+2212), which reads better than a hyphen at the back of a room.
     */
    static String format(double value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        String text = format.format(value);
        if (text.startsWith("-")) {
            text = isZero(text) ? text.substring(1) : "\u2212" + text.substring(1);
        }
        return text;
    }

    private static boolean isZero(String text) {
        return text.chars().noneMatch(c -> c >= '1' && c <= '9');
    }

    private static void checkRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("an axis range must be finite with min ≤ max, got ["
                    + min + ", " + max + "]");
        }
    }
}
