package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a 1280 × 720 projector: it opens within the screen, and in every tab every control
 * is on the screen (or in a part that scrolls) and no view is squeezed below the room its content
 * needs.
 */
class ProjectorWindowTest extends RunningWindow {

    @Test
    void aWindowOpensWithinTheScreenItOpensOn() {
        assertEquals(new WindowFrame(0, 0, 1280, 720), WindowFrame.within(new Rectangle2D(0, 0, 1280, 720)));
        assertEquals(new WindowFrame(1920, 40, 1280, 860), WindowFrame.within(new Rectangle2D(1920, 0, 1280, 940)),
                "a second screen to the right, taller than the window: centred on it");
        assertEquals(new WindowFrame(0, 28, 1024, 740), WindowFrame.within(new Rectangle2D(0, 28, 1024, 740)),
                "a small screen less a top bar: the whole of what is left");
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        assertEquals(new Rectangle2D(320, 110, 1280, 860),
                new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()),
                "on the test's 1920 × 1080 screen, the preferred size, centred");
    }

    @Test
    void everyTabIsUsableAt1280By720() throws Exception {
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        List<String> problems = new ArrayList<>();
        for (String tab : List.of("#tab-grid", "#tab-attributes", "#tab-interpolation", "#tab-drawing")) {
            clickOn(tab);
            problems.addAll(look(stage.getScene(), tab));
        }
        clickOn("#tab-compare");
        waitFor(60, () -> app.compareViewModel().panelsProperty().get().size() == 5);
        problems.addAll(look(stage.getScene(), "#tab-compare"));
        assertEquals(List.of(), problems);
    }

    /** What is cut off in {@code scene} as it is laid out now; a picture of it in target/ui. */
    private List<String> look(Scene scene, String shown) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            writePng(scene, Path.of("target", "ui", "projector" + shown.replace("#tab", "") + ".png"));
            List<String> found = new ArrayList<>();
            collect(scene.getRoot(), new Rectangle2D(0, 0, scene.getWidth(), scene.getHeight()), shown, found);
            return found;
        });
    }

    private static void collect(Node node, Rectangle2D window, String shown, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Control control && !(node instanceof ScrollPane)) {
            Bounds b = control.localToScene(control.getLayoutBounds());
            if (b.getMinX() < window.getMinX() - 1 || b.getMinY() < window.getMinY() - 1
                    || b.getMaxX() > window.getMaxX() + 1 || b.getMaxY() > window.getMaxY() + 1) {
                found.add(shown + ": " + describe(node) + " lies outside the window at " + b);
            }
        }
        if (node instanceof Region region && region.getStyleClass().contains("card")
                && region.getHeight() < region.minHeight(region.getWidth()) - 1) {
            found.add(shown + ": " + describe(node) + " is " + Math.round(region.getHeight()) + " px high but needs "
                    + Math.round(region.minHeight(region.getWidth())));
        }
        if (node instanceof ScrollPane || !(node instanceof Parent parent)) {
            return; // what a scroll pane holds can be scrolled to
        }
        for (Node child : parent.getChildrenUnmodifiable()) {
            collect(child, window, shown, found);
        }
    }

    private static String describe(Node node) {
        String text = node instanceof javafx.scene.control.Labeled labeled ? " '" + labeled.getText() + "'" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text;
    }

    private static void writePng(Scene scene, Path path) {
        var image = scene.snapshot(null);
        org.latentlab.render.PngFile.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), path);
    }
}
