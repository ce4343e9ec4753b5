package org.latentlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.latentlab.model.ModelKind;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.RateDistortionTrail;
import org.latentlab.training.VariantSnapshot;
import org.latentlab.ui.loss.LossSeries;
import org.latentlab.ui.scatter.LatentScatterViewModel;
import org.latentlab.ui.scatter.ScatterPoints;
import org.latentlab.ui.scatter.Viewport;

/**
 * What the compare lab's shown panels share, so they can be compared by eye: the axes of their
 * scatters, the range of their loss curves, and the rate–distortion curves of their VAEs. Uses
 * {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread).
 */
public final class SharedAxes {

    /** Half the side of the scatters' axes around the prior: its ±4σ. */
    static final double PRIOR_HALF_SPAN = 4;
    /** The loss curves' log axis starts no lower than this (a KL-only model's KL keeps falling). */
    static final double LOSS_FLOOR = 0.01;
    private static final String RATE_DISTORTION_NOTE = "Hollow dot: start; filled: now. Grey: equal −ELBO.";

    private final ReadOnlyObjectWrapper<List<RateDistortionCurve>> rateDistortion =
            new ReadOnlyObjectWrapper<>(this, "rateDistortion", List.of());
    private final ReadOnlyStringWrapper rateDistortionNote =
            new ReadOnlyStringWrapper(this, "rateDistortionNote", RATE_DISTORTION_NOTE);
    private final BooleanProperty wholeSpace = new SimpleBooleanProperty(this, "wholeSpace", false);
    private final ReadOnlyObjectWrapper<Viewport> viewport =
            new ReadOnlyObjectWrapper<>(this, "viewport", new Viewport(0, 0, PRIOR_HALF_SPAN));
    private final ReadOnlyObjectWrapper<double[]> lossRange =
            new ReadOnlyObjectWrapper<>(this, "lossRange", new double[] {1, 1000});

    /**
     * Recomputes what the shown ones among {@code panels} share, and tells every panel the axes
     * (each counts the codes outside them).
     */
    void refresh(List<ComparePanelViewModel> panels) {
        List<ComparePanelViewModel> shown = panels.stream().filter(p -> p.shownProperty().get()).toList();
        Viewport view = sharedViewport(shown, wholeSpace.get());
        viewport.set(view);
        for (ComparePanelViewModel panel : panels) {
            panel.setViewport(view);
        }
        lossRange.set(sharedLossRange(shown));
        rateDistortion.set(curvesOf(shown));
        boolean autoencoder = shown.stream().anyMatch(p -> !p.isBaseline() && p.variant().kind() == ModelKind.AUTOENCODER);
        rateDistortionNote.set(RATE_DISTORTION_NOTE + (autoencoder ? " The autoencoder has no KL, so no rate." : ""));
    }

    /**
     * The axes every scatter shares, so the panels can be compared by eye: the prior's
     * ±{@value #PRIOR_HALF_SPAN}σ, where it puts nearly all its mass and the decoded grid lies; or,
     * for the whole latent space, fitted to reach every shown panel's points.
     */
    static Viewport sharedViewport(List<ComparePanelViewModel> shown, boolean wholeSpace) {
        if (!wholeSpace) {
            return new Viewport(0, 0, PRIOR_HALF_SPAN);
        }
        Viewport widest = LatentScatterViewModel.fittedViewport(null);
        for (ComparePanelViewModel panel : shown) {
            ScatterPoints points = panel.pointsProperty().get();
            Viewport fitted = LatentScatterViewModel.fittedViewport(points);
            if (fitted.halfSpan() > widest.halfSpan()) {
                widest = fitted;
            }
        }
        return widest;
    }

    /**
     * The log-scale range of every shown model's loss curves: whole decades from the lowest to the
     * highest reconstruction or KL of its iterations, but not below {@value #LOSS_FLOOR} nats.
     *
     * @return {min, max}
     */
    static double[] sharedLossRange(List<ComparePanelViewModel> shown) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (ComparePanelViewModel panel : shown) {
            LossSeries series = panel.lossesProperty().get();
            if (series == null) {
                continue;
            }
            for (int i = 0; i < series.size(); i++) {
                for (LossSeries.Term term : List.of(LossSeries.Term.RECONSTRUCTION, LossSeries.Term.KL)) {
                    float v = series.value(term, i);
                    if (Float.isFinite(v) && v > 0 && (term != LossSeries.Term.KL || series.showKl())) {
                        low = Math.min(low, v);
                        high = Math.max(high, v);
                    }
                }
            }
        }
        if (!(low <= high)) {
            return new double[] {1, 1000};
        }
        double min = Math.pow(10, Math.floor(Math.log10(Math.max(LOSS_FLOOR, low))));
        double max = Math.pow(10, Math.ceil(Math.log10(high * 1.0001)));
        return new double[] {min, Math.max(max, min * 10)};
    }

    /**
     * The rate–distortion path of every shown VAE, in panel order. An autoencoder has no posterior,
     * so no rate, and the baseline does not train: neither has a path.
     */
    static List<RateDistortionCurve> curvesOf(List<ComparePanelViewModel> shown) {
        List<RateDistortionCurve> curves = new ArrayList<>();
        for (ComparePanelViewModel panel : shown) {
            VariantSnapshot s = panel.snapshotProperty().get();
            if (panel.isBaseline() || s == null || panel.variant().kind() != ModelKind.VAE) {
                continue;
            }
            IterationHistory.View history = s.training().iterations();
            if (history.size() == 0) {
                continue;
            }
            RateDistortionTrail trail = RateDistortionTrail.ofIterations(history,
                    RateDistortionTrail.windowFor(history.size(), RateDistortionCurve.TRAIL_POINTS));
            curves.add(new RateDistortionCurve(panel.title(), panel.colourHex(), trail));
        }
        return List.copyOf(curves);
    }

    // ---- properties ---------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<List<RateDistortionCurve>> rateDistortionProperty() {
        return rateDistortion.getReadOnlyProperty();
    }

    /** What the rate–distortion plot's marks mean, and why a shown autoencoder has no path in it. */
    public ReadOnlyStringProperty rateDistortionNoteProperty() {
        return rateDistortionNote.getReadOnlyProperty();
    }

    /**
     * Whether the scatters' axes reach every code of every shown panel; otherwise they show the
     * prior's ±4σ, and each panel counts the codes outside.
     */
    public BooleanProperty wholeSpaceProperty() {
        return wholeSpace;
    }

    /** The axes every scatter shares. */
    public ReadOnlyObjectProperty<Viewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    /** The log-scale range every loss curve shares, {min, max} in nats. */
    public ReadOnlyObjectProperty<double[]> lossRangeProperty() {
        return lossRange.getReadOnlyProperty();
    }
}
