package org.latentlab.ui.conditional;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.training.CodeComparison;
import org.latentlab.training.DecodeService;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.DecodingChoices;
import org.latentlab.ui.manifold.ManifoldViewModel;
import org.latentlab.ui.samples.SampleStripsViewModel.Strip;

/**
 * The Conditional tab of a conditional VAE: a decoded grid that draws one chosen class across the
 * style space z, and, for the held-out image selected in the scatter, its style written as every
 * class (its code μ(x, y), encoded with its own class y, decoded with each class in turn). For any
 * other model it only says what the tab needs. Decoding runs on the decode service, latest request
 * wins. Uses {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread).
 */
public final class ConditionalViewModel {

    private final ManifoldViewModel grid;
    private final CodePairViewModel codes;
    private final DecodeService.Channel rowChannel;
    private final IntegerProperty chosenClass = new SimpleIntegerProperty(this, "chosenClass", 0);
    private final BooleanProperty decoderSample = new SimpleBooleanProperty(this, "decoderSample", false);
    private final ReadOnlyBooleanWrapper conditional = new ReadOnlyBooleanWrapper(this, "conditional", false);
    private final ReadOnlyObjectWrapper<List<String>> classNames = new ReadOnlyObjectWrapper<>(this, "classNames",
            List.of());
    private final ReadOnlyObjectWrapper<Strip> selectedImage = new ReadOnlyObjectWrapper<>(this, "selectedImage");
    private final ReadOnlyObjectWrapper<Strip> asEveryClass = new ReadOnlyObjectWrapper<>(this, "asEveryClass");
    private final ReadOnlyStringWrapper rowCaption = new ReadOnlyStringWrapper(this, "rowCaption", "");

    private ProbeSet probe;
    private DecoderWeights decoder;
    private int selected = -1;
    private float[] rowRequest;
    private DecodeService.DecodeResult shownRow;

    /**
     * @param gridChannel where the grid is decoded
     * @param rowChannel  where the selected image's row is decoded
     * @param compare     starts a reading of the model's codes beside a plain VAE's ({@link CodePairViewModel})
     */
    public ConditionalViewModel(DecodeService.Channel gridChannel, DecodeService.Channel rowChannel,
                                Supplier<CompletableFuture<CodeComparison>> compare) {
        this.grid = new ManifoldViewModel(gridChannel);
        this.codes = new CodePairViewModel(compare);
        this.rowChannel = rowChannel;
        grid.labelProperty().bind(chosenClass);
        grid.decoderSampleProperty().bind(decoderSample);
        decoderSample.addListener(o -> requestRow());
        refreshCaption();
    }

    /** Takes a new snapshot: a conditional VAE's decoder draws the grid and the row; any other model is refused. */
    public void update(TrainingSnapshot snapshot) {
        codes.update(snapshot);
        boolean isConditional = snapshot.decoder().conditional();
        conditional.set(isConditional);
        if (!isConditional) {
            decoder = null;
            probe = null;
            selectedImage.set(null);
            asEveryClass.set(null);
            refreshCaption();
            return;
        }
        if (probe == null || probe.pixels() != snapshot.probe().pixels()) {
            selected = -1;
            selectedImage.set(null);
            asEveryClass.set(null);
        }
        probe = snapshot.probe();
        if (!classNames.get().equals(probe.classNames())) {
            classNames.set(probe.classNames());
        }
        grid.update(snapshot);
        if (snapshot.decoder() != decoder) {
            decoder = snapshot.decoder();
            requestRow();
        }
        refreshCaption();
    }

    /** Selects held-out image {@code index} (−1: none), whose style the row writes as every class. */
    public void select(int index) {
        selected = probe == null || index < 0 || index >= probe.size() ? -1 : index;
        selectedImage.set(selected < 0 ? null : new Strip(probe.image(selected), 1, probe.imageWidth(),
                probe.imageHeight()));
        asEveryClass.set(null);
        codes.selectedProperty().set(selected);
        requestRow();
        refreshCaption();
    }

    /** Takes up finished decodes; called once per frame. */
    public void pulse() {
        grid.pulse();
        codes.pulse();
        DecodeService.DecodeResult result = rowChannel.latest();
        if (result != null && result != shownRow && result.request().latents() == rowRequest && rowRequest != null) {
            shownRow = result;
            asEveryClass.set(new Strip(result.images(), result.request().count(), result.imageWidth(),
                    result.imageHeight()));
        }
    }

    /** Decodes the selected image's code with each class. */
    private void requestRow() {
        if (decoder == null || probe == null || selected < 0) {
            rowRequest = null;
            return;
        }
        Encoding encoding = probe.encoding();
        int d = encoding.latentSize();
        int classes = decoder.conditionClasses();
        float[] points = new float[classes * d];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(encoding.means(), selected * d, points, c * d, d);
        }
        rowRequest = points;
        rowChannel.request(decoder, points, DecodingChoices.everyClass(decoder, classes), classes,
                DecodingChoices.output(decoderSample.get()));
    }

    private void refreshCaption() {
        if (!conditional.get()) {
            rowCaption.set("This tab shows a conditional VAE: choose Model: Conditional VAE in the toolbar (it needs"
                    + " labelled images, such as the digits).");
        } else if (selected < 0) {
            rowCaption.set("Click a held-out image in the scatter to see its style written as every class.");
        } else {
            int label = probe.label(selected);
            String name = label >= 0 && label < probe.classNames().size() ? probe.classNames().get(label) : "?";
            rowCaption.set(String.format(Locale.ROOT, "Held-out image %d, a “%s”: its code μ(x, y) decoded with each"
                    + " class.", selected, name));
        }
    }

    /** The grid: the chosen class at every point of the style space. */
    public ManifoldViewModel grid() {
        return grid;
    }

    /** The conditional VAE's codes beside a plain VAE's, and how much of the class each holds. */
    public CodePairViewModel codes() {
        return codes;
    }

    /** The class the grid draws, an index into {@link #classNamesProperty()}. */
    public IntegerProperty chosenClassProperty() {
        return chosenClass;
    }

    /** Whether the grid and the row show a sample of p(x|z, y) rather than its mean. */
    public BooleanProperty decoderSampleProperty() {
        return decoderSample;
    }

    /** Whether the model is a conditional VAE: the tab has nothing to show otherwise. */
    public ReadOnlyBooleanProperty conditionalProperty() {
        return conditional.getReadOnlyProperty();
    }

    /** The names of the classes the model draws. */
    public ReadOnlyObjectProperty<List<String>> classNamesProperty() {
        return classNames.getReadOnlyProperty();
    }

    /** The selected held-out image; {@code null} when none is. */
    public ReadOnlyObjectProperty<Strip> selectedImageProperty() {
        return selectedImage.getReadOnlyProperty();
    }

    /** The selected image's code decoded with each class, in class order; {@code null} until decoded. */
    public ReadOnlyObjectProperty<Strip> asEveryClassProperty() {
        return asEveryClass.getReadOnlyProperty();
    }

    /** What the row shows, or what to do for it. */
    public ReadOnlyStringProperty rowCaptionProperty() {
        return rowCaption.getReadOnlyProperty();
    }
}
