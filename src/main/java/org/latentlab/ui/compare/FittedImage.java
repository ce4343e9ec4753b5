package org.latentlab.ui.compare;

import javafx.geometry.Orientation;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * An image that takes the width it is given and the height its shape asks for, and, when a column
 * runs short of room, shrinks to fit the height it gets, centred, keeping its shape. Confined to
 * the JavaFX application thread.
 */
final class FittedImage extends Region {

    private static final double PADDING = 2;

    private final ImageView view = new ImageView();
    private final double shrinkable;

    /**
     * @param shrinkable how much of its height the image may give up when room runs short, in
     *                   [0, 1]: a picture that carries the lesson keeps more
     */
    FittedImage(double shrinkable) {
        this.shrinkable = shrinkable;
        view.setPreserveRatio(true);
        getChildren().add(view);
        getStyleClass().add("image-well");
        setMinWidth(40);
    }

    void setImage(Image image) {
        view.setImage(image);
        requestLayout();
    }

    Image image() {
        return view.getImage();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /** As tall as the image's shape asks at {@code width}; a square until there is an image. */
    @Override
    protected double computePrefHeight(double width) {
        Image image = view.getImage();
        double ratio = image == null || image.getWidth() == 0 ? 1 : image.getHeight() / image.getWidth();
        return width > 0 ? (width - 2 * PADDING) * ratio + 2 * PADDING : super.computePrefHeight(width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return Math.max(30, (1 - shrinkable) * computePrefHeight(width));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 120;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(0, getWidth() - 2 * PADDING);
        double h = Math.max(0, getHeight() - 2 * PADDING);
        view.setFitWidth(w);
        view.setFitHeight(h);
        Image image = view.getImage();
        // Filtered when shrunk, so digits do not break up; pixel for pixel when enlarged, so they stay sharp.
        view.setSmooth(image != null && (w < image.getWidth() || h < image.getHeight()));
        double shownWidth = view.getLayoutBounds().getWidth();
        double shownHeight = view.getLayoutBounds().getHeight();
        view.relocate((getWidth() - shownWidth) / 2, (getHeight() - shownHeight) / 2);
    }
}
