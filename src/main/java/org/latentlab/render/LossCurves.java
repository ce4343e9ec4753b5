package org.latentlab.render;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A figure of a training run's losses against iterations: the training objective, its
 * reconstruction term and its KL term, and, where the objective is not the negative ELBO (β ≠ 1, or
 * one term left out of training), the training negative ELBO, reconstruction + KL; each drawn faint
 * at every iteration with a bold centred running mean on top; and the held-out negative ELBO, a
 * one-draw estimate at β = 1, as dots at the end of each epoch.
 *
 * <p>The axis titles default to "iteration" and "nats per image". The vertical axis is linear by
 * default, from 0 (or below, if a loss is negative) to just above the bold lines and validation
 * points, so the first iterations of an untrained model (≈ 543 nats for 784 Bernoulli pixels) do
 * not squeeze the rest of the run into a strip; or logarithmic, where equal ratios get equal
 * heights and every positive value fits. Whatever the plot leaves out, raw values above or below
 * the axis or values a logarithmic axis cannot show, is counted under the legend. A long run is
 * drawn through the first, lowest, highest and last value of each pixel column
 * ({@link SeriesOutline}), so 100,000 iterations draw about as fast as a thousand and look the
 * same as drawing every one.
 *
 * <p>Immutable and safe to share between threads; each {@link #draw} makes a new picture.
 */
public final class LossCurves {

    public static final int DEFAULT_WIDTH = 1200;
    public static final int DEFAULT_HEIGHT = 720;

    /** The objective when it is not the negative ELBO. */
    static final String TOTAL_LABEL = "objective: rec. + β·KL";
    /** The objective when it is the negative ELBO (β = 1 throughout, both terms trained). */
    static final String TOTAL_IS_ELBO_LABEL = "objective = −ELBO (β = 1)";
    static final String NEGATIVE_ELBO_LABEL = "training −ELBO: rec. + KL";
    static final String RECONSTRUCTION_LABEL = "reconstruction";
    static final String KL_LABEL = "KL";
    static final String VALIDATION_LABEL = "held-out −ELBO (1 z-draw)";
    private static final Color NEGATIVE_ELBO = Color.decode(Palette.NEGATIVE_ELBO_HEX);

    private static final int PADDING = 24;
    private static final int LEGEND_GAP = 28;
    private static final float RAW_ALPHA = 0.28f;

    private final int width;
    private final int height;
    private final boolean logScale;
    private final int smoothingWindow;
    private final double yMin;
    private final double yMax;

    /** Loss curves of the default size, on a linear axis, with an automatic smoothing window and range. */
    public LossCurves() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT, false, 0, Double.NaN, Double.NaN);
    }

    private LossCurves(int width, int height, boolean logScale, int smoothingWindow, double yMin, double yMax) {
        if (width < 400 || height < 300) {
            throw new IllegalArgumentException("loss curves need at least 400×300 pixels, got " + width + "×" + height);
        }
        if (smoothingWindow < 0) {
            throw new IllegalArgumentException("smoothing window " + smoothingWindow + " is negative (0 for automatic)");
        }
        if (logScale && yMin <= 0) {
            throw new IllegalArgumentException("a logarithmic axis cannot start at " + yMin + "; give a positive minimum");
        }
        this.width = width;
        this.height = height;
        this.logScale = logScale;
        this.smoothingWindow = smoothingWindow;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /** These curves drawn at {@code width × height} pixels. */
    public LossCurves withSize(int width, int height) {
        return new LossCurves(width, height, logScale, smoothingWindow, yMin, yMax);
    }

    /** These curves on a logarithmic (or linear) vertical axis. */
    public LossCurves withLogScale(boolean logScale) {
        return new LossCurves(width, height, logScale, smoothingWindow, yMin, yMax);
    }

    /**
     * These curves with the vertical axis from {@code min} to {@code max} nats; values outside are
     * cut off and counted under the legend.
     */
    public LossCurves withYRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("a range needs finite min < max, got [" + min + ", " + max + "]");
        }
        return new LossCurves(width, height, logScale, smoothingWindow, min, max);
    }

    /**
     * These curves with the bold line the mean of {@code iterations} iterations centred on each
     * (1 for no smoothing, 0 for automatic: about a hundredth of the run).
     */
    public LossCurves withSmoothingWindow(int iterations) {
        return new LossCurves(width, height, logScale, iterations, yMin, yMax);
    }

    /** The window the bold lines average over for a run of {@code iterations}. */
    int smoothingWindowFor(int iterations) {
        if (smoothingWindow > 0) {
            return smoothingWindow;
        }
        int window = Math.max(1, iterations / 100);
        return window % 2 == 0 ? window + 1 : window;
    }

    /** Draws {@code history} with {@code labels}' title, note and axis titles. */
    public BufferedImage draw(LossHistoryData history, FigureLabels labels) {
        FigureLabels shown = labels.withDefaultAxes("iteration", "nats per image");
        FigureCanvas canvas = FigureCanvas.blank(width, height);
        int window = smoothingWindowFor(history.iterations());
        List<Series> series = seriesOf(history, window);
        Legend legend = legendFor(history, series, window);
        PlotAxes axes = axes(history, series, shown, canvas, legend);
        Rectangle2D area = axes.area();

        axes.drawGrid(canvas);
        Graphics2D g = canvas.graphics();
        Shape savedClip = g.getClip();
        g.clip(new Rectangle2D.Double(area.getX() - 1, area.getY() - 1, area.getWidth() + 2, area.getHeight() + 2));
        Composite opaque = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, RAW_ALPHA));
        g.setStroke(FigureCanvas.solid(1f));
        for (Series s : series) {
            g.setColor(s.colour());
            g.draw(SeriesOutline.path(s.raw(), axes.x(), axes.y()));
        }
        g.setComposite(opaque);
        if (window > 1) {
            g.setStroke(FigureCanvas.solid(2.75f));
            for (Series s : series) {
                g.setColor(s.colour());
                g.draw(SeriesOutline.path(s.smoothed(), axes.x(), axes.y()));
            }
        }
        drawValidation(g, history, axes);
        g.setClip(savedClip);
        axes.drawFrame(canvas);
        canvas.drawHeader(shown, area.getMinX(), area.getMaxX());

        double legendLeft = area.getMaxX() + LEGEND_GAP;
        legend.draw(canvas, legendLeft, area.getMinY());
        List<String> notes = leftOut(history, series, axes.y());
        double top = area.getMinY() + legend.height() + 12;
        for (String line : notes) {
            canvas.drawText(line, FigureCanvas.ANNOTATION, Palette.TEXT, legendLeft, top,
                    FigureCanvas.Horizontal.LEFT, FigureCanvas.Vertical.TOP);
            top += 20;
        }
        return canvas.finish();
    }

    /** The axes {@link #draw} uses for {@code history}: where each iteration and loss lands in pixels. */
    PlotAxes axes(LossHistoryData history, FigureLabels labels) {
        FigureLabels shown = labels.withDefaultAxes("iteration", "nats per image");
        int window = smoothingWindowFor(history.iterations());
        List<Series> series = seriesOf(history, window);
        return axes(history, series, shown, FigureCanvas.forMeasuring(), legendFor(history, series, window));
    }

    private PlotAxes axes(LossHistoryData history, List<Series> series, FigureLabels labels, FigureCanvas measure,
                          Legend legend) {
        double[] yRange = Double.isNaN(yMin) ? fittedYRange(history, series) : new double[] {yMin, yMax};
        int top = FigureCanvas.headerHeight(labels) + 8;
        int bottom = height - PlotAxes.BOTTOM_MARGIN - PADDING / 2;
        AxisScale y = new AxisScale(yRange[0], yRange[1], bottom, top, logScale);
        double left = PlotAxes.leftMargin(measure, PlotAxes.ticksFor(y, 48), labels.yAxisLabel()) + PADDING / 2.0;
        double right = width - PADDING - LEGEND_GAP - legend.width(measure);
        if (right - left < 150) {
            throw new IllegalArgumentException("a " + width + "×" + height + " figure leaves no room for the loss curves");
        }
        double xMax = Math.max(1, Math.max(history.iterations(), lastValidationIteration(history)));
        AxisScale x = AxisScale.linear(0, xMax, left, right);
        return new PlotAxes(x, y, labels.xAxisLabel(), labels.yAxisLabel());
    }

    /**
     * The fitted vertical range: on a linear axis from 0 (or the lowest value, if negative) to the
     * highest bold line or validation value; on a logarithmic axis every positive value; widened
     * to round numbers.
     */
    private double[] fittedYRange(LossHistoryData history, List<Series> series) {
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        List<float[]> fitted = new ArrayList<>();
        for (Series s : series) {
            fitted.add(logScale ? s.raw() : s.smoothed());
        }
        if (history.validationNegativeElbo() != null) {
            fitted.add(history.validationNegativeElbo());
        }
        for (float[] values : fitted) {
            for (float v : values) {
                if (Float.isFinite(v) && (!logScale || v > 0)) {
                    lowest = Math.min(lowest, v);
                    highest = Math.max(highest, v);
                }
            }
        }
        if (logScale) {
            if (lowest > highest) {
                return new double[] {1, 10};
            }
            double min = roundDownTo125(lowest);
            double max = roundUpTo125(highest);
            return min < max ? new double[] {min, max} : new double[] {min, min * 10};
        }
        if (lowest > highest) {
            return new double[] {0, 1};
        }
        double min = Math.min(0, lowest);
        double max = Math.max(highest, min + 1e-6);
        double span = max - min;
        double roundedMax = NiceTicks.roundUp(max, span, 8);
        double roundedMin = min < 0 ? NiceTicks.roundDown(min, span, 8) : 0;
        return new double[] {roundedMin, roundedMax == roundedMin ? roundedMin + 1 : roundedMax};
    }

    /** Lines saying which values the plot leaves out, or none when it shows them all. */
    private List<String> leftOut(LossHistoryData history, List<Series> series, AxisScale y) {
        int above = 0;
        int below = 0;
        int notPositive = 0;
        float highest = Float.NEGATIVE_INFINITY;
        List<float[]> all = new ArrayList<>();
        for (Series s : series) {
            all.add(s.raw());
        }
        if (history.validationNegativeElbo() != null) {
            all.add(history.validationNegativeElbo());
        }
        for (float[] values : all) {
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    continue;
                }
                if (logScale && v <= 0) {
                    notPositive++;
                } else if (v > y.max()) {
                    above++;
                    highest = Math.max(highest, v);
                } else if (v < y.min()) {
                    below++;
                }
            }
        }
        List<String> lines = new ArrayList<>();
        if (above > 0) {
            lines.add(count(above, "value") + " above " + NiceTicks.format(y.max(), y.max() < 10 ? 2 : 0));
            lines.add("(up to " + NiceTicks.format(highest, highest < 10 ? 2 : 0) + ") are cut off");
        }
        if (below > 0) {
            lines.add(count(below, "value") + " below " + NiceTicks.format(y.min(), Math.abs(y.min()) < 10 ? 2 : 0));
            lines.add("are cut off");
        }
        if (notPositive > 0) {
            lines.add(count(notPositive, "value") + " ≤ 0 cannot be");
            lines.add("shown on the log scale");
        }
        return lines;
    }

    private static String count(int n, String noun) {
        return NiceTicks.format(n, 0) + " " + noun + (n == 1 ? "" : "s");
    }

    private static double roundDownTo125(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        double mantissa = value / decade;
        return decade * (mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1);
    }

    private static double roundUpTo125(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        double mantissa = value / decade;
        return decade * (mantissa <= 1 + 1e-9 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10);
    }

    private static int lastValidationIteration(LossHistoryData history) {
        int last = 0;
        if (history.validationIterations() != null) {
            for (int iteration : history.validationIterations()) {
                last = Math.max(last, iteration);
            }
        }
        return last;
    }

    /** One loss term: its raw values and their running mean. */
    private record Series(String label, Color colour, float[] raw, float[] smoothed) {
    }

    private static List<Series> seriesOf(LossHistoryData history, int window) {
        List<Series> series = new ArrayList<>();
        float[] negativeElbo = history.negativeElbo();
        boolean objectiveIsElbo = negativeElbo != null && sameValues(history.total(), negativeElbo);
        series.add(series(negativeElbo == null ? "objective" : objectiveIsElbo ? TOTAL_IS_ELBO_LABEL
                : TOTAL_LABEL, Palette.TOTAL, history.total(), window));
        if (history.reconstruction() != null) {
            series.add(series(RECONSTRUCTION_LABEL, Palette.RECONSTRUCTION, history.reconstruction(), window));
        }
        if (history.kl() != null) {
            series.add(series(KL_LABEL, Palette.KL, history.kl(), window));
        }
        for (int l = 0; l < history.klByLevel().size(); l++) {
            series.add(series(KL_LABEL + " of z" + (char) ('₁' + l), Color.decode(Palette.KL_LEVEL_HEX.get(l)),
                    history.klByLevel().get(l), window));
        }
        if (negativeElbo != null && !objectiveIsElbo) {
            series.add(series(NEGATIVE_ELBO_LABEL, NEGATIVE_ELBO, negativeElbo, window));
        }
        return series;
    }

    /** Whether any loss of {@code history}, per iteration or held out, is below 0. */
    public static boolean hasNegative(LossHistoryData history) {
        List<float[]> all = new ArrayList<>(List.of(history.total()));
        if (history.reconstruction() != null) {
            all.add(history.reconstruction());
        }
        if (history.validationNegativeElbo() != null) {
            all.add(history.validationNegativeElbo());
        }
        for (float[] values : all) {
            for (float v : values) {
                if (v < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether two series agree everywhere to float rounding (the objective at β = 1 is the −ELBO). */
    private static boolean sameValues(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Float.isFinite(a[i]) && Math.abs(a[i] - b[i]) > 1e-4 * Math.max(1, Math.abs(a[i]))) {
                return false;
            }
        }
        return true;
    }

    private static Series series(String label, Color colour, float[] raw, int window) {
        return new Series(label, colour, raw, window > 1 ? SeriesOutline.centredMean(raw, window) : raw);
    }

    private static Legend legendFor(LossHistoryData history, List<Series> series, int window) {
        List<Legend.Entry> entries = new ArrayList<>();
        for (Series s : series) {
            entries.add(new Legend.Entry(s.label(), s.colour(), Legend.Swatch.LINE));
        }
        if (history.validationIterations() != null) {
            entries.add(new Legend.Entry(VALIDATION_LABEL, Palette.VALIDATION, Legend.Swatch.LINE_WITH_DOT));
        }
        Color neutral = new Color(0x777777);
        entries.add(new Legend.Entry("faint: every iteration", neutral, Legend.Swatch.FAINT_LINE));
        if (window > 1) {
            entries.add(new Legend.Entry("bold: mean of " + NiceTicks.format(window, 0) + " iterations",
                    neutral, Legend.Swatch.LINE));
        }
        return new Legend(entries);
    }

    private static void drawValidation(Graphics2D g, LossHistoryData history, PlotAxes axes) {
        int[] iterations = history.validationIterations();
        if (iterations == null) {
            return;
        }
        float[] values = history.validationNegativeElbo();
        int drawable = 0;
        double[] xs = new double[iterations.length];
        double[] ys = new double[iterations.length];
        for (int i = 0; i < iterations.length; i++) {
            if (SeriesOutline.drawable(values[i], axes.y())) {
                xs[drawable] = axes.x().toPixel(iterations[i]);
                ys[drawable++] = axes.y().toPixel(values[i]);
            }
        }
        double spacing = axes.x().pixelLength() / Math.max(1, iterations.length);
        double radius = Math.max(3, Math.min(Marks.RINGED_DOT_RADIUS, spacing / 3));
        Marks.drawDottedSeries(g, Palette.VALIDATION, 2f, radius, Arrays.copyOf(xs, drawable), Arrays.copyOf(ys, drawable));
    }
}
