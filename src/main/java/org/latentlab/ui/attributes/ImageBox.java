package org.latentlab.ui.attributes;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.latentlab.ui.plot.GrayImage;

/**
 * One image of a view-model, enlarged without smoothing, over a caption; or a strip of images when
 * given a width to fill. Follows the image property it is given. Confined to the JavaFX application
 * thread.
 */
final class ImageBox extends VBox {

    private static final int GAP = 2;
    private static final int GAP_GREY = 70;

    private final ImageView view = new ImageView();

    /**
     * @param image   the images to show; a strip of several is drawn side by side
     * @param size    the height of the images on screen, in pixels
     * @param caption what the image is
     * @param tooltip one sentence on what it shows
     */
    ImageBox(ReadOnlyObjectProperty<ImageStrip> image, double size, String caption, String tooltip) {
        super(2);
        view.setSmooth(false);
        view.setPreserveRatio(true);
        view.setFitHeight(size);
        Label label = new Label(caption);
        label.getStyleClass().add("caption");
        label.setWrapText(true);
        label.setMaxWidth(Math.max(size, 80));
        getChildren().addAll(view, label);
        setAlignment(Pos.TOP_CENTER);
        Tooltip.install(this, new Tooltip(tooltip));
        image.addListener((o, was, now) -> show(now));
        show(image.get());
    }

    private void show(ImageStrip strip) {
        view.setImage(strip == null ? null
                : strip.count() == 1 ? GrayImage.of(strip.pixels(), 0, strip.width(), strip.height())
                : GrayImage.grid(strip.pixels(), strip.count(), strip.count(), strip.width(), strip.height(), GAP, GAP_GREY));
    }

    /** The image view, for fitting a strip to the room it gets. */
    ImageView view() {
        return view;
    }
}
