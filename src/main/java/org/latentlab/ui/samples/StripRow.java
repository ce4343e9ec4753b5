package org.latentlab.ui.samples;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A row of a strip view: a caption, then a strip of images that scales without smoothing to the
 * room it gets, keeping the images square. Captions are 8.7 em wide (130 px at the window's 15 px
 * text), so that the strips of rows one above another start at the same place in any text size.
 */
public final class StripRow {

    private static final String CAPTION_WIDTH = "-fx-min-width: 8.7em; -fx-pref-width: 8.7em;";

    private StripRow() {
    }

    /**
     * A row with {@code caption} (its tooltip {@code explanation}) before {@code view}.
     *
     * @param minHeight  the least height the row keeps
     * @param prefHeight the height it asks for
     */
    public static HBox of(String caption, String explanation, ImageView view, double minHeight, double prefHeight) {
        Label label = new Label(caption);
        label.setTooltip(new Tooltip(explanation));
        label.setStyle(CAPTION_WIDTH);
        label.setAlignment(Pos.CENTER_RIGHT);
        view.setSmooth(false);
        view.setPreserveRatio(true);
        StackPane room = new StackPane(view);
        room.setMinSize(0, 0);
        room.setPrefSize(10, 10);
        room.setAlignment(Pos.CENTER_LEFT);
        view.fitWidthProperty().bind(room.widthProperty());
        view.fitHeightProperty().bind(room.heightProperty());
        HBox row = new HBox(10, label, room);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(room, Priority.ALWAYS);
        VBox.setVgrow(row, Priority.ALWAYS);
        row.setMinHeight(minHeight);
        row.setPrefHeight(prefHeight);
        return row;
    }
}
