package org.latentlab.lesson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.latentlab.model.Activation;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.training.TrainingConfig;

/**
 * The keys of a setup file and of a lesson step's header, each with how its value is read and
 * written. The training keys are named and read as the {@code train} command's flags
 * ({@code --dataset}, {@code --lr}, …), through the same parsers, so a setup and a command say the
 * same thing the same way.
 */
public enum SetupKey {
    DATASET("dataset", true, "the images: mnist, fashion, faces or a path, as train --dataset",
            (v, b) -> b.dataset = v, Setup::dataset),
    MODEL("model", true, "vae (variational autoencoder), ae (plain autoencoder), cvae (conditional VAE, for labelled"
            + " images) or hvae (hierarchical VAE: latent sets z₁, z₂ has 2 dimensions)", (v, b) -> b.model = windowModel(v), s -> s.model().cliName()),
    LATENT("latent", true, "the latent size: how many numbers z has, 1 to " + ModelConfig.MAX_LATENT_SIZE
            + "; for hvae z₁'s size and z₂'s, as train --latent says it (16," + Setup.UPPER_LATENT_SIZE + ")",
            SetupKey::readLatent, s -> s.model() == ModelKind.HVAE ? s.latentSize() + "," + Setup.UPPER_LATENT_SIZE
                    : Integer.toString(s.latentSize())),
    HIDDEN("hidden", true, "hidden widths from the input inwards, e.g. 256 or 512,256",
            (v, b) -> b.hiddenSizes = wholes(v), s -> s.hiddenSizes().stream().map(String::valueOf).collect(Collectors.joining(","))),
    ACTIVATION("activation", true, "the hidden layers' nonlinearity: relu, leaky-relu, elu or tanh", (v, b) -> b.activation = Activation.fromCliName(v),
            s -> s.activation().cliName()),
    DECODER("decoder", true, "the decoder's p(x|z): bernoulli or gaussian", (v, b) -> b.decoder = Likelihood.fromCliName(v),
            s -> s.decoder().cliName()),
    DECODER_STD("decoder-std", true, "σ of the Gaussian decoder, e.g. 0.1", (v, b) -> b.decoderStd = number(v),
            s -> plain(s.decoderStd())),
    BETA("beta", false, "β, the weight of the KL term: a number ≥ 0", (v, b) -> b.beta = new BetaSchedule.Constant(number(v)).target(),
            s -> plain(s.beta().target())),
    SCHEDULE("schedule", false, "how β is reached: constant, warmup:ITERATIONS or cyclical:ITERATIONS",
            (v, b) -> b.schedule = BetaSchedule.parse(v, 1).describe(), s -> s.beta().describe()),
    LR("lr", false, "Adam's learning rate, in (0, 1], e.g. 0.001", (v, b) -> b.learningRate = number(v), s -> plain(s.learningRate())),
    BATCH("batch", true, "images per step, 1 to " + TrainingConfig.MAX_BATCH_SIZE, (v, b) -> b.batchSize = whole(v), s -> Integer.toString(s.batchSize())),
    SEED("seed", true, "seeds the weights, the noise, the split and the order: a whole number", (v, b) -> b.seed = wholeLong(v), s -> Long.toString(s.seed())),
    EPOCHS("epochs", false, "none, or the epochs after which training stops",
            (v, b) -> b.epochs = v.equalsIgnoreCase("none") ? 0 : whole(v),
            s -> s.epochs() == 0 ? "none" : Integer.toString(s.epochs())),
    TAB("tab", false, "explore, compare or debiasing: the main tab shown", (v, b) -> b.tab = ControlId.parse(v), s -> s.tab().id()),
    TOOL("tool", false, "grid, attributes, interpolate, draw, …: the tab of the Explore tab's right-hand pane",
            (v, b) -> b.tool = ControlId.parse(v), s -> s.tool().id()),
    COMPARE("compare", false, "ablation, beta-sweep, beta:B,B,… or a list of models, as train --compare",
            (v, b) -> b.compare = ComparisonPreset.parse(v), s -> s.compare().name()),
    VIEWS("views", false, "all, or the tabs and views to show, e.g. explore, scatter, loss-chart, grid",
            (v, b) -> b.views = ids(v, Setup.ALL_VIEWS), s -> ids(s.views(), Setup.ALL_VIEWS)),
    CONTROLS("controls", false, "all, none, or the controls to leave visible, e.g. train, step, beta-slider",
            (v, b) -> b.controls = ids(v, Setup.ALL_CONTROLS), s -> ids(s.controls(), Setup.ALL_CONTROLS)),
    SELECTED("selected", false, "none, or the index of the held-out image selected in the scatter",
            (v, b) -> b.selectedImage = v.equalsIgnoreCase("none") ? Setup.NO_SELECTION : whole(v),
            s -> s.selectedImage() == Setup.NO_SELECTION ? "none" : Integer.toString(s.selectedImage())),
    RUN("run", false, "none, or the name of a ready-trained run to start from, e.g. vae-2d-epoch-5",
            (v, b) -> b.run = v.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(ReadyRuns.parse(v)),
            s -> s.run().map(ReadyRun::name).orElse("none")),
    PACE("pace", false, "full, or iterations per second (1 to " + Setup.MAX_PACE + ")",
            (v, b) -> b.pace = v.equalsIgnoreCase("full") ? Setup.FULL_SPEED : whole(v),
            s -> s.pace() == Setup.FULL_SPEED ? "full" : Integer.toString(s.pace())),
    PRESENTATION("presentation", false, "presentation mode (full screen, large text): on or off", (v, b) -> b.presentation = onOff(v), s -> s.presentation() ? "on" : "off"),
    UNITS("units", false, "the units of losses: nats (per image) or bits (per dimension)", (v, b) -> b.units = Units.parse(v),
            s -> s.units().fileName());

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Map<String, SetupKey> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(SetupKey::fileName, Function.identity()));

    private final String fileName;
    private final boolean network;
    private final String expected;
    private final BiConsumer<String, Setup.Builder> reader;
    private final Function<Setup, String> writer;

    SetupKey(String fileName, boolean network, String expected, BiConsumer<String, Setup.Builder> reader,
             Function<Setup, String> writer) {
        this.fileName = fileName;
        this.network = network;
        this.expected = expected;
        this.reader = reader;
        this.writer = writer;
    }

    /** What files say: "beta", "decoder-std". */
    public String fileName() {
        return fileName;
    }

    /** Whether changing it needs a new model: a loaded run fixes it. */
    public boolean network() {
        return network;
    }

    /** What its value may be, in words. */
    public String expected() {
        return expected;
    }

    /** The value as a file writes it. */
    public String write(Setup setup) {
        return writer.apply(setup);
    }

    /** Reads {@code value} into {@code builder}; throws IllegalArgumentException saying what was expected. */
    void read(String value, Setup.Builder builder) {
        reader.accept(value.strip(), builder);
    }

    /** Every key's name, in file order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(SetupKey::fileName).collect(Collectors.toList());
    }

    /** The key {@code name} names, ignoring case. */
    public static Optional<SetupKey> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return fileName;
    }

    /** {@code value} as a file writes it: 0.001, 4, 2.5 (never 1.0E-3). */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A model kind the window trains: every one (a VAE, an autoencoder, a conditional or a hierarchical VAE). */
    private static ModelKind windowModel(String text) {
        return Arrays.stream(ModelKind.values()).filter(k -> k.cliName().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + text
                        + "': expected vae, ae, cvae or hvae"));
    }

    /** One latent size, or z₁'s and z₂'s for the hierarchical VAE, whose z₂ has {@value Setup#UPPER_LATENT_SIZE} dimensions in the window. */
    private static void readLatent(String text, Setup.Builder builder) {
        String[] parts = text.split(",", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("expected one size, or two for hvae (e.g. 16," + Setup.UPPER_LATENT_SIZE
                    + "), got '" + text + "'");
        }
        if (parts.length == 2 && whole(parts[1].strip()) != Setup.UPPER_LATENT_SIZE) {
            throw new IllegalArgumentException("the window's hierarchical VAE has a " + Setup.UPPER_LATENT_SIZE
                    + "-D upper level z₂: expected " + parts[0].strip() + "," + Setup.UPPER_LATENT_SIZE + ", got '" + text + "'");
        }
        builder.latentSize = whole(parts[0].strip());
        builder.twoLatentLevels = parts.length == 2;
    }

    private static double number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("expected a number such as 0.5 or 1e-3, got '" + text + "'");
        }
        return Double.parseDouble(text);
    }

    private static int whole(String text) {
        long value = wholeLong(text);
        if (value != (int) value) {
            throw new IllegalArgumentException("the number " + text + " is too large");
        }
        return (int) value;
    }

    private static long wholeLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
        }
    }

    private static List<Integer> wholes(String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            values.add(whole(part.strip()));
        }
        return values;
    }

    private static boolean onOff(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "on":
                return true;
            case "off":
                return false;
            default:
                throw new IllegalArgumentException("expected on or off, got '" + text + "'");
        }
    }

    /** "all", "none" or a comma-separated list of ids. */
    private static Set<ControlId> ids(String text, Set<ControlId> all) {
        if (text.equalsIgnoreCase("all")) {
            return all;
        }
        if (text.equalsIgnoreCase("none")) {
            return Set.of();
        }
        Set<ControlId> ids = EnumSet.noneOf(ControlId.class);
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("expected all, none, or ids separated by commas, got '" + text + "'");
            }
            ids.add(ControlId.parse(part));
        }
        return ids;
    }

    private static String ids(Set<ControlId> ids, Set<ControlId> all) {
        return ids.equals(all) ? "all" : ids.isEmpty() ? "none" : Setup.names(ids);
    }
}
