package org.latentlab.ui.conditional;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.latentlab.training.ClassFromCode;
import org.latentlab.training.CodeComparison;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.FailureMessage;
import org.latentlab.ui.scatter.LatentScatterViewModel;
import org.latentlab.ui.scatter.ScatterPoints;
import org.latentlab.ui.scatter.ScatterProjection;
import org.latentlab.ui.scatter.Viewport;

/**
 * The Conditional tab's two scatters of the same held-out images: the conditional VAE's codes
 * (each image encoded with its own class) beside a plain VAE's, the same network without the class,
 * trained beside it on the same minibatches for as many steps; under each, how often the
 * {@value ClassFromCode#K} nearest training codes name an image's class, against chance.
 *
 * <p>A pair is asked for while the tab is shown and the model is a conditional VAE: at once, then
 * after each epoch while it trains, and when training stops at a step not yet shown. The work (the
 * plain VAE's training among it) runs off the JavaFX thread; {@link #pulse()} takes it up when
 * done. Uses {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread).
 */
public final class CodePairViewModel {

    /** Why the conditional VAE's codes do not cluster by class. */
    public static final String WHY = "The label carries the content, so z only needs the style: slant, width,"
            + " thickness, which every class shares.";
    /** How the class is guessed from the codes, and what chance means. */
    public static final String HOW = "A plain VAE must tell the classes apart in z to draw them; a conditional VAE"
            + " is told the class. Both start from the same seed and train on the same minibatches for as many"
            + " steps. Class from z: each held-out image's class guessed as the one most of its "
            + ClassFromCode.K + " nearest training codes have. Chance is the share of the commonest class: codes that"
            + " held no class at all would still get about that much right. Some class is left in a conditional VAE's"
            + " codes because style and class go together (1s are narrow).";
    static final String NOT_YET = "Train the conditional VAE: a plain VAE then trains beside it, for as many steps"
            + " on the same minibatches, to put their codes side by side.";

    private final Supplier<CompletableFuture<CodeComparison>> compare;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", false);
    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen", false);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyObjectWrapper<ScatterPoints> conditionalPoints =
            new ReadOnlyObjectWrapper<>(this, "conditionalPoints");
    private final ReadOnlyObjectWrapper<ScatterPoints> plainPoints = new ReadOnlyObjectWrapper<>(this, "plainPoints");
    private final ReadOnlyStringWrapper conditionalReadout = new ReadOnlyStringWrapper(this, "conditionalReadout", "");
    private final ReadOnlyStringWrapper plainReadout = new ReadOnlyStringWrapper(this, "plainReadout", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", NOT_YET);
    private final ReadOnlyObjectWrapper<Viewport> viewport = new ReadOnlyObjectWrapper<>(this, "viewport",
            LatentScatterViewModel.fittedViewport(null));
    private final ReadOnlyObjectWrapper<CodeComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");

    private TrainingSnapshot latest;
    private CompletableFuture<CodeComparison> pending;
    /** The epoch and step of the snapshot the last pair was asked at; −1 before any. */
    private int askedEpoch = -1;
    private long askedIteration = -1;

    /**
     * @param compare starts a new pair of readings of the model being trained ({@code training.PlainTwin});
     *                its future completes off the JavaFX thread
     */
    public CodePairViewModel(Supplier<CompletableFuture<CodeComparison>> compare) {
        this.compare = compare;
        shown.addListener(o -> askIfDue());
        chosen.addListener(o -> askIfDue());
    }

    /** Takes a new snapshot; a model that is not a conditional VAE, or a new model, clears the pair. */
    public void update(TrainingSnapshot snapshot) {
        boolean conditional = snapshot.decoder().conditional();
        boolean wentBack = latest != null && snapshot.iteration() < askedIteration;
        if (!conditional || wentBack) {
            clear();
        }
        latest = conditional ? snapshot : null;
        askIfDue();
    }

    /** Takes up a finished pair; called once per frame. */
    public void pulse() {
        if (pending == null || !pending.isDone()) {
            return;
        }
        CompletableFuture<CodeComparison> done = pending;
        pending = null;
        try {
            show(done.join());
        } catch (CompletionException e) {
            status.set("The codes could not be compared: " + FailureMessage.of(e.getCause()));
        }
        askIfDue();
    }

    private void askIfDue() {
        if (!shown.get() || !chosen.get() || latest == null || pending != null) {
            return;
        }
        if (latest.iteration() == 0) {
            status.set(NOT_YET);
            return;
        }
        boolean due = askedIteration < 0 || (latest.state() == TrainerState.RUNNING
                ? latest.epoch() != askedEpoch : latest.iteration() != askedIteration);
        if (!due) {
            return;
        }
        askedEpoch = latest.epoch();
        askedIteration = latest.iteration();
        status.set(String.format(Locale.ROOT, "Training the plain VAE to step %,d of the conditional VAE…",
                latest.iteration()));
        pending = compare.get();
    }

    private void show(CodeComparison c) {
        comparison.set(c);
        conditionalPoints.set(ScatterProjection.of(c.conditional().codes(), c.labels(), c.classNames(), null));
        plainPoints.set(ScatterProjection.of(c.plain().codes(), c.labels(), c.classNames(), null));
        Viewport a = LatentScatterViewModel.fittedViewport(conditionalPoints.get());
        Viewport b = LatentScatterViewModel.fittedViewport(plainPoints.get());
        viewport.set(a.halfSpan() >= b.halfSpan() ? a : b);
        conditionalReadout.set(readout(c.conditional()));
        plainReadout.set(readout(c.plain()));
        status.set(String.format(Locale.ROOT, "%,d held-out images; chance %.1f %%. Both %s, %,d steps, same"
                + " batches.", c.labels().length, 100 * c.chance(), c.plainConfig().architecture(), c.iteration()));
    }

    /** "class from z: 54.1 %": the share of held-out images the nearest training codes give the right class. */
    static String readout(ClassFromCode.Reading reading) {
        return String.format(Locale.ROOT, "class from z: %.1f %%", 100 * reading.accuracy());
    }

    private void clear() {
        pending = null; // a reading of the old model, if one is under way, is not shown
        askedEpoch = -1;
        askedIteration = -1;
        comparison.set(null);
        conditionalPoints.set(null);
        plainPoints.set(null);
        conditionalReadout.set("");
        plainReadout.set("");
        status.set(NOT_YET);
    }

    /** Whether the tab is on screen: pairs are made only then, as each costs a plain VAE's training. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /**
     * Whether the tab shows the pair rather than the grid: with {@link #shownProperty()}, when pairs
     * are made.
     */
    public BooleanProperty chosenProperty() {
        return chosen;
    }

    /** The held-out image selected in the main scatter, ringed in both; −1 for none. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** The conditional VAE's codes; {@code null} until the first pair. */
    public ReadOnlyObjectProperty<ScatterPoints> conditionalPointsProperty() {
        return conditionalPoints.getReadOnlyProperty();
    }

    /** The plain VAE's codes of the same images; {@code null} until the first pair. */
    public ReadOnlyObjectProperty<ScatterPoints> plainPointsProperty() {
        return plainPoints.getReadOnlyProperty();
    }

    /** How much of the class the conditional VAE's codes hold. */
    public ReadOnlyStringProperty conditionalReadoutProperty() {
        return conditionalReadout.getReadOnlyProperty();
    }

    /** How much of the class the plain VAE's codes hold. */
    public ReadOnlyStringProperty plainReadoutProperty() {
        return plainReadout.getReadOnlyProperty();
    }

    /** What the pair shows (both models' steps, chance), what is being done, or what to do. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The axes both scatters share: centred on 0, reaching every code of both and the prior's ±3σ. */
    public ReadOnlyObjectProperty<Viewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    /** The pair shown; {@code null} before the first. */
    public ReadOnlyObjectProperty<CodeComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }
}
