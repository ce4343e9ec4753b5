package org.latentlab.ui.attributes;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.latentlab.ui.plot.GrayImage;

/**
 * The drawing pad: draw with the mouse on the model's image grid, enlarged, and see the drawing as
 * the encoder got it and as the decoder gives it back; its posterior is drawn on the latent space.
 * Clear wipes it; another button moves it along the attribute vectors. Confined to the JavaFX
 * application thread.
 */
public final class DrawingPadView extends BorderPane {

    private static final double RESULT_SIZE = 96;

    private final DrawingPadViewModel viewModel;
    private final ImageView pad = new ImageView();
    private final StackPane padRoom = new StackPane(pad);
    private Point2D last;

    /** @param moveAlongAttributes shows the drawing in the Attributes panel */
    public DrawingPadView(DrawingPadViewModel viewModel, Runnable moveAlongAttributes) {
        this.viewModel = viewModel;
        getStyleClass().add("drawing-pad");
        pad.setId("drawing-pad");
        pad.setSmooth(false);
        pad.setPreserveRatio(true);
        pad.setCursor(Cursor.CROSSHAIR);
        padRoom.getStyleClass().add("image-well");
        padRoom.setMinSize(140, 140);
        padRoom.setPrefSize(300, 300);
        padRoom.setMaxWidth(330);
        pad.fitWidthProperty().bind(Bindings.min(padRoom.widthProperty(), padRoom.heightProperty())
                .subtract(8));
        Tooltip.install(pad, new Tooltip("Draw a digit with the mouse (left button)"));

        Button clear = new Button("Clear");
        clear.setId("drawing-clear");
        clear.setTooltip(new Tooltip("Wipe the pad"));
        clear.setOnAction(e -> viewModel.clear());
        CheckBox frame = new CheckBox("Frame like MNIST");
        frame.setId("drawing-frame");
        frame.selectedProperty().bindBidirectional(viewModel.frameProperty());
        frame.setTooltip(new Tooltip("Scale the drawing into a 20 × 20 box and centre it by its mass, as MNIST's digits "
                + "were, before encoding it"));
        Button move = new Button("Move along attributes →");
        move.setId("drawing-move");
        move.setTooltip(new Tooltip("Open the Attributes panel with this drawing as its image"));
        move.setOnAction(e -> moveAlongAttributes.run());
        move.disableProperty().bind(viewModel.encodingProperty().isNull());

        // The two images side by side, so that the column fits beside the pad at 1280 × 720.
        HBox images = new HBox(10,
                new ImageBox(viewModel.encodedInputProperty(), RESULT_SIZE, "what the encoder got",
                        "Your drawing, framed like MNIST's digits if asked: what the encoder sees"),
                new ImageBox(viewModel.reconstructionProperty(), RESULT_SIZE, "decoded at its μ(x)",
                        "The decoder's picture at the mean of your drawing's posterior"));
        VBox results = new VBox(10, images, clear, frame, move);
        results.setAlignment(Pos.TOP_LEFT);
        results.setMinWidth(Region.USE_PREF_SIZE);
        Label note = new Label("Draw a digit with the mouse. The amber ellipse on the latent space is its posterior "
                + "q(z|x), μ ± σ: does it land among the digits you meant?");
        note.setWrapText(true);
        note.getStyleClass().add("note");
        HBox centre = new HBox(12, padRoom, results);
        centre.setPadding(new Insets(8));
        HBox.setHgrow(padRoom, Priority.ALWAYS);
        setCenter(centre);
        setBottom(note);
        BorderPane.setMargin(note, new Insets(0, 8, 6, 8));

        viewModel.padProperty().addListener((o, was, now) -> show(now));
        show(viewModel.padProperty().get());
        pad.addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        pad.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        pad.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> last = null);
    }

    private void show(ImageStrip strip) {
        pad.setImage(strip == null ? null : GrayImage.of(strip.pixels(), 0, strip.width(), strip.height()));
    }

    private void press(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        last = toImage(e);
        viewModel.stroke(last.getX(), last.getY(), last.getX(), last.getY());
    }

    private void drag(MouseEvent e) {
        if (last == null || !e.isPrimaryButtonDown()) {
            return;
        }
        Point2D now = toImage(e);
        viewModel.stroke(last.getX(), last.getY(), now.getX(), now.getY());
        last = now;
    }

    /** The mouse position in image pixels. */
    private Point2D toImage(MouseEvent e) {
        ImageStrip strip = viewModel.padProperty().get();
        double scale = pad.getBoundsInLocal().getWidth() / strip.width();
        return new Point2D(e.getX() / scale, e.getY() / scale);
    }

    /** The pad's image view, for tests that draw on it. */
    public ImageView pad() {
        return pad;
    }
}
