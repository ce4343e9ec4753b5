package org.latentlab.ui.attributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.data.Attributes;
import org.latentlab.latent.AttributeVector;
import org.latentlab.latent.LatentPoints;
import org.latentlab.latent.LatentRegion;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.training.DecodeService;
import org.latentlab.training.LatentAnalysis;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.FailureMessage;
import org.latentlab.ui.scatter.LatestWins;
import org.latentlab.ui.scatter.ScatterOverlay;

/**
 * The Attributes panel: one image (the point selected in the latent scatter, or a drawing) moved
 * through latent space along attribute vectors, one slider each, decoded as it moves, its path drawn
 * on the scatter, and a warning when it leaves the region where the data's codes lie.
 *
 * <p>The moved point is z = z₀ + Σₖ aₖ vₖ: the image's posterior mean plus each slider's amount
 * times its vector. Each move asks the decode service for one image (latest request wins) and the
 * image is taken up in the next frame; a strip shows the slider last moved across its whole range,
 * the other sliders where they are. The vectors and the region are computed from the probe set on
 * {@code worker}, latest request wins, at most every {@value AnalysisRequests#INTERVAL_MILLIS} ms while the
 * model trains and only while the panel is {@linkplain #activeProperty() active}; a change of the
 * settings asks at once.
 *
 * <p>Uses {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread).
 *
 * <p>Over 400 lines, for now: a third is its two dozen read-only properties, which the view binds
 * one by one; the vectors' requests are in {@link AnalysisRequests} and their choice in
 * {@code training.LatentAnalysis}. The next seam is the region warning ({@link #warningFor}), left
 * here while its wording is being rewritten.
 */
public final class AttributesViewModel {

    /** The sliders reach this many vectors either way (AttributeVector: "a slider usually spans −2 to 2"). */
    public static final double SLIDER_LIMIT = 2;
    /** The strip along a slider shows its range in steps of this many vectors. */
    public static final double ALONG_STEP = 0.5;

    /** Where the image comes from. */
    public enum Source { SELECTION, DRAWING }

    private final DecodeRequests decodes;
    private final DecodeRequests alongDecodes;
    private final AnalysisRequests analyses;

    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final BooleanProperty balanced = new SimpleBooleanProperty(this, "balanced", false);
    private final IntegerProperty fromClass = new SimpleIntegerProperty(this, "fromClass", 0);
    private final IntegerProperty toClass = new SimpleIntegerProperty(this, "toClass", 1);
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.SELECTION);
    private final ReadOnlyObjectWrapper<List<String>> classNames = new ReadOnlyObjectWrapper<>(this, "classNames", List.of());
    private final ObservableList<AttributeSlider> sliders = FXCollections.observableArrayList();
    private final ObservableList<AttributeSlider> readOnlySliders = FXCollections.unmodifiableObservableList(sliders);
    private final ReadOnlyObjectWrapper<ImageStrip> input = new ReadOnlyObjectWrapper<>(this, "input");
    private final ReadOnlyObjectWrapper<ImageStrip> moved = new ReadOnlyObjectWrapper<>(this, "moved");
    private final ReadOnlyObjectWrapper<ImageStrip> along = new ReadOnlyObjectWrapper<>(this, "along");
    private final ReadOnlyStringWrapper alongName = new ReadOnlyStringWrapper(this, "alongName", "");
    private final ReadOnlyObjectWrapper<float[]> movedLatent = new ReadOnlyObjectWrapper<>(this, "movedLatent");
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper(this, "subject", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyObjectWrapper<ScatterOverlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay", ScatterOverlay.NONE);
    private final ReadOnlyObjectWrapper<LatentRegion> region = new ReadOnlyObjectWrapper<>(this, "region");
    private final ReadOnlyBooleanWrapper drawingAvailable = new ReadOnlyBooleanWrapper(this, "drawingAvailable", false);
    private final ReadOnlyObjectWrapper<DecodeTiming> updateTiming = new ReadOnlyObjectWrapper<>(this, "updateTiming");

    private ProbeSet probe;
    private DecoderWeights decoder;
    private boolean hasPrior;
    private int selection = -1;
    private Encoding drawing;
    private float[] drawingPixels;
    private String lastMoved;
    /** The name of the slider the newest strip request runs along; shown once that strip arrives. */
    private String requestedAlongName = "";
    private boolean choosingClasses;

    /**
     * @param channel      where the moved point is decoded
     * @param alongChannel where the strip along the last slider's range is decoded
     * @param worker       runs the attribute vectors and the region, off this thread
     */
    public AttributesViewModel(DecodeService.Channel channel, DecodeService.Channel alongChannel, Executor worker) {
        this.decodes = new DecodeRequests(channel);
        this.alongDecodes = new DecodeRequests(alongChannel);
        this.analyses = new AnalysisRequests(worker);
        balanced.addListener(o -> settingsChanged());
        fromClass.addListener(o -> settingsChanged());
        toClass.addListener(o -> settingsChanged());
        source.addListener(o -> refresh());
    }

    // ---- inputs ---------------------------------------------------------------------------------

    /** Takes a new snapshot: the image's new code, a new decode, and (soon) new vectors. */
    public void update(TrainingSnapshot snapshot) {
        ProbeSet next = snapshot.probe();
        boolean newSet = probe == null || probe.pixels() != next.pixels();
        boolean newClasses = probe == null || !probe.classNames().equals(next.classNames());
        probe = next;
        decoder = snapshot.decoder();
        hasPrior = next.encoding().hasPosterior();
        if (newSet) {
            region.set(null);
            selection = -1;
            sliders.clear();
            note.set("Computing the attribute vectors…");
        }
        if (newClasses) {
            chooseClasses(next.classNames());
        }
        analyses.markDue();
        refresh();
    }

    /** The image selected in the latent scatter, or −1 for none; a selection becomes the panel's image. */
    public void select(int index) {
        selection = index;
        if (index >= 0 && source.get() != Source.SELECTION) {
            source.set(Source.SELECTION);
        } else {
            refresh();
        }
    }

    /**
     * The drawing pad's image and its encoding, or {@code null}s when the pad is empty. Shown when
     * the source is {@link Source#DRAWING}.
     */
    public void setDrawing(Encoding encoding, float[] pixels) {
        drawing = encoding;
        drawingPixels = pixels;
        drawingAvailable.set(encoding != null);
        if (encoding == null && source.get() == Source.DRAWING) {
            source.set(Source.SELECTION);
        } else if (source.get() == Source.DRAWING) {
            refresh();
        }
    }

    /** Moves the drawing from now on, if there is one. */
    public void useDrawing() {
        if (drawing != null) {
            source.set(Source.DRAWING);
        }
    }

    /** Puts every slider back to 0. */
    public void resetSliders() {
        for (AttributeSlider slider : sliders) {
            slider.amountProperty().set(0);
        }
    }

    /**
     * Called once per frame: asks for new vectors when due, takes up finished vectors and the
     * newest decoded image.
     */
    public void pulse() {
        if (active.get() && probe != null) {
            analyses.askIfDue(probe, settings(), System.nanoTime());
        }
        takeAnalysis();
        DecodeService.DecodeResult result = decodes.takeNew();
        if (result != null) {
            moved.set(new ImageStrip(result.images(), 1, result.imageWidth(), result.imageHeight()));
            if (decodes.upToDate()) {
                updateTiming.set(decodes.timing());
            }
        }
        DecodeService.DecodeResult strip = alongDecodes.takeNew();
        if (strip != null) {
            along.set(new ImageStrip(strip.images(), strip.request().count(), strip.imageWidth(), strip.imageHeight()));
            alongName.set(requestedAlongName);
        }
    }

    // ---- the vectors ----------------------------------------------------------------------------

    private void settingsChanged() {
        if (choosingClasses) {
            return;
        }
        analyses.markDue();
        if (probe != null && active.get()) {
            analyses.ask(probe, settings(), System.nanoTime());
            takeAnalysis();
        }
    }

    private LatentAnalysis.Settings settings() {
        return new LatentAnalysis.Settings(balanced.get(), fromClass.get(), toClass.get());
    }

    private void takeAnalysis() {
        LatestWins.Outcome<LatentAnalysis> done = analyses.takeNew();
        if (done == null) {
            return;
        }
        if (done.failure() != null) {
            note.set("Could not compute the attribute vectors: " + FailureMessage.of(done.failure()));
            return;
        }
        if (probe == null || done.value().probe().pixels() != probe.pixels()) {
            return; // made for a dataset or model that is gone
        }
        show(done.value());
    }

    private void show(LatentAnalysis made) {
        region.set(made.region());
        List<String> keys = made.vectors().stream().map(LatentAnalysis.SliderVector::key).toList();
        if (!keys.equals(sliders.stream().map(AttributeSlider::key).toList())) {
            List<AttributeSlider> fresh = new ArrayList<>();
            for (String key : keys) {
                AttributeSlider slider = new AttributeSlider(key);
                slider.amountProperty().addListener(o -> {
                    lastMoved = key;
                    refresh();
                });
                fresh.add(slider);
            }
            sliders.setAll(fresh);
        }
        for (AttributeSlider slider : sliders) {
            slider.show(made.vector(slider.key()));
        }
        note.set(String.format(Locale.ROOT, "v = mean code of images with the attribute − mean of those without%s "
                + "(White 2016), from %,d held-out images. AUC: how well v alone tells held-out images with and without "
                + "apart (0.5 chance, 1 perfect).", made.settings().balanced() ? ", balanced on other attributes" : "",
                made.probe().size()));
        refresh();
    }

    /** The class vector's default ends: 3 → 8 for digits, frown → smile for faces, else the first two classes. */
    private void chooseClasses(List<String> names) {
        int[] ends = defaultClasses(names);
        choosingClasses = true;
        try {
            classNames.set(names);
            fromClass.set(ends[0]);
            toClass.set(ends[1]);
        } finally {
            choosingClasses = false;
        }
    }

    static int[] defaultClasses(List<String> names) {
        for (String[] pair : new String[][] {{"3", "8"}, {"frown", "smile"}}) {
            if (names.contains(pair[0]) && names.contains(pair[1])) {
                return new int[] {names.indexOf(pair[0]), names.indexOf(pair[1])};
            }
        }
        return new int[] {0, Math.min(1, Math.max(0, names.size() - 1))};
    }

    // ---- the moved image ------------------------------------------------------------------------

    /** The code of the panel's image: the selected point's posterior mean, or the drawing's; {@code null} for none. */
    private float[] startingPoint() {
        if (probe == null) {
            return null;
        }
        int d = probe.encoding().latentSize();
        if (source.get() == Source.DRAWING) {
            return drawing != null && drawing.latentSize() == d ? drawing.means().clone() : null;
        }
        if (selection < 0 || selection >= probe.size()) {
            return null;
        }
        float[] z = new float[d];
        System.arraycopy(probe.encoding().means(), selection * d, z, 0, d);
        return z;
    }

    private void refresh() {
        float[] start = startingPoint();
        if (start == null) {
            input.set(null);
            moved.set(null);
            movedLatent.set(null);
            warning.set("");
            overlay.set(ScatterOverlay.NONE);
            decodes.forgetEarlier();
            showAlong(null);
            subject.set(source.get() == Source.DRAWING ? "Your drawing is being encoded…"
                    : "Click a point in the latent space to choose an image, or draw one in the Draw tab.");
            return;
        }
        int w = probe.imageWidth();
        int h = probe.imageHeight();
        boolean drawn = source.get() == Source.DRAWING;
        input.set(new ImageStrip(drawn ? drawingPixels : probe.image(selection), 1, w, h));
        subject.set(drawn ? "Your drawing" : describeSelection());
        List<float[]> path = new ArrayList<>();
        path.add(start);
        float[] z = start;
        for (AttributeSlider slider : sliders) {
            AttributeVector v = slider.vector();
            double amount = slider.amountProperty().get();
            if (v != null && amount != 0 && v.dimension() == z.length) {
                z = v.moved(z, amount);
                path.add(z);
            }
        }
        movedLatent.set(z);
        if (decoder != null && decoder.latentSize() == z.length) {
            decodes.request(decoder, z, 1);
        }
        warning.set(region.get() == null || region.get().dimension() != z.length ? ""
                : warningFor(region.get().check(z), hasPrior));
        LatentPoints rail = railOfLastMoved(z);
        showAlong(rail);
        overlay.set(overlayFor(path, rail, drawn));
    }

    /**
     * The points the slider moved last reaches, −{@value #SLIDER_LIMIT} to +{@value #SLIDER_LIMIT}
     * vectors in steps of {@value #ALONG_STEP}, with the other sliders where they are; {@code null}
     * before any move.
     */
    private LatentPoints railOfLastMoved(float[] end) {
        AttributeSlider last = slider(lastMoved);
        if (last == null || last.vector() == null || last.vector().dimension() != end.length) {
            return null;
        }
        int d = end.length;
        float[] without = last.vector().moved(end, -last.amountProperty().get());
        int steps = (int) Math.round(2 * SLIDER_LIMIT / ALONG_STEP) + 1;
        float[] rail = new float[steps * d];
        for (int k = 0; k < steps; k++) {
            System.arraycopy(last.vector().moved(without, k * ALONG_STEP - SLIDER_LIMIT), 0, rail, k * d, d);
        }
        return new LatentPoints(rail, steps, d);
    }

    /** Asks for the images along {@code rail}, or clears the strip for none. */
    private void showAlong(LatentPoints rail) {
        if (rail == null || decoder == null || decoder.latentSize() != rail.dimension()) {
            alongDecodes.forgetEarlier();
            along.set(null);
            alongName.set("");
            requestedAlongName = "";
            return;
        }
        String name = slider(lastMoved).nameProperty().get();
        if (!name.equals(requestedAlongName)) {
            // A strip along another slider would sit under this one's name: wait for this one's.
            alongDecodes.forgetEarlier();
            requestedAlongName = name;
        }
        alongDecodes.request(decoder, rail.values(), rail.count());
    }

    private String describeSelection() {
        int label = probe.labels()[selection];
        String name = label >= 0 && label < probe.classNames().size() ? ", “" + probe.classNames().get(label) + "”" : "";
        return "Held-out image " + (selection + 1) + name;
    }

    /** The path from the image's code to the moved point, the rail of the slider last moved, and a drawing's posterior. */
    private ScatterOverlay overlayFor(List<float[]> path, LatentPoints rail, boolean drawn) {
        int d = path.get(0).length;
        List<ScatterOverlay.Path> paths = new ArrayList<>();
        if (rail != null) {
            paths.add(new ScatterOverlay.Path(rail, ScatterOverlay.Style.RAIL));
        }
        if (path.size() > 1) {
            float[] points = new float[path.size() * d];
            for (int k = 0; k < path.size(); k++) {
                System.arraycopy(path.get(k), 0, points, k * d, d);
            }
            paths.add(new ScatterOverlay.Path(new LatentPoints(points, path.size(), d), ScatterOverlay.Style.MOVE));
        }
        ScatterOverlay.Posterior posterior = drawn ? new ScatterOverlay.Posterior(drawing.means(), drawing.logVariances())
                : null;
        return new ScatterOverlay(paths, posterior);
    }

    /**
     * Why the decoded image of a point should not be trusted, in words a student understands; empty
     * when the point lies among the data's codes and where the prior puts them.
     *
     * @param hasPrior whether the model has a prior to be far out in (a VAE; an autoencoder has none)
     */
    static String warningFor(LatentRegion.RegionCheck check, boolean hasPrior) {
        boolean unlikely = hasPrior && check.unlikelyUnderPrior();
        String prior = priorLength(check);
        if (check.farFromData()) {
            return String.format(Locale.ROOT, "⚠ Outside the data: %.1f× as far from any held-out image's code as codes "
                    + "lie from their nearest neighbour%s. The decoder never learnt codes here: this picture is a guess.",
                    check.relativeDistance(), unlikely ? "; and " + prior : "");
        }
        if (unlikely && check.nearerTheCentreThanThePrior()) {
            return "⚠ Near the centre: " + prior + ". Held-out codes lie near, but a sample z ~ N(0, I) almost "
                    + "never has so short a length.";
        }
        if (unlikely) {
            return "⚠ Far out in the prior: " + prior + ". Held-out codes lie near, so the decoder knows this "
                    + "region, but a sample z ~ N(0, I) almost never lands this far out.";
        }
        return "";
    }

    /** "|z| = 5.2: only 0.0012 % of the prior's codes lie this far out or further", or the inner side. */
    private static String priorLength(LatentRegion.RegionCheck check) {
        return check.nearerTheCentreThanThePrior()
                ? String.format(Locale.ROOT, "|z| = %.2f: %s of the prior N(0, I)'s codes lie this near its centre",
                        check.radius(), share(check.priorShareWithin()))
                : String.format(Locale.ROOT, "|z| = %.1f: %s of the prior N(0, I)'s codes lie this far out or further",
                        check.radius(), share(check.priorShareBeyond()));
    }

    private static String share(double p) {
        if (p < 1e-6) {
            return "fewer than one in a million";
        }
        return String.format(Locale.ROOT, "only %.2g %%", 100 * p);
    }

    // ---- properties -----------------------------------------------------------------------------

    /** Whether the panel is shown (or its region is needed): only then are vectors computed. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Balance each vector's groups on other attributes (White 2016). */
    public BooleanProperty balancedProperty() {
        return balanced;
    }

    /** The class the class vector starts from. */
    public IntegerProperty fromClassProperty() {
        return fromClass;
    }

    /** The class the class vector points to. */
    public IntegerProperty toClassProperty() {
        return toClass;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public ReadOnlyObjectProperty<List<String>> classNamesProperty() {
        return classNames.getReadOnlyProperty();
    }

    /** One slider per vector, the class vector first; replaced when the dataset changes. */
    public ObservableList<AttributeSlider> sliders() {
        return readOnlySliders;
    }

    /** The slider called {@code key} ("class", "ink", "smile"), or {@code null}. */
    public AttributeSlider slider(String key) {
        return sliders.stream().filter(s -> Objects.equals(s.key(), key)).findFirst().orElse(null);
    }

    /** The image being moved, as it is (the held-out image, or the drawing as encoded). */
    public ReadOnlyObjectProperty<ImageStrip> inputProperty() {
        return input.getReadOnlyProperty();
    }

    /**
     * The image decoded at each step of the slider moved last, −{@value #SLIDER_LIMIT} to
     * +{@value #SLIDER_LIMIT} vectors, the other sliders where they are; {@code null} before a move.
     */
    public ReadOnlyObjectProperty<ImageStrip> alongProperty() {
        return along.getReadOnlyProperty();
    }

    /** The name of the slider the strip runs along. */
    public ReadOnlyStringProperty alongNameProperty() {
        return alongName.getReadOnlyProperty();
    }

    /** The decoder's image at the moved point. */
    public ReadOnlyObjectProperty<ImageStrip> movedProperty() {
        return moved.getReadOnlyProperty();
    }

    /** The moved point z₀ + Σ aₖ vₖ; {@code null} when there is no image. */
    public ReadOnlyObjectProperty<float[]> movedLatentProperty() {
        return movedLatent.getReadOnlyProperty();
    }

    /** Which image is being moved, or what to do to choose one. */
    public ReadOnlyStringProperty subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    /** Why the moved point's picture is a guess; empty when it lies among the data. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** How the vectors were made. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** What to draw on the latent scatter: the path of the moved point. */
    public ReadOnlyObjectProperty<ScatterOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** Where the probe's codes lie; {@code null} until first computed. */
    public ReadOnlyObjectProperty<LatentRegion> regionProperty() {
        return region.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty drawingAvailableProperty() {
        return drawingAvailable.getReadOnlyProperty();
    }

    /**
     * How long the last move whose image was shown took, from the move to its decoded image being
     * taken up in a frame; {@code null} before the first.
     */
    public ReadOnlyObjectProperty<DecodeTiming> updateTimingProperty() {
        return updateTiming.getReadOnlyProperty();
    }
}
