package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.lesson.BuiltInLessons;
import org.latentlab.lesson.ControlId;
import org.latentlab.lesson.Lesson;
import org.latentlab.lesson.LessonStep;
import org.latentlab.lesson.ReadyRun;
import org.latentlab.lesson.Setup;
import org.latentlab.lesson.SetupFile;
import org.latentlab.lesson.SetupKey;
import org.latentlab.training.ReadyRunFiles;
import org.latentlab.training.SavedComparison;
import org.latentlab.training.SavedRun;
import org.latentlab.training.TrainerState;
import org.latentlab.ui.lesson.Classroom;
import org.latentlab.ui.lesson.ControlNodes;

/**
 * Classroom mode in the real window (Monocle): every built-in lesson walked step by step with the
 * panel's Next button, each step's state checked in the view-models and in what the window shows,
 * and the ready-trained run it names loaded with its steps;
 * every control and view a lesson can name found in the window; a bad lesson file reported in the
 * banner while the window goes on; a setup saved and opened again.
 */
class LessonWindowTest extends RunningWindow {

    private Classroom classroom() {
        return app.classroom();
    }

    @Test
    void everyIdALessonCanNameHasANodeATabOrAMenuItemInTheWindow() throws Exception {
        List<String> missing = onFx(() -> {
            List<String> without = new ArrayList<>();
            ControlNodes nodes = classroom().nodes();
            for (ControlId id : ControlId.values()) {
                if (!id.planned() && nodes.node(id).isEmpty() && nodes.tab(id).isEmpty() && nodes.menuItem(id).isEmpty()) {
                    without.add(id.id());
                }
            }
            return without;
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void everyBuiltInLessonWalksThroughEveryStepWithItsStateApplied() throws Exception {
        for (Lesson lesson : BuiltInLessons.all()) {
            interact(() -> classroom().openLesson(lesson.name()));
            for (int i = 0; i < lesson.steps().size(); i++) {
                if (i > 0) {
                    clickOn("#lesson-next");
                }
                LessonStep step = lesson.steps().get(i);
                String where = lesson.name() + ", step " + (i + 1);
                waitFor(60, () -> !viewModel().lifecycle().busyProperty().get()
                        && viewModel().lifecycle().stateProperty().get() == TrainerState.READY);
                if (step.setup().run().isPresent()) {
                    assertRunLoaded(step.setup().run().get(), where);
                }
                assertEquals("Step " + (i + 1) + " of " + lesson.steps().size(),
                        lookup("#lesson-position").queryAs(Label.class).getText(), where);
                assertEquals(step.title(), lookup("#lesson-step-title").queryAs(Label.class).getText(), where);
                List<String> problems = onFx(() -> differences(step, classroom().window().current()));
                assertEquals(List.of(), problems, where);
                assertEquals(List.of(), onFx(() -> shownWrongly(step.setup())), where);
                Optional<Node> outlined = onFx(() -> classroom().nodes().outlined());
                if (step.highlight().planned()) {
                    assertTrue(outlined.isEmpty(), where);
                    assertTrue(lookup("#lesson-note").queryAs(Label.class).getText().contains("not in this build"), where);
                } else {
                    assertEquals(ControlNodes.nodeId(step.highlight()), outlined.orElseThrow().getId(), where);
                }
            }
            assertTrue(onFx(() -> lookup("#lesson-next").query().isDisabled()), lesson.name() + " ends on its last step");
        }
    }

    /**
     * The window shows the trained models of {@code run}: the Compare tab its comparison's models, each
     * at the steps its run took; the Explore tab its model, of the kind and at the steps the run holds.
     */
    private void assertRunLoaded(ReadyRun run, String where) throws Exception {
        if (run.comparison()) {
            SavedComparison saved = ReadyRunFiles.loadComparison(run.name());
            long steps = saved.runs().get(0).state().steps();
            waitFor(90, () -> !app.compareViewModel().lifecycle().busyProperty().get()
                    && app.compareViewModel().lifecycle().snapshotProperty().get() != null
                    && app.compareViewModel().lifecycle().snapshotProperty().get().iteration() == steps);
            assertEquals(run.name(), onFx(() -> app.compareViewModel().openedFromProperty().get()), where);
            assertEquals(saved.preset(), onFx(() -> app.compareViewModel().presetProperty().get()), where);
            return;
        }
        SavedRun saved = ReadyRunFiles.load(run.name());
        waitFor(60, () -> viewModel().lifecycle().snapshotProperty().get() != null
                && viewModel().lifecycle().snapshotProperty().get().iteration() == saved.state().steps());
        assertEquals(saved.modelConfig().kind(), onFx(() -> viewModel().setupProperty().get().kind()), where);
        assertEquals(saved.modelConfig().latentSize(), onFx(() -> viewModel().setupProperty().get().latentSize()), where);
        assertEquals(saved.epochs(), onFx(() -> viewModel().lifecycle().snapshotProperty().get().epochs()), where);
    }

    /** The keys on which the window's state differs from the step's, beyond what this build cannot show. */
    private static List<String> differences(LessonStep step, Setup window) {
        List<String> differences = new ArrayList<>();
        for (SetupKey key : SetupKey.values()) {
            boolean plannedTool = key == SetupKey.TOOL && step.setup().tool().planned();
            if (!plannedTool && !key.write(step.setup()).equals(key.write(window))) {
                differences.add(key + ": " + key.write(window) + ", expected " + key.write(step.setup()));
            }
        }
        return differences;
    }

    /** Ids the setup shows whose node is not shown, and ids it hides whose node is. */
    private List<String> shownWrongly(Setup setup) {
        List<String> wrong = new ArrayList<>();
        ControlNodes nodes = classroom().nodes();
        for (ControlId id : ControlId.values()) {
            if (id.planned() || id == ControlId.LESSONS || id == ControlId.PRESENTATION || id == ControlId.MINIBATCH) {
                continue;
            }
            boolean onToolTab = id.parent().filter(p -> p.kind() == ControlId.Kind.TAB && p.parent().isPresent()).isPresent();
            if (onToolTab && setup.tool().planned()) {
                continue; // the tool tab shown is the one before, as this build has not the one the step names
            }
            Optional<Tab> tab = nodes.tab(id);
            boolean shown = tab.isPresent() ? tab.get().getTabPane() != null
                    : nodes.node(id).map(LessonWindowTest::treeVisible).orElse(false);
            if (shown != (tab.isPresent() ? setup.views().contains(id) : setup.shows(id))) {
                wrong.add(id + (shown ? " shown" : " hidden"));
            }
        }
        Tab selected = nodes.tab(setup.tab()).orElseThrow();
        if (!selected.isSelected()) {
            wrong.add(setup.tab() + " not selected");
        }
        return wrong;
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aBadLessonFileIsOneMessageNamingItsLineAndTheWindowGoesOn(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("beta.md");
        Files.writeString(file, "# What β does\n\n## 1. Train\n- higlight: train\n- action: press train\n\nPress Train.\n");
        boolean opened = onFx(() -> classroom().openLesson(file.toString()));
        assertFalse(opened);
        assertEquals(file + ", line 4: unknown key 'higlight'; did you mean 'highlight'? (a step's header takes highlight, action and the setup keys "
                + String.join(", ", SetupKey.names()) + ")", onFx(() -> viewModel().lifecycle().problemProperty().get()));
        assertFalse(onFx(() -> lookup("#lessons").query().isVisible()));
        clickOn("#step");
        waitFor(30, () -> viewModel().lifecycle().snapshotProperty().get().iteration() == 1);
    }

    @Test
    void aSavedSetupOpensAgainToTheSameWindow(@TempDir Path folder) throws Exception {
        Setup chosen = SetupFile.parse(String.join("\n", "model = ae", "latent = 3", "batch = 64", "seed = 7",
                "beta = 0.5", "schedule = warmup:1000", "lr = 0.003", "tool = interpolate", "pace = 5",
                "views = explore, scatter, loss-chart, samples, timeline, interpolate, grid",
                "controls = train, step, reset, set-a, set-b", "selected = 12"), "chosen.setup");
        Path file = folder.resolve("class.setup");
        Files.writeString(file, SetupFile.format(chosen));
        assertTrue(onFx(() -> classroom().openSetup(file)));
        waitFor(60, () -> !viewModel().lifecycle().busyProperty().get()
                && viewModel().scatter().selectedProperty().get() == 12);
        Path saved = folder.resolve("saved.setup");
        interact(() -> classroom().saveSetup(saved));
        assertEquals(chosen, SetupFile.read(saved));
        assertEquals(3, onFx(() -> viewModel().setupProperty().get().latentSize()));
        assertFalse(onFx(() -> treeVisible(lookup("#dataset").query()) || lookup("#tab-attributes").tryQuery().isPresent()));
        assertTrue(onFx(() -> lookup("#interpolation-set-a").query().isVisible()));
    }
}
