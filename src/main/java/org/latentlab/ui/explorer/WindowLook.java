package org.latentlab.ui.explorer;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.latentlab.lesson.ControlId;
import org.latentlab.ui.plot.PlotTheme;

/**
 * How the window looks: the light or the dark theme, large text, and presentation mode for a
 * projector (full screen, large text, thick lines and large dots, black on white or white on
 * black, no menu bar, and a toolbar cut to the controls a class watches: Train, Step, Reset, the
 * speed and β). Makes the View menu's items and applies the look to the
 * window's root (its style sheets and font size) and, through {@code plots}, to every plot. Leaving
 * full screen (Esc) leaves presentation mode. Confined to the JavaFX application thread.
 */
final class WindowLook {

    static final double NORMAL_FONT = 15;
    static final double LARGE_FONT = 20;
    /** Presentation mode's text: readable from the back of a room on a 1280 × 720 projector. */
    static final double PRESENTATION_FONT = 20;
    /** How much thicker lines and larger dots are in presentation mode. */
    static final double PRESENTATION_MARKS = 1.8;
    private static final String DARK_STYLESHEET = "latent-lab-dark.css";
    private static final String PRESENTATION_STYLESHEET = "latent-lab-presentation.css";

    private final Region root;
    private final Consumer<PlotTheme> plots;
    private final Consumer<Boolean> compactToolbar;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final BooleanProperty largeText = new SimpleBooleanProperty(this, "largeText");
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    /** The window whose leaving full screen is watched; {@code null} until presentation mode first starts. */
    private Stage watched;

    /**
     * @param root          the window's content, whose style sheets and font size follow the look
     * @param plots         gives every plot of the window a theme
     * @param compactToolbar cuts the toolbar to the controls a class watches (true), or not
     */
    WindowLook(Region root, Consumer<PlotTheme> plots, Consumer<Boolean> compactToolbar) {
        this.root = root;
        this.plots = plots;
        this.compactToolbar = compactToolbar;
        dark.addListener(o -> apply());
        largeText.addListener(o -> apply());
        presentation.addListener((o, was, now) -> {
            apply();
            fullScreen(now);
        });
    }

    /** The View menu's items: the two themes, large text and presentation mode (F5). */
    List<MenuItem> menuItems() {
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light theme");
        RadioMenuItem darkTheme = new RadioMenuItem("Dark theme");
        light.setToggleGroup(themes);
        darkTheme.setToggleGroup(themes);
        light.setSelected(true);
        darkTheme.selectedProperty().bindBidirectional(dark);
        CheckMenuItem large = new CheckMenuItem("Large text (for the back of the room)");
        large.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        large.selectedProperty().bindBidirectional(largeText);
        CheckMenuItem present = new CheckMenuItem("Presentation mode (full screen, for a projector)");
        present.setId(ControlId.PRESENTATION.id());
        present.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        present.selectedProperty().bindBidirectional(presentation);
        return List.of(light, darkTheme, new SeparatorMenuItem(), large, present);
    }

    /** Hides {@code node} (the menu bar) in presentation mode; its shortcuts still work. */
    void hideInPresentation(Node node) {
        node.visibleProperty().bind(presentation.not());
        node.managedProperty().bind(presentation.not());
    }

    /** Presentation mode: on or off (as F5 and the View menu switch it). */
    BooleanProperty presentationProperty() {
        return presentation;
    }

    /** The font size of the window's text now. */
    double fontSize() {
        return presentation.get() ? PRESENTATION_FONT : largeText.get() ? LARGE_FONT : NORMAL_FONT;
    }

    /** Applies the look to the root and every plot; again whenever a part of it changes. */
    void apply() {
        root.getStylesheets().removeIf(s -> s.endsWith(DARK_STYLESHEET) || s.endsWith(PRESENTATION_STYLESHEET));
        root.getStyleClass().removeAll("dark", "presentation");
        if (dark.get()) {
            root.getStylesheets().add(resource(DARK_STYLESHEET));
            root.getStyleClass().add("dark");
        }
        if (presentation.get()) {
            root.getStylesheets().add(resource(PRESENTATION_STYLESHEET));
            root.getStyleClass().add("presentation");
        }
        root.setStyle("-fx-font-size: " + fontSize() + "px;");
        PlotTheme theme = (dark.get() ? PlotTheme.DARK : PlotTheme.LIGHT).withFontSize(fontSize());
        plots.accept(presentation.get() ? theme.forProjector(PRESENTATION_MARKS) : theme);
        compactToolbar.accept(presentation.get());
    }

    private String resource(String name) {
        return Objects.requireNonNull(WindowLook.class.getResource(name), name).toExternalForm();
    }

    /** Full screen in presentation mode; leaving full screen (Esc) leaves presentation mode too. */
    private void fullScreen(boolean on) {
        Window window = root.getScene() == null ? null : root.getScene().getWindow();
        if (!(window instanceof Stage stage)) {
            return;
        }
        if (stage != watched) {
            watched = stage;
            stage.setFullScreenExitHint("Esc or F5 leaves presentation mode");
            stage.fullScreenProperty().addListener((o, was, now) -> {
                if (!now) {
                    presentation.set(false);
                }
            });
        }
        stage.setFullScreen(on);
    }
}
