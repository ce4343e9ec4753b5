package org.latentlab.ui.debiasing;

import static org.latentlab.ui.explorer.TrainingToolbar.group;
import static org.latentlab.ui.explorer.TrainingToolbar.labelled;
import static org.latentlab.ui.explorer.TrainingToolbar.showing;
import static org.latentlab.ui.explorer.TrainingToolbar.tip;

import java.util.function.UnaryOperator;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentlab.ui.explorer.Confirmation;
import org.latentlab.ui.explorer.ProblemLine;
import org.latentlab.ui.explorer.PulseTimer;
import org.latentlab.ui.explorer.StatusBar;
import org.latentlab.ui.explorer.TrainingButtons;
import org.latentlab.ui.explorer.TrainingKeys;
import org.latentlab.ui.plot.PlotTheme;
import org.latentlab.ui.plot.Themed;

/**
 * The Debiasing tab: its own controls (Train / Pause, Step, Reset, which faces are rare, their
 * share, α), the debiased model's latent space with the rare group and the sampling weights
 * ({@link WeightedScatter}), both models' error on each group over the epochs
 * ({@link GroupErrorChart}), what to look for, and a status bar. An {@link AnimationTimer} takes the
 * trainer's latest snapshot once per frame. Confined to the JavaFX application thread.
 */
public final class DebiasingView extends BorderPane implements Themed {

    private final DebiasingViewModel viewModel;
    private final Confirmation confirmation;
    private final Button train = new Button("Train");
    private final Button step = new Button("Step");
    private final Button reset = new Button("Reset");
    private final ChoiceBox<DebiasingSetup.RareFaces> group =
            new ChoiceBox<>(FXCollections.observableArrayList(DebiasingSetup.RareFaces.values()));
    private final ChoiceBox<Double> share = new ChoiceBox<>(FXCollections.observableArrayList(DebiasingSetup.SHARES));
    private final ChoiceBox<Double> alpha = new ChoiceBox<>(FXCollections.observableArrayList(DebiasingSetup.ALPHAS));
    private final Label source = new Label();
    private final ProblemLine problem;
    private final Label plane = new Label();
    private final Label lookFor = new Label();
    private final Label readout = new Label();
    private final WeightedScatter scatter = new WeightedScatter();
    private final GroupErrorChart chart = new GroupErrorChart();
    private final AnimationTimer frames;
    private boolean syncing;

    public DebiasingView(DebiasingViewModel viewModel, Confirmation confirmation) {
        this.viewModel = viewModel;
        this.confirmation = confirmation;
        this.problem = new ProblemLine(viewModel.lifecycle());
        this.frames = new PulseTimer(viewModel::pulse);
        initGraphics();
        registerListeners();
        frames.start();
    }

    private void initGraphics() {
        setId("debiasing");
        train.setId("debiasing-train");
        train.getStyleClass().add("accent");
        train.setMinWidth(96);
        tip(train, "Train both models, one minibatch each in turn on one thread, or pause them (Space)");
        step.setId("debiasing-step");
        tip(step, "Train each model on one minibatch, then pause (S)");
        reset.setId("debiasing-reset");
        tip(reset, "Throw both models away and start them again from the same random weights (R)");
        group.setId("debiasing-group");
        tip(group, "Which faces are made rare: the brightest or the darkest 30 % of the brightness range. Another "
                + "choice trains two new models");
        share.setId("debiasing-share");
        share.setConverter(showing(DebiasingSetup::percent));
        tip(share, "The rare group's share of the 20,000 faces. Another share trains two new models");
        alpha.setId("debiasing-alpha");
        alpha.setConverter(showing(DebiasingSetup::number));
        tip(alpha, "How strongly the debiased model favours faces whose codes are rare: a face where the codes are "
                + "ten times sparser is drawn 10^α times as often. Another α trains two new models");
        source.getStyleClass().add("note");
        source.setWrapText(true);
        source.setText("Two VAEs (8-D latent, Gaussian decoder) from the same first weights, one step each in turn:"
                + " the plain one shuffles the faces, the debiased one draws each epoch's faces with probability"
                + " ∝ 1/density^α of their codes, from histograms of its encoder's means.");

        FlowPane controls = new FlowPane(14, 6,
                group(train, step, reset),
                new Separator(Orientation.VERTICAL),
                labelled("Rare group", group),
                labelled("Share", share),
                labelled("α", alpha));
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, controls, source, problem);
        top.setPadding(new Insets(6, 10, 6, 10));
        top.getStyleClass().add("training-toolbar");
        setTop(top);

        plane.getStyleClass().add("caption");
        plane.setWrapText(true);
        plane.setMinHeight(Region.USE_PREF_SIZE);
        Node left = card("The debiased model's held-out faces · dot area: how often its sampler draws the face",
                scatter, plane);
        Node right = card("Each group's held-out error, with and without debiasing", chart);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox centre = new HBox(8, left, right);
        centre.setPadding(new Insets(6));
        setCenter(centre);

        lookFor.setId("debiasing-look-for");
        lookFor.setWrapText(true);
        readout.setId("debiasing-readout");
        readout.getStyleClass().add("readout");
        readout.setWrapText(true);
        VBox text = new VBox(4, lookFor, readout);
        text.setPadding(new Insets(4, 10, 6, 10));
        setBottom(new VBox(text, new StatusBar("debiasing-", viewModel.lifecycle().statusProperty(),
                viewModel.lifecycle().epochProgressProperty())));
    }

    private static Node card(String title, Node content, Node... below) {
        Label heading = new Label(title);
        heading.getStyleClass().add("view-title");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(heading, content);
        box.getChildren().addAll(below);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.getStyleClass().add("card");
        box.setPadding(new Insets(0, 6, 6, 6));
        box.setMinWidth(0);
        box.setPrefWidth(600);
        return box;
    }

    private void registerListeners() {
        train.setOnAction(e -> viewModel.commands().trainOrPause());
        step.setOnAction(e -> viewModel.commands().step());
        reset.setOnAction(e -> confirmReset());
        TrainingKeys.install(this, () -> true, viewModel.commands()::trainOrPause, viewModel.commands()::step,
                this::confirmReset);
        viewModel.lifecycle().stateProperty().addListener(o -> showState());
        viewModel.lifecycle().busyProperty().addListener(o -> showState());
        lookFor.textProperty().bind(viewModel.lookForProperty());
        readout.textProperty().bind(viewModel.readoutProperty());

        showChosen(viewModel.chosenProperty().get());
        viewModel.chosenProperty().addListener((o, was, now) -> showChosen(now));
        viewModel.builtProperty().addListener((o, was, now) -> chart.showAlpha(now == null ? Double.NaN : now.alpha()));
        group.valueProperty().addListener((o, was, now) -> pick(now, s -> s.withGroup(group.getValue())));
        share.valueProperty().addListener((o, was, now) -> pick(now, s -> s.withShare(share.getValue())));
        alpha.valueProperty().addListener((o, was, now) -> pick(now, s -> s.withAlpha(alpha.getValue())));

        viewModel.pointsProperty().addListener((o, was, now) -> {
            scatter.show(now);
            plane.setText(now == null ? "" : now.caption());
        });
        viewModel.plainErrorsProperty().addListener(o -> showErrors());
        viewModel.debiasedErrorsProperty().addListener(o -> showErrors());
        showState();
    }

    private void showChosen(DebiasingSetup chosen) {
        syncing = true;
        try {
            group.setValue(chosen.group());
            share.setValue(chosen.share());
            alpha.setValue(chosen.alpha());
        } finally {
            syncing = false;
        }
    }

    private void pick(Object value, UnaryOperator<DebiasingSetup> change) {
        if (syncing || value == null) {
            return;
        }
        DebiasingSetup next = change.apply(viewModel.chosenProperty().get());
        String question = viewModel.changeQuestion(next);
        if (question != null && !confirmation.confirm("Train two new models", question, "Discard and start anew",
                "Keep these models")) {
            showChosen(viewModel.chosenProperty().get());
            return;
        }
        viewModel.choose(next);
    }

    private void showErrors() {
        chart.show(viewModel.plainErrorsProperty().get(), viewModel.debiasedErrorsProperty().get());
    }

    private void confirmReset() {
        if (!viewModel.lifecycle().isTrained() || confirmation.confirm("Reset the models",
                "Throw away both trained models and start again from the same random weights?", "Reset",
                "Keep training them")) {
            viewModel.commands().reset();
        }
    }

    private void showState() {
        boolean busy = viewModel.lifecycle().busyProperty().get();
        TrainingButtons.show(train, step, reset, viewModel.lifecycle().stateProperty().get(), busy);
        group.setDisable(busy);
        share.setDisable(busy);
        alpha.setDisable(busy);
    }

    /** Called when the tab is shown: builds the two models the first time. */
    public void activate() {
        viewModel.activate();
    }

    @Override
    public void setTheme(PlotTheme theme) {
        scatter.setTheme(theme);
        chart.setTheme(theme);
    }

    /** Stops taking snapshots; the view-model is closed by the application. */
    public void stopFrames() {
        frames.stop();
    }
}
