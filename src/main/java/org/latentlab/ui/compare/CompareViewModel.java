package org.latentlab.ui.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.latentlab.training.CompareSnapshot;
import org.latentlab.training.CompareTrainer;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.training.DecodeService;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.ReadyRunFiles;
import org.latentlab.training.SavedComparison;
import org.latentlab.ui.explorer.ExplorerSetup;
import org.latentlab.ui.explorer.TrainerLifecycle;
import org.latentlab.ui.explorer.TrainingCommands;

/**
 * The compare lab's state: the comparison being trained (its setup and its {@link CompareTrainer}),
 * one {@link ComparePanelViewModel} per model plus the PCA baseline, and what the panels share: the
 * axes of their scatters, the range of their loss curves, the selected probe image and the prior
 * samples. Once per frame {@link #pulse()} takes the trainer's latest snapshot, if it is new, to
 * every panel and to the rate–distortion curves.
 *
 * <p>The comparison trains on the Explore tab's dataset, network, batch size and seed. It is built
 * when the tab is first shown, and again when the Explore tab has moved to other data (after the
 * user agrees, if the models have trained); or it is opened from a saved comparison, whose
 * models go on training from where they stopped. Building (loading data, making the models, fitting
 * PCA) runs on {@code background}; the outcome comes back through {@code uiThread}.
 *
 * <p>Uses {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread,
 * with direct executors).
 */
public final class CompareViewModel implements AutoCloseable {

    static final double DEFAULT_LEARNING_RATE = 1e-3;
    private static final long FIRST_SAMPLE_SEED = 2013;

    private final CompareTrainerFactory factory;
    private final ObservableValue<ExplorerSetup> explorerSetup;
    private final TrainerLifecycle<CompareTrainer, CompareSnapshot> lifecycle;
    private final Executor worker;
    private final DecodeService decodes = new DecodeService();

    private final ReadOnlyObjectWrapper<ComparisonPreset> preset =
            new ReadOnlyObjectWrapper<>(this, "preset", ComparisonPreset.ABLATION);
    private final ReadOnlyDoubleWrapper learningRate = new ReadOnlyDoubleWrapper(this, "learningRate", DEFAULT_LEARNING_RATE);
    private final ReadOnlyObjectWrapper<CompareSetup> setup = new ReadOnlyObjectWrapper<>(this, "setup");
    private final ReadOnlyObjectWrapper<List<ComparePanelViewModel>> panels =
            new ReadOnlyObjectWrapper<>(this, "panels", List.of());
    private final SharedAxes shared = new SharedAxes();
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final ReadOnlyObjectWrapper<float[]> selectedImage = new ReadOnlyObjectWrapper<>(this, "selectedImage");
    private final ReadOnlyStringWrapper openedFrom = new ReadOnlyStringWrapper(this, "openedFrom");
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper(this, "selectionText",
            "Click a dot in any panel: the same held-out image is ringed in every panel.");

    private long sampleSeed = FIRST_SAMPLE_SEED;
    /** The Explore tab's setup the user chose not to follow; not asked about again. */
    private ExplorerSetup declined;

    /**
     * @param explorerSetup the Explore tab's setup, whose data and network the comparison shares
     */
    public CompareViewModel(CompareTrainerFactory factory, ObservableValue<ExplorerSetup> explorerSetup,
                            Executor background, Executor uiThread) {
        this.factory = factory;
        this.explorerSetup = explorerSetup;
        this.worker = background;
        this.lifecycle = new TrainerLifecycle<>(background, uiThread,
                "The comparison is built when this tab is first shown.", "No comparison", CompareStatus::line);
        lifecycle.watch(decodes::problem);
        shared.wholeSpaceProperty().addListener(o -> refreshShared());
    }

    // ---- building -----------------------------------------------------------------------------------

    /**
     * Called when the tab is shown: builds the comparison if there is none, or if the Explore tab
     * has moved to other data or another network since it was built (ask {@link #activationQuestion}
     * first). Does nothing while a comparison is being built.
     */
    public void activate() {
        ExplorerSetup source = explorerSetup.getValue();
        if (lifecycle.busyProperty().get() || source == null) {
            return;
        }
        CompareSetup current = setup.get();
        if (current == null || !current.follows(source) && !source.equals(declined)) {
            build(new CompareSetup(source, preset.get(), learningRate.get()));
        }
    }

    /**
     * The question to ask before {@link #activate} replaces trained models because the Explore tab
     * moved to other data; {@code null} when nothing would be lost.
     */
    public String activationQuestion() {
        ExplorerSetup source = explorerSetup.getValue();
        CompareSetup current = setup.get();
        if (source == null || current == null || current.follows(source) || source.equals(declined)
                || !lifecycle.isTrained()) {
            return null;
        }
        return String.format(Locale.ROOT, "The models here trained for %,d iterations on %s. The Explore tab now "
                + "uses %s. Train a new comparison on that?", iteration(), current.describeSource(),
                CompareSetup.describe(source));
    }

    /**
     * Keeps the comparison although the Explore tab moved on, and does not ask again until the
     * Explore tab moves once more; says so in the banner.
     */
    public void keepComparison() {
        CompareSetup current = setup.get();
        declined = explorerSetup.getValue();
        if (current != null) {
            lifecycle.report("This comparison stays on " + current.describeSource()
                    + ", which the Explore tab no longer uses.");
        }
    }

    /** The question to ask before {@link #choosePreset}; {@code null} when nothing would be lost. */
    public String presetQuestion(ComparisonPreset next) {
        if (next.equals(preset.get()) || !lifecycle.isTrained()) {
            return null;
        }
        return String.format(Locale.ROOT, "The models here trained for %,d iterations. Another set of models starts "
                + "untrained. Discard these?", iteration());
    }

    /** Trains {@code next}'s models instead (ask {@link #presetQuestion} first). */
    public void choosePreset(ComparisonPreset next) {
        if (next.equals(preset.get())) {
            return;
        }
        preset.set(next);
        CompareSetup current = setup.get();
        if (current != null) {
            build(current.withPreset(next));
        }
    }

    /** Sets every model's learning rate, from the next iteration on. */
    public void setLearningRate(double rate) {
        CompareSetup current = setup.get();
        if (current != null) {
            current = current.withLearningRate(rate); // rejects a bad rate before anything changes
            setup.set(current);
        }
        learningRate.set(rate);
        CompareTrainer trainer = lifecycle.trainer();
        if (trainer != null && !lifecycle.busyProperty().get()) {
            trainer.setLearningRate(rate);
        }
    }

    /**
     * The question to ask before {@link #openComparison} or {@link #openReadyComparison} replaces
     * trained models with {@code what}; {@code null} when nothing would be lost.
     */
    public String openQuestion(String what) {
        if (!lifecycle.isTrained()) {
            return null;
        }
        return String.format(Locale.ROOT, "The models here trained for %,d iteration%s. Opening %s replaces them. "
                + "Discard these?", iteration(), iteration() == 1 ? "" : "s", what);
    }

    /**
     * Goes on training the comparison that {@code train --compare} saved in {@code folder}, in place
     * of the models here (ask {@link #openQuestion} first); a folder that holds none is said in the banner.
     */
    public void openComparison(Path folder) {
        open(folder.toString(), "Opening the comparison in " + folder + "…", () -> SavedComparison.load(folder));
    }

    /** Goes on training the ready-trained comparison {@code name} shipped with the application (ask first). */
    public void openReadyComparison(String name) {
        open(name, "Loading the ready-trained comparison " + name + "…", () -> ReadyRunFiles.loadComparison(name));
    }

    private void open(String source, String message, Supplier<SavedComparison> load) {
        String before = openedFrom.get();
        openedFrom.set(source);
        lifecycle.build(message, () -> factory.open(load.get()), CompareTrainerFactory.Opened::trainer,
                opened -> {
                    lifecycle.dismissProblem(); // a failed open before this one is over
                    install(opened.setup());
                }, () -> openedFrom.set(before));
    }

    private void build(CompareSetup target) {
        String before = openedFrom.get();
        openedFrom.set(null);
        lifecycle.build("Loading " + target.source().datasetSpec() + " and building "
                        + target.preset().variants().size() + " models and the PCA baseline…",
                () -> factory.create(target), built -> built, built -> install(target), () -> {
                    preset.set(setup.get() == null ? target.preset() : setup.get().preset());
                    openedFrom.set(before);
                });
    }

    private void install(CompareSetup target) {
        setup.set(target);
        preset.set(target.preset());
        learningRate.set(target.learningRate());
        selected.set(-1);
        selectedImage.set(null);
        List<ComparePanelViewModel> made = new ArrayList<>();
        for (int i = 0; i < target.preset().variants().size(); i++) {
            made.add(ComparePanelViewModel.ofModel(target.preset().variants().get(i), i, decodes, worker));
        }
        made.add(ComparePanelViewModel.ofBaseline());
        for (ComparePanelViewModel panel : made) {
            panel.shownProperty().addListener(o -> refreshShared());
        }
        panels.set(List.copyOf(made));
        pulse();
    }

    // ---- every frame --------------------------------------------------------------------------------

    /** Called once per frame: takes a new snapshot to every panel and picks up finished decodes. */
    public void pulse() {
        CompareSnapshot latest = lifecycle.pulse();
        if (latest != null) {
            show(latest);
        }
        boolean moved = false;
        for (ComparePanelViewModel panel : panels.get()) {
            moved |= panel.pulse();
        }
        if (moved) {
            refreshShared();
        }
    }

    private void show(CompareSnapshot s) {
        List<ComparePanelViewModel> current = panels.get();
        for (int i = 0; i < s.variants().size() && i < current.size(); i++) {
            current.get(i).update(s.variants().get(i));
        }
        ComparePanelViewModel baseline = current.get(current.size() - 1);
        if (s.baseline() != null && baseline.isBaseline()) {
            baseline.showBaseline(s.baseline());
        }
        if (selectedImage.get() == null && selected.get() >= 0) {
            select(selected.get());
        }
        refreshShared();
    }

    private void refreshShared() {
        shared.refresh(panels.get());
    }

    // ---- commands -----------------------------------------------------------------------------------

    /**
     * Train / Pause, Step (every model on one minibatch, the same for all) and Reset (every model
     * back to its first weights, from the same seeds).
     */
    public TrainingCommands commands() {
        return lifecycle.commands();
    }

    private long iteration() {
        return lifecycle.snapshotProperty().get().iteration();
    }

    /**
     * Selects probe image {@code index} in every panel at once (probe i is the same held-out image
     * in each), or clears the selection with −1.
     */
    public void select(int index) {
        ProbeSet probe = probeSet();
        if (probe == null || index < 0 || index >= probe.size()) {
            index = -1;
        }
        selected.set(index);
        for (ComparePanelViewModel panel : panels.get()) {
            panel.select(index);
        }
        if (index < 0) {
            selectedImage.set(null);
            selectionText.set("Click a dot in any panel: the same held-out image is ringed in every panel.");
            return;
        }
        selectedImage.set(probe.image(index));
        int label = probe.labels()[index];
        String name = label >= 0 && label < probe.classNames().size()
                ? "“" + probe.classNames().get(label) + "”" : "unlabelled";
        selectionText.set(String.format(Locale.ROOT, "Held-out image %d, %s, ringed in every panel", index + 1, name));
    }

    private ProbeSet probeSet() {
        for (ComparePanelViewModel panel : panels.get()) {
            if (panel.probe() != null) {
                return panel.probe();
            }
        }
        return null;
    }

    /** Shows what {@code panel}'s model decodes from z ~ N(0, I), the same z as every other panel's. */
    public void showSamples(ComparePanelViewModel panel) {
        panel.showSamples(sampleSeed);
    }

    /** Shows every panel's images decoded from the same prior samples. */
    public void showSamplesEverywhere() {
        for (ComparePanelViewModel panel : panels.get()) {
            panel.showSamples(sampleSeed);
        }
    }

    /** Draws new prior samples, the same new z for every panel that shows them. */
    public void newSamples() {
        sampleSeed++;
        for (ComparePanelViewModel panel : panels.get()) {
            panel.reseedSamples(sampleSeed);
        }
    }

    /**
     * Stops the trainer and the decoder; returns at once.
     *
     * @return completes when both have ended
     */
    public CompletableFuture<Void> shutDown() {
        CompletableFuture<Void> trainerEnded = lifecycle.close();
        return CompletableFuture.allOf(trainerEnded, CompletableFuture.runAsync(decodes::close));
    }

    /** {@link #shutDown()}, without waiting. */
    @Override
    public void close() {
        shutDown();
    }

    // ---- properties ---------------------------------------------------------------------------------

    /**
     * What the models were opened from: the name of a ready-trained comparison or a folder, as given
     * to {@link #openReadyComparison} or {@link #openComparison} (set while it is being opened);
     * {@code null} when they were built here.
     */
    public ReadOnlyStringProperty openedFromProperty() {
        return openedFrom.getReadOnlyProperty();
    }

    /** The comparison offered or trained now. */
    public ReadOnlyObjectProperty<ComparisonPreset> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty learningRateProperty() {
        return learningRate.getReadOnlyProperty();
    }

    /** The setup of the models being trained; {@code null} before the first is built. */
    public ReadOnlyObjectProperty<CompareSetup> setupProperty() {
        return setup.getReadOnlyProperty();
    }

    /** The panels in order: one per model, then the PCA baseline. */
    public ReadOnlyObjectProperty<List<ComparePanelViewModel>> panelsProperty() {
        return panels.getReadOnlyProperty();
    }

    /** The probe image selected in every panel, or −1. */
    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<float[]> selectedImageProperty() {
        return selectedImage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionTextProperty() {
        return selectionText.getReadOnlyProperty();
    }

    /** What the shown panels share: the scatters' axes, the loss axis, the rate–distortion curves. */
    public SharedAxes sharedAxes() {
        return shared;
    }

    /** The trainer, its snapshots, state, status line and banner. */
    public TrainerLifecycle<CompareTrainer, CompareSnapshot> lifecycle() {
        return lifecycle;
    }
}
