package org.latentlab.ui.scatter;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import java.util.concurrent.Executor;
import org.latentlab.latent.LatentGrid;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.training.DecodeService;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.DecodingChoices;

/**
 * What the latent scatter shows: where the probe images sit, which part of the plane is in view,
 * which point is hovered and which selected, and for the selected one its posterior ellipse, its
 * image and its reconstruction. Uses {@code javafx.beans} only; confined to the JavaFX application
 * thread (or a test's thread).
 */
public final class LatentScatterViewModel {

    /** Half the side of the smallest fitted view: the prior's ±3σ and a little room. */
    static final double MIN_FITTED_HALF_SPAN = 3.2;
    private static final double[] NICE_HALF_SPANS = {3.2, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100};

    private final DecodeService.Channel reconstructions;
    private final BackgroundProjection projection;
    private final ReadOnlyObjectWrapper<ScatterPoints> points = new ReadOnlyObjectWrapper<>(this, "points");
    private final ReadOnlyObjectWrapper<Viewport> viewport = new ReadOnlyObjectWrapper<>(this, "viewport", Viewport.PRIOR);
    private final BooleanProperty showPrior = new SimpleBooleanProperty(this, "showPrior", true);
    private final BooleanProperty showGridCells = new SimpleBooleanProperty(this, "showGridCells", false);
    private final ObjectProperty<LatentGrid> grid = new SimpleObjectProperty<>(this, "grid");
    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(this, "hovered", -1);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final ReadOnlyObjectWrapper<PosteriorEllipse> posterior = new ReadOnlyObjectWrapper<>(this, "posterior");
    private final ReadOnlyObjectWrapper<float[]> selectedImage = new ReadOnlyObjectWrapper<>(this, "selectedImage");
    private final ReadOnlyObjectWrapper<float[]> reconstruction = new ReadOnlyObjectWrapper<>(this, "reconstruction");
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper(this, "selectionText", "");
    private final ObjectProperty<ScatterOverlay> overlay = new SimpleObjectProperty<>(this, "overlay", ScatterOverlay.NONE);
    private final ReadOnlyObjectWrapper<PosteriorEllipse> overlayEllipse = new ReadOnlyObjectWrapper<>(this, "overlayEllipse");
    private final BooleanProperty decoderSample = new SimpleBooleanProperty(this, "decoderSample", false);

    /** Whether the view refits itself to the points as training moves them (until a zoom or pan). */
    private boolean followData = true;
    /** Whether the points shown are a recorded moment of training (a replay), not the model's own. */
    private boolean recorded;
    private ProbeSet probe;
    private DecoderWeights decoder;
    private long reconstructionRequest = Long.MAX_VALUE;
    private DecodeService.DecodeResult shownReconstruction;

    /**
     * @param reconstructions where the selected image's reconstruction is decoded, off this thread
     * @param worker          where the principal plane of a latent space of more than 2 dimensions is fitted
     */
    public LatentScatterViewModel(DecodeService.Channel reconstructions, Executor worker) {
        this.reconstructions = reconstructions;
        this.projection = new BackgroundProjection(worker);
        overlay.addListener(o -> refreshOverlayEllipse());
        points.addListener(o -> refreshOverlayEllipse());
        decoderSample.addListener(o -> refreshSelection());
    }

    /**
     * Takes a new snapshot: new positions (at once in 2-D, from the worker in a frame or two
     * otherwise), a new view if following the data, a new reconstruction.
     */
    public void update(TrainingSnapshot snapshot) {
        boolean newProbe = probe == null || probe.pixels() != snapshot.probe().pixels();
        probe = snapshot.probe();
        decoder = snapshot.decoder();
        if (newProbe) {
            hovered.set(-1);
            selected.set(-1);
        }
        ScatterPoints projected = projection.request(probe, newProbe, points.get());
        if (projected != null) {
            show(projected);
        } else if (newProbe || points.get() != null && points.get().latentSize() != probe.encoding().latentSize()) {
            show(null); // the points shown belong to other images
        } else {
            refreshSelection();
        }
    }

    private void show(ScatterPoints projected) {
        points.set(projected);
        Viewport fitted = followData ? fittedViewport(projected) : null;
        if (fitted != null && !fitted.equals(viewport.get())) { // the same axes are no change: the marks stay drawn
            viewport.set(fitted);
        }
        refreshSelection();
    }

    /**
     * Shows where the probe images lay at a recorded moment of training, until {@link #showLive()}:
     * snapshots then keep the model's own points back. The selected point stays selected, without
     * the posterior of the model as it is now.
     */
    public void showRecorded(ScatterPoints moment) {
        recorded = true;
        show(moment);
    }

    /** Goes back to the model's own points, which the next {@link #update} shows. */
    public void showLive() {
        recorded = false;
    }

    /** Why the points could not be placed; {@code null} when they could. */
    public String problem() {
        return projection.problem();
    }

    /** Picks up finished points and a finished reconstruction; called once per frame. */
    public void pulse() {
        ScatterPoints projected = projection.take();
        if (projected != null && !recorded) {
            show(projected);
        }
        DecodeService.DecodeResult result = reconstructions.latest();
        if (result != null && result != shownReconstruction && result.request().id() >= reconstructionRequest) {
            shownReconstruction = result;
            reconstruction.set(result.images());
        }
    }

    // ---- commands -------------------------------------------------------------------------------

    /** Zooms by {@code factor} (> 1 in) about the plane point (x, y); stops following the data. */
    public void zoom(double factor, double x, double y) {
        followData = false;
        viewport.set(viewport.get().zoomedAbout(factor, x, y));
    }

    /** Moves the view by (dx, dy) plane units; stops following the data. */
    public void pan(double dx, double dy) {
        followData = false;
        viewport.set(viewport.get().movedBy(dx, dy));
    }

    /** Fits the view to the points (and the prior's ±3σ) and follows them as training moves them. */
    public void fit() {
        followData = true;
        viewport.set(fittedViewport(points.get()));
    }

    public void hover(int index) {
        hovered.set(index);
    }

    /** Selects point {@code index}, or clears the selection with −1. */
    public void select(int index) {
        ScatterPoints current = points.get();
        if (current == null || index < 0 || index >= current.size()) {
            index = -1;
        }
        selected.set(index);
        selectedImage.set(null);
        reconstruction.set(null);
        refreshSelection();
    }

    /**
     * The point nearest to plane position (x, y) within {@code radius} plane units, or −1.
     * Ties go to the point drawn last, the one on top.
     */
    public int nearest(double x, double y, double radius) {
        ScatterPoints current = points.get();
        return current == null ? -1 : current.nearest(x, y, radius);
    }

    // ---- selection --------------------------------------------------------------------------------

    private void refreshSelection() {
        int index = selected.get();
        ScatterPoints current = points.get();
        if (index < 0 || probe == null || current == null) {
            posterior.set(null);
            selectedImage.set(null);
            selectionText.set("");
            return;
        }
        if (selectedImage.get() == null) {
            selectedImage.set(probe.image(index));
        }
        if (recorded) {
            posterior.set(null);
            selectionText.set(describe(index, probe) + "\nShown where the encoder put it at the moment replayed.");
            return;
        }
        Encoding encoding = probe.encoding();
        int d = encoding.latentSize();
        float[] mean = new float[d];
        System.arraycopy(encoding.means(), index * d, mean, 0, d);
        posterior.set(encoding.hasPosterior()
                ? ellipseOf(current, new double[] {current.xs()[index], current.ys()[index]}, encoding.logVariances(), index * d)
                : null);
        selectionText.set(describe(encoding, index, probe));
        if (decoder != null) {
            reconstructionRequest = reconstructions.request(decoder, mean,
                    DecodingChoices.classesOf(decoder, probe.labels(), new int[] {index}), 1,
                    DecodingChoices.output(decoderSample.get()));
        }
    }

    private void refreshOverlayEllipse() {
        ScatterOverlay.Posterior shown = overlay.get() == null ? null : overlay.get().posterior();
        ScatterPoints plane = points.get();
        if (shown == null || shown.logVariance() == null || plane == null || plane.latentSize() != shown.mean().length) {
            overlayEllipse.set(null);
            return;
        }
        overlayEllipse.set(ellipseOf(plane, plane.project(shown.mean()), shown.logVariance(), 0));
    }

    /**
     * A posterior's 1σ ellipse in the plane: W diag(σ²) Wᵀ around its projected mean {@code centre},
     * with log σ² at {@code logVariances[offset ..< offset + latentSize]}.
     */
    static PosteriorEllipse ellipseOf(ScatterPoints plane, double[] centre, float[] logVariances, int offset) {
        int d = plane.latentSize();
        double[] u = plane.plane().direction(0);
        double[] v = plane.plane().direction(1);
        double a = 0;
        double b = 0;
        double c = 0;
        for (int j = 0; j < d; j++) {
            double variance = Math.exp(logVariances[offset + j]);
            a += u[j] * u[j] * variance;
            b += u[j] * v[j] * variance;
            c += v[j] * v[j] * variance;
        }
        return new PosteriorEllipse(centre[0], centre[1], a, c, b);
    }

    /** "Held-out image 5, “3”." */
    private static String describe(int index, ProbeSet probe) {
        int label = probe.labels()[index];
        String name = label >= 0 && label < probe.classNames().size() ? "“" + probe.classNames().get(label) + "”" : "unlabelled";
        return "Held-out image " + (index + 1) + ", " + name + ".";
    }

    private static String describe(Encoding encoding, int index, ProbeSet probe) {
        int d = encoding.latentSize();
        StringBuilder text = new StringBuilder(describe(index, probe) + "\nμ = (");
        for (int j = 0; j < Math.min(d, 4); j++) {
            text.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", encoding.mean(index, j)));
        }
        text.append(d > 4 ? ", …)" : ")");
        if (encoding.hasPosterior()) {
            text.append("\nσ = (");
            for (int j = 0; j < Math.min(d, 4); j++) {
                double sigma = Math.exp(encoding.logVariances()[index * d + j] / 2);
                text.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", sigma));
            }
            text.append(d > 4 ? ", …)" : ")");
            text.append("\nThe ellipse is μ ± σ of q(z|x).");
        }
        return text.toString();
    }

    /** A view centred on 0, reaching every point and the prior's ±3σ, its size rounded to a few fixed steps. */
    public static Viewport fittedViewport(ScatterPoints current) {
        double farthest = 0;
        if (current != null) {
            for (int i = 0; i < current.size(); i++) {
                double m = Math.max(Math.abs(current.xs()[i]), Math.abs(current.ys()[i]));
                if (Double.isFinite(m)) {
                    farthest = Math.max(farthest, m);
                }
            }
        }
        double needed = Math.max(MIN_FITTED_HALF_SPAN, farthest * 1.04);
        for (double nice : NICE_HALF_SPANS) {
            if (nice >= needed) {
                return new Viewport(0, 0, nice);
            }
        }
        double step = Math.pow(10, Math.ceil(Math.log10(needed)));
        return new Viewport(0, 0, Math.ceil(needed / step * 4) * step / 4);
    }

    // ---- properties -------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<ScatterPoints> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Viewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    public BooleanProperty showPriorProperty() {
        return showPrior;
    }

    public BooleanProperty showGridCellsProperty() {
        return showGridCells;
    }

    /** The manifold grid whose points and cells can be drawn over the scatter; {@code null} for none. */
    public ObjectProperty<LatentGrid> gridProperty() {
        return grid;
    }

    /** Whether the selected image's reconstruction is a sample of p(x|z) rather than its mean. */
    public BooleanProperty decoderSampleProperty() {
        return decoderSample;
    }

    public ReadOnlyIntegerProperty hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected image's posterior q(z|x) in the plane; {@code null} for none or an autoencoder. */
    public ReadOnlyObjectProperty<PosteriorEllipse> posteriorProperty() {
        return posterior.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<float[]> selectedImageProperty() {
        return selectedImage.getReadOnlyProperty();
    }

    /** The selected image decoded from its posterior mean, refreshed with every snapshot. */
    public ReadOnlyObjectProperty<float[]> reconstructionProperty() {
        return reconstruction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionTextProperty() {
        return selectionText.getReadOnlyProperty();
    }

    /**
     * What another view draws over the points (a moved point's path, interpolations, a drawing's
     * posterior); {@link ScatterOverlay#NONE} for nothing.
     */
    public ObjectProperty<ScatterOverlay> overlayProperty() {
        return overlay;
    }

    /** The overlay's posterior as an ellipse on the plane; {@code null} when there is none. */
    public ReadOnlyObjectProperty<PosteriorEllipse> overlayEllipseProperty() {
        return overlayEllipse.getReadOnlyProperty();
    }

    /** The latest probe set, for the images behind the points; {@code null} before the first snapshot. */
    public ProbeSet probe() {
        return probe;
    }
}
