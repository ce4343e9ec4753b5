package org.latentlab.ui.pace;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.latentlab.lesson.ControlId;
import org.latentlab.training.Minibatch;
import org.latentlab.ui.plot.GrayImage;

/**
 * Two rows above the held-out reconstructions and samples while training is slowed down: the
 * images the last step trained on over their reconstructions, refreshed after every step, with a
 * line saying which step it was. Confined to the JavaFX application thread.
 */
public final class MinibatchView extends VBox {

    /** As wide as the sample strips' captions, so that the images stand above theirs. */
    private static final double LABEL_WIDTH = 130;
    private static final int GAP = 2;
    private static final int GAP_GREY = 70;

    private final ImageView images = new ImageView();
    private final ImageView reconstructions = new ImageView();

    public MinibatchView(MinibatchViewModel viewModel) {
        setId(ControlId.MINIBATCH.id());
        getStyleClass().add("minibatch");
        setSpacing(2);
        setPadding(new Insets(4, 8, 0, 8));
        Label caption = new Label();
        caption.setId("minibatch-caption");
        caption.getStyleClass().add("note");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.textProperty().bind(viewModel.captionProperty());
        getChildren().addAll(caption,
                row("step's batch", "The first images of the minibatch the last step trained on", images),
                row("reconstructed", "Each image encoded to μ(x) and decoded by the model just after the step",
                        reconstructions));
        viewModel.minibatchProperty().addListener((o, was, now) -> show(now));
        show(viewModel.minibatchProperty().get());
    }

    private static HBox row(String title, String explanation, ImageView view) {
        Label label = new Label(title);
        label.setTooltip(new Tooltip(explanation));
        label.setMinWidth(LABEL_WIDTH);
        label.setPrefWidth(LABEL_WIDTH);
        label.setAlignment(Pos.CENTER_RIGHT);
        view.setSmooth(false);
        view.setPreserveRatio(true);
        StackPane room = new StackPane(view);
        room.setMinSize(0, 24);
        room.setPrefSize(10, 40);
        room.setAlignment(Pos.CENTER_LEFT);
        view.fitWidthProperty().bind(room.widthProperty());
        view.fitHeightProperty().bind(room.heightProperty());
        HBox row = new HBox(10, label, room);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(room, Priority.ALWAYS);
        return row;
    }

    private void show(Minibatch batch) {
        images.setImage(batch == null ? null : strip(batch.images(), batch));
        reconstructions.setImage(batch == null ? null : strip(batch.reconstructions(), batch));
    }

    private static javafx.scene.image.WritableImage strip(float[] pixels, Minibatch batch) {
        return GrayImage.grid(pixels, batch.shown(), batch.shown(), batch.imageWidth(), batch.imageHeight(), GAP,
                GAP_GREY);
    }
}
