package org.latentlab.ui.attributes;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.latentlab.ui.plot.GrayImage;

/**
 * One image of a view-model, enlarged without smoothing into a square well of a fixed size (empty
 * until there is an image), over a caption. Follows the image property it is given. Confined to the
 * JavaFX application thread.
 */
final class ImageBox extends VBox {

    private final ImageView view = new ImageView();

    /**
     * @param image   the image to show
     * @param size    the height of the image on screen, in pixels
     * @param caption what the image is
     * @param tooltip one sentence on what it shows
     */
    ImageBox(ReadOnlyObjectProperty<ImageStrip> image, double size, String caption, String tooltip) {
        super(2);
        view.setSmooth(false);
        view.setPreserveRatio(true);
        view.setFitHeight(size);
        view.setFitWidth(size);
        StackPane well = new StackPane(view);
        well.getStyleClass().add("image-well");
        well.setMinSize(size, size);
        well.setPrefSize(size, size);
        well.setMaxSize(size, size);
        Label label = new Label(caption);
        label.getStyleClass().add("caption");
        label.setWrapText(true);
        label.setMaxWidth(size);
        label.setMinHeight(Region.USE_PREF_SIZE);
        setMinWidth(size);
        setMaxWidth(size);
        getChildren().addAll(well, label);
        setAlignment(Pos.TOP_CENTER);
        Tooltip.install(this, new Tooltip(tooltip));
        image.addListener((o, was, now) -> show(now));
        show(image.get());
    }

    private void show(ImageStrip strip) {
        view.setImage(strip == null ? null : GrayImage.of(strip.pixels(), 0, strip.width(), strip.height()));
    }
}
