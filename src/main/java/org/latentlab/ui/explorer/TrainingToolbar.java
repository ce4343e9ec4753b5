package org.latentlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.latentlab.lesson.ControlId;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.ui.pace.PaceChoice;

/**
 * The training controls: Train / Pause, Step, Reset, the speed (full, or a few iterations per
 * second), β, and the rest of the setup (β's schedule, learning rate, dataset, model, latent size,
 * decoder, batch size, seed). Choosing a dataset also sets the latent
 * size and decoder that suit it ({@link ExplorerSetup#suggestedFor}) and says so beside the controls. Every change goes to the view-model as a new
 * {@link ExplorerSetup}; one that would throw a trained model away is confirmed first, and the
 * controls go back to the current setup if the user declines. Confined to the JavaFX thread.
 */
public final class TrainingToolbar extends FlowPane {

    static final List<Double> LEARNING_RATES = List.of(1e-4, 3e-4, 1e-3, 3e-3, 1e-2);
    static final List<Integer> BATCH_SIZES = List.of(32, 64, 128, 256, 512);
    static final double MAX_BETA = 5;

    private final ExplorerViewModel viewModel;
    private final Confirmation confirmation;
    private final Button train = new Button("Train");
    private final Button step = new Button("Step");
    private final Button reset = new Button("Reset");
    private final ComboBox<DatasetChoice> dataset = new ComboBox<>();
    private final ChoiceBox<ModelKind> model = new ChoiceBox<>(FXCollections.observableArrayList(ModelKind.VAE,
            ModelKind.AUTOENCODER, ModelKind.CVAE, ModelKind.HVAE));
    private final Spinner<Integer> latent = new Spinner<>(1, ModelConfig.MAX_LATENT_SIZE, 2);
    private final ChoiceBox<DecoderChoice> decoder = new ChoiceBox<>(FXCollections.observableArrayList(DecoderChoice.all()));
    private final Label suggestion = new Label();
    private final Slider beta = new Slider(0, MAX_BETA, 1);
    private final Label betaValue = new Label();
    private final ComboBox<ExplorerSetup.Schedule> schedule =
            new ComboBox<>(FXCollections.observableArrayList(ExplorerSetup.Schedule.values()));
    private final ComboBox<Double> learningRate = new ComboBox<>(FXCollections.observableArrayList(LEARNING_RATES));
    private final ComboBox<Integer> batch = new ComboBox<>(FXCollections.observableArrayList(BATCH_SIZES));
    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 42);
    /** Every control but Train, Step, Reset, the speed and β: what {@link #setCompact} hides. */
    private final List<Node> setup = new ArrayList<>();
    private final ToggleButton showSetup = new ToggleButton("Setup");
    private boolean syncing;

    public TrainingToolbar(ExplorerViewModel viewModel, Confirmation confirmation) {
        this.viewModel = viewModel;
        this.confirmation = confirmation;
        initGraphics();
        registerListeners();
    }

    private void initGraphics() {
        getStyleClass().add("training-toolbar");
        setHgap(14);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);

        train.setId("train");
        train.setDefaultButton(false);
        train.getStyleClass().add("accent");
        train.setMinWidth(96);
        tip(train, "Start training on a background thread, or pause it (Space)");
        step.setId("step");
        tip(step, "Train on one minibatch, then pause: watch a single update (S)");
        reset.setId("reset");
        tip(reset, "Throw the model away and start again from random weights, same setup and seed (R)");

        dataset.setId("dataset");
        dataset.setPrefWidth(240);
        dataset.getItems().setAll(DatasetChoice.builtIn());
        dataset.getItems().add(DatasetChoice.OTHER);
        tip(dataset, "The images the model learns to encode and decode; another dataset needs a new model");
        model.setId("model");
        model.setPrefWidth(150); // the longest names show in full in the list; the toolbar stays two rows at 1280 px
        model.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelKind kind) {
                return kind == null ? "" : modelName(kind);
            }

            @Override
            public ModelKind fromString(String text) {
                return model.getItems().stream().filter(k -> modelName(k).equals(text)).findFirst().orElse(ModelKind.VAE);
            }
        });
        tip(model, "VAE: encodes each image as a Gaussian q(z|x) and adds the KL term; autoencoder: one point per "
                + "image, no KL; conditional VAE: the image's class goes into the encoder and the decoder, so z keeps "
                + "the style (needs labelled images); hierarchical VAE: two levels, z₂ (2-D, shown) → z₁ (16-D) → x");
        latent.setId("latent");
        latent.setEditable(true);
        latent.setPrefWidth(80);
        tip(latent, "How many numbers z has; 2 can be drawn as is, more are shown through PCA");
        decoder.setId("decoder");
        decoder.setPrefWidth(170);
        tip(decoder, "How the decoder scores its picture: Bernoulli (cross-entropy) suits ink on paper such as digits; "
                + "Gaussian (squared error, σ = 0.1) weighs small gray details such as a face's mouth and eyes "
                + "enough to learn them. A learned σ starts at 0.1 and trains with the network, one shared by every "
                + "pixel or one per pixel; the loss chart reads it out. Needs a new model");
        suggestion.setId("setup-suggestion");
        suggestion.getStyleClass().add("note");
        suggestion.setWrapText(true);
        suggestion.setMaxWidth(560);
        suggestion.setVisible(false);
        suggestion.setManaged(false);
        beta.setId("beta");
        beta.setPrefWidth(170);
        beta.setMajorTickUnit(1);
        beta.setMinorTickCount(3);
        beta.setBlockIncrement(0.05);
        beta.setShowTickMarks(true);
        betaValue.setMinWidth(44);
        betaValue.setId("beta-value");
        tip(beta, "β weighs the KL term: 0 trains reconstruction only, larger pulls the codes towards the prior N(0, I)");
        schedule.setId("schedule");
        tip(schedule, "How β is reached: at once, by a linear warm-up from 0, or in repeated cycles");
        learningRate.setId("learning-rate");
        learningRate.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double rate) {
                return rate == null ? "" : String.format(Locale.ROOT, "%.0e", rate).replace("e-0", "e-");
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text);
            }
        });
        tip(learningRate, "Adam's step size: larger learns faster but can diverge; changes the running model");
        batch.setId("batch");
        tip(batch, "Images per update: larger batches give smoother but fewer steps per epoch; needs a new model");
        seed.setId("seed");
        seed.setEditable(true);
        seed.setPrefWidth(110);
        tip(seed, "Seeds the initial weights, the noise and the order of the images: the same seed gives the same run");

        // What a class watches first (Train, Step, Reset, the speed, β), then the rest of the setup:
        // at 1280 pixels, two rows.
        setup.addAll(List.of(
                labelled("Schedule", schedule),
                labelled("Learning rate", learningRate),
                labelled("Data", dataset),
                labelled("Model", model),
                labelled("Latent", latent),
                labelled("Decoder", decoder),
                labelled("Batch", batch),
                labelled("Seed", seed)));
        showSetup.setId(ControlId.SHOW_SETUP.id());
        showSetup.setSelected(true);
        tip(showSetup, "Show or hide the rest of the setup (β's schedule, learning rate, data, model, latent size, "
                + "decoder, batch, seed): hidden, the views get its row");
        showSetup.selectedProperty().addListener((o, was, now) -> setup.forEach(node -> {
            node.setVisible(now);
            node.setManaged(now);
        }));
        getChildren().addAll(
                group(train, step, reset, new PaceChoice(viewModel.lifecycle().paceProperty())),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                labelled("β", beta, betaValue),
                showSetup);
        getChildren().addAll(setup);
        getChildren().add(suggestion);
        sync(viewModel.setupProperty().get());
    }

    /** Gives {@code control} a tooltip that wraps, as every control of the window has. */
    public static void tip(Control control, String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        control.setTooltip(tooltip);
    }

    /** Shows values as {@code text} says, in a choice that is picked from, never typed into. */
    public static <T> StringConverter<T> showing(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String typed) {
                throw new UnsupportedOperationException("a choice is picked, not typed");
            }
        };
    }

    /** Nodes side by side, centred vertically: a group of the toolbar. */
    public static Node group(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A control (or a few) after a label that names it. */
    public static Node labelled(String text, Node... nodes) {
        Label label = new Label(text);
        label.getStyleClass().add("control-label");
        label.setLabelFor(nodes[0]);
        HBox box = new HBox(6, label);
        box.getChildren().addAll(nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setFillHeight(false);
        return box;
    }

    private void registerListeners() {
        train.setOnAction(e -> viewModel.trainOrPause());
        step.setOnAction(e -> viewModel.step());
        reset.setOnAction(e -> confirmReset());
        viewModel.lifecycle().stateProperty().addListener((o, was, now) -> showState());
        viewModel.lifecycle().busyProperty().addListener((o, was, now) -> showState());
        viewModel.setupProperty().addListener((o, was, now) -> sync(now));

        dataset.valueProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) {
                if (now == DatasetChoice.OTHER) {
                    chooseDatasetFile();
                } else {
                    proposeDataset(now.spec());
                }
            }
        });
        model.valueProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) {
                propose(s -> s.withKind(now));
                ExplorerSetup after = viewModel.setupProperty().get();
                showSuggestion(after != null && after.kind() == now ? modelNote(after) : null);
            }
        });
        latent.valueProperty().addListener((o, was, now) -> propose(s -> s.withLatentSize(now)));
        decoder.valueProperty().addListener((o, was, now) -> propose(s -> s.withDecoder(now.likelihood(), now.std())));
        beta.valueProperty().addListener((o, was, now) -> {
            double snapped = Math.round(now.doubleValue() * 20) / 20.0;
            betaValue.setText(String.format(Locale.ROOT, "%.2f", snapped));
            propose(s -> s.withBeta(snapped));
        });
        schedule.valueProperty().addListener((o, was, now) -> propose(s -> s.withSchedule(now)));
        learningRate.valueProperty().addListener((o, was, now) -> propose(s -> s.withLearningRate(now)));
        batch.valueProperty().addListener((o, was, now) -> propose(s -> s.withBatchSize(now)));
        seed.valueProperty().addListener((o, was, now) -> propose(s -> s.withSeed(now)));
        showState();
    }

    /**
     * Shows only Train, Step, Reset, the speed and β, the controls a class watches during a lesson
     * ({@code compact}), or every control: the compact toolbar is one row on a projector.
     */
    public void setCompact(boolean compact) {
        showSetup.setSelected(!compact);
    }

    /** How the toolbar names a model: as a sentence does, with a capital ("Conditional VAE"). */
    static String modelName(ModelKind kind) {
        String name = kind.displayName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Resets after asking, if the model has been trained. */
    void confirmReset() {
        if (!viewModel.lifecycle().isTrained() || confirmation.confirm("Reset the model",
                "Throw away the trained model and start again from random weights?", "Reset", "Keep training it")) {
            viewModel.reset();
        }
    }

    /** Goes to dataset {@code spec} with the latent size and decoder that suit it, and says what it changed. */
    private void proposeDataset(String spec) {
        ExplorerSetup before = viewModel.setupProperty().get();
        propose(s -> s.suggestedFor(spec));
        ExplorerSetup after = viewModel.setupProperty().get();
        showSuggestion(before == null || after == null || !after.datasetSpec().equals(spec) ? null
                : suggestionNote(before.withDataset(spec), after));
    }

    /** Says {@code text} beside the controls; {@code null} hides the note. */
    private void showSuggestion(String text) {
        suggestion.setText(text);
        suggestion.setVisible(text != null);
        suggestion.setManaged(text != null);
    }

    /** What a model needs said when it is chosen, or {@code null}. */
    static String modelNote(ExplorerSetup setup) {
        return switch (setup.kind()) {
            case HVAE -> String.format(Locale.ROOT, "Hierarchical VAE: z₁ has %d dimensions (Latent), z₂ has %d. The "
                    + "scatter and the grid show z₂; the grid decodes each z₂ through the mean of p(z₁|z₂).",
                    setup.latentSize(), ExplorerSetup.UPPER_LATENT_SIZE);
            case CVAE -> "Conditional VAE: each image's class goes in beside the pixels and beside z. "
                    + "The Conditional tab draws one class across the style space.";
            default -> null;
        };
    }

    /** What {@link ExplorerSetup#suggestedFor} changed besides the dataset, in words; {@code null} for nothing. */
    static String suggestionNote(ExplorerSetup asked, ExplorerSetup suggested) {
        if (asked.latentSize() == suggested.latentSize() && asked.decoder() == suggested.decoder()) {
            return null;
        }
        String what = String.format(Locale.ROOT, "%d latent dimensions and the %s decoder", suggested.latentSize(),
                suggested.decoder() == Likelihood.GAUSSIAN ? "Gaussian" : "Bernoulli");
        return suggested.datasetSpec().equals("faces")
                ? "Set for faces: " + what + ", which learn all six factors within about 5 epochs."
                : "Set " + what + " of the lectures for these images.";
    }

    /** Goes to the setup {@code change} makes of the current one, asking first if a trained model would be lost. */
    void propose(UnaryOperator<ExplorerSetup> change) {
        ExplorerSetup current = viewModel.setupProperty().get();
        if (syncing || current == null) {
            return;
        }
        ExplorerSetup next;
        try {
            next = change.apply(current);
        } catch (IllegalArgumentException e) {
            viewModel.lifecycle().report(e.getMessage());
            sync(current);
            return;
        }
        String question = viewModel.discardQuestion(next);
        if (question != null && !confirmation.confirm("Start a new model", question, "Discard and start anew",
                "Keep the trained model")) {
            sync(current);
            return;
        }
        viewModel.apply(next);
    }

    private void chooseDatasetFile() {
        String spec = DatasetChoice.chooseFile(getScene() == null ? null : getScene().getWindow());
        if (spec == null) {
            sync(viewModel.setupProperty().get());
            return;
        }
        propose(s -> s.withDataset(spec));
    }

    /** Shows {@code setup} in the controls without sending it back. */
    private void sync(ExplorerSetup setup) {
        if (setup == null) {
            return;
        }
        syncing = true;
        try {
            DatasetChoice choice = DatasetChoice.of(setup.datasetSpec());
            if (!dataset.getItems().contains(choice)) {
                dataset.getItems().add(dataset.getItems().size() - 1, choice);
            }
            dataset.setValue(choice);
            model.setValue(setup.kind());
            latent.getValueFactory().setValue(setup.latentSize());
            decoder.setValue(DecoderChoice.of(setup));
            beta.setValue(setup.beta());
            betaValue.setText(String.format(Locale.ROOT, "%.2f", setup.beta()));
            schedule.setValue(setup.schedule());
            learningRate.setValue(setup.learningRate());
            batch.setValue(setup.batchSize());
            seed.getValueFactory().setValue((int) Math.min(Integer.MAX_VALUE, Math.max(0, setup.seed())));
        } finally {
            syncing = false;
        }
    }

    private void showState() {
        TrainingButtons.show(train, step, reset, viewModel.lifecycle().stateProperty().get(),
                viewModel.lifecycle().busyProperty().get());
        for (Node control : List.of(dataset, model, latent, decoder, batch, seed)) {
            control.setDisable(viewModel.lifecycle().busyProperty().get());
        }
    }
}
