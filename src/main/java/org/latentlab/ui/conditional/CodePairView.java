package org.latentlab.ui.conditional;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.latentlab.ui.compare.CompareScatter;
import org.latentlab.ui.scatter.ScatterPoints;

/**
 * The conditional VAE's codes of the held-out images beside a plain VAE's, on the same axes and in
 * the classes' colours and shapes of every scatter, each with how often the nearest training codes
 * name the class; beside them, what both models are, chance, and why the two differ. The scatters
 * stay square and as large as the height allows. Confined to the JavaFX application thread.
 */
final class CodePairView extends HBox {

    /** Height kept for a side's title and readout, in pixels. */
    private static final double TEXT_HEIGHT = 44;
    private static final double NOTES_WIDTH = 210;

    CodePairView(CodePairViewModel viewModel) {
        super(10);
        setId("code-pair");
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.TOP_LEFT);
        Label status = note(viewModel.statusProperty());
        status.setId("code-pair-status");
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(viewModel.statusProperty()); // the line whole, where it is cut short
        status.setTooltip(whole);
        Label why = new Label(CodePairViewModel.WHY);
        why.setWrapText(true);
        why.getStyleClass().add("note");
        why.setTooltip(new Tooltip(CodePairViewModel.HOW));
        VBox notes = new VBox(6, status, why);
        notes.setPrefWidth(NOTES_WIDTH);
        notes.setMinWidth(120);
        getChildren().addAll(
                side("Conditional VAE", "z of each image, read with its class",
                        scatter("code-pair-conditional", viewModel.conditionalPointsProperty(), viewModel),
                        viewModel.conditionalReadoutProperty(), "code-pair-conditional-readout"),
                side("Plain VAE", "the same network and steps, without the class",
                        scatter("code-pair-plain", viewModel.plainPointsProperty(), viewModel),
                        viewModel.plainReadoutProperty(), "code-pair-plain-readout"),
                notes);
    }

    private CompareScatter scatter(String id, ReadOnlyObjectProperty<ScatterPoints> points,
                                   CodePairViewModel viewModel) {
        CompareScatter scatter = new CompareScatter();
        scatter.setId(id);
        scatter.setViewport(viewModel.viewportProperty().get());
        viewModel.viewportProperty().addListener((o, was, now) -> scatter.setViewport(now));
        points.addListener((o, was, now) -> scatter.show(now));
        scatter.setSelected(viewModel.selectedProperty().get());
        viewModel.selectedProperty().addListener((o, was, now) -> scatter.setSelected(now.intValue()));
        // Square, and no taller than the pane leaves room for beside its title and readout.
        scatter.maxWidthProperty().bind(Bindings.max(80, heightProperty().subtract(TEXT_HEIGHT + 8)));
        return scatter;
    }

    private static VBox side(String title, String explanation, CompareScatter scatter, ReadOnlyStringProperty readout,
                             String readoutId) {
        Label heading = new Label(title);
        heading.getStyleClass().add("panel-title");
        heading.setTooltip(new Tooltip(explanation));
        Label reading = note(readout);
        reading.setId(readoutId);
        VBox side = new VBox(2, heading, scatter, reading);
        HBox.setHgrow(side, Priority.ALWAYS);
        side.setPrefWidth(0); // the two sides share the width equally
        side.setMaxWidth(Double.MAX_VALUE);
        return side;
    }

    private static Label note(ReadOnlyStringProperty text) {
        Label label = new Label();
        label.setWrapText(true);
        label.getStyleClass().add("note");
        label.textProperty().bind(text);
        return label;
    }
}
