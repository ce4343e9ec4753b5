package org.latentlab.ui.lesson;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.latentlab.lesson.ControlId;
import org.latentlab.lesson.InvalidSetupException;
import org.latentlab.lesson.ReadyRun;
import org.latentlab.lesson.ReadyRuns;
import org.latentlab.lesson.SetupKey;
import org.latentlab.ui.compare.CompareViewModel;
import org.latentlab.ui.explorer.Confirmation;

/**
 * The File menu's ways to start from models trained ahead of time: "Open a ready-trained run" (each
 * run the application ships, applied as a setup that names it, so that its network comes with it;
 * a comparison opens in the Compare tab, a single model in the Explore tab) and "Open
 * comparison…" (a folder that {@code train --compare} wrote, into the Compare tab). Both ask before
 * trained models are thrown away. Confined to the JavaFX application thread.
 */
final class TrainedModelsMenu {

    private final WindowSetup window;
    private final CompareViewModel compare;
    private final Confirmation confirmation;
    private final Consumer<String> problems;

    /** @param problems where a run that cannot be applied is said */
    TrainedModelsMenu(WindowSetup window, CompareViewModel compare, Confirmation confirmation,
                      Consumer<String> problems) {
        this.window = window;
        this.compare = compare;
        this.confirmation = confirmation;
        this.problems = problems;
    }

    /** The menu items, in order: the ready runs' submenu, then Open comparison…. */
    List<MenuItem> items(Supplier<Window> owner) {
        Menu ready = new Menu("Open a ready-trained run");
        ready.setId("ready-runs-menu");
        for (ReadyRun run : ReadyRuns.ALL) {
            MenuItem item = new MenuItem(run.name() + " — " + run.description());
            item.setId("ready-run-" + run.name());
            item.setOnAction(e -> openReadyRun(run));
            ready.getItems().add(item);
        }
        MenuItem comparison = new MenuItem("Open comparison…");
        comparison.setId("open-comparison");
        comparison.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open the folder that 'train --compare' wrote");
            File folder = chooser.showDialog(owner.get());
            if (folder != null) {
                openComparison(folder.toPath());
            }
        });
        return List.of(ready, comparison);
    }

    /** Starts from {@code run}: the window takes the run's settings, and loads it in the tab it belongs to. */
    void openReadyRun(ReadyRun run) {
        Map<SetupKey, String> changes = new EnumMap<>(SetupKey.class);
        changes.put(SetupKey.RUN, run.name());
        changes.put(SetupKey.TAB, (run.comparison() ? ControlId.COMPARE : ControlId.EXPLORE).id());
        try {
            window.apply(window.current().with(changes));
        } catch (InvalidSetupException e) {
            problems.accept("Cannot open the ready-trained run '" + run.name() + "' here: " + e.getMessage());
        }
    }

    /** Opens the comparison in {@code folder} in the Compare tab, after asking if trained models would be lost. */
    void openComparison(Path folder) {
        String question = compare.openQuestion("the comparison in " + folder);
        if (question != null && !confirmation.confirm("Open a comparison", question, "Open and discard",
                "Keep the current models")) {
            return;
        }
        compare.openComparison(folder); // first: shown before, the tab would build a comparison of its own
        window.tabProperty().set(ControlId.COMPARE);
    }
}
