package org.latentlab.ui.debiasing;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.data.RareGroup;
import org.latentlab.training.CompareSnapshot;
import org.latentlab.training.CompareTrainer;
import org.latentlab.training.DebiasingSnapshot;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.compare.CompareTrainerFactory;
import org.latentlab.ui.compare.CompareStatus;
import org.latentlab.ui.explorer.TrainerLifecycle;
import org.latentlab.ui.explorer.TrainingCommands;
import org.latentlab.ui.scatter.BackgroundProjection;
import org.latentlab.ui.scatter.ScatterPoints;

/**
 * The Debiasing tab's state: two VAEs on faces with a planted rare group, trained in lockstep by a
 * {@link CompareTrainer} (the plain one and the one whose minibatches are drawn ∝ 1/density^α,
 * docs/decisions/0083), and what the tab shows of them: the debiased model's held-out faces on a
 * plane with the rare ones marked and each face's sampling weight ({@link WeightedPoints}), and
 * both models' held-out reconstruction of the two groups over the epochs ({@link GroupErrors}).
 *
 * <p>The models are built when the tab is first shown, and again when the group, its share or α
 * changes (ask {@link #changeQuestion} first). Building runs on {@code background}, and so does
 * putting an 8-D latent space on a plane; results come back through {@code uiThread} or are taken
 * up in {@link #pulse()}, once per frame.
 *
 * <p>Uses {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread,
 * with direct executors).
 */
public final class DebiasingViewModel implements AutoCloseable {

    /** Panel order of the comparison {@link DebiasingSetup#compareSetup()} makes. */
    static final int PLAIN = 0;
    static final int DEBIASED = 1;

    private final CompareTrainerFactory factory;
    private final TrainerLifecycle<CompareTrainer, CompareSnapshot> lifecycle;
    private final BackgroundProjection projection;

    private final ReadOnlyObjectWrapper<DebiasingSetup> chosen =
            new ReadOnlyObjectWrapper<>(this, "chosen", DebiasingSetup.defaults());
    private final ReadOnlyObjectWrapper<DebiasingSetup> built = new ReadOnlyObjectWrapper<>(this, "built");
    private final ReadOnlyObjectWrapper<WeightedPoints> points = new ReadOnlyObjectWrapper<>(this, "points");
    private final ReadOnlyObjectWrapper<GroupErrors> plainErrors =
            new ReadOnlyObjectWrapper<>(this, "plainErrors", GroupErrors.NONE);
    private final ReadOnlyObjectWrapper<GroupErrors> debiasedErrors =
            new ReadOnlyObjectWrapper<>(this, "debiasedErrors", GroupErrors.NONE);
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "");
    private final ReadOnlyStringWrapper lookFor = new ReadOnlyStringWrapper(this, "lookFor", "");

    /** The probe images of the last snapshot shown, by identity: new ones need a new plane. */
    private float[] shownProbe;
    /** The memberships and weights of the newest snapshot, waiting for its plane. */
    private boolean[] pendingRare;
    private double[] pendingWeights;
    private int pendingEpoch;

    /**
     * @param factory    builds the two models' trainer (the compare lab's, on the shared datasets)
     * @param background where trainers are built and latent spaces put on planes
     * @param uiThread   where a built trainer comes back
     */
    public DebiasingViewModel(CompareTrainerFactory factory, Executor background, Executor uiThread) {
        this.factory = factory;
        this.projection = new BackgroundProjection(background);
        this.lifecycle = new TrainerLifecycle<>(background, uiThread,
                "The two models are built when this tab is first shown.", "No models", DebiasingViewModel::statusLine);
        lifecycle.watch(projection::problem);
        lookFor.set(lookFor(chosen.get().group()));
    }

    // ---- building -----------------------------------------------------------------------------------

    /** Called when the tab is shown: builds the two models if there are none yet. */
    public void activate() {
        if (built.get() == null && !lifecycle.busyProperty().get()) {
            build(chosen.get());
        }
    }

    /**
     * The question to ask before {@link #choose} throws trained models away; {@code null} when
     * nothing would be lost.
     */
    public String changeQuestion(DebiasingSetup next) {
        if (next.equals(built.get()) || !lifecycle.isTrained()) {
            return null;
        }
        return String.format(Locale.ROOT, "The two models here trained for %,d iterations. Another group, share or α"
                + " needs new models, which start untrained. Discard these?", lifecycle.snapshotProperty().get().iteration());
    }

    /** Trains two new models on {@code next} (ask {@link #changeQuestion} first); before the tab is shown, only remembers it. */
    public void choose(DebiasingSetup next) {
        if (next.equals(chosen.get())) {
            return;
        }
        chosen.set(next);
        lookFor.set(lookFor(next.group()));
        if (built.get() != null) {
            build(next);
        }
    }

    private void build(DebiasingSetup target) {
        lifecycle.build("Making " + target.rareGroup().describe() + ", and two VAEs…",
                () -> factory.create(target.compareSetup()), made -> made, made -> install(target),
                () -> {
                    chosen.set(built.get() == null ? target : built.get());
                    lookFor.set(lookFor(chosen.get().group()));
                });
    }

    private void install(DebiasingSetup target) {
        built.set(target);
        chosen.set(target);
        lookFor.set(lookFor(target.group()));
        shownProbe = null;
        points.set(null);
        plainErrors.set(GroupErrors.NONE);
        debiasedErrors.set(GroupErrors.NONE);
        readout.set("");
        pulse();
    }

    // ---- every frame --------------------------------------------------------------------------------

    /** Called once per frame: takes a new snapshot to the chart and the scatter, and a finished plane. */
    public void pulse() {
        CompareSnapshot latest = lifecycle.pulse();
        if (latest != null) {
            show(latest);
        }
        ScatterPoints placed = projection.take();
        if (placed != null) {
            place(placed);
        }
    }

    private void show(CompareSnapshot s) {
        TrainingSnapshot plain = s.variants().get(PLAIN).training();
        TrainingSnapshot debiased = s.variants().get(DEBIASED).training();
        plainErrors.set(GroupErrors.of(plain.epochs()));
        debiasedErrors.set(GroupErrors.of(debiased.epochs()));
        readout.set(readout(plainErrors.get(), debiasedErrors.get(), built.get()));

        ProbeSet probe = debiased.probe();
        DebiasingSnapshot debiasing = debiased.debiasing();
        boolean[] rare = RareGroup.members(probe.attributes());
        pendingRare = rare == null ? new boolean[probe.size()] : rare;
        pendingWeights = debiasing == null ? ones(probe.size()) : debiasing.probeWeights();
        // An epoch's draws are made at its first step: right after an epoch ends, its own are still in use.
        pendingEpoch = debiasing == null || debiasing.sampling() == null ? 0
                : debiased.epochProgress() == 0 ? debiased.epoch() : debiased.epoch() + 1;
        boolean newSet = probe.pixels() != shownProbe;
        shownProbe = probe.pixels();
        WeightedPoints current = points.get();
        ScatterPoints now = projection.request(probe, newSet, newSet || current == null ? null : current.points());
        if (now != null) {
            place(now);
        }
    }

    private void place(ScatterPoints placed) {
        if (pendingRare != null && placed.size() == pendingRare.length) {
            points.set(new WeightedPoints(placed, pendingRare, pendingWeights, pendingEpoch));
        }
    }

    private static double[] ones(int n) {
        double[] weights = new double[n];
        Arrays.fill(weights, 1);
        return weights;
    }

    // ---- commands -----------------------------------------------------------------------------------

    /** Train / Pause, Step (both models, one minibatch each) and Reset (both back to their first weights). */
    public TrainingCommands commands() {
        return lifecycle.commands();
    }

    /** Stops the trainer; returns at once. @return completes when it has ended */
    public CompletableFuture<Void> shutDown() {
        return lifecycle.close();
    }

    /** {@link #shutDown()}, without waiting. */
    @Override
    public void close() {
        shutDown();
    }

    // ---- text ---------------------------------------------------------------------------------------

    /**
     * What the class should look for with this group, true to what note 0083 measured: the bright
     * faces are rare to the latent space, the dark ones are not.
     */
    static String lookFor(DebiasingSetup.RareFaces group) {
        return switch (group) {
            case BRIGHT -> "Bright faces lie at the edge of the codes, where the histograms are thin: their orange dots"
                    + " grow, and the debiased model draws them more often than their share. In our runs (α = 1, 20"
                    + " epochs, 3 seeds) their error ended only 2–3 nats below the plain model's, no more than drawing"
                    + " uniformly with replacement gave, while the others' rose by about 1; one seed alone moves these"
                    + " figures by up to 4 nats.";
            case DARK -> "The encoder puts dark faces near the centre, where the codes are densest: their orange dots"
                    + " stay small, and the debiased model draws them less often than their share. In our runs (α = 1,"
                    + " 20 epochs, 3 seeds) their error rose rather than fell: the histograms find what is rare to the"
                    + " latent space, which need not be the group a person has in mind.";
        };
    }

    /** The last epoch's figures in one line, or an empty line before the first epoch ends. */
    static String readout(GroupErrors plain, GroupErrors debiased, DebiasingSetup setup) {
        int n = Math.min(plain.size(), debiased.size());
        if (n == 0 || setup == null) {
            return "";
        }
        int last = n - 1;
        return String.format(Locale.ROOT, "After epoch %d · rare group: plain %s, debiased %s nats · the others: plain %s,"
                        + " debiased %s nats · the debiased model drew the rare group in %.1f %% of its draws"
                        + " (%s of the faces)", debiased.epoch(last), nats(plain.rare(last)), nats(debiased.rare(last)),
                nats(plain.common(last)), nats(debiased.common(last)), 100 * debiased.rareShare(last),
                DebiasingSetup.percent(setup.share()));
    }

    private static String nats(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.1f", value) : "–";
    }

    static String statusLine(CompareSnapshot s) {
        StringBuilder text = new StringBuilder(TrainerLifecycle.progressLine(s));
        if (s.iterationsPerSecond() > 0) {
            text.append(String.format(Locale.ROOT, " · %.1f steps/s, each of both models on a minibatch of its own",
                    s.iterationsPerSecond()));
        }
        double epochSeconds = CompareStatus.lastEpochSeconds(s);
        if (epochSeconds > 0) {
            text.append(String.format(Locale.ROOT, " · last epoch %.1f s", epochSeconds));
        }
        return text.toString();
    }

    // ---- properties ---------------------------------------------------------------------------------

    /** The group, share and α chosen (those of the models once they are built). */
    public ReadOnlyObjectProperty<DebiasingSetup> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The setup of the models being trained; {@code null} before the first is built. */
    public ReadOnlyObjectProperty<DebiasingSetup> builtProperty() {
        return built.getReadOnlyProperty();
    }

    /** The debiased model's held-out faces with their groups and weights; {@code null} before the first snapshot. */
    public ReadOnlyObjectProperty<WeightedPoints> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    /** The plain model's held-out error of each group, by epoch. */
    public ReadOnlyObjectProperty<GroupErrors> plainErrorsProperty() {
        return plainErrors.getReadOnlyProperty();
    }

    /** The debiased model's held-out error of each group, by epoch. */
    public ReadOnlyObjectProperty<GroupErrors> debiasedErrorsProperty() {
        return debiasedErrors.getReadOnlyProperty();
    }

    /** The last epoch's figures in one line. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** What the class should look for, for the group chosen. */
    public ReadOnlyStringProperty lookForProperty() {
        return lookFor.getReadOnlyProperty();
    }

    /** The trainer, its snapshots, state, status line and banner. */
    public TrainerLifecycle<CompareTrainer, CompareSnapshot> lifecycle() {
        return lifecycle;
    }
}
