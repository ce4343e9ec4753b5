package org.latentlab.ui.likelihood;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.latentlab.likelihood.IwaeCurve;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.scatter.LatestWins;

/**
 * The Likelihood tab: for the image selected in the scatter, or the drawing on the pad, the true
 * posterior p(z|x) beside q(z|x), the −ELBO, −log p(x) and the gap between them, and the
 * importance-sampling estimate as the number of samples K grows.
 *
 * <p>The numbers are computed on a worker ({@link LatestWins}): a request still waiting when a
 * newer one comes is dropped, and one that is running stops when another image is chosen (not when
 * only the model moved on, or a model that trains quickly would never show anything). While the tab
 * is shown, new snapshots ask again, so the numbers follow training: for the newest of them, when
 * nothing is being computed and the last request is a second old (asking for every snapshot kept the
 * worker busy with requests that only queued behind each other, and a click waited behind them:
 * docs/benchmarks.md, "Likelihood"). A click is answered first for the snapshot last
 * asked about, whose coarse scan the worker keeps ({@link LikelihoodWork}), and then for the newest. The K slider only reads
 * the curve already computed. Uses {@code javafx.beans} only; confined to the JavaFX application
 * thread (or a test's thread), except the computation, which runs on the worker.
 */
public final class LikelihoodViewModel {

    /** The K the slider offers: 1, 2, 5, 10, …, 5,000. */
    public static final int[] SAMPLES = IwaeCurve.stepsUpTo(IwaeCurve.MAX_SAMPLES);
    /** The least time between two requests made because the model moved on, not the image: 1 s. */
    static final long REFRESH_NANOS = 1_000_000_000L;
    /** Cells a side of the heat map. */
    static final int CELLS = 64;

    private record Subject(String description, float[] image, float[] mean, float[] logVariance, int label,
                           int probeIndex) {
    }

    private final LatestWins<LikelihoodResult> results;
    private final LikelihoodWork work = new LikelihoodWork();
    private final LongSupplier clock;
    /** Counts the choices of image; a computation for an earlier one stops. Read by the worker. */
    private final AtomicLong subjects = new AtomicLong();
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final IntegerProperty samplesIndex = new SimpleIntegerProperty(this, "samplesIndex", SAMPLES.length - 1);
    private final ReadOnlyIntegerWrapper samples = new ReadOnlyIntegerWrapper(this, "samples", IwaeCurve.MAX_SAMPLES);
    private final ReadOnlyDoubleWrapper estimate = new ReadOnlyDoubleWrapper(this, "estimate", Double.NaN);
    private final ReadOnlyObjectWrapper<LikelihoodResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Click an image in the latent space, or draw one on the Draw tab.");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    private ModelConfig config;
    private DecoderWeights decoder;
    private ProbeSet probe;
    private long iteration;
    /** The snapshot the last request was of (its decoder, probe and iteration); {@code null} before one. */
    private DecoderWeights askedDecoder;
    private ProbeSet askedProbe;
    private long askedIteration;
    /** When the last request was made, by the clock; 0 before the first. */
    private long askedAt;
    private Subject subject;
    private long taken;
    /** Whether the shown numbers are of an older snapshot or image than the current ones. */
    private boolean stale;

    /** @param worker runs the computations, off this thread */
    public LikelihoodViewModel(Executor worker) {
        this(worker, System::nanoTime);
    }

    /** A view-model that times its refreshes by {@code clock}, in nanoseconds (tests move it by hand). */
    LikelihoodViewModel(Executor worker, LongSupplier clock) {
        this.results = new LatestWins<>(worker);
        this.clock = clock;
        samplesIndex.addListener(o -> showEstimate());
        active.addListener((o, was, now) -> {
            if (now && stale) {
                ask();
            }
        });
    }

    /** Takes a new snapshot: the chosen held-out image's q(z|x) moves with the encoder, and everything is asked again. */
    public void update(TrainingSnapshot snapshot) {
        if (!snapshot.modelConfig().equals(config) || snapshot.iteration() < iteration) {
            askedDecoder = null; // another model, or the same one reset: nothing asked of it yet
        }
        config = snapshot.modelConfig();
        decoder = snapshot.decoder();
        probe = snapshot.probe();
        iteration = snapshot.iteration();
        if (subject != null && subject.probeIndex() >= 0) {
            subject = subject.probeIndex() < probe.size() ? fromProbe(probe, subject.probeIndex()) : null;
        }
        stale = true;
        refreshIfDue();
    }

    /**
     * Asks again for the newest snapshot if the numbers shown are of an older one, nothing is being
     * computed and the last request is a second old ({@link #REFRESH_NANOS}): while training, a new snapshot
     * comes every 0.1–0.2 s, and following each kept the worker busy, so that a click waited for it.
     */
    private void refreshIfDue() {
        if (stale && results.lastRequested() <= taken && (askedAt == 0 || clock.getAsLong() - askedAt >= REFRESH_NANOS)) {
            ask();
        }
    }

    /** The image selected in the latent scatter ({@code -1}: none, which keeps what is shown). */
    public void selectProbe(int index) {
        if (index < 0 || probe == null || index >= probe.size()) {
            return;
        }
        subject = fromProbe(probe, index);
        subjects.incrementAndGet();
        // Of the snapshot last asked about, whose estimator (and its scan) the worker keeps: a click then
        // costs this image's grids alone. The newest snapshot follows when it is done.
        boolean older = askedDecoder != null && askedDecoder != decoder;
        stale = true;
        ask(askedDecoder != null);
        stale |= older;
    }

    /** The drawing on the pad and its q(z|x) ({@code null}: the pad was cleared, which keeps what is shown). */
    public void setDrawing(Encoding encoding, float[] pixels) {
        if (encoding == null || pixels == null) {
            return;
        }
        float[] mean = row(encoding.means(), encoding.latentSize());
        float[] logVariance = row(encoding.logVariances(), encoding.latentSize());
        subject = new Subject("your drawing", pixels.clone(), mean, logVariance, -1, -1);
        subjects.incrementAndGet();
        stale = true;
        ask();
    }

    private static Subject fromProbe(ProbeSet probe, int index) {
        Encoding codes = probe.encoding();
        int d = codes.latentSize();
        float[] mean = new float[d];
        float[] logVariance = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = codes.mean(index, j);
            logVariance[j] = codes.hasPosterior() ? codes.logVariance(index, j) : 0; // an autoencoder's: never used
        }
        int label = probe.label(index);
        String description = String.format(Locale.ROOT, "held-out image %d%s", index + 1, // counted from 1, as the scatter does
                label >= 0 && label < probe.classNames().size() ? " (" + probe.classNames().get(label) + ")" : "");
        return new Subject(description, probe.image(index), mean, logVariance, label, index);
    }

    private static float[] row(float[] values, int length) {
        float[] out = new float[length];
        System.arraycopy(values, 0, out, 0, length);
        return out;
    }

    /** Asks for the numbers of the current image and snapshot, if the tab is shown and the model has them. */
    private void ask() {
        ask(false);
    }

    /**
     * Asks for the numbers of the current image, of the newest snapshot or, if {@code asBefore}, of the
     * snapshot last asked about, if the tab is shown and the model has them.
     */
    private void ask(boolean asBefore) {
        String unavailable = unavailable();
        if (unavailable != null) {
            message.set(unavailable);
            result.set(null);
            estimate.set(Double.NaN);
            stale = false;
            return;
        }
        if (!active.get()) {
            return;
        }
        stale = false;
        askedAt = clock.getAsLong();
        if (!asBefore || askedDecoder == null) {
            askedDecoder = decoder;
            askedProbe = probe;
            askedIteration = iteration;
        }
        Subject asked = subject.probeIndex() >= 0 && subject.probeIndex() < askedProbe.size()
                ? fromProbe(askedProbe, subject.probeIndex()) : subject;
        DecoderWeights weights = askedDecoder;
        long subjectId = subjects.get();
        long at = askedIteration;
        BooleanSupplier cancelled = () -> subjects.get() != subjectId;
        if (result.get() == null) {
            message.set("Computing the posterior of " + asked.description() + "…");
        }
        results.submit(() -> work.compute(weights, asked.label(), asked.description(), asked.image(), asked.mean(),
                asked.logVariance(), CELLS, at, cancelled));
    }

    /** Why there is nothing to compute, in a sentence; {@code null} when there is. */
    private String unavailable() {
        if (config == null) {
            return "Start training, then click an image in the latent space.";
        }
        if (config.kind() == ModelKind.AUTOENCODER) {
            return "An autoencoder has no q(z|x) and no likelihood p(x): there is nothing to show here.";
        }
        if (config.kind() == ModelKind.HVAE) {
            return "This tab does not estimate −log p(x) for a hierarchical VAE yet; 'evaluate --run' on a saved"
                    + " run does, over both levels of latents.";
        }
        if (subject == null) {
            return "Click an image in the latent space, or draw one on the Draw tab.";
        }
        if (config.conditional() && subject.label() < 0) {
            return "A conditional VAE scores an image with its class, and a drawing has none: click a held-out image.";
        }
        return null;
    }

    /** Called once per frame: takes up a finished computation. */
    public void pulse() {
        refreshIfDue();
        LatestWins.Outcome<LikelihoodResult> done = results.latest();
        if (done == null || done.id() <= taken) {
            return;
        }
        taken = done.id();
        if (done.failure() instanceof CancellationException) {
            return;
        }
        if (done.failure() != null) {
            message.set("The likelihood could not be computed: " + done.failure().getMessage());
            return;
        }
        if (unavailable() != null) {
            return; // the model changed kind while it ran
        }
        LikelihoodResult got = done.value();
        result.set(got);
        message.set("");
        note.set(got.exact() ? "" : String.format(Locale.ROOT, "With %d latent dimensions the true posterior cannot be"
                + " drawn, nor p(x) summed on a grid (100 cells a side would take 100^%d decodes), so only the"
                + " importance-sampling estimate is shown: it comes down towards −log p(x) as K grows, from above.",
                config.latentSize(), config.latentSize()));
        showEstimate();
    }

    private void showEstimate() {
        int index = Math.max(0, Math.min(SAMPLES.length - 1, samplesIndex.get()));
        samples.set(SAMPLES[index]);
        LikelihoodResult shown = result.get();
        estimate.set(shown == null ? Double.NaN : shown.curve().negativeLogMarginal()[index]);
    }

    // ---- properties -----------------------------------------------------------------------------

    /** Whether the tab is shown: only then are the numbers computed. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** The slider's position: an index into {@link #SAMPLES}. */
    public IntegerProperty samplesIndexProperty() {
        return samplesIndex;
    }

    /** K, the importance samples of the estimate shown. */
    public ReadOnlyIntegerProperty samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    /** −log p̂_K(x) with the slider's K, nats; NaN while there is none. */
    public ReadOnlyDoubleProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    /** The numbers shown; {@code null} before the first. */
    public ReadOnlyObjectProperty<LikelihoodResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** What to do first, or why there is nothing to show; empty while numbers are shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why only the curve is shown (above 2-D); empty otherwise. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
