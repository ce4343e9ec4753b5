package org.latentlab.ui.compare;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.latentlab.ui.manifold.ManifoldImages;
import org.latentlab.ui.plot.GrayImage;
import org.latentlab.ui.plot.PlotTheme;
import org.latentlab.ui.scatter.Viewport;

/**
 * One column of the compare lab: the model's name over a bar of its colour, its latent scatter on
 * the shared axes, its losses as numbers and a small curve, a grid decoded over its latent space,
 * and a button that decodes prior samples, with a plain sentence on what the model was trained to
 * do. Confined to the JavaFX application thread.
 */
final class ComparePanelView extends VBox {

    private static final int GAP = 1;
    private static final int GAP_GREY = 70;

    private final ComparePanelViewModel panel;
    private final CompareViewModel compare;
    private final CompareScatter scatter = new CompareScatter();
    private final LossSparkline curve = new LossSparkline();
    /** The grid gives up room before the prior samples, which carry the lesson. */
    private final FittedImage grid = new FittedImage(0.6);
    private final FittedImage samples = new FittedImage(0.15);
    private final Button decodeSamples = new Button("Decode prior samples");

    ComparePanelView(ComparePanelViewModel panel, CompareViewModel compare) {
        this.panel = panel;
        this.compare = compare;
        initGraphics();
        registerListeners();
    }

    private void initGraphics() {
        getStyleClass().addAll("card", "compare-panel");
        setSpacing(2);
        setPadding(new Insets(0, 6, 6, 6));
        setMinWidth(140);
        setPrefWidth(230);
        setMaxWidth(Double.MAX_VALUE);
        setId("compare-panel-" + (panel.isBaseline() ? "pca" : panel.variant().name()));

        Label title = new Label(panel.heading());
        title.getStyleClass().addAll("view-title", "compare-panel-title");
        title.setMaxWidth(Double.MAX_VALUE);
        title.setAlignment(Pos.CENTER);
        title.setTextAlignment(TextAlignment.CENTER);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setTooltip(new Tooltip(panel.isBaseline()
                ? "Principal component analysis of the same held-out images: the best linear 2-D code, for comparison"
                : "Trained from the same seed on the same minibatches as every other panel"));
        Region bar = new Region();
        bar.setMinHeight(4);
        bar.setPrefHeight(4);
        bar.setStyle("-fx-background-color: " + panel.colourHex() + ";");

        Label outside = note(panel.outsideProperty());
        outside.setTooltip(new Tooltip("How many of the 1,000 held-out codes lie outside the axes every panel shares"));
        Label stopped = note(panel.messageProperty());
        stopped.getStyleClass().add("compare-stopped");
        Label numbers = new Label();
        numbers.textProperty().bind(panel.numbersProperty());
        numbers.getStyleClass().add("compare-numbers");
        numbers.setMinHeight(Region.USE_PREF_SIZE);
        numbers.setTooltip(new Tooltip(panel.isBaseline() ? "PCA is fitted once to the held-out images"
                : "Per image, mean of the last 50 minibatches: reconstruction = −log p(x|z), KL = KL(q(z|x) ‖ N(0, I)), "
                        + "−ELBO = their sum"));
        curve.setVisible(!panel.isBaseline()); // still takes its room, so the rows line up across panels
        Tooltip.install(curve, new Tooltip("Blue: reconstruction; vermillion: KL; per iteration, log scale shared by "
                + "every panel"));

        Tooltip.install(grid, new Tooltip("Images decoded at z = Φ⁻¹(u) for u on an 8 × 8 grid of (0, 1)²: "
                + "what each region of the prior means to this model"));

        decodeSamples.setId(getId() + "-samples");
        decodeSamples.setMaxWidth(Double.MAX_VALUE);
        decodeSamples.setTooltip(new Tooltip("Decode 16 points z ~ N(0, I), the same in every panel: what this model "
                + "generates. Once shown, draws 16 new points for every panel"));
        Label caption = new Label(panel.samplesCaption());
        caption.getStyleClass().add("note");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(samples, Priority.SOMETIMES);
        VBox samplesBox = new VBox(2, samples, caption);
        samplesBox.visibleProperty().bind(panel.samplesShownProperty());
        samplesBox.managedProperty().bind(panel.samplesShownProperty());

        decodeSamples.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(title, bar, scatter, outside, stopped, numbers, curve, grid, decodeSamples, samplesBox);
    }

    private static Label note(ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add("note");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private void registerListeners() {
        scatter.onSelect(compare::select);
        panel.pointsProperty().addListener((o, was, now) -> scatter.show(now));
        panel.lossesProperty().addListener((o, was, now) -> curve.show(now));
        panel.gridProperty().addListener((o, was, now) -> showImages(grid, now));
        panel.samplesProperty().addListener((o, was, now) -> showImages(samples, now));
        panel.samplesShownProperty().addListener((o, was, now) -> decodeSamples.setText(now
                ? "New samples" : "Decode prior samples"));
        decodeSamples.setOnAction(e -> {
            if (panel.samplesShownProperty().get()) {
                compare.newSamples();
            } else {
                compare.showSamples(panel);
            }
        });
        scatter.show(panel.pointsProperty().get());
        curve.show(panel.lossesProperty().get());
        showImages(grid, panel.gridProperty().get());
        showImages(samples, panel.samplesProperty().get());
    }

    private static void showImages(FittedImage view, ManifoldImages images) {
        view.setImage(images == null ? null : GrayImage.grid(images.pixels(), images.count(), images.columns(),
                images.imageWidth(), images.imageHeight(), GAP, GAP_GREY));
    }

    /** The axes every panel's scatter shares. */
    void setViewport(Viewport view) {
        scatter.setViewport(view);
    }

    /** The probe image selected in any panel, or −1. */
    void setSelected(int index) {
        scatter.setSelected(index);
    }

    /** The loss axis every panel's curve shares. */
    void setLossRange(double[] range) {
        curve.setRange(range);
    }

    void setTheme(PlotTheme theme) {
        scatter.setTheme(theme);
        curve.setTheme(theme);
    }

    ComparePanelViewModel viewModel() {
        return panel;
    }

    CompareScatter scatter() {
        return scatter;
    }
}
