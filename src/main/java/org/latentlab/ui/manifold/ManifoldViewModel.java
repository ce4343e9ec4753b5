package org.latentlab.ui.manifold;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.latent.GridSpacing;
import org.latentlab.latent.LatentGrid;
import org.latentlab.latent.LatentPlane;
import org.latentlab.model.DecoderWeights;
import org.latentlab.training.DecodeService;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.DecodingChoices;

/**
 * The manifold grid (Kingma &amp; Welling 2013, Fig. 4): n × n images decoded at z = Φ⁻¹(u) for u
 * on a regular grid of (0, 1)², or at linearly spaced z for comparison. Decoding runs on the decode
 * service, latest request wins; a new picture is taken up once per frame. Uses
 * {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread).
 */
public final class ManifoldViewModel {

    public static final int MIN_SIZE = 5;
    public static final int MAX_SIZE = 30;
    public static final int DEFAULT_SIZE = 15;

    private final DecodeService.Channel channel;
    private final IntegerProperty size = new SimpleIntegerProperty(this, "size", DEFAULT_SIZE);
    private final ObjectProperty<GridSpacing> spacing = new SimpleObjectProperty<>(this, "spacing", GridSpacing.INVERSE_CDF);
    private final ReadOnlyObjectWrapper<LatentGrid> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ReadOnlyObjectWrapper<ManifoldImages> images = new ReadOnlyObjectWrapper<>(this, "images");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final IntegerProperty label = new SimpleIntegerProperty(this, "label", 0);
    private final BooleanProperty decoderSample = new SimpleBooleanProperty(this, "decoderSample", false);

    private DecoderWeights decoder;
    private List<String> classNames = List.of();
    /** The model's own grid, kept while a recorded one is shown; see {@link #showRecorded}. */
    private ManifoldImages liveImages;
    private boolean recorded;
    private LatentPlane plane;
    private float[] requestedPoints;
    private DecodeService.DecodeResult shown;

    public ManifoldViewModel(DecodeService.Channel channel) {
        this.channel = channel;
        size.addListener(o -> rebuildGrid());
        spacing.addListener(o -> rebuildGrid());
        label.addListener(o -> requestDecode());
        decoderSample.addListener(o -> requestDecode());
        rebuildGrid();
    }

    /**
     * Shows a grid recorded at a moment of training, described by {@code recordedCaption}, until
     * {@link #showLive()}: decodes finishing meanwhile are kept back.
     */
    public void showRecorded(ManifoldImages moment, String recordedCaption) {
        if (!recorded) {
            recorded = true;
            liveImages = images.get();
        }
        images.set(moment);
        caption.set(recordedCaption);
    }

    /** Goes back to the model's own grid, decoded again with the next {@link #update}. */
    public void showLive() {
        if (!recorded) {
            return;
        }
        recorded = false;
        images.set(liveImages);
        liveImages = null;
        decoder = null;
        updateCaption();
    }

    /** Takes a new snapshot: asks for the grid to be decoded with its decoder. */
    public void update(TrainingSnapshot snapshot) {
        if (snapshot.decoder() == decoder) {
            return;
        }
        decoder = snapshot.decoder();
        classNames = snapshot.probe().classNames();
        requestDecode();
    }

    /** Takes up a finished decode of the current grid; called once per frame. */
    public void pulse() {
        DecodeService.DecodeResult result = channel.latest();
        if (recorded || result == null || result == shown || result.request().latents() != requestedPoints) {
            return;
        }
        shown = result;
        LatentGrid current = grid.get();
        int rows = decoder.latentSize() == 1 ? 1 : current.size();
        images.set(new ManifoldImages(result.images(), rows, current.size(), result.imageWidth(), result.imageHeight()));
    }

    private void rebuildGrid() {
        int n = Math.max(MIN_SIZE, Math.min(MAX_SIZE, size.get()));
        grid.set(new LatentGrid(n, spacing.get()));
        requestDecode();
    }

    private void requestDecode() {
        if (!recorded) {
            updateCaption();
        }
        if (decoder == null || recorded) {
            return;
        }
        int d = decoder.latentSize();
        LatentGrid current = grid.get();
        LatentPlane shown = plane == null || plane.latentSize() != d ? LatentPlane.firstTwoAxes(d) : plane;
        requestedPoints = current.pointsOn(shown);
        int count = current.countIn(d);
        channel.request(decoder, requestedPoints, DecodingChoices.oneClass(decoder, label.get(), count), count,
                DecodingChoices.output(decoderSample.get()));
    }

    /**
     * The plane of the latent space the grid lies on: the scatter's, so that its cells can be drawn
     * there. For more than two dimensions it is the plane of the codes' two principal components,
     * through the origin, on which the prior is again N(0, I₂) and Φ⁻¹ spacing keeps its meaning.
     */
    public void setPlane(LatentPlane newPlane) {
        if (newPlane == plane) {
            return;
        }
        boolean moved = plane == null || newPlane == null || newPlane.isPrincipal() || plane.isPrincipal()
                || newPlane.latentSize() != plane.latentSize();
        plane = newPlane;
        if (moved) {
            requestDecode();
        }
    }

    private void updateCaption() {
        LatentGrid current = grid.get();
        int n = current.size();
        String where = current.spacing() == GridSpacing.INVERSE_CDF
                ? String.format(Locale.ROOT, "z = Φ⁻¹(u) for u on a regular %d × %d grid of (0, 1)², outer points at "
                        + "±%.2f: each image stands for an equal share of the prior (Kingma & Welling 2013, Fig. 4)",
                        n, n, current.axisValue(n - 1))
                : String.format(Locale.ROOT, "z evenly spaced over [−%.2f, %.2f] on both axes: equal steps in z, "
                        + "so the outer images stand for little prior probability", current.axisValue(n - 1),
                        current.axisValue(n - 1));
        int d = decoder == null ? 2 : decoder.latentSize();
        String axes = decoder != null && decoder.twoStage() && d == 2 ? "z₂'s first coordinate grows to the right, "
                + "its second upwards"
                : d == 1 ? "z₁ grows to the right"
                : d == 2 || plane == null || !plane.isPrincipal() ? "z₁ grows to the right, z₂ upwards"
                : String.format(Locale.ROOT, "The grid lies on the scatter's plane of %d-D space: PC 1 of the codes to "
                        + "the right, PC 2 upwards, through z = 0", d);
        caption.set(where + ". " + axes + "." + decoding());
    }

    /** What the decoder is asked for besides the points, in words; empty for a plain decoder's means. */
    private String decoding() {
        StringBuilder text = new StringBuilder();
        if (decoder != null && decoder.twoStage()) {
            text.append(" These are the hierarchical VAE's top level z₂; each is decoded through the mean of"
                    + " p(z₁|z₂), not a draw of z₁.");
        }
        if (decoder != null && decoder.conditional()) {
            int shown = Math.max(0, Math.min(decoder.conditionClasses() - 1, label.get()));
            text.append(" Every image is class ").append(shown < classNames.size() ? "“" + classNames.get(shown) + "”"
                    : String.valueOf(shown)).append(": the conditional VAE draws the class it is given.");
        }
        if (decoderSample.get()) {
            text.append(" Each image is one sample of p(x|z), not its mean.");
        }
        return text.toString();
    }

    /** How many images across (and down); clamped to {@value #MIN_SIZE}…{@value #MAX_SIZE}. */
    public IntegerProperty sizeProperty() {
        return size;
    }

    /** The class a conditional VAE's grid draws (ignored for the other models). */
    public IntegerProperty labelProperty() {
        return label;
    }

    /** Whether the grid shows a sample of p(x|z) at each point rather than its mean. */
    public BooleanProperty decoderSampleProperty() {
        return decoderSample;
    }

    public ObjectProperty<GridSpacing> spacingProperty() {
        return spacing;
    }

    /** The grid being shown, for drawing its cells on the scatter. */
    public ReadOnlyObjectProperty<LatentGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    /** The latest decoded grid; {@code null} until the first decode is done. */
    public ReadOnlyObjectProperty<ManifoldImages> imagesProperty() {
        return images.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
