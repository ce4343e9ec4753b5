package org.latentlab.ui.pace;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentlab.lesson.ControlId;
import org.latentlab.training.Minibatch;
import org.latentlab.ui.plot.GrayImage;
import org.latentlab.ui.samples.StripRow;

/**
 * Two rows above the held-out reconstructions and samples while training is slowed down: the
 * images the last step trained on over their reconstructions, refreshed after every step, with a
 * line saying which step it was. Confined to the JavaFX application thread.
 */
public final class MinibatchView extends VBox {

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
                StripRow.of("step's batch", "The first images of the minibatch the last step trained on", images,
                        24, 40),
                StripRow.of("reconstructed", "Each image encoded to μ(x) and decoded by the model just after the step",
                        reconstructions, 24, 40));
        viewModel.minibatchProperty().addListener((o, was, now) -> show(now));
        show(viewModel.minibatchProperty().get());
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
