package org.latentlab.ui.conditional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.latentlab.ui.TwoWaySwitch;
import org.latentlab.ui.manifold.ManifoldView;
import org.latentlab.ui.plot.GrayImage;
import org.latentlab.ui.samples.SampleStripsViewModel.Strip;
import org.latentlab.ui.samples.StripRow;

/**
 * The Conditional tab: the class to draw, the grid of that class across a conditional VAE's style
 * space, the selected held-out image's style written as every class, and its codes beside a plain
 * VAE's, which show why they no longer cluster by class. Confined to the JavaFX application thread.
 */
public final class ConditionalView extends BorderPane {

    private final ConditionalViewModel viewModel;
    private final ChoiceBox<String> chosenClass = new ChoiceBox<>();
    private boolean syncing;

    public ConditionalView(ConditionalViewModel viewModel) {
        this.viewModel = viewModel;
        setId("conditional");
        getStyleClass().add("conditional");

        chosenClass.setId("conditional-class");
        chosenClass.setTooltip(new Tooltip("The class the grid draws: the decoder is given this class at every point"
                + " of the style space z"));
        Label classLabel = new Label("Class");
        classLabel.setLabelFor(chosenClass);

        Label rowCaption = new Label();
        rowCaption.setWrapText(true);
        rowCaption.getStyleClass().add("note");
        rowCaption.textProperty().bind(viewModel.rowCaptionProperty());
        HBox strips = new HBox(6,
                strip(viewModel.selectedImageProperty(), "conditional-source"),
                StripRow.of("as every class", "The selected image's code decoded with each class in turn",
                        strip(viewModel.asEveryClassProperty(), "conditional-row"), 30, 56));
        HBox.setHgrow(strips.getChildren().get(1), Priority.ALWAYS);
        strips.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(4, strips, rowCaption);
        bottom.setPadding(new Insets(4, 8, 6, 8));

        ManifoldView grid = new ManifoldView(viewModel.grid(), "conditional-grid");
        grid.setCaptionShown(false); // the class chosen beside its controls says what it draws
        grid.addControlsFirst(classLabel, chosenClass);
        grid.disableProperty().bind(viewModel.conditionalProperty().not());
        BorderPane classAcross = new BorderPane(grid, null, null, bottom, null);
        CodePairView codes = new CodePairView(viewModel.codes());
        setTop(viewSwitch(viewModel.codes().chosenProperty(), viewModel));
        setCenter(classAcross);
        viewModel.codes().chosenProperty().addListener((o, was, now) -> setCenter(now ? codes : classAcross));
        registerListeners();
    }

    private void registerListeners() {
        viewModel.classNamesProperty().addListener((o, was, now) -> {
            syncing = true;
            try {
                chosenClass.setItems(FXCollections.observableArrayList(now));
                int index = Math.min(viewModel.chosenClassProperty().get(), now.size() - 1);
                chosenClass.getSelectionModel().select(Math.max(0, index));
            } finally {
                syncing = false;
            }
            viewModel.chosenClassProperty().set(Math.max(0, chosenClass.getSelectionModel().getSelectedIndex()));
        });
        chosenClass.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (!syncing && now.intValue() >= 0) {
                viewModel.chosenClassProperty().set(now.intValue());
            }
        });
    }

    /** Two buttons: the grid of one class and the style row, or the codes beside a plain VAE's ({@code pair} on). */
    private static HBox viewSwitch(BooleanProperty pair, ConditionalViewModel viewModel) {
        ToggleButton across = new ToggleButton("One class across z");
        across.setId("conditional-show-grid");
        across.setTooltip(new Tooltip("The class chosen decoded across the style space, and one image's style as every"
                + " class"));
        ToggleButton beside = new ToggleButton("z beside a plain VAE's");
        beside.setId("conditional-show-codes");
        beside.setTooltip(new Tooltip("The held-out images' codes beside those of a plain VAE trained for as many steps"
                + " on the same minibatches, and how much of the class each holds"));
        TwoWaySwitch.bind(across, beside, pair);
        HBox row = new HBox(6, across, beside);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4, 8, 2, 8));
        row.disableProperty().bind(viewModel.conditionalProperty().not());
        return row;
    }

    /** A strip of images that shows {@code images} as they arrive. */
    private static ImageView strip(ReadOnlyObjectProperty<Strip> images, String id) {
        ImageView view = new ImageView();
        view.setId(id);
        view.setSmooth(false);
        view.setPreserveRatio(true);
        view.setFitHeight(56);
        images.addListener((o, was, now) -> view.setImage(now == null ? null
                : GrayImage.grid(now.pixels(), now.count(), now.count(), now.width(), now.height(), 2, 70)));
        return view;
    }
}
