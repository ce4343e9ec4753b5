package org.latentlab.ui.explorer;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * A vertical split of two views in which the lower one always gets the height its content needs
 * at its width (a legend that wraps, a line of text), taking it from the upper one, which keeps at
 * least its own minimum: on a short screen (a 1280 × 720 projector, large text) the upper view
 * shrinks rather than the lower one being cut. The divider can still be dragged within those
 * bounds. Confined to the JavaFX application thread.
 */
final class ContentFittingSplit extends SplitPane {

    private final Node upper;
    private final Node lower;

    ContentFittingSplit(Node upper, Node lower, double position) {
        super(upper, lower);
        this.upper = upper;
        this.lower = lower;
        setOrientation(Orientation.VERTICAL);
        setDividerPositions(position);
    }

    @Override
    protected void layoutChildren() {
        double room = getHeight() - snappedTopInset() - snappedBottomInset();
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        if (room > 0) {
            double lowerNeeds = lower.minHeight(width);
            double upperNeeds = upper.minHeight(width);
            double position = getDividerPositions()[0];
            double most = Math.max(upperNeeds / room, 1 - lowerNeeds / room);
            if (position > most && most > 0 && most < 1) {
                setDividerPosition(0, most);
            }
        }
        super.layoutChildren();
    }
}
