package org.latentlab.ui.attributes;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentlab.lesson.ControlId;

/**
 * The Attributes panel: the image and where the sliders take it, one slider per attribute vector
 * with its held-out AUC, the class vector's two classes, the balanced switch, and a warning when the
 * moved point has left the data. Confined to the JavaFX application thread.
 */
public final class AttributesView extends BorderPane {

    private static final double IMAGE_SIZE = 88;

    private final AttributesViewModel viewModel;
    private final GridPane rows = new GridPane();
    private final ComboBox<String> from = new ComboBox<>();
    private final ComboBox<String> to = new ComboBox<>();
    private final Label warning = new Label();
    private boolean syncing;

    public AttributesView(AttributesViewModel viewModel) {
        this.viewModel = viewModel;
        initGraphics();
        registerListeners();
        rebuildSliders();
        showClasses(viewModel.classNamesProperty().get());
    }

    private void initGraphics() {
        getStyleClass().add("attributes");
        ToggleGroup sources = new ToggleGroup();
        RadioButton selected = new RadioButton("Point selected in the latent space");
        selected.setId("attributes-source-selection");
        selected.setToggleGroup(sources);
        selected.setUserData(AttributesViewModel.Source.SELECTION);
        RadioButton drawn = new RadioButton("Your drawing");
        drawn.setId("attributes-source-drawing");
        drawn.setToggleGroup(sources);
        drawn.setUserData(AttributesViewModel.Source.DRAWING);
        drawn.disableProperty().bind(viewModel.drawingAvailableProperty().not());
        drawn.setTooltip(new Tooltip("Move the digit drawn on the Draw tab instead"));
        sources.selectToggle(selected);
        viewModel.sourceProperty().addListener((o, was, now) ->
                sources.selectToggle(now == AttributesViewModel.Source.DRAWING ? drawn : selected));
        sources.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                sources.selectToggle(was);
            } else {
                viewModel.sourceProperty().set((AttributesViewModel.Source) now.getUserData());
            }
        });
        HBox source = new HBox(12, new Label("Image:"), selected, drawn);
        source.setAlignment(Pos.CENTER_LEFT);

        Label subject = new Label();
        subject.setId("attributes-subject");
        subject.setWrapText(true);
        subject.textProperty().bind(viewModel.subjectProperty());
        ImageBox input = new ImageBox(viewModel.inputProperty(), IMAGE_SIZE, "the image",
                "The image as it is: a held-out image, or your drawing as the encoder saw it");
        input.setId("attributes-input");
        ImageBox moved = new ImageBox(viewModel.movedProperty(), IMAGE_SIZE, "moved, decoded",
                "The decoder's picture of the moved point z₀ + Σ aₖvₖ: the image's code plus each slider's amount "
                        + "times its vector");
        viewModel.warningProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) {
                moved.getStyleClass().remove("outside-data");
            } else if (!moved.getStyleClass().contains("outside-data")) {
                moved.getStyleClass().add("outside-data");
            }
        });
        moved.setId("attributes-moved");
        Label arrow = new Label("→");
        arrow.getStyleClass().add("moved-arrow");

        CheckBox balanced = new CheckBox("Balanced");
        balanced.setId("attributes-balanced");
        balanced.selectedProperty().bindBidirectional(viewModel.balancedProperty());
        balanced.setTooltip(wrapping("Balance the two groups behind each vector on other attributes, so the vector "
                + "carries less of what merely goes along with its attribute (White 2016: smiling faces were more often "
                + "female, so the plain smile vector also changed the sex)"));
        Button reset = new Button("Sliders to 0");
        reset.setId("attributes-reset");
        reset.setTooltip(new Tooltip("Put the image back where it was: every slider to 0"));
        reset.setOnAction(e -> viewModel.resetSliders());
        from.setId("attributes-from");
        to.setId("attributes-to");
        from.setPrefWidth(110);
        to.setPrefWidth(110);
        from.setTooltip(new Tooltip("The class the class vector starts from"));
        to.setTooltip(new Tooltip("The class it points to: adding the vector turns the image towards this class"));
        HBox classes = new HBox(6, new Label("Classes"), from, new Label("→"), to);
        classes.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(12, balanced, reset);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox controls = new VBox(8, subject, classes, buttons);
        controls.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(controls, Priority.ALWAYS);
        HBox images = new HBox(10, input, arrow, moved, controls);
        images.setAlignment(Pos.TOP_LEFT);

        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(90);
        ColumnConstraints slider = new ColumnConstraints();
        slider.setHgrow(Priority.ALWAYS);
        slider.setMinWidth(140);
        rows.getColumnConstraints().addAll(name, slider, new ColumnConstraints(), new ColumnConstraints());
        rows.setHgap(10);
        rows.setId(ControlId.ATTRIBUTE_SLIDER.id());
        rows.setVgap(2);
        rows.setPadding(new Insets(2, 4, 2, 0));
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setMinHeight(90);

        warning.setId("attributes-warning");
        warning.setWrapText(true);
        warning.getStyleClass().add("region-warning");
        warning.textProperty().bind(viewModel.warningProperty());
        warning.visibleProperty().bind(viewModel.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        Label note = new Label();
        note.setWrapText(true);
        note.setMaxHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("note");
        note.textProperty().bind(viewModel.noteProperty());
        Tooltip noteTip = wrapping("");
        noteTip.textProperty().bind(viewModel.noteProperty());
        note.setTooltip(noteTip);

        Label alongLabel = new Label();
        alongLabel.getStyleClass().add("caption");
        alongLabel.textProperty().bind(Bindings.when(viewModel.alongProperty().isNull())
                .then("move a slider to see the image along its whole range here")
                .otherwise(Bindings.format(Locale.ROOT,
                        "along %s, −%.0f to +%.0f vectors in steps of ½, the other sliders where they are",
                        viewModel.alongNameProperty(), AttributesViewModel.SLIDER_LIMIT, AttributesViewModel.SLIDER_LIMIT)));
        ImageStripView alongStrip = new ImageStripView(viewModel.alongProperty());
        alongStrip.setId("attributes-along");
        alongStrip.setPrefHeight(48);
        alongStrip.setMinHeight(36);
        // Always laid out, empty until a slider moves, so the sliders below never jump under the mouse.
        VBox along = new VBox(1, alongStrip, alongLabel);
        VBox top = new VBox(4, source, images, along);
        VBox bottom = new VBox(4, warning, note);
        top.setPadding(new Insets(6, 8, 4, 8));
        bottom.setPadding(new Insets(4, 8, 6, 8));
        BorderPane.setMargin(scroll, new Insets(0, 8, 0, 8));
        setTop(top);
        setCenter(scroll);
        setBottom(bottom);
    }

    private void registerListeners() {
        viewModel.sliders().addListener((ListChangeListener<AttributeSlider>) c -> rebuildSliders());
        viewModel.classNamesProperty().addListener((o, was, now) -> showClasses(now));
        viewModel.fromClassProperty().addListener(o -> showClasses(viewModel.classNamesProperty().get()));
        viewModel.toClassProperty().addListener(o -> showClasses(viewModel.classNamesProperty().get()));
        from.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (!syncing && now.intValue() >= 0) {
                viewModel.fromClassProperty().set(now.intValue());
            }
        });
        to.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (!syncing && now.intValue() >= 0) {
                viewModel.toClassProperty().set(now.intValue());
            }
        });
    }

    private void showClasses(List<String> names) {
        syncing = true;
        try {
            if (!from.getItems().equals(names)) {
                from.setItems(FXCollections.observableArrayList(names));
                to.setItems(FXCollections.observableArrayList(names));
            }
            from.getSelectionModel().select(viewModel.fromClassProperty().get());
            to.getSelectionModel().select(viewModel.toClassProperty().get());
            boolean any = names.size() >= 2;
            from.setDisable(!any);
            to.setDisable(!any);
        } finally {
            syncing = false;
        }
    }

    private void rebuildSliders() {
        rows.getChildren().clear();
        int row = 0;
        for (AttributeSlider attribute : viewModel.sliders()) {
            addRow(attribute, row++);
        }
    }

    private void addRow(AttributeSlider attribute, int row) {
        Label name = new Label();
        name.textProperty().bind(attribute.nameProperty());
        Slider slider = new Slider(-AttributesViewModel.SLIDER_LIMIT, AttributesViewModel.SLIDER_LIMIT, 0);
        slider.setId("attribute-" + attribute.key().replace(' ', '-'));
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(1);
        slider.setShowTickMarks(true);
        slider.setBlockIncrement(0.25);
        slider.valueProperty().bindBidirectional(attribute.amountProperty());
        slider.disableProperty().bind(attribute.availableProperty().not());
        Tooltip tip = wrapping("");
        tip.textProperty().bind(attribute.explanationProperty());
        slider.setTooltip(tip);
        name.setTooltip(tip);
        Label amount = new Label();
        amount.setMinWidth(48);
        amount.textProperty().bind(attribute.amountProperty().asString(Locale.ROOT, "%+.2f"));
        Label auc = new Label();
        auc.setMinWidth(80);
        auc.getStyleClass().add("readout");
        auc.textProperty().bind(Bindings.createStringBinding(() -> {
            double value = attribute.aucProperty().get();
            return Double.isNaN(value) ? "no vector" : String.format(Locale.ROOT, "AUC %.2f", value);
        }, attribute.aucProperty()));
        auc.setTooltip(tip);
        rows.addRow(row, name, slider, amount, auc);
    }

    private static Tooltip wrapping(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(460);
        return tooltip;
    }
}
