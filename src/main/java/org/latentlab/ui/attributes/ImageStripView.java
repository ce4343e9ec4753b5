package org.latentlab.ui.attributes;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.latentlab.ui.plot.GrayImage;

/**
 * A strip of images side by side, scaled without smoothing to fill the room it gets while keeping
 * the images square. Follows the strip property it is given. Confined to the JavaFX application thread.
 */
final class ImageStripView extends StackPane {

    private static final int GAP = 2;
    private static final int GAP_GREY = 70;

    private final ImageView view = new ImageView();

    ImageStripView(ReadOnlyObjectProperty<ImageStrip> strip) {
        view.setSmooth(false);
        view.setPreserveRatio(true);
        getChildren().add(view);
        setAlignment(Pos.CENTER_LEFT);
        setMinSize(0, 30);
        setPrefHeight(80);
        view.fitWidthProperty().bind(widthProperty());
        view.fitHeightProperty().bind(heightProperty());
        strip.addListener((o, was, now) -> show(now));
        show(strip.get());
    }

    private void show(ImageStrip strip) {
        view.setImage(strip == null ? null
                : GrayImage.grid(strip.pixels(), strip.count(), strip.count(), strip.width(), strip.height(), GAP, GAP_GREY));
    }
}
