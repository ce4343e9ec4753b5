package org.latentlab.ui.outliers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.lesson.Units;
import org.latentlab.likelihood.LikelihoodRanking;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.scatter.LatestWins;

/**
 * The Outliers tab: the held-out images ranked by −log p(x), the 16 most and the 16 least likely
 * with their reconstructions, and, once other data is chosen, the two sets' histograms of −log p(x)
 * and its AUROC as a score for "not from the training data".
 *
 * <p>Scoring reads the model on the trainer thread ({@link ModelReader}), then runs on a worker
 * ({@link LatestWins}: a request still waiting when a newer one comes is dropped; one running stops
 * when the model is replaced or other data is chosen). While the tab is shown it scores again when
 * the model has moved on: after each epoch while training runs, no sooner than
 * {@value #TRAINING_INTERVAL_SECONDS} s after the last request, and after any step while it is
 * paused; {@link #scoreAgain} asks at once. Uses {@code javafx.beans} only; confined to the JavaFX
 * application thread (or a test's thread), except the scoring, which runs on the worker.
 */
public final class OutliersViewModel {

    /** Importance samples per image: ≈0.7 CPU-s for 1,000 digits, within 0.3 nats of K = 1,000 (note 0072). */
    public static final int SAMPLES = ScoreComputation.SAMPLES;
    /** While training runs, scoring is asked again at most this often, so it takes a small share of a core. */
    static final long TRAINING_INTERVAL_SECONDS = 10;

    /** Other data, loaded and spread: what is compared. */
    record OtherImages(String spec, String name, float[] pixels, int count, int width, int height) {
    }

    private final LatestWins<OutlierScores> results;
    private final LatestWins<OtherImages> loads;
    private final ModelReader reader;
    private final IntConsumer select;
    private final Supplier<String> ownData;
    private final LongSupplier clock;
    /** Counts replaced models and choices of other data; a scoring for an earlier one stops. Read by the worker. */
    private final AtomicLong generation = new AtomicLong();
    /** The number of the last request whose scoring ended (done, failed or stopped); written by the worker. */
    private final AtomicLong finished = new AtomicLong();
    /** Images scored so far by the running request; written by the worker. */
    private final AtomicInteger scored = new AtomicInteger();

    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ObjectProperty<Units> units = new SimpleObjectProperty<>(this, "units", Units.NATS_PER_IMAGE);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyObjectWrapper<OutlierScores> scores = new ReadOnlyObjectWrapper<>(this, "scores");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Start training.");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper otherMessage = new ReadOnlyStringWrapper(this, "otherMessage", "");

    private ModelConfig config;
    private ProbeSet probe;
    private TrainerState state;
    private long iteration = -1;
    private int epoch;
    private long scoredIteration = -1;
    private int scoredEpoch = -1;
    /** Why the last scoring failed, or {@code null}. */
    private String failure;
    /** Requests made so far; the last one's number. */
    private long asks;
    private long askedAt;
    private int askedEpoch;
    /** How many images the running request scores. */
    private int toScore;
    private boolean stale;
    private OtherImages other;
    private String loadingSpec;
    private long takenScores;
    private long takenLoad;

    /**
     * @param worker  scores and loads other data, off this thread
     * @param reader  encodes images with the model being trained and copies its decoder
     * @param select  selects a held-out image in the scatter, by its index
     * @param ownData the {@code --dataset} value of the model's own data, which is no "other" data
     * @param clock   nanoseconds, for the pause between requests while training runs
     */
    public OutliersViewModel(Executor worker, ModelReader reader, IntConsumer select, Supplier<String> ownData,
                             LongSupplier clock) {
        this.results = new LatestWins<>(worker);
        this.loads = new LatestWins<>(worker);
        this.reader = reader;
        this.select = select;
        this.ownData = ownData;
        this.clock = clock;
        active.addListener((o, was, now) -> {
            if (now && stale) {
                ask();
            }
        });
    }

    /** Takes a new snapshot: a new model is scored afresh, one that moved on is scored again in time. */
    public void update(TrainingSnapshot snapshot) {
        boolean replaced = probe == null || snapshot.probe().pixels() != probe.pixels()
                || !snapshot.modelConfig().equals(config) || snapshot.iteration() < iteration;
        config = snapshot.modelConfig();
        probe = snapshot.probe();
        state = snapshot.state();
        iteration = snapshot.iteration();
        epoch = snapshot.epoch();
        if (replaced) {
            generation.incrementAndGet();
            scores.set(null);
            scoredIteration = -1;
            scoredEpoch = -1;
            dropOtherOfAnotherSize();
            stale = true;
            ask();
            return;
        }
        if (iteration != scoredIteration && (epoch > scoredEpoch || state != TrainerState.RUNNING)) {
            stale = true;
        }
    }

    /** Other data loaded for a model of another image size is no longer compared. */
    private void dropOtherOfAnotherSize() {
        if (other != null && (other.width() != config.imageWidth() || other.height() != config.imageHeight())) {
            otherMessage.set(other.name() + " holds " + other.width() + "×" + other.height() + " images, and the new"
                    + " model reads " + config.imageWidth() + "×" + config.imageHeight() + ": choose other data again.");
            other = null;
        }
    }

    /** Scores the model as it is now, whatever was scored before. */
    public void scoreAgain() {
        stale = true;
        ask();
    }

    /**
     * Loads {@code spec} ({@code --dataset}'s values: faces, fashion, a path) on the worker, then
     * scores it beside the held-out images.
     */
    public void compareWith(String spec) {
        String own = ownData.get();
        if (config == null) {
            otherMessage.set("Start training first: there is no model to score other data with.");
            return;
        }
        if (own != null && DatasetSource.sameData(spec, own)) {
            otherMessage.set("That is the model's own data: its held-out images are what this tab ranks. Choose other"
                    + " data to compare with.");
            return;
        }
        generation.incrementAndGet();
        loadingSpec = spec;
        otherMessage.set("Loading " + spec + "…");
        int width = config.imageWidth();
        int height = config.imageHeight();
        loads.submit(() -> load(spec, width, height));
    }

    /** On the worker: the data, checked against the model's image size, up to 1,000 images spread through it. */
    private static OtherImages load(String spec, int width, int height) {
        Dataset all = DatasetSource.parse(spec).load();
        if (all.width() != width || all.height() != height) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s holds %d×%d images but the model reads"
                    + " %d×%d: choose data of the model's size.", all.name(), all.width(), all.height(), width, height));
        }
        int[] picks = LikelihoodRanking.spread(all.size(), LikelihoodRanking.MAX_OTHER);
        Dataset chosen = all.subset(picks, all.name());
        return new OtherImages(spec, all.name(), chosen.pixels(chosen.size()), chosen.size(), width, height);
    }

    /** Selects held-out image {@code index} in the scatter, as clicking it there does. */
    public void select(int index) {
        select.accept(index);
    }

    /** Asks for the scores of the model as it is now, if the tab is shown and the model has them. */
    private void ask() {
        String unavailable = unavailable();
        if (unavailable != null) {
            message.set(unavailable);
            progress.set("");
            stale = false;
            return;
        }
        if (!active.get() || !stale) {
            return;
        }
        OtherImages compared = other;
        List<ModelReader.Images> sets = new ArrayList<>();
        sets.add(new ModelReader.Images(probe.pixels(), probe.labels(), probe.size()));
        if (compared != null) {
            sets.add(new ModelReader.Images(compared.pixels(), null, compared.count()));
        }
        long asked = generation.get();
        long number = asks + 1;
        ScoreComputation computation = new ScoreComputation(probe, compared == null ? null : compared.name(),
                compared == null ? null : compared.pixels(), scored::set, () -> generation.get() != asked);
        scored.set(0);
        toScore = probe.size() + (compared == null ? 0 : compared.count());
        if (!reader.read(sets, reading -> results.submit(() -> {
            try {
                return computation.run(reading);
            } finally {
                finished.accumulateAndGet(number, Math::max);
            }
        }))) {
            failure = "There is no model to score yet.";
            showProgress();
            return;
        }
        asks = number;
        failure = null;
        stale = false;
        askedAt = clock.getAsLong();
        askedEpoch = epoch;
        if (scores.get() == null) {
            message.set("");
        }
        showProgress();
    }

    /** Why there is nothing to score, in a sentence; {@code null} when there is. */
    private String unavailable() {
        if (config == null) {
            return "Start training.";
        }
        if (config.kind() == ModelKind.AUTOENCODER) {
            return "An autoencoder has no likelihood p(x): it cannot rank images by how likely they are.";
        }
        if (config.kind() == ModelKind.HVAE) {
            return "This tab does not estimate −log p(x) for a hierarchical VAE yet: its importance weights need"
                    + " both levels of latents.";
        }
        return null;
    }

    /** Called once per frame: takes up finished scores and loaded data. */
    public void pulse() {
        takeLoad();
        LatestWins.Outcome<OutlierScores> done = results.latest();
        if (done != null && done.id() > takenScores) {
            takenScores = done.id();
            // A scoring stopped because a newer model or other data was chosen has been asked for again.
            boolean stopped = done.failure() instanceof CancellationException;
            if (done.failure() != null && !stopped) {
                failure = "The images could not be scored: " + done.failure().getMessage();
            } else if (!stopped && unavailable() == null) {
                OutlierScores got = done.value();
                scores.set(got);
                scoredIteration = got.iteration();
                scoredEpoch = askedEpoch;
                message.set("");
            }
        }
        boolean throttled = state == TrainerState.RUNNING
                && clock.getAsLong() - askedAt < TRAINING_INTERVAL_SECONDS * 1_000_000_000L;
        if (stale && !asking() && !throttled) {
            ask();
        }
        showProgress();
    }

    private void takeLoad() {
        LatestWins.Outcome<OtherImages> loaded = loads.latest();
        if (loaded == null || loaded.id() <= takenLoad) {
            return;
        }
        takenLoad = loaded.id();
        if (loaded.failure() != null) {
            otherMessage.set(loaded.failure().getMessage());
            return;
        }
        if (!loaded.value().spec().equals(loadingSpec)) {
            return;
        }
        other = loaded.value();
        otherMessage.set("");
        scoreAgain();
    }

    /** Whether the last request's scoring has not ended yet. */
    private boolean asking() {
        return finished.get() < asks;
    }

    private void showProgress() {
        if (unavailable() != null) {
            return;
        }
        if (asking()) {
            progress.set(String.format(Locale.ROOT, "Scoring %,d of %,d images (IWAE, K = %d)…",
                    Math.min(scored.get(), toScore), toScore, SAMPLES));
            return;
        }
        OutlierScores shown = scores.get();
        if (failure != null || shown == null) {
            progress.set(failure != null ? failure : "");
            return;
        }
        progress.set(String.format(Locale.ROOT, "%,d held-out images scored at iteration %,d (IWAE, K = %d)%s",
                shown.heldOut().length, shown.iteration(), SAMPLES,
                iteration != shown.iteration() ? "; the model has moved on since" : ""));
    }

    // ---- readouts ---------------------------------------------------------------------------------

    /**
     * "AUROC 0.996: …", the AUROC of −log p(x) as a score for "not from the training data" and what it
     * means; empty without other data.
     */
    public String aurocText() {
        OutlierScores shown = scores.get();
        if (shown == null || shown.comparison() == null) {
            return "";
        }
        OutlierScores.Comparison c = shown.comparison();
        return String.format(Locale.ROOT, "AUROC %.3f: the chance that an image of %s gets a higher −log p(x) than a"
                + " held-out image (0.5: chance).", c.auroc(), c.otherName());
    }

    /** The sentence on a model that rates the other data as more likely than its own; empty otherwise. */
    public String nalisnickText() {
        OutlierScores shown = scores.get();
        if (shown == null || shown.comparison() == null || !shown.comparison().otherLooksMoreLikely()) {
            return "";
        }
        return "The model rates " + shown.comparison().otherName() + " as more likely than its own held-out images:"
                + " likelihood models are known to do this (Nalisnick et al. 2019, \"Do deep generative models know"
                + " what they don't know?\").";
    }

    // ---- properties -----------------------------------------------------------------------------

    /** Whether the tab is shown: only then is anything scored. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The units the values are shown in. */
    public ObjectProperty<Units> unitsProperty() {
        return units;
    }

    /** The held-out image selected in the scatter (−1: none), ringed where it is shown. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** The scores shown; {@code null} before the first of this model. */
    public ReadOnlyObjectProperty<OutlierScores> scoresProperty() {
        return scores.getReadOnlyProperty();
    }

    /** Why there is nothing to show, in a sentence; empty while scores are shown or on their way. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What scoring is doing: "Scoring 384 of 1,000 images (IWAE, K = 100)…", or what was scored. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** About the other data: loading, or why it cannot be compared; empty otherwise. */
    public ReadOnlyStringProperty otherMessageProperty() {
        return otherMessage.getReadOnlyProperty();
    }
}
