package org.latentlab.ui.lesson;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.FileChooser;
import org.latentlab.lesson.BuiltInLessons;
import org.latentlab.lesson.ControlId;
import org.latentlab.lesson.LessonFileException;
import org.latentlab.lesson.SetupFile;
import org.latentlab.ui.FailureMessage;
import org.latentlab.ui.compare.CompareViewModel;
import org.latentlab.ui.explorer.Confirmation;
import org.latentlab.ui.explorer.ExplorerView;
import org.latentlab.ui.explorer.ExplorerViewModel;

/**
 * Classroom mode in the window: the Lessons menu (every built-in lesson, File → Open lesson…, Next
 * and Back), the Lessons side panel, File → Open setup… and Save setup…, File → Open a
 * ready-trained run and Open comparison… ({@link TrainedModelsMenu}), and "Hide advanced
 * controls". A step's state goes through {@link WindowSetup} to the view-models; its target is
 * outlined and the views and controls it leaves out are hidden through {@link ControlNodes}. A
 * lesson or setup file that cannot be read is one message in the banner naming the file, the line
 * and what was expected. Confined to the JavaFX application thread.
 */
public final class Classroom {

    private final ExplorerView view;
    private final WindowSetup window;
    private final LessonViewModel lessons;
    private final LessonPanel panel;
    private final ControlNodes nodes;
    private final ExplorerViewModel explorer;
    private final Consumer<String> problems;
    /** File → Open a ready-trained run and Open comparison…. */
    private final TrainedModelsMenu trainedModels;

    /**
     * Adds classroom mode to {@code view}, which must be showing (its tabs' contents are looked up);
     * {@code confirmation} asks before a step or setup throws a trained model away.
     */
    public Classroom(ExplorerView view, ExplorerViewModel explorer, CompareViewModel compare,
                     Confirmation confirmation) {
        this.view = view;
        this.explorer = explorer;
        this.problems = explorer.lifecycle()::report;
        this.window = new WindowSetup(explorer, compare, view.presentationProperty(), confirmation);
        this.trainedModels = new TrainedModelsMenu(window, compare, confirmation, problems);
        this.lessons = new LessonViewModel(window, problems);
        this.panel = new LessonPanel(lessons);
        MenuBar menus = (MenuBar) view.lookup(".menu-bar");
        this.nodes = new ControlNodes(view, menus);
        view.setRight(panel);
        addMenus(menus);
        followMainTab((TabPane) view.lookup("#main-tabs"));
        window.viewsProperty().addListener(o -> showChosen());
        window.controlsProperty().addListener(o -> showChosen());
        lessons.highlightProperty().addListener((o, was, now) -> nodes.outline(now));
    }

    /**
     * Opens a lesson by built-in name or number, or from a file; a problem goes to the banner.
     *
     * @return whether it opened
     */
    public boolean openLesson(String nameOrFile) {
        return read(() -> BuiltInLessons.open(nameOrFile), lessons::open);
    }

    /** Opens a setup file: the window takes its whole state; a problem goes to the banner. */
    public boolean openSetup(Path file) {
        return read(() -> SetupFile.read(file), setup -> {
            lessons.close();
            window.apply(setup);
        });
    }

    /** Writes the window's whole state as a setup file, whole or not at all. */
    public void saveSetup(Path file) {
        try {
            SetupFile.write(file, window.current());
            explorer.lifecycle().say("Saved the setup to " + file);
        } catch (IOException | RuntimeException e) {
            problems.accept("Could not save the setup to " + file + ": " + FailureMessage.of(e));
        }
    }

    private <T> boolean read(Supplier<T> reading, Consumer<T> use) {
        T read;
        try {
            read = reading.get();
        } catch (LessonFileException e) {
            problems.accept(e.getMessage());
            return false;
        }
        use.accept(read);
        return true;
    }

    private void showChosen() {
        nodes.show(window.viewsProperty().get(), window.controlsProperty().get());
        nodes.tab(window.tabProperty().get()).filter(tab -> tab.getTabPane() != null)
                .ifPresent(tab -> tab.getTabPane().getSelectionModel().select(tab));
        nodes.outline(lessons.highlightProperty().get());
    }

    private void followMainTab(TabPane tabs) {
        window.tabProperty().addListener((o, was, now) -> nodes.tab(now).ifPresent(tabs.getSelectionModel()::select));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            for (ControlId id : List.of(ControlId.EXPLORE, ControlId.COMPARE)) {
                if (now != null && ControlNodes.nodeId(id).equals(now.getId())) {
                    window.tabProperty().set(id);
                }
            }
        });
    }

    private void addMenus(MenuBar menus) {
        Menu lessonMenu = new Menu("Lessons");
        lessonMenu.setId("lessons-menu");
        List<String> names = BuiltInLessons.NAMES;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            MenuItem item = new MenuItem((i + 1) + ". " + titleOf(name));
            item.setId("lesson-" + name);
            item.setOnAction(e -> openLesson(name));
            lessonMenu.getItems().add(item);
        }
        MenuItem next = new MenuItem("Next step");
        next.setAccelerator(new KeyCodeCombination(KeyCode.PAGE_DOWN));
        next.setOnAction(e -> lessons.next());
        MenuItem back = new MenuItem("Step back");
        back.setAccelerator(new KeyCodeCombination(KeyCode.PAGE_UP));
        back.setOnAction(e -> lessons.back());
        CheckMenuItem showPanel = new CheckMenuItem("Show the Lessons panel");
        showPanel.selectedProperty().bindBidirectional(lessons.shownProperty());
        CheckMenuItem fewControls = new CheckMenuItem("Hide advanced controls");
        fewControls.setId("hide-advanced");
        fewControls.selectedProperty().bindBidirectional(window.advancedHiddenProperty());
        lessonMenu.getItems().addAll(new SeparatorMenuItem(), openLessonItem(), next, back, showPanel,
                new SeparatorMenuItem(), fewControls);
        menus.getMenus().add(menus.getMenus().size() - 1, lessonMenu);

        Menu file = menus.getMenus().get(0);
        MenuItem openSetup = new MenuItem("Open setup…");
        openSetup.setOnAction(e -> choose("Open a setup", "Latent Lab setup", "*.setup", false)
                .ifPresent(this::openSetup));
        MenuItem saveSetup = new MenuItem("Save setup…");
        saveSetup.setOnAction(e -> choose("Save the setup", "Latent Lab setup", "*.setup", true)
                .ifPresent(this::saveSetup));
        int at = file.getItems().indexOf(file.getItems().stream().filter(SeparatorMenuItem.class::isInstance)
                .findFirst().orElse(null));
        List<MenuItem> items = new ArrayList<>(trainedModels.items(() -> view.getScene().getWindow()));
        items.addAll(List.of(new SeparatorMenuItem(), openSetup, saveSetup, openLessonItem()));
        file.getItems().addAll(at < 0 ? file.getItems().size() : at, items);
    }

    private MenuItem openLessonItem() {
        MenuItem item = new MenuItem("Open lesson…");
        item.setOnAction(e -> choose("Open a lesson", "Lesson (Markdown)", "*.md", false)
                .ifPresent(file -> openLesson(file.toString())));
        return item;
    }

    /** "the-vae" → "The VAE"; the built-in lesson's own title. */
    private static String titleOf(String name) {
        try {
            return BuiltInLessons.open(name).title();
        } catch (LessonFileException e) { // a test holds every built-in lesson readable
            return name;
        }
    }

    private Optional<Path> choose(String title, String kind, String pattern, boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(kind + " (" + pattern + ")", pattern),
                new FileChooser.ExtensionFilter("Any file", "*"));
        File chosen;
        if (save) {
            chooser.setInitialFileName("class" + pattern.substring(1));
            chosen = chooser.showSaveDialog(view.getScene().getWindow());
        } else {
            chosen = chooser.showOpenDialog(view.getScene().getWindow());
        }
        return Optional.ofNullable(chosen).map(File::toPath).filter(p -> save || Files.isRegularFile(p));
    }

    // ---- parts, for tests -------------------------------------------------------------------------

    public LessonViewModel lessons() {
        return lessons;
    }

    public WindowSetup window() {
        return window;
    }

    public ControlNodes nodes() {
        return nodes;
    }

    /** Opens the comparison that {@code train --compare} wrote in {@code folder}, as File → Open comparison… does. */
    public void openComparison(Path folder) {
        trainedModels.openComparison(folder);
    }
}
