package org.latentlab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.lesson.ControlId;
import org.latentlab.lesson.Lesson;
import org.latentlab.lesson.LessonFile;
import org.latentlab.lesson.Setup;
import org.latentlab.lesson.SetupFile;
import org.latentlab.model.ModelKind;
import org.latentlab.training.Pace;
import org.latentlab.training.SavedRun;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainingSession;
import org.latentlab.ui.Pulses;
import org.latentlab.ui.attributes.LatentToolsViewModel;
import org.latentlab.ui.explorer.ExplorerSetup;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.latentlab.ui.explorer.TrainerFactory;

/** Setups and lesson steps applied to the explorer's view-models and read back, without a toolkit. */
class WindowSetupTest {

    /** Trains small models on 4×4 bars whatever the dataset named. */
    static final class BarsFactory implements TrainerFactory {
        @Override
        public Trainer create(ExplorerSetup setup) {
            return new Trainer(() -> new TrainingSession(TestDatasets.bars(256, 1), TestDatasets.bars(64, 2),
                    TestDatasets.smallModel(setup.kind(), setup.latentSize()).withSeed(setup.seed()),
                    setup.trainingConfig()));
        }

        @Override
        public Opened open(SavedRun run) {
            throw new UnsupportedOperationException("no runs here");
        }
    }

    private final ExplorerViewModel explorer = new ExplorerViewModel(new BarsFactory(), Runnable::run, Runnable::run);
    private final SimpleBooleanProperty presentation = new SimpleBooleanProperty();
    private final List<String> asked = new java.util.ArrayList<>();
    /** Non-null: the user keeps the trained model when asked. */
    private String keep;
    private final WindowSetup window = new WindowSetup(explorer, null, presentation, (title, question, yes, no) -> asked.add(question) && keep == null);

    WindowSetupTest() throws InterruptedException {
        explorer.start(ExplorerSetup.defaults());
        awaitModel();
    }

    @AfterEach
    void close() {
        explorer.close();
    }

    private void awaitModel() throws InterruptedException {
        Pulses.until("a model", explorer::pulse, () -> !explorer.lifecycle().busyProperty().get()
                && explorer.scatter().pointsProperty().get() != null, explorer.lifecycle().statusProperty()::get);
    }

    @Test
    void aSetupAppliedToTheWindowReadsBackEqualKeyForKey() throws InterruptedException {
        Setup chosen = SetupFile.parse(String.join("\n", "model = ae", "latent = 3", "batch = 64", "seed = 7",
                "beta = 0.5", "schedule = cyclical:1000", "lr = 0.0003", "tool = draw", "pace = 20",
                "presentation = on", "views = explore, scatter, samples, draw", "controls = train, step, draw-clear",
                "selected = 5"), "chosen.setup");
        window.apply(chosen);
        awaitModel();
        assertEquals(new ExplorerSetup("mnist", ModelKind.AUTOENCODER, 3, 64, 7, 0.5, ExplorerSetup.Schedule.CYCLICAL,
                3e-4), explorer.setupProperty().get());
        assertEquals(LatentToolsViewModel.Tool.DRAWING, explorer.tools().toolProperty().get());
        assertEquals(new Pace(20), explorer.lifecycle().paceProperty().get());
        assertTrue(presentation.get());
        assertEquals(5, explorer.scatter().selectedProperty().get());
        assertEquals(Set.of(ControlId.TRAIN, ControlId.STEP, ControlId.DRAW_CLEAR), window.controlsProperty().get());
        assertTrue(window.advancedHiddenProperty().get());
        assertEquals(chosen, window.current());
        assertEquals(chosen, SetupFile.parse(SetupFile.format(window.current()), "saved.setup"));
        assertNull(explorer.lifecycle().problemProperty().get());
    }

    @Test
    void aSetupThatNeedsANewModelAsksBeforeThrowingATrainedOneAway() throws InterruptedException {
        explorer.step();
        Pulses.until("one step", explorer::pulse, () -> explorer.lifecycle().isTrained(),
                explorer.lifecycle().statusProperty()::get);
        keep = "yes";
        window.apply(SetupFile.parse("latent = 3\npace = 5\n", "three.setup"));
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).startsWith("The current model has trained for 1 iteration. A 3-D latent space needs a new"
                + " model"), asked.get(0));
        assertEquals(2, explorer.setupProperty().get().latentSize(), "kept");
        assertEquals(new Pace(5), explorer.lifecycle().paceProperty().get(), "the rest applied");
        keep = null;
        window.apply(SetupFile.parse("latent = 3\n", "three.setup"));
        awaitModel();
        assertEquals(2, asked.size());
        assertEquals(3, explorer.setupProperty().get().latentSize(), "discarded when the user agrees");
    }

    @Test
    void hideAdvancedControlsLeavesTheSetupsChoiceOrAFewAndShowsAllAgain() {
        window.advancedHiddenProperty().set(true);
        assertEquals(WindowSetup.FEW_CONTROLS, window.controlsProperty().get());
        window.advancedHiddenProperty().set(false);
        assertEquals(Setup.ALL_CONTROLS, window.controlsProperty().get());
        window.apply(Setup.defaults().with(java.util.Map.of(org.latentlab.lesson.SetupKey.CONTROLS, "train, beta-slider")));
        window.advancedHiddenProperty().set(false);
        assertEquals(Setup.ALL_CONTROLS, window.controlsProperty().get());
        window.advancedHiddenProperty().set(true);
        assertEquals(Set.of(ControlId.TRAIN, ControlId.BETA_SLIDER), window.controlsProperty().get());
    }

    @Test
    void whatThisBuildCannotShowIsSaidInTheBannerAndTheRestApplied() throws InterruptedException {
        window.apply(SetupFile.parse("tool = outliers\nhidden = 512,256\nlatent = 4\n", "t.setup"));
        awaitModel();
        assertEquals(LatentToolsViewModel.Tool.OUTLIERS, explorer.tools().toolProperty().get());
        assertEquals("Not in this build of Latent Lab: hidden = 512,256 (the window trains with 256).",
                explorer.lifecycle().problemProperty().get());
        assertEquals(4, explorer.setupProperty().get().latentSize());
    }

    @Test
    void nextKeepsWhatTheClassChangedAndBackRestoresTheStepsWholeState() throws InterruptedException {
        Lesson lesson = LessonFile.parse(String.join("\n", "# β", "", "## 1. Train", "- beta: 2", "- highlight: train",
                "- action: press train", "", "Press **Train**: the loss is", "reconstruction + β·KL.", "",
                "A second `paragraph`.", "", "## 2. Log scale", "- highlight: log-scale", "- action: toggle log-scale",
                "", "Switch on the log scale.", "", "## 3. Latent", "- latent: 3", "- highlight: outliers",
                "- action: press train", "", "Three numbers."), "beta", "beta.md");
        List<String> problems = new java.util.ArrayList<>();
        LessonViewModel lessons = new LessonViewModel(window, problems::add);
        lessons.open(lesson);
        assertEquals("Step 1 of 3", lessons.positionProperty().get());
        assertEquals("Press Train: the loss is reconstruction + β·KL.\n\nA second paragraph.", lessons.textProperty().get());
        assertEquals("Your turn: press train", lessons.actionProperty().get());
        assertEquals(2.0, explorer.setupProperty().get().beta());
        assertFalse(lessons.canGoBackProperty().get());
        explorer.apply(explorer.setupProperty().get().withBeta(3.5)); // the class drags β
        lessons.next();
        assertEquals(3.5, explorer.setupProperty().get().beta(), "a step that does not set β keeps the class's");
        assertEquals(ControlId.LOG_SCALE, lessons.highlightProperty().get());
        assertEquals("", lessons.noteProperty().get());
        lessons.next();
        awaitModel();
        assertEquals(3, explorer.setupProperty().get().latentSize());
        assertFalse(lessons.canGoOnProperty().get());
        assertEquals(ControlId.OUTLIERS, lessons.highlightProperty().get());
        assertEquals("", lessons.noteProperty().get(), "the Outliers tab is in this build");
        lessons.back();
        awaitModel();
        assertEquals(2, explorer.setupProperty().get().latentSize());
        assertEquals(2.0, explorer.setupProperty().get().beta(), "back: the step's whole state");
        lessons.close();
        assertNull(lessons.highlightProperty().get());
        assertFalse(lessons.shownProperty().get());
        assertEquals(List.of(), problems);
    }
}
