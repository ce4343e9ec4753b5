package org.latentlab.ui.likelihood;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
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
import org.latentlab.likelihood.LikelihoodEstimator;
import org.latentlab.likelihood.PosteriorPicture;
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
 * is shown, every new snapshot asks again, so the numbers follow training. The K slider only reads
 * the curve already computed. Uses {@code javafx.beans} only; confined to the JavaFX application
 * thread (or a test's thread), except the computation, which runs on the worker.
 */
public final class LikelihoodViewModel {

    /** The K the slider offers: 1, 2, 5, 10, …, 5,000. */
    public static final int[] SAMPLES = IwaeCurve.stepsUpTo(IwaeCurve.MAX_SAMPLES);
    /** Cells a side of the heat map. */
    static final int CELLS = 64;
    /** The seed of the importance samples: the same ε for every request, so only the model moves the curve. */
    private static final long SEED = 1;

    private record Subject(String description, float[] image, float[] mean, float[] logVariance, int label,
                           int probeIndex) {
    }

    private final LatestWins<LikelihoodResult> results;
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
    private Subject subject;
    private long taken;
    /** Whether the shown numbers are of an older snapshot or image than the current ones. */
    private boolean stale;

    /** @param worker runs the computations, off this thread */
    public LikelihoodViewModel(Executor worker) {
        this.results = new LatestWins<>(worker);
        samplesIndex.addListener(o -> showEstimate());
        active.addListener((o, was, now) -> {
            if (now && stale) {
                ask();
            }
        });
    }

    /** Takes a new snapshot: the chosen held-out image's q(z|x) moves with the encoder, and everything is asked again. */
    public void update(TrainingSnapshot snapshot) {
        config = snapshot.modelConfig();
        decoder = snapshot.decoder();
        probe = snapshot.probe();
        iteration = snapshot.iteration();
        if (subject != null && subject.probeIndex() >= 0) {
            subject = subject.probeIndex() < probe.size() ? fromProbe(subject.probeIndex()) : null;
        }
        stale = true;
        ask();
    }

    /** The image selected in the latent scatter ({@code -1}: none, which keeps what is shown). */
    public void selectProbe(int index) {
        if (index < 0 || probe == null || index >= probe.size()) {
            return;
        }
        subject = fromProbe(index);
        subjects.incrementAndGet();
        stale = true;
        ask();
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

    private Subject fromProbe(int index) {
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
        Subject asked = subject;
        DecoderWeights weights = config.conditional() ? decoder.forClass(asked.label()) : decoder;
        long subjectId = subjects.get();
        long at = iteration;
        BooleanSupplier cancelled = () -> subjects.get() != subjectId;
        if (result.get() == null) {
            message.set("Computing the posterior of " + asked.description() + "…");
        }
        results.submit(() -> compute(weights, asked, at, cancelled));
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
            return "This tab does not estimate −log p(x) for a hierarchical VAE yet: its importance weights need"
                    + " both levels of latents.";
        }
        if (subject == null) {
            return "Click an image in the latent space, or draw one on the Draw tab.";
        }
        if (config.conditional() && subject.label() < 0) {
            return "A conditional VAE scores an image with its class, and a drawing has none: click a held-out image.";
        }
        return null;
    }

    /** On the worker: the IWAE curve up to 5,000 samples and, in 2-D, the true posterior. */
    private static LikelihoodResult compute(DecoderWeights weights, Subject asked, long at, BooleanSupplier cancelled) {
        LikelihoodEstimator estimator = new LikelihoodEstimator(weights);
        IwaeCurve curve = estimator.iwaeCurve(asked.image(), asked.mean(), asked.logVariance(), IwaeCurve.MAX_SAMPLES,
                SEED, partial -> { }, cancelled);
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("another image was chosen");
        }
        PosteriorPicture picture = asked.mean().length == 2
                ? PosteriorPicture.of(estimator, asked.image(), asked.mean(), asked.logVariance(), CELLS) : null;
        return new LikelihoodResult(asked.description(), curve, picture, at);
    }

    /** Called once per frame: takes up a finished computation. */
    public void pulse() {
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
