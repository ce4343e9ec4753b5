package org.latentlab.lesson;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The closed list of the window's controls and views that setups and lessons name: a setup shows
 * or hides them, a lesson step highlights one and asks for an action on one. Each has a stable
 * string id (what files say), a {@link Kind} (which says what can be done with it), the id it sits
 * on (a tab or a view; {@code null} for the window's own) and one line saying what it is. The
 * window maps each id to its node; a test there checks that every id that is not
 * {@link #planned()} has one.
 */
public enum ControlId {

    // ---- the window's main tabs -------------------------------------------------------------------
    EXPLORE("explore", Kind.TAB, null, "The Explore tab: one model trained live, with its views"),
    COMPARE("compare", Kind.TAB, null, "The Compare tab: several models trained side by side on the same batches"),
    DEBIASING("debiasing", Kind.TAB, null, "The Debiasing tab: a VAE with and without debiasing on faces with a rare group"),

    // ---- window-wide switches (issue 14, 12) -----------------------------------------------------
    PRESENTATION("presentation", Kind.TOGGLE, null, "Presentation mode: full screen, large text, thick lines"),
    LESSONS("lessons", Kind.VIEW, null, "The Lessons side panel: the open lesson's steps (its own ✕ hides it)"),

    // ---- the Explore tab's toolbar ---------------------------------------------------------------
    TRAIN("train", Kind.BUTTON, EXPLORE, "Train / Pause: trains on a background thread, or pauses it (Space)"),
    STEP("step", Kind.BUTTON, EXPLORE, "Step: trains on one minibatch, then pauses (S)"),
    RESET("reset", Kind.BUTTON, EXPLORE, "Reset: starts again from random weights with the same setup (R)"),
    DATASET("dataset", Kind.CHOICE, EXPLORE, "The images the model learns from"),
    MODEL("model", Kind.CHOICE, EXPLORE, "VAE, autoencoder, conditional VAE or hierarchical VAE", "vae", "ae", "cvae",
            "hvae"),
    LATENT_SIZE("latent-size", Kind.CHOICE, EXPLORE, "How many numbers z has"),
    DECODER("decoder", Kind.CHOICE, EXPLORE, "The decoder's p(x|z): Bernoulli or Gaussian", "bernoulli", "gaussian"),
    BETA_SLIDER("beta-slider", Kind.SLIDER, EXPLORE, "β, the weight of the KL term, changed while training"),
    SCHEDULE("schedule", Kind.CHOICE, EXPLORE, "How β is reached: constant, warm-up or cyclical"),
    LEARNING_RATE("learning-rate", Kind.CHOICE, EXPLORE, "Adam's step size"),
    BATCH("batch", Kind.CHOICE, EXPLORE, "Images per training step"),
    SEED("seed", Kind.CHOICE, EXPLORE, "Seeds the weights, the noise and the order of the images"),
    PACE("pace", Kind.CHOICE, EXPLORE, "Training speed: full, or a few iterations per second", "full", "20", "5", "1"),
    SHOW_SETUP("show-setup", Kind.TOGGLE, EXPLORE, "Setup: shows or hides the toolbar's controls after β (schedule, data, …)"),

    // ---- the Explore tab's views -----------------------------------------------------------------
    SCATTER("scatter", Kind.POINTS, EXPLORE, "The latent space of held-out images: where the encoder puts each one"),
    SCATTER_FIT("scatter-fit", Kind.BUTTON, SCATTER, "Fit: zooms the scatter to show every point"),
    GRID_CELLS("grid-cells", Kind.TOGGLE, SCATTER, "Grid cells: where each image of the decoded grid comes from"),
    LOSS_CHART("loss-chart", Kind.VIEW, EXPLORE, "Loss per image: total, reconstruction and KL over training"),
    LOG_SCALE("log-scale", Kind.TOGGLE, LOSS_CHART, "Log scale for the loss chart"),
    UNITS("units", Kind.CHOICE, LOSS_CHART, "Loss units beside the chart (and in View): nats per image or bits per dimension",
            "nats", "bits"),
    SAMPLES("samples", Kind.VIEW, EXPLORE, "Held-out images, their reconstructions and decoded prior samples"),
    RESAMPLE("resample", Kind.BUTTON, SAMPLES, "New samples: draws other points z ~ N(0, I) and decodes them"),
    MINIBATCH("minibatch", Kind.VIEW, EXPLORE, "The last step's images and their reconstructions, while training is slowed"),
    DECODER_SAMPLE("decoder-sample", Kind.TOGGLE, EXPLORE,
            "Decoded images (grid, samples, reconstructions) as the mean of p(x|z) or as a sample of it"),
    COLLAPSE_METER("collapse-meter", Kind.VIEW, EXPLORE, "Per-dimension KL as bars and the count of active units"),
    COLLAPSE_PRESET("collapse-preset", Kind.BUTTON, COLLAPSE_METER,
            "Sets up the posterior-collapse demonstration: 16 latent dimensions, β = 4, no warm-up"),
    TIMELINE("timeline", Kind.VIEW, EXPLORE, "The timeline of training under the views, to replay it"),
    TIMELINE_SCRUBBER("timeline-scrubber", Kind.SLIDER, TIMELINE, "Moves the views back and forth in training (← →)"),
    TIMELINE_PLAY("timeline-play", Kind.BUTTON, TIMELINE, "Plays the recorded moments of training, or pauses the replay"),
    TIMELINE_SPEED("timeline-speed", Kind.CHOICE, TIMELINE, "Recorded moments the replay shows a second",
            "5", "15", "30", "60"),
    TIMELINE_LIVE("timeline-live", Kind.BUTTON, TIMELINE, "Live: from the replay back to the model as it is now"),

    // ---- the tabs of the Explore tab's right-hand pane -------------------------------------------
    GRID("grid", Kind.TAB, EXPLORE, "Decoded grid: images decoded at z = Φ⁻¹(u) on a regular grid of u"),
    GRID_SIZE("grid-size", Kind.CHOICE, GRID, "How many images across and down the decoded grid"),
    GRID_SPACING("grid-spacing", Kind.CHOICE, GRID, "Φ⁻¹ or linear spacing of the grid's codes", "icdf", "linear"),
    ATTRIBUTES("attributes", Kind.TAB, EXPLORE, "Attributes: move an image along attribute vectors"),
    ATTRIBUTE_SLIDER("attribute-slider", Kind.ATTRIBUTE_SLIDERS, ATTRIBUTES,
            "One slider per attribute vector (smile, eyes, ink, the class vector…)"),
    BALANCED("balanced", Kind.TOGGLE, ATTRIBUTES, "Balanced attribute vectors: other attributes mixed equally in both groups"),
    INTERPOLATE("interpolate", Kind.TAB, EXPLORE, "Interpolate: the straight and the spherical path between two codes"),
    SET_A("set-a", Kind.BUTTON, INTERPOLATE, "Set as A: the selected image is the path's start"),
    SET_B("set-b", Kind.BUTTON, INTERPOLATE, "Set as B: the selected image is the path's end"),
    DRAW("draw", Kind.TAB, EXPLORE, "Draw: a digit drawn with the mouse, encoded and reconstructed"),
    DRAW_PAD("draw-pad", Kind.PAD, DRAW, "The drawing pad"),
    DRAW_CLEAR("draw-clear", Kind.BUTTON, DRAW, "Clears the drawing pad"),
    LIKELIHOOD("likelihood", Kind.TAB, EXPLORE,
            "Likelihood: the true posterior p(z|x), q(z|x) over it, −ELBO, −log p(x) and the gap"),
    IMPORTANCE_SAMPLES("importance-samples", Kind.SLIDER, LIKELIHOOD,
            "K, the importance samples of the −log p(x) estimate, from 1 to 5,000"),
    OUTLIERS("outliers", Kind.TAB, EXPLORE, "Outliers: held-out images ranked by −log p(x)"),
    OTHER_DATA("other-data", Kind.BUTTON, OUTLIERS,
            "Compare with other data: histograms of −log p(x) for another dataset"),
    CONDITIONAL("conditional", Kind.TAB, EXPLORE, "Conditional: one class across the style space of a CVAE"),
    CONDITIONAL_CLASS("conditional-class", Kind.CHOICE, CONDITIONAL, "The class a conditional VAE draws"),

    // ---- the Compare tab -------------------------------------------------------------------------
    COMPARE_TRAIN("compare-train", Kind.BUTTON, COMPARE, "Train / Pause for every model of the comparison"),
    COMPARE_STEP("compare-step", Kind.BUTTON, COMPARE, "Step every model of the comparison by one minibatch"),
    COMPARE_RESET("compare-reset", Kind.BUTTON, COMPARE, "Start every model of the comparison again"),
    COMPARE_PRESET("compare-preset", Kind.CHOICE, COMPARE, "Which models: the ablation or the β sweep",
            "ablation", "beta-sweep"),
    COMPARE_PANELS("compare-panels", Kind.POINTS, COMPARE, "Each model's latent space, grid, samples and losses"),
    PRIOR_SAMPLES("prior-samples", Kind.TOGGLE, COMPARE, "Decode prior samples: the same 16 z ~ N(0, I) in every panel"),
    WHOLE_SPACE("whole-space", Kind.TOGGLE, COMPARE, "Whole latent space: axes fitted to every code, not ±4"),
    RATE_DISTORTION("rate-distortion", Kind.VIEW, COMPARE, "Each VAE's rate (KL) against its distortion over training"),

    // ---- the Debiasing tab -----------------------------------------------------------------------
    DEBIASING_TRAIN("debiasing-train", Kind.BUTTON, DEBIASING, "Train / Pause both models of the Debiasing tab"),
    DEBIASING_STEP("debiasing-step", Kind.BUTTON, DEBIASING, "Step both models of the Debiasing tab by one minibatch"),
    DEBIASING_RESET("debiasing-reset", Kind.BUTTON, DEBIASING, "Start both models of the Debiasing tab again"),
    DEBIASING_GROUP("debiasing-group", Kind.CHOICE, DEBIASING, "Which faces are made rare: the brightest or the darkest",
            "bright", "dark"),
    DEBIASING_SHARE("debiasing-share", Kind.CHOICE, DEBIASING, "The rare group's share of the faces", "2", "5", "10"),
    DEBIASING_ALPHA("debiasing-alpha", Kind.CHOICE, DEBIASING, "α, how strongly debiasing favours faces with rare codes",
            "0.5", "1", "2"),
    DEBIASING_SCATTER("debiasing-scatter", Kind.VIEW, DEBIASING,
            "The debiased model's latent space: the rare group, and each face's sampling weight as dot size"),
    DEBIASING_ERRORS("debiasing-errors", Kind.VIEW, DEBIASING,
            "Held-out reconstruction of the rare group and the others, with and without debiasing");

    /** What can be done with a control or view; each {@link Action.Verb} takes one kind. */
    public enum Kind {
        /** A tab: shown or hidden by a setup's views; opened by clicking its header. */
        TAB,
        /** A view that only shows: shown or hidden by a setup's views. */
        VIEW,
        /** A view of points that can be clicked: shown or hidden by a setup's views. */
        POINTS,
        /** A button: shown or hidden by a setup's controls. */
        BUTTON,
        /** A slider: shown or hidden by a setup's controls. */
        SLIDER,
        /** An on/off switch: shown or hidden by a setup's controls. */
        TOGGLE,
        /** A choice among values: shown or hidden by a setup's controls. */
        CHOICE,
        /** A pad to draw on, part of its tab. */
        PAD,
        /** The attribute sliders, one per attribute, part of their tab. */
        ATTRIBUTE_SLIDERS;

        /** Whether a setup's {@code views} list shows or hides ids of this kind. */
        public boolean isView() {
            return this == TAB || this == VIEW || this == POINTS;
        }

        /** Whether a setup's {@code controls} list shows or hides ids of this kind. */
        public boolean isControl() {
            return this == BUTTON || this == SLIDER || this == TOGGLE || this == CHOICE;
        }
    }

    private static final Map<String, ControlId> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ControlId::id, Function.identity()));

    private final String id;
    private final Kind kind;
    private final ControlId parent;
    private final boolean planned;
    private final String description;
    private final List<String> options;

    ControlId(String id, Kind kind, ControlId parent, String description, String... options) {
        this(id, kind, parent, false, description, options);
    }

    ControlId(String id, Kind kind, ControlId parent, boolean planned, String description, String... options) {
        this.id = id;
        this.kind = kind;
        this.parent = parent;
        this.planned = planned;
        this.description = description;
        this.options = List.of(options);
    }

    /** What files say: "beta-slider", "scatter". */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The tab or view this one sits on; empty for the main tabs and the window's own switches. */
    public Optional<ControlId> parent() {
        return Optional.ofNullable(parent);
    }

    /**
     * Whether the window has no node for this id yet: it belongs to a view being built (the
     * likelihood lab, the models beyond the plain VAE, the timeline and presentation mode). Setups
     * and lessons may name it; the window ignores it until the flag is cleared as the view lands.
     */
    public boolean planned() {
        return planned;
    }

    /** One line saying what it is. */
    public String description() {
        return description;
    }

    /** The values a {@link Kind#CHOICE} offers whatever the data; empty when they depend on it. */
    public List<String> options() {
        return options;
    }

    /** The id that {@code text} names, ignoring case and surrounding spaces. */
    public static Optional<ControlId> byId(String text) {
        return Optional.ofNullable(BY_ID.get(text.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * The id that {@code text} names.
     *
     * @throws IllegalArgumentException naming the nearest id, if there is one
     */
    public static ControlId parse(String text) {
        return byId(text).orElseThrow(() -> new IllegalArgumentException("unknown control or view '" + text.strip() + "'"
                + NearestName.suggestion(text, BY_ID.keySet())));
    }

    @Override
    public String toString() {
        return id;
    }
}
