package org.latentlab.ui.explorer;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * A scroll pane for views that change every frame while training is replayed (the decoded grid,
 * the strips). JavaFX's own skin keeps its viewport as a cached picture, which is worth it when
 * only the scroll position moves; here the content changes each frame, so the renderer drew it
 * twice a frame, into the cache and the cache onto the window (docs/decisions/0096, "Scrubbing").
 * This one's viewport is drawn directly. Confined to the JavaFX application thread.
 */
final class UncachedScrollPane extends ScrollPane {

    /** The style class of the skin's viewport, which holds the content. */
    private static final String VIEWPORT = "viewport";

    UncachedScrollPane(Node content) {
        super(content);
        skinProperty().addListener((o, was, now) -> {
            for (Node child : getChildrenUnmodifiable()) {
                if (child.getStyleClass().contains(VIEWPORT)) {
                    child.setCache(false);
                }
            }
        });
    }
}
