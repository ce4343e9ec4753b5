package org.latentlab.ui.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.lesson.Units;
import org.latentlab.model.Likelihood;
import org.latentlab.model.DecoderStd;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.ModelKind;
import org.latentlab.training.EpochLikelihoods;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.TrainingSnapshot;

/**
 * What the loss chart shows: the run's losses, the axis ranges that fit them, the smoothing
 * window, the units (nats per image or bits per dimension), and a line that spells out how the
 * terms add up. Uses {@code javafx.beans} only;
 * confined to the JavaFX application thread (or a test's thread).
 */
public final class LossChartViewModel {

    /** The latest values are averaged over this many iterations for the readout. */
    static final int READOUT_WINDOW = 50;
    /** The linear range ignores the bold lines over this share of the run's start … */
    private static final double SETTLING_FRACTION = 0.1;
    /** … once the run has this many iterations. */
    private static final int SETTLING_MIN_ITERATIONS = 100;

    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final ReadOnlyObjectWrapper<LossSeries> series = new ReadOnlyObjectWrapper<>(this, "series");
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "Not trained yet.");
    private final ReadOnlyLongWrapper cursor = new ReadOnlyLongWrapper(this, "cursor", NO_CURSOR);
    private final ObjectProperty<Units> units = new SimpleObjectProperty<>(this, "units", Units.NATS_PER_IMAGE);
    private final ReadOnlyStringWrapper gap = new ReadOnlyStringWrapper(this, "gap", "");
    private final ReadOnlyObjectWrapper<HeldOutLikelihoodLines> likelihood = new ReadOnlyObjectWrapper<>(this,
            "likelihood", HeldOutLikelihoodLines.NONE);
    private final DecoderStdViewModel decoderStd = new DecoderStdViewModel();
    /** Pixels per image of the model shown: what a loss in bits per dimension is per. */
    private int pixels = 1;
    /** Whether the model shown reads a class, so that its likelihood is p(x|y). */
    private boolean conditional;
    /** The estimates and the series the likelihood lines were last made of. */
    private EpochLikelihoods estimatesShown;
    private LossSeries seriesOfLines;

    public LossChartViewModel() {
        units.addListener(o -> refreshReadout());
    }

    /** {@link #cursorProperty()} when no moment is marked. */
    public static final long NO_CURSOR = -1;

    /** Takes a new snapshot; changes {@link #seriesProperty()} only when it brought new losses. */
    public void update(TrainingSnapshot snapshot) {
        decoderStd.update(snapshot);
        LossSeries current = series.get();
        IterationHistory.View history = snapshot.iterations();
        boolean showKl = snapshot.modelConfig().kind() != ModelKind.AUTOENCODER;
        boolean density = snapshot.modelConfig().likelihood() == Likelihood.GAUSSIAN;
        pixels = snapshot.modelConfig().imageWidth() * snapshot.modelConfig().imageHeight();
        conditional = snapshot.modelConfig().conditional();
        if (current != null && current.size() == history.size() && current.epochs().size() == snapshot.epochs().size()
                && current.showKl() == showKl && current.density() == density) {
            return;
        }
        LossSeries next = LossSeries.after(current, history, snapshot.epochs(), showKl, density);
        series.set(next);
        refreshReadout();
    }

    /**
     * Takes the trainer's per-epoch held-out likelihood estimates (called once per frame): changes
     * {@link #likelihoodProperty()} when they or the epochs shown changed.
     */
    public void updateLikelihood(EpochLikelihoods estimates) {
        LossSeries s = series.get();
        if (s == null || estimates == estimatesShown && s == seriesOfLines) {
            return;
        }
        estimatesShown = estimates;
        seriesOfLines = s;
        HeldOutLikelihoodLines next = HeldOutLikelihoodLines.of(estimates, s.epochs(), conditional);
        if (!next.equals(likelihood.get())) {
            likelihood.set(next);
            refreshReadout();
        }
    }

    /** The per-epoch held-out −log p(x) and −ELBO on a subset of the held-out images, in nats, with their labels. */
    public ReadOnlyObjectProperty<HeldOutLikelihoodLines> likelihoodProperty() {
        return likelihood.getReadOnlyProperty();
    }

    /** The gap after the last epoch estimated, short, in the units shown: "gap after epoch 3: 2.07 nats"; empty when none. */
    public ReadOnlyStringProperty gapProperty() {
        return gap.getReadOnlyProperty();
    }

    /** Each estimated epoch's held-out −log p(x) in the units shown, in epoch order. */
    public double[] heldOutLikelihoodShown() {
        return likelihood.get().estimates().stream().mapToDouble(e -> units.get().fromNats(e.negativeLogMarginal(),
                pixels)).toArray();
    }

    /**
     * Marks the moment after {@code iteration} steps on the chart (a replayed moment), and reads
     * out the losses up to it; {@link #NO_CURSOR} for none.
     */
    public void showCursor(long iteration) {
        cursor.set(iteration);
        refreshReadout();
    }

    /** The iteration marked on the chart; {@link #NO_CURSOR} for none. */
    public ReadOnlyLongProperty cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    private void refreshReadout() {
        LossSeries s = series.get();
        if (s == null) {
            return;
        }
        long at = cursor.get();
        gap.set(likelihood.get().shortGap(units.get(), pixels));
        if (at == NO_CURSOR) {
            String gapText = likelihood.get().gapReadout(units.get(), pixels);
            readout.set(readoutOf(s, s.size(), units.get(), pixels) + (gapText.isEmpty() ? "" : " · " + gapText));
        } else if (at == 0) {
            readout.set("At iteration 0 the model is untrained: no loss has been measured yet.");
        } else {
            readout.set(String.format(Locale.ROOT, "At iteration %,d, ", at) + readoutOf(s, (int) Math.min(at, s.size()), units.get(), pixels));
        }
    }

    /** A learned decoder σ over training, drawn beside the readout. */
    public DecoderStdViewModel decoderStd() {
        return decoderStd;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** The units every number and the vertical axis are shown in. */
    public ObjectProperty<Units> unitsProperty() {
        return units;
    }

    /** What one nat per image is in the units shown: 1, or 1 / (pixels · ln 2) in bits per dimension. */
    public double unitsPerNat() {
        return units.get().fromNats(1, pixels);
    }

    public ReadOnlyObjectProperty<LossSeries> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** The iterations the bold lines average over: about a hundredth of the run, odd, at least 1. */
    public static int smoothingWindow(int iterations) {
        int window = Math.max(1, iterations / 100);
        return window % 2 == 0 ? window + 1 : window;
    }

    /** The horizontal range: from 0 to the last iteration (at least 10, so a new run has room). */
    public static double xMax(LossSeries s) {
        return Math.max(10, s.size());
    }

    /**
     * The vertical range. Linear: from 0 to just above the highest bold line after the first tenth
     * of the run (and every held-out value), so the first iterations of an untrained model
     * (≈ 543 nats) do not squeeze the rest into a strip; {@link #cutsOffTheStart} says when they
     * are cut off. Logarithmic: every positive value.
     *
     * @param perNat what one nat per image is in the units shown ({@link #unitsPerNat()})
     * @return {min, max}, in the units shown
     */
    public static double[] yRange(LossSeries s, boolean logarithmic, double perNat) {
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        int n = s.size();
        int window = smoothingWindow(n);
        List<LossSeries.Term> terms = terms(s);
        for (LossSeries.Term term : terms) {
            if (logarithmic) {
                float[] positive = s.positiveRange(term);
                if (positive != null) {
                    lowest = Math.min(lowest, positive[0]);
                    highest = Math.max(highest, positive[1]);
                }
            } else {
                ColumnSummary summary = ColumnSummary.of(s, term, Math.max(1, Math.min(n, 400)), Math.max(1, n), window);
                int settled = n >= SETTLING_MIN_ITERATIONS ? (int) (summary.columns() * SETTLING_FRACTION) : 0;
                for (int c = settled; c < summary.columns(); c++) {
                    float v = summary.smoothed(c);
                    if (Float.isFinite(v)) {
                        highest = Math.max(highest, v);
                        lowest = Math.min(lowest, v);
                    }
                }
            }
        }
        for (EpochMetrics m : s.epochs()) {
            double v = m.validationNegativeElbo();
            if (Double.isFinite(v) && (!logarithmic || v > 0)) {
                highest = Math.max(highest, v);
                lowest = Math.min(lowest, v);
            }
        }
        lowest *= perNat;
        highest *= perNat;
        if (logarithmic) {
            if (!(lowest <= highest)) {
                return new double[] {perNat, 1000 * perNat};
            }
            double min = Math.pow(10, Math.floor(Math.log10(lowest)));
            double max = Math.pow(10, Math.ceil(Math.log10(highest * 1.0001)));
            return new double[] {min, Math.max(max, min * 10)};
        }
        if (!(lowest <= highest)) {
            return new double[] {0, 600 * perNat};
        }
        double min = Math.min(0, lowest);
        double max = Math.max(highest * 1.08, min + perNat);
        double step = Math.pow(10, Math.floor(Math.log10(max - min)));
        return new double[] {min, Math.ceil(max / step * 2) * step / 2};
    }

    /**
     * Whether the linear range leaves the start of the run above the top of the chart, so that the
     * view can say so.
     */
    public static boolean cutsOffTheStart(LossSeries s, double topNats) {
        return s.fold(LossSeries.Term.TOTAL, 0, Math.min(s.size(), Math.max(1, s.size() / 10))).high > topNats;
    }

    /**
     * The terms the chart draws: for a VAE the objective, reconstruction and KL (and each level's KL
     * for a hierarchical VAE), and the training −ELBO too once β has left 1 (before that it is the
     * objective); the reconstruction alone for an autoencoder.
     */
    public static List<LossSeries.Term> terms(LossSeries s) {
        if (!s.showKl()) {
            return List.of(LossSeries.Term.RECONSTRUCTION);
        }
        List<LossSeries.Term> terms = new ArrayList<>(
                List.of(LossSeries.Term.TOTAL, LossSeries.Term.RECONSTRUCTION, LossSeries.Term.KL));
        if (s.twoLevels()) {
            terms.addAll(List.of(LossSeries.Term.KL_Z1, LossSeries.Term.KL_Z2));
        }
        if (s.betaLeftOne()) {
            terms.add(LossSeries.Term.NEGATIVE_ELBO);
        }
        return terms;
    }

    /**
     * Whether the chart shows a loss below 0, which only a density can give: the Gaussian decoder's
     * p(x|z) exceeds 1 where it is narrow, and then −log p(x|z) is negative.
     */
    public static boolean showsNegativeDensity(LossSeries s, double[] range) {
        return s.density() && range[0] < 0;
    }

    /**
     * The latest losses as a sentence that shows how they add up, averaged over the last
     * {@value #READOUT_WINDOW} iterations: "objective 165.2 = reconstruction 158.9 + β·KL 6.30
     * nats (β 1.00, KL 6.30)", then the held-out −ELBO of the last epoch, said to be what it is: a
     * one-draw estimate at β = 1. The β·KL term is the mean of each iteration's product, so the sum
     * holds even while β changes. In {@code units}, for images of {@code pixels} pixels.
     */
    static String readoutOf(LossSeries s, int n, Units units, int pixels) {
        if (n == 0) {
            return "Not trained yet: press Train.";
        }
        int from = Math.max(0, n - READOUT_WINDOW);
        double total = 0;
        double reconstruction = 0;
        double kl = 0;
        double weightedKl = 0;
        IterationHistory.View h = s.iterations();
        for (int i = from; i < n; i++) {
            total += h.objective(i);
            reconstruction += h.reconstruction(i);
            kl += h.kl(i);
            weightedKl += (double) h.beta(i) * h.kl(i);
        }
        int count = n - from;
        total /= count;
        reconstruction /= count;
        kl /= count;
        weightedKl /= count;
        double beta = h.beta(n - 1);
        String unit = units.symbol();
        String over = count == 1 ? "last iteration" : "mean of the last " + count + " iterations";
        StringBuilder text = new StringBuilder(over).append(": ");
        if (!s.showKl()) {
            text.append(String.format(Locale.ROOT, "reconstruction %s %s (an autoencoder has no KL term)",
                    units.format(reconstruction, pixels, 1), unit));
        } else if (Math.abs(total - reconstruction - weightedKl) <= 0.01 * Math.max(1, Math.abs(total))) {
            text.append(String.format(Locale.ROOT, "objective %s = reconstruction %s + β·KL %s %s (β %.2f, KL %s%s)",
                    units.format(total, pixels, 1), units.format(reconstruction, pixels, 1),
                    units.format(weightedKl, pixels, 2), unit, beta, units.format(kl, pixels, 2),
                    beta == 1 ? "" : "; training −ELBO " + units.format(reconstruction + kl, pixels, 1)));
        } else {
            text.append(String.format(Locale.ROOT, "objective %s = β·KL %s %s, reconstruction not trained (%s)",
                    units.format(total, pixels, 1), units.format(weightedKl, pixels, 2), unit,
                    units.format(reconstruction, pixels, 1)));
        }
        if (s.twoLevels()) {
            double[] levels = new double[2];
            for (int i = from; i < n; i++) {
                levels[0] += s.iterations().levelKl(0, i);
                levels[1] += s.iterations().levelKl(1, i);
            }
            text.append(String.format(Locale.ROOT, "; KL %s = z₁ %s + z₂ %s", units.format(kl, pixels, 2),
                    units.format(levels[0] / count, pixels, 2), units.format(levels[1] / count, pixels, 2)));
        }
        if (s.iterations().decoderVariance().learned()) {
            DecoderStd std = s.iterations().decoderStd(n - 1);
            double first = s.iterations().decoderStd(0).mean();
            text.append(s.iterations().decoderVariance() == DecoderVariance.LEARNED
                    ? String.format(Locale.ROOT, " · learned decoder σ %.3f (after iteration 1: %.3f)", std.mean(), first)
                    : String.format(Locale.ROOT, " · learned decoder σ per pixel %.3f to %.3f, mean %.3f (after "
                            + "iteration 1: %.3f)", std.min(), std.max(), std.mean(), first));
        }
        EpochMetrics m = null;
        for (EpochMetrics e : s.epochs()) {
            m = e.iteration() <= n ? e : m;
        }
        if (m != null) {
            text.append(String.format(Locale.ROOT, " · held-out %s after epoch %d: %s",
                    s.showKl() ? "−ELBO (β = 1, one draw of z per image)" : "reconstruction", m.epoch(),
                    units.format(m.validationNegativeElbo(), pixels, 1)));
        }
        return text.toString();
    }
}
