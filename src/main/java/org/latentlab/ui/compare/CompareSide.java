package org.latentlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.latentlab.lesson.ControlId;
import org.latentlab.render.Palette;
import org.latentlab.training.ProbeSet;
import org.latentlab.ui.plot.GrayImage;
import org.latentlab.ui.plot.LegendEntry;
import org.latentlab.ui.plot.PlotTheme;

/**
 * The compare lab's side column: the rate–distortion plot, and the selected image with every
 * model's reconstruction of it and the classes' legend. Confined to the JavaFX application thread.
 */
final class CompareSide extends VBox {

    private static final double SIDE_WIDTH = 280;
    private static final double RECONSTRUCTION_SIZE = 44;

    private final CompareViewModel viewModel;
    private final RateDistortionView rateDistortion = new RateDistortionView();
    private final FlowPane classLegend = new FlowPane(10, 3);
    private final ImageView selectedInput = new ImageView();
    private final HBox reconstructions = new HBox(4);
    private final Label selectionText = new Label();
    private List<ComparePanelViewModel> panels = List.of();

    CompareSide(CompareViewModel viewModel) {
        super(8);
        this.viewModel = viewModel;
        Label rdTitle = new Label("Rate and distortion");
        rdTitle.getStyleClass().add("view-title");
        VBox.setVgrow(rateDistortion, Priority.ALWAYS);
        rateDistortion.setId(ControlId.RATE_DISTORTION.id());
        VBox rdCard = new VBox(rdTitle, rateDistortion);
        rdCard.getStyleClass().add("card");
        VBox.setVgrow(rdCard, Priority.ALWAYS);
        rdCard.setMinHeight(160); // on a short screen the plot gives up room, not the legend under it

        Label selectionTitle = new Label("Selected image");
        selectionTitle.getStyleClass().add("view-title");
        selectedInput.setFitWidth(RECONSTRUCTION_SIZE * 1.4);
        selectedInput.setFitHeight(RECONSTRUCTION_SIZE * 1.4);
        selectionText.setWrapText(true);
        selectionText.setMinHeight(Region.USE_PREF_SIZE);
        selectionText.getStyleClass().add("note");
        HBox chosen = new HBox(8, selectedInput, selectionText);
        chosen.setAlignment(Pos.CENTER_LEFT);
        Label decodedBy = new Label("decoded again by each model:");
        decodedBy.getStyleClass().add("note");
        decodedBy.setWrapText(true);
        decodedBy.setMinHeight(Region.USE_PREF_SIZE);
        classLegend.setMinHeight(Region.USE_PREF_SIZE);
        VBox selection = new VBox(4, selectionTitle, chosen, decodedBy, reconstructions, classLegend);
        selection.getStyleClass().add("card");
        selection.setPadding(new Insets(0, 6, 6, 6));
        getChildren().setAll(rdCard, selection);
        setPadding(new Insets(6, 6, 6, 0));
        setMinHeight(0); // on a short window the side's foot is hidden, never the status bar
        sizeSide(PlotTheme.LIGHT.fontSize());
        viewModel.sharedAxes().rateDistortionProperty().addListener((o, was, now) -> rateDistortion.show(now));
        rateDistortion.note().textProperty().bind(viewModel.sharedAxes().rateDistortionNoteProperty());
        selectionText.textProperty().bind(viewModel.selectionTextProperty());
        viewModel.selectedImageProperty().addListener((o, was, now) -> selectedInput.setImage(image(now)));
    }

    /** Shows what the side needs of new panels: each one's reconstruction, the curves, the classes' legend. */
    void showPanels(List<ComparePanelViewModel> panels) {
        this.panels = panels;
        reconstructions.getChildren().clear();
        for (ComparePanelViewModel panel : panels) {
            reconstructions.getChildren().add(reconstruction(panel));
        }
        rateDistortion.show(viewModel.sharedAxes().rateDistortionProperty().get());
        panels.stream().filter(ComparePanelViewModel::isBaseline).findFirst().ifPresent(baseline ->
                baseline.pointsProperty().addListener(o -> rebuildClassLegend(baseline.probe())));
    }

    void setTheme(PlotTheme theme) {
        sizeSide(theme.fontSize());
        rateDistortion.setTheme(theme);
    }

    /** One model's reconstruction of the selected image, under a bar of its colour. */
    private Node reconstruction(ComparePanelViewModel panel) {
        ImageView view = new ImageView();
        view.setFitWidth(RECONSTRUCTION_SIZE);
        view.setFitHeight(RECONSTRUCTION_SIZE);
        panel.reconstructionProperty().addListener((o, was, now) -> view.setImage(image(now)));
        Region bar = new Region();
        bar.setMinHeight(4);
        bar.setStyle("-fx-background-color: " + panel.colourHex() + ";");
        VBox box = new VBox(2, view, bar);
        box.visibleProperty().bind(panel.shownProperty());
        box.managedProperty().bind(panel.shownProperty());
        Tooltip.install(box, new Tooltip(panel.title() + ": the selected image encoded and decoded again"));
        return box;
    }

    private void rebuildClassLegend(ProbeSet probe) {
        List<Node> entries = new ArrayList<>();
        if (probe != null) {
            for (int label = 0; label < probe.classNames().size(); label++) {
                entries.add(LegendEntry.marker(probe.classNames().get(label), Color.web(Palette.classHex(label)),
                        Palette.classMarker(label)));
            }
        }
        classLegend.getChildren().setAll(entries);
    }

    private javafx.scene.image.Image image(float[] pixels) {
        ProbeSet probe = panels.isEmpty() ? null : panels.get(panels.size() - 1).probe();
        return pixels == null || probe == null ? null
                : GrayImage.of(pixels, 0, probe.imageWidth(), probe.imageHeight());
    }

    /** The side column grows with the text, so its plot keeps its room in large text. */
    private void sizeSide(double fontSize) {
        double width = SIDE_WIDTH * fontSize / PlotTheme.LIGHT.fontSize();
        setPrefWidth(width);
        setMinWidth(width);
        setMaxWidth(width);
        classLegend.setPrefWrapLength(width - 20);
    }
}
