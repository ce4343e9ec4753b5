package org.latentlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.training.BackgroundTrainer;
import org.latentlab.training.Pace;
import org.latentlab.training.TrainerProgress;
import org.latentlab.training.TrainerState;
import org.latentlab.ui.FailureMessage;

/**
 * The life of a tab's background trainer, the same for the Explore tab's one model and the compare
 * lab's several: building one off the JavaFX thread and putting it in place of the last; taking its
 * newest snapshot once per frame, with the state, status line and epoch progress that follow it;
 * Train / Pause, Step and Reset; and the banner, which shows whatever went wrong: a build that
 * failed in any way (out of memory included: the controls never stay disabled), a trainer that
 * paused or stopped with a message, or a problem reported by a part that works on a thread of its
 * own ({@link #watch}). The pace chosen ({@link #paceProperty()}) goes to the trainer in place and
 * to every trainer built after it. Closing asks the trainer to stop and does not wait for it.
 *
 * <p>Uses {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread,
 * with direct executors).
 *
 * @param <T> the trainer
 * @param <S> its snapshots
 */
public final class TrainerLifecycle<T extends BackgroundTrainer<S>, S extends TrainerProgress> {

    private final Executor background;
    private final Executor uiThread;
    private final Function<S, String> statusLine;
    private final String nothingBuilt;
    private final ReadOnlyObjectWrapper<TrainerState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper status;
    private final ReadOnlyDoubleWrapper epochProgress = new ReadOnlyDoubleWrapper(this, "epochProgress", 0);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<S> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    /** The iteration of the trainer's first snapshot, the model as built or opened; {@link #NOT_SEEN} before it. */
    private long startedAt = NOT_SEEN;
    private static final long NOT_SEEN = -1;
    private final ObjectProperty<Pace> pace = new SimpleObjectProperty<>(this, "pace", Pace.FULL);
    private final TrainingCommands commands = new TrainingCommands(state::get, busy::get);
    private final List<Watch> watches = new ArrayList<>();

    private T trainer;
    /** The trainer's message shown last, so that each is shown once. */
    private String shownMessage;

    /**
     * @param background   where trainers are built (loading data takes a while)
     * @param uiThread     where the outcome comes back
     * @param firstStatus  the status line before the first trainer
     * @param nothingBuilt the status line's start when the first build failed: "No model"
     * @param statusLine   the status line of a snapshot (see {@link #progressLine})
     */
    public TrainerLifecycle(Executor background, Executor uiThread, String firstStatus, String nothingBuilt,
                            Function<S, String> statusLine) {
        this.background = background;
        this.uiThread = uiThread;
        this.nothingBuilt = nothingBuilt;
        this.statusLine = statusLine;
        this.status = new ReadOnlyStringWrapper(this, "status", firstStatus);
        pace.addListener((o, was, now) -> {
            if (trainer != null) {
                trainer.setPace(Objects.requireNonNull(now, "pace"));
            }
        });
    }

    /**
     * Builds a new trainer on the background executor, saying {@code message} meanwhile while the
     * controls wait. When it is built, it replaces the old one (which is closed) and
     * {@code installed} gets what {@code make} made. If anything at all is thrown, the banner says
     * what, the old trainer stays, and {@code failed} runs (to put the choices back).
     *
     * @param trainerOf the trainer among what {@code make} makes
     */
    public <R> void build(String message, Supplier<R> make, Function<R, T> trainerOf, Consumer<R> installed,
                          Runnable failed) {
        busy.set(true);
        status.set(message);
        background.execute(() -> {
            R made;
            try {
                made = make.get();
            } catch (Throwable e) { // out of memory on a foreign file too: nothing may leave the controls off
                String why = FailureMessage.of(e);
                uiThread.execute(() -> fail(why, failed));
                return;
            }
            uiThread.execute(() -> install(trainerOf.apply(made), () -> installed.accept(made)));
        });
    }

    private void fail(String why, Runnable failed) {
        busy.set(false);
        problem.set(why);
        failed.run();
        if (trainer == null) {
            status.set(nothingBuilt + ": " + why);
        }
    }

    private void install(T built, Runnable installed) {
        T old = trainer;
        trainer = built;
        commands.use(built);
        built.setPace(pace.get());
        busy.set(false);
        shownMessage = null;
        snapshot.set(null);
        startedAt = NOT_SEEN;
        installed.run();
        if (old != null) {
            old.close();
        }
    }

    /**
     * Called once per frame: shows what watched parts report, and takes the trainer's newest
     * snapshot if it is new, with its state, status line and message.
     *
     * @return the new snapshot, for the views to show; {@code null} when there is none
     */
    public S pulse() {
        for (Watch watch : watches) {
            watch.check();
        }
        if (trainer == null) {
            return null;
        }
        S latest = trainer.latest();
        if (latest == snapshot.get()) {
            return null;
        }
        snapshot.set(latest);
        if (startedAt == NOT_SEEN) {
            startedAt = latest.iteration(); // the model as built or opened, before any training here
        }
        state.set(latest.state());
        epochProgress.set(latest.epochProgress());
        status.set(statusLine.apply(latest));
        if (latest.message() != null && !latest.message().equals(shownMessage)) {
            problem.set(latest.message());
        }
        shownMessage = latest.message();
        return latest;
    }

    /** Writes the status line of the snapshot shown again (after the way it is written changed). */
    public void refreshStatus() {
        if (snapshot.get() != null) {
            status.set(statusLine.apply(snapshot.get()));
        }
    }

    /**
     * Shows in the banner each new problem that {@code source} reports, read once per frame
     * ({@code null} for none): for parts that fail on threads of their own, like the decoder.
     */
    public void watch(Supplier<String> source) {
        watches.add(new Watch(source));
    }

    /** One watched source and the problem it reported last. */
    private final class Watch {
        private final Supplier<String> source;
        private String seen;

        Watch(Supplier<String> source) {
            this.source = source;
        }

        void check() {
            String now = source.get();
            if (now != null && !now.equals(seen)) {
                problem.set(now);
            }
            seen = now;
        }
    }

    /**
     * Asks the trainer to stop once it has run the commands already sent (a save among them), and
     * returns at once.
     *
     * @return completes when the trainer's thread has ended; at once when there is no trainer
     */
    public CompletableFuture<Void> close() {
        if (trainer == null) {
            return CompletableFuture.completedFuture(null);
        }
        trainer.close();
        return trainer.ended();
    }

    /** "Training · epoch 3 (45 %) · iteration 1,234": how far a trainer is, for the start of a status line. */
    public static String progressLine(TrainerProgress s) {
        String what = switch (s.state()) {
            case READY -> "Ready";
            case RUNNING -> "Training";
            case PAUSED -> "Paused";
            case FINISHED -> "Finished";
            case STOPPED -> "Stopped";
        };
        return String.format(Locale.ROOT, "%s · epoch %d (%.0f %%) · iteration %,d",
                what, s.epoch() + 1, 100 * s.epochProgress(), s.iteration());
    }

    // ---- the trainer and what follows it -------------------------------------------------------------

    /** The trainer in place; {@code null} before the first is built. */
    public T trainer() {
        return trainer;
    }

    /** Train / Pause, Step and Reset, for the trainer in place. */
    public TrainingCommands commands() {
        return commands;
    }

    /** Whether the trainer in place has trained since it was built or opened, so that replacing it loses work. */
    public boolean isTrained() {
        return trainedIterations() > 0;
    }

    /**
     * The iterations the model has trained since it was built or opened: what discarding it would
     * lose. A model opened from a file (or a ready-trained run) and not trained since loses nothing.
     */
    public long trainedIterations() {
        S s = snapshot.get();
        return s == null || startedAt == NOT_SEEN ? 0 : s.iteration() - startedAt;
    }

    /** Shows {@code message} in the status line until the next snapshot. */
    public void say(String message) {
        status.set(message);
    }

    /** Shows a problem found elsewhere in the banner (a file that could not be written). */
    public void report(String message) {
        problem.set(message);
    }

    public void dismissProblem() {
        problem.set(null);
    }

    /** How fast the trainer trains: full speed, or a few iterations per second to watch single steps. */
    public ObjectProperty<Pace> paceProperty() {
        return pace;
    }

    /** What the trainer is doing; {@code null} before the first is built. */
    public ReadOnlyObjectProperty<TrainerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Whether a trainer is being built; the controls wait meanwhile. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty epochProgressProperty() {
        return epochProgress.getReadOnlyProperty();
    }

    /** A problem to show the user (a bad file, a stopped trainer); {@code null} when there is none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The snapshot the views show now. */
    public ReadOnlyObjectProperty<S> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }
}
