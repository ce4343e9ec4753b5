package org.latentlab.ui.explorer;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * A tab's line for what went wrong with its trainer: the lifecycle's problem in a warning box,
 * shown only while there is one, hidden by a click. Confined to the JavaFX application thread.
 */
public final class ProblemLine extends Label {

    public ProblemLine(TrainerLifecycle<?, ?> lifecycle) {
        getStyleClass().add("region-warning");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        setTooltip(new Tooltip("Click to hide this message"));
        setOnMouseClicked(e -> lifecycle.dismissProblem());
        textProperty().bind(lifecycle.problemProperty());
        visibleProperty().bind(lifecycle.problemProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
