package org.latentlab.lesson;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.latentlab.model.Activation;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.training.LossTerms;
import org.latentlab.training.Pace;
import org.latentlab.training.TrainingConfig;

/**
 * The whole state a teacher shares, like TensorFlow Playground's link: what to train on and how,
 * which tab and views are shown, which controls are left visible, the selected image, a
 * ready-trained run to start from, the pace and the presentation. Immutable and validated: a bad
 * value is an {@link InvalidSetupException} naming its {@link SetupKey}. Files hold it as
 * {@code key = value} lines ({@link SetupFile}); a lesson step changes a few keys ({@link #with}).
 *
 * @param dataset        what {@code --dataset} says: mnist, fashion, faces or a path
 * @param model          VAE or autoencoder
 * @param latentSize     dimension of z
 * @param hiddenSizes    hidden widths from the input inwards; the decoder mirrors them
 * @param activation     the hidden layers' nonlinearity
 * @param decoder        the decoder's p(x|z)
 * @param decoderStd     σ of the Gaussian decoder (kept, unused, with the Bernoulli one)
 * @param beta           β and how it is reached over iterations
 * @param learningRate   Adam's step size
 * @param batchSize      images per step
 * @param seed           seeds the weights, the noise, the split and the order
 * @param epochs         stop after this many epochs; 0 trains until paused
 * @param tab            the main tab shown: {@link ControlId#EXPLORE} or {@link ControlId#COMPARE}
 * @param tool           the tab shown in the Explore tab's right-hand pane ({@link ControlId#GRID}, …)
 * @param compare        the models of the Compare tab
 * @param views          the tabs and views shown ({@link ControlId.Kind#isView()}); the others are hidden
 * @param controls       the controls shown ({@link ControlId.Kind#isControl()}); the others are hidden
 * @param selectedImage  the held-out image selected in the scatter, or {@link #NO_SELECTION}
 * @param run            a ready-trained run the model starts from; its network settings must agree
 * @param pace           iterations per second, or {@link #FULL_SPEED}
 * @param presentation   presentation mode: full screen, large text, thick lines
 * @param units          the units of every loss number and axis
 */
public record Setup(String dataset, ModelKind model, int latentSize, List<Integer> hiddenSizes, Activation activation,
                    Likelihood decoder, double decoderStd, BetaSchedule beta, double learningRate, int batchSize,
                    long seed, int epochs, ControlId tab, ControlId tool, ComparisonPreset compare, Set<ControlId> views,
                    Set<ControlId> controls, int selectedImage, Optional<ReadyRun> run, int pace, boolean presentation,
                    Units units) {

    /** {@link #selectedImage()} when no image is selected. */
    public static final int NO_SELECTION = -1;
    /** {@link #pace()} for training as fast as the machine can. */
    public static final int FULL_SPEED = 0;
    /** The slowest pace worth a setting is one iteration a second; the fastest slowed one this. */
    public static final int MAX_PACE = Pace.MAX_ITERATIONS_PER_SECOND;

    /** How many dimensions the upper level z₂ of the window's hierarchical VAE has. */
    public static final int UPPER_LATENT_SIZE = 2;
    /** Every id a setup's views can list. */
    public static final Set<ControlId> ALL_VIEWS = idsWhere(ControlId.Kind::isView);
    /** Every id a setup's controls can list. */
    public static final Set<ControlId> ALL_CONTROLS = idsWhere(ControlId.Kind::isControl);

    private static final ModelConfig REFERENCE_NETWORK = ModelConfig.reference(ModelKind.VAE, 0);
    private static final TrainingConfig REFERENCE_TRAINING = TrainingConfig.defaults(0, 0);

    public Setup {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(beta, "beta");
        Objects.requireNonNull(compare, "compare");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(units, "units");
        hiddenSizes = List.copyOf(hiddenSizes);
        views = Set.copyOf(views);
        controls = Set.copyOf(controls);
        Set<ControlId> shownViews = views;
        Set<ControlId> shownControls = controls;
        check(SetupKey.DATASET, dataset != null && !dataset.isBlank() && dataset.lines().count() == 1,
                () -> "expected mnist, fashion, faces or the path of a dataset, on one line");
        List<Integer> hidden = hiddenSizes;
        checkWith(SetupKey.LATENT, () -> REFERENCE_NETWORK.withLatentSize(latentSize));
        checkWith(SetupKey.HIDDEN, () -> network(hidden, REFERENCE_NETWORK.decoderStd()));
        checkWith(SetupKey.DECODER_STD, () -> network(REFERENCE_NETWORK.hiddenSizes(), decoderStd));
        checkWith(SetupKey.LR, () -> training(learningRate, REFERENCE_TRAINING.batchSize(), 0));
        checkWith(SetupKey.BATCH, () -> training(REFERENCE_TRAINING.learningRate(), batchSize, 0));
        checkWith(SetupKey.EPOCHS, () -> training(REFERENCE_TRAINING.learningRate(), REFERENCE_TRAINING.batchSize(),
                epochs));
        check(SetupKey.TAB, tab != null && tab.kind() == ControlId.Kind.TAB && tab.parent().isEmpty(),
                () -> "expected explore, compare or debiasing, got " + tab);
        check(SetupKey.TOOL, tool != null && tool.kind() == ControlId.Kind.TAB
                        && tool.parent().orElse(null) == ControlId.EXPLORE,
                () -> "expected a tab of the Explore tab's right-hand pane (" + names(toolTabs()) + "), got " + tool);
        check(SetupKey.VIEWS, ALL_VIEWS.containsAll(shownViews),
                () -> "these are not views: " + names(without(shownViews, ALL_VIEWS)) + " (they go in controls)");
        check(SetupKey.CONTROLS, ALL_CONTROLS.containsAll(shownControls),
                () -> "these are not controls: " + names(without(shownControls, ALL_CONTROLS)) + " (they go in views)");
        check(SetupKey.VIEWS, shownViews.contains(tab) && shownViews.contains(tool),
                () -> "the views leave out the tab that is shown (" + (shownViews.contains(tab) ? tool : tab)
                        + "); add it, or show another tab");
        check(SetupKey.SELECTED, selectedImage >= NO_SELECTION,
                () -> "expected none or the index of a held-out image (0, 1, …), got " + selectedImage);
        check(SetupKey.PACE, pace >= FULL_SPEED && pace <= MAX_PACE,
                () -> "expected full, or 1 to " + MAX_PACE + " iterations per second, got " + pace);
        if (run.isPresent() && !run.get().planned()) {
            requireRunAgrees(run.get(), new Setup(dataset, model, latentSize, hiddenSizes, activation, decoder,
                    decoderStd, beta, learningRate, batchSize, seed, epochs, tab, tool, compare, views, controls,
                    selectedImage, Optional.empty(), pace, presentation, units));
        }
    }

    /** The window's start and the command line's defaults: a 2-D VAE on the embedded digits. */
    public static Setup defaults() {
        TrainingConfig training = TrainingConfig.defaults(0, 42);
        ModelConfig network = ModelConfig.reference(ModelKind.VAE, training.seed());
        return new Setup("mnist", network.kind(), network.latentSize(), network.hiddenSizes(), network.activation(),
                network.likelihood(), network.decoderStd(), training.beta(), training.learningRate(),
                training.batchSize(), training.seed(), training.epochs(), ControlId.EXPLORE, ControlId.GRID,
                ComparisonPreset.ABLATION, ALL_VIEWS, ALL_CONTROLS, NO_SELECTION, Optional.empty(), FULL_SPEED,
                false, Units.NATS_PER_IMAGE);
    }

    /**
     * This setup with some keys changed, in order, each value as a file would write it. A change
     * that names a ready {@link SetupKey#RUN run} first takes the run's settings, so the other
     * changes may not contradict its network; a change of a network key that names no run leaves
     * the loaded run behind (the window would train a new model).
     *
     * @throws InvalidSetupException naming the key whose value is wrong
     */
    public Setup with(Map<SetupKey, String> changes) {
        Builder builder = toBuilder();
        String runName = changes.get(SetupKey.RUN);
        if (runName != null) {
            builder.set(SetupKey.RUN, runName);
            builder.run.filter(r -> !r.planned()).ifPresent(r -> settingsOf(r).forEach(builder::set));
        }
        changes.forEach((key, value) -> {
            if (key != SetupKey.RUN) {
                builder.set(key, value);
            }
        });
        if (runName == null && run.isPresent()) {
            Setup changed = builder.run(Optional.empty()).build();
            boolean sameModel = Arrays.stream(SetupKey.values())
                    .allMatch(key -> !run.get().fixes(key) || key.write(changed).equals(key.write(this)));
            return sameModel ? builder.run(run).build() : changed;
        }
        return builder.build();
    }

    /** A builder holding this setup's values. */
    Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether {@code id} can be seen: it is listed (when its kind is), and so is every tab and view it sits on, selected. */
    public boolean shows(ControlId id) {
        return hiddenBecause(id).isEmpty();
    }

    /** Why {@code id} cannot be seen in the window this setup makes, in words; empty if it can. */
    public Optional<String> hiddenBecause(ControlId id) {
        if (id.kind().isView() && !views.contains(id)) {
            return Optional.of("'" + id + "' is hidden: the setup's views leave it out");
        }
        if (id.kind().isControl() && !controls.contains(id)) {
            return Optional.of("'" + id + "' is hidden: the setup's controls leave it out");
        }
        Optional<ControlId> parent = id.parent();
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        ControlId on = parent.get();
        if (on.kind() == ControlId.Kind.TAB && on.parent().isEmpty()) {
            if (tab != on) {
                return Optional.of("'" + id + "' is on the " + on + " tab, but the " + tab + " tab is shown (tab: " + tab + ")");
            }
        } else if (on.kind() == ControlId.Kind.TAB && tool != on) {
            return Optional.of("'" + id + "' is on the " + on + " tab, but the " + tool + " tab is shown (tool: " + tool + ")");
        }
        return hiddenBecause(on);
    }

    /**
     * What loading {@code run} sets: the settings its command names, and every key it fixes as the
     * command trained it (the command line's defaults, which are this class's, where it names none).
     */
    private static Map<SetupKey, String> settingsOf(ReadyRun run) {
        Setup trained = defaults().with(run.settings());
        Map<SetupKey, String> settings = new LinkedHashMap<>(run.settings());
        for (SetupKey key : SetupKey.values()) {
            if (run.fixes(key)) {
                settings.put(key, key.write(trained));
            }
        }
        return settings;
    }

    private static void requireRunAgrees(ReadyRun run, Setup setup) {
        Setup trained = defaults().with(run.settings());
        for (SetupKey key : SetupKey.values()) {
            if (run.fixes(key) && !key.write(trained).equals(key.write(setup))) {
                throw new InvalidSetupException(key, "the ready run '" + run.name() + "' was trained with " + key + " = "
                        + key.write(trained) + ", not " + key.write(setup)
                        + "; loading a run brings its settings (run: none trains a new model instead)");
            }
        }
    }

    private static ModelConfig network(List<Integer> hidden, double decoderStd) {
        ModelConfig r = REFERENCE_NETWORK;
        return new ModelConfig(r.kind(), r.imageWidth(), r.imageHeight(), hidden, r.latentSize(), r.activation(),
                r.likelihood(), decoderStd, r.seed());
    }

    private static TrainingConfig training(double learningRate, int batchSize, int epochs) {
        return new TrainingConfig(learningRate, batchSize, epochs, REFERENCE_TRAINING.beta(), LossTerms.COMBINED, 0);
    }

    /** Runs a validation of another record (ModelConfig, TrainingConfig) and reports its message under {@code key}. */
    private static void checkWith(SetupKey key, Runnable validation) {
        try {
            validation.run();
        } catch (IllegalArgumentException e) {
            throw new InvalidSetupException(key, e.getMessage());
        }
    }

    private static void check(SetupKey key, boolean valid, Supplier<String> problem) {
        if (!valid) {
            throw new InvalidSetupException(key, problem.get());
        }
    }

    private static Set<ControlId> idsWhere(Predicate<ControlId.Kind> kind) {
        return Set.copyOf(EnumSet.copyOf(Arrays.stream(ControlId.values()).filter(id -> kind.test(id.kind()))
                .collect(Collectors.toList())));
    }

    private static List<ControlId> toolTabs() {
        return Arrays.stream(ControlId.values())
                .filter(id -> id.kind() == ControlId.Kind.TAB && id.parent().orElse(null) == ControlId.EXPLORE)
                .collect(Collectors.toList());
    }

    private static List<ControlId> without(Set<ControlId> ids, Set<ControlId> allowed) {
        return ids.stream().filter(id -> !allowed.contains(id)).sorted().collect(Collectors.toList());
    }

    /** The ids in the order of {@link ControlId}, separated by commas. */
    static String names(Collection<ControlId> ids) {
        return ids.stream().sorted().map(ControlId::id).collect(Collectors.joining(", "));
    }

    /** Collects a setup's values one by one ({@link SetupKey#read}), then validates them all at once. */
    static final class Builder {
        String dataset;
        ModelKind model;
        int latentSize;
        /** Whether the latent key named two sizes (z₁'s and z₂'s), which only the hierarchical VAE has. */
        boolean twoLatentLevels;
        List<Integer> hiddenSizes;
        Activation activation;
        Likelihood decoder;
        double decoderStd;
        double beta;
        String schedule;
        double learningRate;
        int batchSize;
        long seed;
        int epochs;
        ControlId tab;
        ControlId tool;
        ComparisonPreset compare;
        Set<ControlId> views;
        Set<ControlId> controls;
        int selectedImage;
        Optional<ReadyRun> run;
        int pace;
        boolean presentation;
        Units units;

        private Builder(Setup s) {
            dataset = s.dataset;
            model = s.model;
            latentSize = s.latentSize;
            hiddenSizes = s.hiddenSizes;
            activation = s.activation;
            decoder = s.decoder;
            decoderStd = s.decoderStd;
            beta = s.beta.target();
            schedule = s.beta.describe();
            learningRate = s.learningRate;
            batchSize = s.batchSize;
            seed = s.seed;
            epochs = s.epochs;
            tab = s.tab;
            tool = s.tool;
            compare = s.compare;
            views = s.views;
            controls = s.controls;
            selectedImage = s.selectedImage;
            run = s.run;
            pace = s.pace;
            presentation = s.presentation;
            units = s.units;
        }

        /**
         * Sets {@code key} from its text, as a file writes it.
         *
         * @throws InvalidSetupException naming the key and what it expects
         */
        Builder set(SetupKey key, String value) {
            try {
                key.read(value, this);
            } catch (InvalidSetupException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new InvalidSetupException(key, e.getMessage());
            }
            return this;
        }

        /** Starts the model from {@code readyRun}, or from random weights when empty. */
        Builder run(Optional<ReadyRun> readyRun) {
            run = Objects.requireNonNull(readyRun, "readyRun");
            return this;
        }

        /** @throws InvalidSetupException naming the key whose value is wrong */
        Setup build() {
            if (twoLatentLevels && model != ModelKind.HVAE) {
                throw new InvalidSetupException(SetupKey.LATENT, "latent = " + latentSize + "," + UPPER_LATENT_SIZE
                        + " gives two latent levels, which only model = hvae has; give one size such as " + latentSize);
            }
            BetaSchedule schedule;
            try {
                schedule = BetaSchedule.parse(this.schedule, beta);
            } catch (IllegalArgumentException e) {
                throw new InvalidSetupException(SetupKey.BETA, e.getMessage());
            }
            return new Setup(dataset, model, latentSize, hiddenSizes, activation, decoder, decoderStd, schedule,
                    learningRate, batchSize, seed, epochs, tab, tool, compare, views, controls, selectedImage, run,
                    pace, presentation, units);
        }
    }
}
