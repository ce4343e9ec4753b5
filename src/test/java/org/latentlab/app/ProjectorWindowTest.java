package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.latentlab.training.Pace;
import org.latentlab.ui.explorer.ExplorerView;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a 1280 × 720 projector: it opens within the screen; in every tab, with training
 * slowed so that the step's minibatch shows, every control is on the screen (or in a part that
 * scrolls) and no view is squeezed below the room its content needs; and presentation mode (F5)
 * fills the screen with large text and the controls a class watches.
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
        Stage stage = asOnAProjector();
        List<String> problems = new ArrayList<>();
        interact(() -> viewModel().lifecycle().paceProperty().set(new Pace(5)));
        clickOn("#step");
        waitFor(20, () -> viewModel().minibatch().minibatchProperty().get() != null);
        for (String tab : List.of("#tab-grid", "#tab-attributes", "#tab-interpolation", "#tab-drawing", "#likelihood", "#outliers",
                "#tab-conditional")) {
            clickOn(tab);
            problems.addAll(look(stage.getScene(), tab));
        }
        clickOn("#tab-compare");
        waitFor(60, () -> app.compareViewModel().panelsProperty().get().size() == 5);
        problems.addAll(look(stage.getScene(), "#tab-compare"));
        clickOn("#tab-debiasing");
        waitFor(180, () -> app.debiasingViewModel().pointsProperty().get() != null);
        problems.addAll(look(stage.getScene(), "#tab-debiasing"));
        assertEquals(List.of(), problems);
    }

    @Test
    void presentationModeFillsTheScreenWithLargeTextAndTheToolbarAClassWatches() throws Exception {
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        ExplorerView view = app.view();
        assertTrue(shown("#dataset"));
        type(KeyCode.F5);
        waitFor(10, stage::isFullScreen);
        assertTrue(onFx(() -> view.getStyleClass().contains("presentation") && view.getStyle().contains("20.0px")));
        assertFalse(onFx(() -> view.getTop().lookup(".menu-bar").isVisible()), "no menu bar");
        for (String shown : List.of("#train", "#step", "#reset", "#pace", "#beta", "#show-setup")) {
            assertTrue(shown(shown), shown);
        }
        for (String hidden : List.of("#dataset", "#schedule", "#learning-rate", "#seed")) {
            assertFalse(shown(hidden), hidden);
        }
        assertEquals(List.of(), look(stage.getScene(), "#presentation"));
        type(KeyCode.F5);
        waitFor(10, () -> !stage.isFullScreen());
        assertTrue(onFx(() -> !view.getStyleClass().contains("presentation") && view.getStyle().contains("15.0px")));
        assertTrue(shown("#dataset"));
    }

    /** Whether the node {@code query} finds is shown: it and every node it sits in visible. */
    private boolean shown(String query) throws Exception {
        Node node = lookup(query).query();
        return onFx(() -> {
            for (Node n = node; n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** What is cut off in {@code scene} as it is laid out now; a picture of it in target/ui. */
    private List<String> look(Scene scene, String shown) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            writePng(scene, Path.of("target", "ui", "projector-" + shown.replace("#tab-", "").replace("#", "") + ".png"));
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
