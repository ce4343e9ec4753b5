package org.latentlab.ui.explorer;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The line along a tab's foot: how far through the epoch its trainer is, and its status (epoch,
 * iteration, speed, losses). Confined to the JavaFX application thread.
 */
public final class StatusBar extends HBox {

    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(0);

    /** @param idPrefix put before "status" and "epoch-progress" in the parts' ids ("" or "compare-") */
    public StatusBar(String idPrefix, ObservableValue<String> text, ObservableValue<Number> epochProgress) {
        super(10);
        status.setId(idPrefix + "status");
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(text);
        HBox.setHgrow(status, Priority.ALWAYS);
        progress.setId(idPrefix + "epoch-progress");
        progress.setPrefWidth(160);
        progress.setTooltip(new Tooltip("How far through the current epoch (one pass over the training images)"));
        progress.progressProperty().bind(epochProgress);
        getChildren().addAll(progress, status);
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(5, 10, 5, 10));
    }
}
