package org.latentlab.ui.attributes;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentlab.ui.scatter.LatentScatterView;

/**
 * Interpolation: buttons that take the point selected in the latent space as A or B, the two
 * images, a strip decoded along the straight line between their codes and one along the spherical
 * path, in the colours the scatter draws the paths in, and a note on what differs. Confined to the
 * JavaFX application thread.
 */
public final class InterpolationView extends VBox {

    private static final double ENDPOINT_SIZE = 72;

    /**
     * @param setA makes the selected point A
     * @param setB makes the selected point B
     */
    public InterpolationView(InterpolationViewModel viewModel, Runnable setA, Runnable setB) {
        super(8);
        getStyleClass().add("interpolation");
        setPadding(new Insets(6, 8, 6, 8));
        Button a = new Button("Set as A");
        a.setId("interpolation-set-a");
        a.setTooltip(new Tooltip("The point selected in the latent space becomes the start A"));
        a.setOnAction(e -> setA.run());
        Button b = new Button("Set as B");
        b.setId("interpolation-set-b");
        b.setTooltip(new Tooltip("The point selected in the latent space becomes the end B"));
        b.setOnAction(e -> setB.run());
        Spinner<Integer> steps = new Spinner<>(InterpolationViewModel.MIN_STEPS, InterpolationViewModel.MAX_STEPS,
                viewModel.stepsProperty().get());
        steps.setId("interpolation-steps");
        steps.setPrefWidth(80);
        steps.setTooltip(new Tooltip("Images per path, A and B included"));
        steps.valueProperty().addListener((o, was, now) -> viewModel.stepsProperty().set(now));
        HBox buttons = new HBox(8, a, b, new Label("Steps"), steps);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox ends = new HBox(16,
                new ImageBox(viewModel.imageAProperty(), ENDPOINT_SIZE, "A", "Held-out image A, as it is"),
                new ImageBox(viewModel.imageBProperty(), ENDPOINT_SIZE, "B", "Held-out image B, as it is"),
                buttons);
        ends.setAlignment(Pos.CENTER_LEFT);

        Label note = new Label();
        note.setId("interpolation-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE); // the strips give up room before the note is cut
        note.getStyleClass().add("note");
        note.textProperty().bind(viewModel.noteProperty());
        getChildren().addAll(ends,
                strip("Straight line", LatentScatterView.LINEAR_HEX, "(1 − t)·z_A + t·z_B: equal steps along the chord",
                        viewModel.linearProperty(), "interpolation-linear"),
                strip("Spherical path", LatentScatterView.SPHERICAL_HEX, "The direction turns along the great circle at an "
                        + "even pace while the length goes evenly from |z_A| to |z_B| (slerp, White 2016)",
                        viewModel.sphericalProperty(), "interpolation-spherical"),
                note);
    }

    /** A caption in the path's colour over a strip of images that fills the width it gets. */
    private static VBox strip(String title, String hex, String explanation, ReadOnlyObjectProperty<ImageStrip> images,
                              String id) {
        Label label = new Label(title);
        label.setStyle("-fx-font-weight: bold; -fx-text-fill: " + hex + ";");
        label.setTooltip(new Tooltip(explanation));
        ImageStripView strip = new ImageStripView(images);
        strip.setId(id);
        Tooltip.install(strip, new Tooltip(explanation));
        VBox row = new VBox(2, label, strip);
        VBox.setVgrow(strip, Priority.ALWAYS);
        VBox.setVgrow(row, Priority.SOMETIMES);
        return row;
    }
}
