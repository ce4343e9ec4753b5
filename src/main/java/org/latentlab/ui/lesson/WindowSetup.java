package org.latentlab.ui.lesson;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.lesson.ControlId;
import org.latentlab.lesson.ReadyRun;
import org.latentlab.lesson.Setup;
import org.latentlab.lesson.SetupKey;
import org.latentlab.training.Pace;
import org.latentlab.ui.attributes.LatentToolsViewModel;
import org.latentlab.ui.compare.CompareViewModel;
import org.latentlab.ui.explorer.Confirmation;
import org.latentlab.ui.explorer.ExplorerSetup;
import org.latentlab.ui.explorer.ExplorerViewModel;

/**
 * The whole window as a {@link Setup}: applies one (a lesson's step, a setup file) through the
 * view-models — the model and its training, a ready-trained run, the tab and tool shown, the views
 * and controls left visible, the pace, presentation mode, the selected image — and reads the
 * window's state back as one, for File → Save setup. Keys the window does not act on yet (the
 * units, a network other than the reference one) are kept as they were applied, so a setup saved
 * after opening one reads back equal. Uses {@code javafx.beans} only; confined to the JavaFX
 * application thread (or a test's thread).
 */
public final class WindowSetup {

    /** The controls "Hide advanced controls" leaves when no setup has chosen others. */
    public static final Set<ControlId> FEW_CONTROLS = Set.of(ControlId.TRAIN, ControlId.STEP, ControlId.RESET,
            ControlId.PACE, ControlId.BETA_SLIDER, ControlId.COMPARE_TRAIN, ControlId.COMPARE_STEP,
            ControlId.COMPARE_RESET);

    private static final Map<ControlId, LatentToolsViewModel.Tool> TOOLS = new EnumMap<>(Map.of(
            ControlId.GRID, LatentToolsViewModel.Tool.GRID,
            ControlId.ATTRIBUTES, LatentToolsViewModel.Tool.ATTRIBUTES,
            ControlId.INTERPOLATE, LatentToolsViewModel.Tool.INTERPOLATION,
            ControlId.DRAW, LatentToolsViewModel.Tool.DRAWING,
            ControlId.LIKELIHOOD, LatentToolsViewModel.Tool.LIKELIHOOD,
            ControlId.OUTLIERS, LatentToolsViewModel.Tool.OUTLIERS,
            ControlId.CONDITIONAL, LatentToolsViewModel.Tool.CONDITIONAL));

    private final ExplorerViewModel explorer;
    private final CompareViewModel compare;
    private final BooleanProperty presentation;
    private final Confirmation confirmation;
    private final ObjectProperty<ControlId> tab = new SimpleObjectProperty<>(this, "tab", ControlId.EXPLORE);
    private final ReadOnlyObjectWrapper<Set<ControlId>> views = new ReadOnlyObjectWrapper<>(this, "views", Setup.ALL_VIEWS);
    private final ReadOnlyObjectWrapper<Set<ControlId>> controls =
            new ReadOnlyObjectWrapper<>(this, "controls", Setup.ALL_CONTROLS);
    private final BooleanProperty advancedHidden = new SimpleBooleanProperty(this, "advancedHidden");
    /** The controls a setup chose to leave; what "Hide advanced controls" leaves. */
    private Set<ControlId> chosenControls = FEW_CONTROLS;
    /** The setup applied last: the keys the window does not hold come from it. */
    private Setup applied = Setup.defaults();
    /** The ready run the model was last started from, if any. */
    private Optional<ReadyRun> loadedRun = Optional.empty();
    private int pendingSelection = Setup.NO_SELECTION;
    private boolean applying;

    /**
     * @param presentation presentation mode, as the View menu switches it
     * @param confirmation asks before a setup throws a trained model away
     */
    public WindowSetup(ExplorerViewModel explorer, CompareViewModel compare, BooleanProperty presentation,
                       Confirmation confirmation) {
        this.confirmation = confirmation;
        this.explorer = explorer;
        this.compare = compare;
        this.presentation = presentation;
        explorer.scatter().pointsProperty().addListener((o, was, now) -> selectPending());
        advancedHidden.addListener((o, was, now) -> {
            if (!applying) {
                controls.set(now ? chosenControls : Setup.ALL_CONTROLS);
            }
        });
    }

    /**
     * Makes the window show {@code setup}. A ready run is loaded only when it is not the one loaded
     * already; what the window cannot do yet (a planned view, a network other than the reference
     * one) is said in the banner, and the rest applied.
     */
    public void apply(Setup setup) {
        applied = setup;
        List<String> notYet = new ArrayList<>();
        ExplorerSetup next = explorerSetup(setup, notYet);
        Optional<ReadyRun> run = setup.run();
        Optional<ReadyRun> single = run.filter(r -> !r.planned() && !r.comparison());
        boolean loadRun = single.isPresent() && !single.equals(loadedRun);
        if (run.isPresent() && run.get().planned()) {
            notYet.add("the ready-trained run '" + run.get().name() + "'");
        }
        if (keepsTrainedModel(next, loadRun ? single.get() : null)) {
            explorer.lifecycle().say("Kept the trained model: the rest of the setup is applied.");
        } else if (loadRun) {
            explorer.openReadyRun(single.get().name(), next);
            loadedRun = single;
        } else {
            explorer.apply(next);
            loadedRun = single;
        }
        if (compare != null && run.isPresent() && run.get().comparison()) {
            openComparison(run.get());
        } else if (compare != null && !setup.compare().equals(compare.presetProperty().get())) {
            compare.choosePreset(setup.compare());
        }
        LatentToolsViewModel.Tool tool = TOOLS.get(setup.tool());
        if (tool == null) {
            notYet.add("the " + setup.tool() + " tab");
        } else {
            explorer.tools().toolProperty().set(tool);
        }
        explorer.lifecycle().paceProperty().set(setup.pace() == Setup.FULL_SPEED ? Pace.FULL : new Pace(setup.pace()));
        presentation.set(setup.presentation());
        views.set(setup.views());
        applying = true;
        controls.set(setup.controls());
        if (!setup.controls().equals(Setup.ALL_CONTROLS)) {
            chosenControls = setup.controls();
        }
        advancedHidden.set(!setup.controls().equals(Setup.ALL_CONTROLS));
        applying = false;
        tab.set(setup.tab()); // after the views, which may bring its tab back
        pendingSelection = setup.selectedImage();
        if (pendingSelection == explorer.scatter().selectedProperty().get()) {
            pendingSelection = Setup.NO_SELECTION; // selected already
        } else if (pendingSelection == Setup.NO_SELECTION) {
            explorer.scatter().select(Setup.NO_SELECTION);
        }
        selectPending();
        if (!notYet.isEmpty()) {
            explorer.lifecycle().report("Not in this build of Latent Lab: " + String.join("; ", notYet) + ".");
        }
    }

    /**
     * Whether the user chose to keep a trained model that going to {@code next} (or loading
     * {@code run}, if not {@code null}) would throw away; asks only when there is one.
     */
    private boolean keepsTrainedModel(ExplorerSetup next, ReadyRun run) {
        String question = run != null && explorer.lifecycle().isTrained()
                ? "The current model has been trained. This step starts from the ready-trained run '" + run.name()
                        + "' instead. Discard the trained model?"
                : explorer.discardQuestion(next);
        return question != null && !confirmation.confirm("Go on with a new model", question, "Discard and go on",
                "Keep the trained model");
    }

    /**
     * Opens the ready-trained comparison {@code run} in the Compare tab, unless its models are
     * there already; asks before trained models are thrown away.
     */
    private void openComparison(ReadyRun run) {
        if (run.name().equals(compare.openedFromProperty().get())) {
            return;
        }
        String question = compare.openQuestion("the ready-trained comparison '" + run.name() + "'");
        if (question != null && !confirmation.confirm("Go on with other models", question, "Discard and go on",
                "Keep the trained models")) {
            explorer.lifecycle().say("Kept the trained comparison: the rest of the setup is applied.");
            return;
        }
        compare.openReadyComparison(run.name());
    }

    /** The window's state now, as a setup that {@link #apply} brings back. */
    public Setup current() {
        ExplorerSetup now = explorer.setupProperty().get();
        Map<SetupKey, String> state = new EnumMap<>(SetupKey.class);
        if (now != null) {
            state.put(SetupKey.DATASET, now.datasetSpec());
            state.put(SetupKey.MODEL, now.kind().cliName());
            state.put(SetupKey.LATENT, Integer.toString(now.latentSize()));
            state.put(SetupKey.DECODER, now.decoder().cliName());
            state.put(SetupKey.BATCH, Integer.toString(now.batchSize()));
            state.put(SetupKey.SEED, Long.toString(now.seed()));
            state.put(SetupKey.BETA, Double.toString(now.beta()));
            state.put(SetupKey.SCHEDULE, now.schedule().toSchedule(now.beta()).describe());
            state.put(SetupKey.LR, Double.toString(now.learningRate()));
        }
        TOOLS.forEach((id, tool) -> {
            if (explorer.tools().toolProperty().get() == tool && views.get().contains(id)) {
                state.put(SetupKey.TOOL, id.id());
            }
        });
        if (views.get().contains(tab.get())) {
            state.put(SetupKey.TAB, tab.get().id());
        }
        if (compare != null) {
            state.put(SetupKey.COMPARE, compare.presetProperty().get().name());
        }
        state.put(SetupKey.VIEWS, ids(views.get()));
        state.put(SetupKey.CONTROLS, ids(controls.get()));
        int selected = explorer.scatter().selectedProperty().get();
        int selection = selected >= 0 ? selected : pendingSelection;
        state.put(SetupKey.SELECTED, selection < 0 ? "none" : Integer.toString(selection));
        Pace pace = explorer.lifecycle().paceProperty().get();
        state.put(SetupKey.PACE, pace.isFull() ? "full" : Integer.toString(pace.iterationsPerSecond()));
        state.put(SetupKey.PRESENTATION, presentation.get() ? "on" : "off");
        return applied.with(state);
    }

    private static String ids(Set<ControlId> ids) {
        return ids.isEmpty() ? "none" : String.join(",", ids.stream().map(ControlId::id).sorted().toList());
    }

    /** The explorer's part of {@code setup}; what it cannot hold goes into {@code notYet}. */
    static ExplorerSetup explorerSetup(Setup setup, List<String> notYet) {
        ExplorerSetup.Schedule schedule = ExplorerSetup.Schedule.CONSTANT;
        boolean offered = false;
        for (ExplorerSetup.Schedule s : ExplorerSetup.Schedule.values()) {
            if (s.toSchedule(1).describe().equals(setup.beta().describe())) {
                schedule = s;
                offered = true;
            }
        }
        if (!offered) {
            notYet.add("schedule = " + setup.beta().describe() + " (the window offers constant, warmup:1000 and "
                    + "cyclical:1000; constant β is used)");
        }
        Setup window = Setup.defaults().with(Map.of(SetupKey.DECODER, setup.decoder().cliName()));
        for (SetupKey key : List.of(SetupKey.HIDDEN, SetupKey.ACTIVATION, SetupKey.DECODER_STD, SetupKey.EPOCHS,
                SetupKey.UNITS)) {
            if (!key.write(setup).equals(key.write(window))) {
                notYet.add(key + " = " + key.write(setup) + " (the window trains with " + key.write(window) + ")");
            }
        }
        return new ExplorerSetup(setup.dataset(), setup.model(), setup.latentSize(), setup.batchSize(), setup.seed(),
                setup.beta().target(), schedule, setup.learningRate(), setup.decoder());
    }

    /** Selects the image a setup named once the model it is on shows its points (a new model's, if one is being built). */
    private void selectPending() {
        if (pendingSelection != Setup.NO_SELECTION && !explorer.lifecycle().busyProperty().get()
                && explorer.scatter().pointsProperty().get() != null) {
            explorer.scatter().select(pendingSelection);
            pendingSelection = Setup.NO_SELECTION;
        }
    }

    /** The main tab shown: {@link ControlId#EXPLORE} or {@link ControlId#COMPARE}; the window follows it both ways. */
    public ObjectProperty<ControlId> tabProperty() {
        return tab;
    }

    /** The tabs and views shown; the others are hidden. */
    public ReadOnlyObjectProperty<Set<ControlId>> viewsProperty() {
        return views.getReadOnlyProperty();
    }

    /** The controls shown; the others are hidden. */
    public ReadOnlyObjectProperty<Set<ControlId>> controlsProperty() {
        return controls.getReadOnlyProperty();
    }

    /** "Hide advanced controls": on leaves the controls a setup chose (or {@link #FEW_CONTROLS}), off shows all. */
    public BooleanProperty advancedHiddenProperty() {
        return advancedHidden;
    }
}
