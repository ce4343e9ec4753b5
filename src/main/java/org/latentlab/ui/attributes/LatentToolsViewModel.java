package org.latentlab.ui.attributes;

import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.training.DecodeService;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.likelihood.LikelihoodViewModel;
import org.latentlab.ui.outliers.ModelReader;
import org.latentlab.ui.outliers.OutliersViewModel;
import org.latentlab.ui.scatter.LatentScatterViewModel;
import org.latentlab.ui.scatter.ScatterOverlay;

/**
 * The tools that move through latent space beside the decoded grid: the attribute sliders,
 * interpolation and the drawing pad; and the likelihood tools, the Likelihood and Outliers tabs. Wires them to the latent scatter: the point selected there is
 * the image the sliders move and the endpoints' source, and the tool shown draws its paths or its
 * posterior over the scatter. Uses {@code javafx.beans} only; confined to the JavaFX application
 * thread (or a test's thread).
 */
public final class LatentToolsViewModel {

    /** The tabs of the explorer's right-hand column. */
    public enum Tool { GRID, ATTRIBUTES, INTERPOLATION, DRAWING, LIKELIHOOD, OUTLIERS, CONDITIONAL }

    private final LatentScatterViewModel scatter;
    private final AttributesViewModel attributes;
    private final InterpolationViewModel interpolation;
    private final DrawingPadViewModel drawing;
    private final LikelihoodViewModel likelihood;
    private final OutliersViewModel outliers;
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(this, "tool", Tool.GRID);

    /**
     * @param decodes decodes the moved image, the strips and the drawing's reconstruction
     * @param scatter the latent scatter the tools draw on and take their images from
     * @param worker  computes attribute vectors, the data's region and likelihoods, off this thread
     * @param encoder encodes drawings with the model being trained
     * @param reader  encodes image sets with the model being trained and copies its decoder, for the outliers
     * @param ownData the {@code --dataset} value of the data the model learns from
     */
    public LatentToolsViewModel(DecodeService decodes, LatentScatterViewModel scatter, Executor worker,
                                ImageEncoder encoder, ModelReader reader, Supplier<String> ownData) {
        this.scatter = scatter;
        this.attributes = new AttributesViewModel(decodes.channel(), decodes.channel(), worker);
        this.interpolation = new InterpolationViewModel(decodes.channel(), attributes.regionProperty());
        this.drawing = new DrawingPadViewModel(decodes.channel(), encoder);
        this.likelihood = new LikelihoodViewModel(worker);
        scatter.selectedProperty().addListener((o, was, now) -> likelihood.selectProbe(now.intValue()));
        drawing.encodingProperty().addListener((o, was, now) -> likelihood.setDrawing(now,
                now == null ? null : drawing.encodedInputProperty().get().pixels()));
        likelihood.activeProperty().bind(tool.isEqualTo(Tool.LIKELIHOOD));
        this.outliers = new OutliersViewModel(worker, reader, scatter::select, ownData, System::nanoTime);
        outliers.activeProperty().bind(tool.isEqualTo(Tool.OUTLIERS));
        outliers.selectedProperty().bind(scatter.selectedProperty());
        scatter.selectedProperty().addListener((o, was, now) -> attributes.select(now.intValue()));
        drawing.encodingProperty().addListener((o, was, now) -> attributes.setDrawing(now,
                now == null ? null : drawing.encodedInputProperty().get().pixels()));
        attributes.activeProperty().bind(tool.isEqualTo(Tool.ATTRIBUTES).or(tool.isEqualTo(Tool.INTERPOLATION)));
        tool.addListener(o -> showOverlay());
        attributes.overlayProperty().addListener(o -> showOverlay());
        interpolation.overlayProperty().addListener(o -> showOverlay());
        drawing.overlayProperty().addListener(o -> showOverlay());
    }

    /** Takes a new snapshot to every tool. */
    public void update(TrainingSnapshot snapshot) {
        attributes.update(snapshot);
        interpolation.update(snapshot);
        drawing.update(snapshot);
        likelihood.update(snapshot);
        outliers.update(snapshot);
    }

    /** Called once per frame: every tool takes up its finished work. */
    public void pulse() {
        attributes.pulse();
        interpolation.pulse();
        drawing.pulse();
        likelihood.pulse();
        outliers.pulse();
    }

    /** The point selected in the scatter becomes interpolation's start A. */
    public void setAFromSelection() {
        interpolation.setA(scatter.selectedProperty().get());
    }

    /** The point selected in the scatter becomes interpolation's end B. */
    public void setBFromSelection() {
        interpolation.setB(scatter.selectedProperty().get());
    }

    /** Moves the drawing along attribute vectors: the Attributes tab, with the drawing as its image. */
    public void moveDrawing() {
        attributes.useDrawing();
        tool.set(Tool.ATTRIBUTES);
    }

    private void showOverlay() {
        ScatterOverlay shown = switch (tool.get()) {
            case GRID, LIKELIHOOD, OUTLIERS, CONDITIONAL -> ScatterOverlay.NONE;
            case ATTRIBUTES -> attributes.overlayProperty().get();
            case INTERPOLATION -> interpolation.overlayProperty().get();
            case DRAWING -> drawing.overlayProperty().get();
        };
        scatter.overlayProperty().set(shown);
    }

    /** Which tool is shown; its overlay is drawn on the scatter. */
    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    public AttributesViewModel attributes() {
        return attributes;
    }

    public InterpolationViewModel interpolation() {
        return interpolation;
    }

    public DrawingPadViewModel drawing() {
        return drawing;
    }

    public LikelihoodViewModel likelihood() {
        return likelihood;
    }

    /** The held-out images ranked by −log p(x), and other data beside them. */
    public OutliersViewModel outliers() {
        return outliers;
    }
}
