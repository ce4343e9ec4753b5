package org.latentlab.ui.compare;

import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.latentlab.latent.GridSpacing;
import org.latentlab.latent.LatentGrid;
import org.latentlab.latent.PcaBaseline;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.ModelKind;
import org.latentlab.render.Palette;
import org.latentlab.training.CompareVariant;
import org.latentlab.training.DecodeService;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.LinearBaseline;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.training.VariantSnapshot;
import org.latentlab.ui.loss.LossSeries;
import org.latentlab.ui.manifold.ManifoldImages;
import org.latentlab.ui.scatter.BackgroundProjection;
import org.latentlab.ui.scatter.ScatterPoints;
import org.latentlab.ui.scatter.Viewport;

/**
 * One panel of the compare lab: a model of the comparison, or the PCA baseline, as its latent
 * scatter, its losses as numbers and a small curve, a small grid decoded over its latent space,
 * the images it decodes from prior samples once asked, and its reconstruction of the selected
 * image. Decoding runs on the decode service, one channel per picture, latest request wins, and a
 * latent space of more than two dimensions is put on its principal plane by a worker; the results
 * are taken up once per frame. The baseline does not train, and its linear decoder is
 * cheap enough to run here, once.
 *
 * <p>Uses {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread).
 */
public final class ComparePanelViewModel {

    /** The decoded grid is this many images across and down. */
    public static final int GRID_SIZE = 8;
    /** Images decoded from prior samples, in two rows. */
    public static final int SAMPLE_COUNT = 16;
    public static final int SAMPLE_ROWS = 2;
    /** The colour of the baseline's panel, as in the command line's figure. */
    static final String BASELINE_HEX = Palette.MODEL_HEX.get(Palette.MODEL_HEX.size() - 2);
    private static final LatentGrid GRID = new LatentGrid(GRID_SIZE, GridSpacing.INVERSE_CDF);

    private final CompareVariant variant;
    private final String colourHex;
    private final DecodeService.Channel gridChannel;
    private final DecodeService.Channel sampleChannel;
    private final DecodeService.Channel reconstructionChannel;
    private final BackgroundProjection projection;

    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private final ReadOnlyObjectWrapper<VariantSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<ScatterPoints> points = new ReadOnlyObjectWrapper<>(this, "points");
    private final ReadOnlyObjectWrapper<LossSeries> losses = new ReadOnlyObjectWrapper<>(this, "losses");
    private final ReadOnlyStringWrapper numbers = new ReadOnlyStringWrapper(this, "numbers", PanelText.NOT_TRAINED);
    private final ReadOnlyStringWrapper outside = new ReadOnlyStringWrapper(this, "outside", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyObjectWrapper<ManifoldImages> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ReadOnlyBooleanWrapper samplesShown = new ReadOnlyBooleanWrapper(this, "samplesShown", false);
    private final ReadOnlyObjectWrapper<ManifoldImages> samples = new ReadOnlyObjectWrapper<>(this, "samples");
    private final ReadOnlyObjectWrapper<float[]> reconstruction = new ReadOnlyObjectWrapper<>(this, "reconstruction");

    private ProbeSet probe;
    private DecoderWeights decoder;
    private LinearBaseline baseline;
    private long sampleSeed;
    private int selected = -1;
    private float[] gridRequest;
    private float[] sampleRequest;
    private float[] reconstructionRequest;
    private DecodeService.DecodeResult shownGrid;
    private DecodeService.DecodeResult shownSamples;
    private DecodeService.DecodeResult shownReconstruction;

    private ComparePanelViewModel(CompareVariant variant, String colourHex, DecodeService decodes, Executor worker) {
        this.variant = variant;
        this.colourHex = colourHex;
        this.gridChannel = decodes == null ? null : decodes.channel();
        this.sampleChannel = decodes == null ? null : decodes.channel();
        this.reconstructionChannel = decodes == null ? null : decodes.channel();
        this.projection = new BackgroundProjection(worker);
    }

    /**
     * The panel of the model in place {@code index} of the comparison, in its colour.
     *
     * @param worker where the principal plane of a latent space of more than 2 dimensions is fitted
     */
    static ComparePanelViewModel ofModel(CompareVariant variant, int index, DecodeService decodes, Executor worker) {
        return new ComparePanelViewModel(variant, Palette.MODEL_HEX.get(index % Palette.MODEL_HEX.size()), decodes,
                worker);
    }

    /** The panel of the PCA baseline, which {@link #showBaseline} fills; its codes are 2-D. */
    static ComparePanelViewModel ofBaseline() {
        return new ComparePanelViewModel(null, BASELINE_HEX, null, Runnable::run);
    }

    // ---- updates ----------------------------------------------------------------------------------

    /** Takes the model's part of a new compare snapshot. */
    void update(VariantSnapshot panel) {
        snapshot.set(panel);
        TrainingSnapshot training = panel.training();
        boolean sameProbe = probe != null && probe.pixels() == training.probe().pixels();
        probe = training.probe();
        ScatterPoints projected = projection.request(probe, !sameProbe, sameProbe ? points.get() : null);
        if (projected != null || !sameProbe) {
            points.set(projected);
        }
        LossSeries current = losses.get();
        IterationHistory.View history = training.iterations();
        if (current == null || current.size() != history.size() || current.epochs().size() != training.epochs().size()) {
            losses.set(LossSeries.after(current, history, training.epochs(), variant.kind() == ModelKind.VAE, false));
            numbers.set(PanelText.numbers(variant, history, training.epochs()));
        }
        showMessage();
        if (training.decoder() != decoder) {
            decoder = training.decoder();
            requestGrid();
            requestSamples();
            requestReconstruction();
        }
    }

    /** Shows the PCA baseline: its codes, its grid, and (when asked) its prior samples. */
    void showBaseline(LinearBaseline newBaseline) {
        if (newBaseline == baseline) {
            return;
        }
        baseline = newBaseline;
        probe = baseline.probe();
        points.set(projection.request(probe, true, null));
        numbers.set(String.format(Locale.ROOT, "%.0f %% of variance kept\nfitted once, not trained",
                100 * baseline.pca().explainedVariance()));
        grid.set(images(baseline.pca().decode(GRID.points(2, 0, 1), GRID_SIZE * GRID_SIZE), GRID_SIZE, GRID_SIZE));
        requestSamples();
        requestReconstruction();
    }

    /** Shows what the model decodes from prior samples, now and with every later snapshot. */
    void showSamples(long seed) {
        samplesShown.set(true);
        sampleSeed = seed;
        requestSamples();
    }

    /** Draws this panel's prior samples again from {@code seed}, if it shows them. */
    void reseedSamples(long seed) {
        sampleSeed = seed;
        requestSamples();
    }

    /** Decodes the selected probe image ({@code index}, or −1 for none) from its code. */
    void select(int index) {
        selected = index;
        reconstruction.set(null);
        requestReconstruction();
    }

    /** Counts the points that lie outside {@code view}, to say so on the panel. */
    void setViewport(Viewport view) {
        ScatterPoints current = points.get();
        int count = current == null ? 0 : outsideCount(current, view);
        outside.set(current == null ? "" : count == 0 ? String.format(Locale.ROOT, "all %,d inside", current.size())
                : String.format(Locale.ROOT, "%,d of %,d outside", count, current.size()));
    }

    /** Why the model stopped; else why its scatter may mislead (a PCA that did not converge); else nothing. */
    private void showMessage() {
        VariantSnapshot s = snapshot.get();
        ScatterPoints current = points.get();
        if (s != null && s.stopped()) {
            message.set(s.training().message());
        } else if (projection.problem() != null) {
            message.set(projection.problem());
        } else if (current != null && !current.plane().converged()) {
            message.set(current.note());
        } else {
            message.set(null);
        }
    }

    /**
     * Takes up finished points and decodes; called once per frame.
     *
     * @return whether the points moved (so the axes the panels share may change)
     */
    boolean pulse() {
        ScatterPoints projected = projection.take();
        boolean moved = projected != null;
        if (moved) {
            points.set(projected);
            requestGrid();
        }
        showMessage();
        if (gridChannel == null) {
            return moved;
        }
        DecodeService.DecodeResult g = gridChannel.latest();
        if (g != null && g != shownGrid && g.request().latents() == gridRequest) {
            shownGrid = g;
            grid.set(images(g.images(), GRID_SIZE, GRID_SIZE));
        }
        DecodeService.DecodeResult s = sampleChannel.latest();
        if (s != null && s != shownSamples && s.request().latents() == sampleRequest) {
            shownSamples = s;
            samples.set(images(s.images(), SAMPLE_ROWS, SAMPLE_COUNT / SAMPLE_ROWS));
        }
        DecodeService.DecodeResult r = reconstructionChannel.latest();
        if (r != null && r != shownReconstruction && r.request().latents() == reconstructionRequest) {
            shownReconstruction = r;
            reconstruction.set(r.images());
        }
        return moved;
    }

    // ---- decoding ---------------------------------------------------------------------------------

    private void requestGrid() {
        ScatterPoints current = points.get();
        if (decoder == null || current == null) {
            return;
        }
        int count = GRID_SIZE * GRID_SIZE;
        gridRequest = current.plane().embed(GRID.points(2, 0, 1), count);
        gridChannel.request(decoder, gridRequest, count);
    }

    private void requestSamples() {
        if (!samplesShown.get()) {
            return;
        }
        if (baseline != null) {
            float[] z = PriorSamples.draw(SAMPLE_COUNT, PcaBaseline.COMPONENTS, sampleSeed);
            samples.set(images(baseline.pca().decode(z, SAMPLE_COUNT), SAMPLE_ROWS, SAMPLE_COUNT / SAMPLE_ROWS));
        } else if (decoder != null) {
            sampleRequest = PriorSamples.draw(SAMPLE_COUNT, decoder.latentSize(), sampleSeed);
            sampleChannel.request(decoder, sampleRequest, SAMPLE_COUNT);
        }
    }

    private void requestReconstruction() {
        if (selected < 0 || probe == null || selected >= probe.size()) {
            reconstructionRequest = null;
            return;
        }
        int d = probe.encoding().latentSize();
        float[] code = new float[d];
        System.arraycopy(probe.encoding().means(), selected * d, code, 0, d);
        if (baseline != null) {
            reconstruction.set(baseline.pca().decode(code, 1));
        } else if (decoder != null) {
            reconstructionRequest = code;
            reconstructionChannel.request(decoder, reconstructionRequest, 1);
        }
    }

    private ManifoldImages images(float[] pixels, int rows, int columns) {
        return new ManifoldImages(pixels, rows, columns, probe.imageWidth(), probe.imageHeight());
    }

    // ---- maths ------------------------------------------------------------------------------------

    /** How many points lie outside {@code view}. */
    static int outsideCount(ScatterPoints points, Viewport view) {
        int count = 0;
        for (int i = 0; i < points.size(); i++) {
            float x = points.xs()[i];
            float y = points.ys()[i];
            if (!(x >= view.xMin() && x <= view.xMax() && y >= view.yMin() && y <= view.yMax())) {
                count++;
            }
        }
        return count;
    }

    // ---- properties -------------------------------------------------------------------------------

    /** The model this panel shows; {@code null} for the PCA baseline. */
    public CompareVariant variant() {
        return variant;
    }

    public boolean isBaseline() {
        return variant == null;
    }

    /** The model's colour, here and in the rate–distortion plot: {@code #RRGGBB}. */
    public String colourHex() {
        return colourHex;
    }

    public String samplesCaption() {
        return PanelText.samplesCaption(variant);
    }

    /** The panel's name in one line: "VAE, KL only", "PCA (linear baseline)". */
    public String title() {
        return PanelText.title(variant);
    }

    /** The panel's heading in two short lines, the kind of model over what it is trained on. */
    public String heading() {
        return PanelText.heading(variant);
    }

    /** A short name for the panel's check box: "KL only", "VAE", "β = 4", "PCA". */
    public String shortTitle() {
        return PanelText.shortTitle(variant);
    }

    /** The names of the scatter's axes. */
    public String[] axisTitles() {
        ScatterPoints current = points.get();
        if (variant == null) {
            return new String[] {"PC 1", "PC 2"};
        }
        return current == null ? new String[] {"z₁", "z₂"} : new String[] {current.xTitle(), current.yTitle()};
    }

    /** Whether the user wants this panel on screen. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** The model's part of the latest compare snapshot; {@code null} for the baseline and before the first. */
    public ReadOnlyObjectProperty<VariantSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScatterPoints> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    /** The model's losses so far, for its small curve; {@code null} for the baseline. */
    public ReadOnlyObjectProperty<LossSeries> lossesProperty() {
        return losses.getReadOnlyProperty();
    }

    /** Its latest losses in two lines (see {@link #numbersOf}). */
    public ReadOnlyStringProperty numbersProperty() {
        return numbers.getReadOnlyProperty();
    }

    /** "737 of 1,000 outside the axes", or "all 1,000 inside the axes"; empty before the first snapshot. */
    public ReadOnlyStringProperty outsideProperty() {
        return outside.getReadOnlyProperty();
    }

    /** Why this model stopped while the others train on; {@code null} while it trains. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Its latent space decoded on an 8 × 8 grid at z = Φ⁻¹(u); {@code null} until decoded. */
    public ReadOnlyObjectProperty<ManifoldImages> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty samplesShownProperty() {
        return samplesShown.getReadOnlyProperty();
    }

    /** Its images decoded from the shared prior samples; {@code null} until asked for and decoded. */
    public ReadOnlyObjectProperty<ManifoldImages> samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    /** The selected image decoded from its code by this model; {@code null} for none. */
    public ReadOnlyObjectProperty<float[]> reconstructionProperty() {
        return reconstruction.getReadOnlyProperty();
    }

    /** The probe images and their codes behind the points; {@code null} before the first snapshot. */
    public ProbeSet probe() {
        return probe;
    }
}
