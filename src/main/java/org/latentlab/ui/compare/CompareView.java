package org.latentlab.ui.compare;

import static org.latentlab.ui.explorer.TrainingToolbar.group;
import static org.latentlab.ui.explorer.TrainingToolbar.labelled;
import static org.latentlab.ui.explorer.TrainingToolbar.showing;
import static org.latentlab.ui.explorer.TrainingToolbar.tip;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentlab.lesson.ControlId;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.ui.explorer.Confirmation;
import org.latentlab.ui.explorer.ProblemLine;
import org.latentlab.ui.explorer.PulseTimer;
import org.latentlab.ui.explorer.StatusBar;
import org.latentlab.ui.explorer.TrainingButtons;
import org.latentlab.ui.explorer.TrainingKeys;
import org.latentlab.ui.plot.AxisMapping;


import org.latentlab.ui.plot.PlotTheme;
import org.latentlab.ui.plot.Themed;

/**
 * The compare lab's tab: its own training controls (which models, learning rate, Train / Pause,
 * Step, Reset, which panels to show, the scatters' axes), one column per model and one for PCA,
 * the rate–distortion plot, the selected image with every model's reconstruction of it, and a
 * status bar. An {@link AnimationTimer} takes the compare trainer's latest snapshot once per frame.
 * Confined to the JavaFX application thread.
 */
public final class CompareView extends BorderPane implements Themed {

    static final List<Double> LEARNING_RATES = List.of(1e-4, 3e-4, 1e-3, 3e-3, 1e-2);
    private static final String STYLESHEET = "compare.css";
    /** The panels' text and ticks, relative to the window's. */
    private static final double PANEL_FONT_SCALE = 0.75;

    private final CompareViewModel viewModel;
    private final Confirmation confirmation;
    private final Button train = new Button("Train");
    private final Button step = new Button("Step");
    private final Button reset = new Button("Reset");
    private final ChoiceBox<ComparisonPreset> preset =
            new ChoiceBox<>(FXCollections.observableArrayList(CompareSetup.PRESETS));
    private final ComboBox<Double> learningRate = new ComboBox<>(FXCollections.observableArrayList(LEARNING_RATES));
    private final ToggleButton wholeSpace = new ToggleButton("Whole latent space");
    private final Button samplesEverywhere = new Button("Prior samples in every panel");
    private final FlowPane shownChoices = new FlowPane(12, 4);
    private final Label source = new Label();
    private final Label axes = new Label();
    private final ProblemLine problem;
    private final HBox panelsBox = new HBox(8);
    private final CompareSide side;
    private final AnimationTimer frames;
    private List<ComparePanelView> panelViews = List.of();
    private PlotTheme theme = PlotTheme.LIGHT;
    private boolean syncing;

    public CompareView(CompareViewModel viewModel, Confirmation confirmation) {
        this.viewModel = viewModel;
        this.confirmation = confirmation;
        this.side = new CompareSide(viewModel);
        this.problem = new ProblemLine(viewModel.lifecycle());
        this.frames = new PulseTimer(viewModel::pulse);
        initGraphics();
        registerListeners();
        getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
        frames.start();
    }

    private void initGraphics() {
        getStyleClass().add("compare-lab");
        train.setId("compare-train");
        train.getStyleClass().add("accent");
        train.setMinWidth(96);
        tip(train, "Train every model on the same minibatches, one after the other on one thread, or pause them (Space)");
        step.setId("compare-step");
        tip(step, "Train every model on one minibatch, the same for all, then pause (S)");
        reset.setId("compare-reset");
        tip(reset, "Throw the models away and start them again from the same random weights (R)");
        preset.setId("compare-preset");
        preset.setConverter(showing(CompareSetup::label));
        tip(preset, "Ablation: why the KL term is there. β sweep: what its weight does. Another choice trains new models");
        learningRate.setId("compare-learning-rate");
        learningRate.setConverter(showing(AxisMapping::label));
        tip(learningRate, "Adam's step size for every model; changes the running models");
        wholeSpace.setId("compare-whole-space");
        tip(wholeSpace, "Fit the axes to the farthest code of any panel; otherwise they show ±4 around the origin, "
                + "where the prior N(0, I) puts nearly all its mass, and each panel counts the codes outside");
        samplesEverywhere.setId("compare-samples-everywhere");
        tip(samplesEverywhere, "Decode the same 16 points z ~ N(0, I) with every model: what each one generates");
        axes.getStyleClass().add("note");
        axes.setId("compare-axes");
        source.getStyleClass().add("note");
        source.setWrapText(true);
        Label show = new Label("Show");
        show.getStyleClass().add("control-label");
        shownChoices.getChildren().add(show);
        shownChoices.setAlignment(Pos.CENTER_LEFT);

        FlowPane controls = new FlowPane(14, 6,
                group(train, step, reset),
                new Separator(Orientation.VERTICAL),
                labelled("Models", preset),
                labelled("Learning rate", learningRate),
                samplesEverywhere);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(shownChoices, Priority.ALWAYS);
        shownChoices.setPrefWrapLength(900);
        HBox view = new HBox(10, shownChoices, wholeSpace, axes);
        view.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, controls, view, source, problem);
        top.setPadding(new Insets(6, 10, 6, 10));
        top.getStyleClass().add("training-toolbar");
        setTop(top);

        panelsBox.setFillHeight(true);
        panelsBox.setPadding(new Insets(6));
        ScrollPane scroller = new ScrollPane(panelsBox);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.getStyleClass().add("compare-panels");
        scroller.setId(ControlId.COMPARE_PANELS.id());
        HBox.setHgrow(scroller, Priority.ALWAYS);
        setCenter(new HBox(scroller, side));

        setBottom(new StatusBar("compare-", viewModel.lifecycle().statusProperty(),
                viewModel.lifecycle().epochProgressProperty()));
    }

    private void registerListeners() {
        train.setOnAction(e -> viewModel.commands().trainOrPause());
        step.setOnAction(e -> viewModel.commands().step());
        reset.setOnAction(e -> confirmReset());
        samplesEverywhere.setOnAction(e -> viewModel.showSamplesEverywhere());
        wholeSpace.selectedProperty().bindBidirectional(viewModel.sharedAxes().wholeSpaceProperty());
        TrainingKeys.install(this, () -> true, viewModel.commands()::trainOrPause, viewModel.commands()::step, this::confirmReset);

        viewModel.lifecycle().stateProperty().addListener(o -> showState());
        viewModel.lifecycle().busyProperty().addListener(o -> showState());
        viewModel.setupProperty().addListener((o, was, now) -> source.setText(now == null ? ""
                : "The Explore tab's data and network: " + now.describeSource()
                + " · the same first weights and minibatches for every model"));

        preset.setValue(viewModel.presetProperty().get());
        learningRate.setValue(viewModel.learningRateProperty().get());
        viewModel.presetProperty().addListener((o, was, now) -> sync(() -> preset.setValue(now)));
        viewModel.learningRateProperty().addListener((o, was, now) -> sync(() -> learningRate.setValue(now.doubleValue())));
        preset.valueProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) {
                choosePreset(now);
            }
        });
        learningRate.valueProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) {
                viewModel.setLearningRate(now);
            }
        });

        viewModel.panelsProperty().addListener((o, was, now) -> rebuildPanels(now));
        viewModel.sharedAxes().viewportProperty().addListener((o, was, now) -> {
            panelViews.forEach(p -> p.setViewport(now));
            showAxes();
        });
        showAxes();
        viewModel.selectedProperty().addListener((o, was, now) -> panelViews.forEach(p -> p.setSelected(now.intValue())));
        viewModel.sharedAxes().lossRangeProperty().addListener((o, was, now) ->
                panelViews.forEach(p -> p.setLossRange(now)));
        showState();
    }

    private void showAxes() {
        double half = viewModel.sharedAxes().viewportProperty().get().halfSpan();
        axes.setText("axes ±" + AxisMapping.label(half) + " in every panel");
    }

    private void sync(Runnable change) {
        syncing = true;
        try {
            change.run();
        } finally {
            syncing = false;
        }
    }

    private void choosePreset(ComparisonPreset next) {
        String question = viewModel.presetQuestion(next);
        if (question != null && !confirmation.confirm("Train other models", question, "Discard and start anew",
                "Keep these models")) {
            sync(() -> preset.setValue(viewModel.presetProperty().get()));
            return;
        }
        viewModel.choosePreset(next);
    }

    private void confirmReset() {
        if (!viewModel.lifecycle().isTrained() || confirmation.confirm("Reset the models",
                "Throw away every trained model here and start again from the same random weights?", "Reset",
                "Keep training them")) {
            viewModel.commands().reset();
        }
    }

    /**
     * Called when the tab is shown: builds the comparison, or a new one if the Explore tab moved
     * to other data (asking first if these models have trained).
     */
    public void activate() {
        String question = viewModel.activationQuestion();
        if (question != null && !confirmation.confirm("Train on the Explore tab's data", question,
                "Start a new comparison", "Keep these models")) {
            viewModel.keepComparison();
            return;
        }
        viewModel.activate();
    }

    private void showState() {
        TrainingButtons.show(train, step, reset, viewModel.lifecycle().stateProperty().get(),
                viewModel.lifecycle().busyProperty().get());
        preset.setDisable(viewModel.lifecycle().busyProperty().get());
    }

    // ---- panels -------------------------------------------------------------------------------------

    private void rebuildPanels(List<ComparePanelViewModel> panels) {
        List<ComparePanelView> views = new ArrayList<>();
        List<Node> choices = new ArrayList<>(shownChoices.getChildren().subList(0, 1));
        for (ComparePanelViewModel panel : panels) {
            ComparePanelView view = new ComparePanelView(panel, viewModel);
            view.setTheme(panelTheme());
            view.setViewport(viewModel.sharedAxes().viewportProperty().get());
            view.setSelected(viewModel.selectedProperty().get());
            view.setLossRange(viewModel.sharedAxes().lossRangeProperty().get());
            view.visibleProperty().bind(panel.shownProperty());
            view.managedProperty().bind(panel.shownProperty());
            HBox.setHgrow(view, Priority.ALWAYS);
            views.add(view);
            choices.add(shownChoice(panel));
        }
        panelViews = List.copyOf(views);
        panelsBox.getChildren().setAll(views);
        shownChoices.getChildren().setAll(choices);
        side.showPanels(panels);
    }

    private static Node shownChoice(ComparePanelViewModel panel) {
        CheckBox box = new CheckBox(panel.shortTitle());
        box.selectedProperty().bindBidirectional(panel.shownProperty());
        box.setId("compare-show-" + (panel.isBaseline() ? "pca" : panel.variant().name()));
        Region swatch = new Region();
        swatch.setMinSize(12, 12);
        swatch.setMaxSize(12, 12);
        swatch.setStyle("-fx-background-color: " + panel.colourHex() + "; -fx-background-radius: 2;");
        box.setGraphic(swatch);
        box.setTooltip(new Tooltip("Show or hide the panel of " + panel.title() + " (and its path in the "
                + "rate–distortion plot)"));
        return box;
    }

    private PlotTheme panelTheme() {
        return theme.withFontSize(Math.round(theme.fontSize() * PANEL_FONT_SCALE));
    }

    @Override
    public void setTheme(PlotTheme newTheme) {
        theme = newTheme;
        side.setTheme(newTheme);
        for (ComparePanelView view : panelViews) {
            view.setTheme(panelTheme());
        }
    }

    /** Stops taking snapshots; the view-model is closed by the application. */
    public void stopFrames() {
        frames.stop();
    }

    // ---- parts, for tests ---------------------------------------------------------------------------

    /** The point of probe image {@code index} in panel {@code panel}, in screen coordinates; {@code null} if none. */
    public javafx.geometry.Point2D screenPositionOf(int panel, int index) {
        CompareScatter scatter = panelViews.get(panel).scatter();
        javafx.geometry.Point2D local = scatter.positionOf(index);
        return local == null ? null : scatter.plot().localToScreen(local);
    }

    /** The probe image each panel's scatter rings now, in panel order (−1 where none). */
    public int[] highlighted() {
        return panelViews.stream().mapToInt(v -> v.scatter().highlighted()).toArray();
    }

    /** How many panels are shown now. */
    public int shownPanels() {
        return (int) panelViews.stream().filter(Node::isVisible).count();
    }

    String describe() {
        return String.format(Locale.ROOT, "%d panels", panelViews.size());
    }
}
