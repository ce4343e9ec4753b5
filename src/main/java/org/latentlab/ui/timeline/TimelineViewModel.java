package org.latentlab.ui.timeline;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TimelineEntry;
import org.latentlab.training.TrainingTimeline;
import org.latentlab.ui.FailureMessage;
import org.latentlab.ui.scatter.LatestWins;

/**
 * The replay of training: the recorded moments of the model being trained, which of them the views
 * show (none: they are live), play and pause at a speed, and a line saying what is shown. A moment
 * is unpacked on a worker, latest request wins, and shown in the frame after. Training goes on
 * meanwhile, only the views look back, except while the scrubber is dragged: then the window holds
 * training ({@link #trainingWaitsProperty()}) so that the replay has both cores.
 *
 * <p>Uses {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread,
 * with a direct executor).
 */
public final class TimelineViewModel {

    /** How fast a replay plays, in moments per second. Early training is recorded densely, so it plays slowly. */
    public enum Speed {
        SLOW(5), NORMAL(15), FAST(30), FASTEST(60);

        private final int perSecond;

        Speed(int perSecond) {
            this.perSecond = perSecond;
        }

        public int perSecond() {
            return perSecond;
        }

        @Override
        public String toString() {
            return perSecond + " moments/s";
        }
    }

    private final Supplier<TrainingTimeline> source;
    private final Supplier<ProbeSet> probe;
    private final LatestWins<TimelineMoment> unpacking;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position", -1);
    private final ReadOnlyBooleanWrapper replaying = new ReadOnlyBooleanWrapper(this, "replaying");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(this, "speed", Speed.NORMAL);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyObjectWrapper<TimelineMoment> moment = new ReadOnlyObjectWrapper<>(this, "moment");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final BooleanProperty dragging = new SimpleBooleanProperty(this, "dragging");
    private final BooleanProperty trainingWaits = new SimpleBooleanProperty(this, "trainingWaits");

    private TrainingTimeline timeline = TrainingTimeline.empty();
    /** The id of the unpacking whose moment was taken last. */
    private long taken;
    /** Where a playing replay is, in moments (fractional between frames). */
    private double playhead;
    private long lastPulse;

    /**
     * @param source the timeline of the model being trained, read once per frame
     * @param probe  the probe images shown now, whose classes colour a replayed scatter; may give {@code null}
     * @param worker where moments are unpacked
     */
    public TimelineViewModel(Supplier<TrainingTimeline> source, Supplier<ProbeSet> probe, Executor worker) {
        this.source = source;
        this.probe = probe;
        this.unpacking = new LatestWins<>(worker);
        trainingWaits.addListener(o -> refreshCaption());
        refreshCaption();
    }

    /** Called once per frame: takes up a newer timeline, moves a playing replay, shows an unpacked moment. */
    public void pulse(long nowNanos) {
        TrainingTimeline latest = source.get();
        if (latest != timeline) {
            adopt(latest);
        }
        if (playing.get()) {
            advance(nowNanos);
        }
        lastPulse = nowNanos;
        LatestWins.Outcome<TimelineMoment> done = unpacking.latest();
        if (done != null && done.id() > taken) {
            taken = done.id();
            if (done.failure() != null) {
                problem.set("Could not replay that moment: " + FailureMessage.of(done.failure()));
            } else if (replaying.get()) {
                problem.set(null);
                moment.set(done.value());
            }
        }
    }

    // ---- commands ---------------------------------------------------------------------------------

    /** Shows moment {@code index} (clamped to those recorded); does nothing while none is. */
    public void scrubTo(int index) {
        if (timeline.isEmpty()) {
            return;
        }
        int clamped = Math.max(0, Math.min(timeline.size() - 1, index));
        replaying.set(true);
        if (clamped != position.get() || moment.get() == null) {
            position.set(clamped);
            request(clamped);
        }
        refreshCaption();
    }

    /** Moves the replay {@code delta} moments on (back if negative); from live, from the newest. */
    public void step(int delta) {
        playing.set(false);
        scrubTo((replaying.get() ? position.get() : timeline.size() - 1) + delta);
    }

    /** Plays the replay from where it is (from the start if live or at the end), or pauses it. */
    public void playOrPause() {
        if (playing.get()) {
            playing.set(false);
        } else if (!timeline.isEmpty()) {
            if (!replaying.get() || position.get() >= timeline.size() - 1) {
                scrubTo(0);
            }
            playhead = position.get();
            lastPulse = 0; // counts from the next frame
            playing.set(true);
        }
        refreshCaption();
    }

    /** Back to the model as it is now. */
    public void live() {
        taken = unpacking.lastRequested(); // moments still being unpacked are not shown
        playing.set(false);
        replaying.set(false);
        position.set(-1);
        moment.set(null);
        refreshCaption();
    }

    private void advance(long nowNanos) {
        double seconds = lastPulse == 0 ? 0 : Math.max(0, Math.min(0.25, (nowNanos - lastPulse) / 1e9));
        playhead += seconds * speed.get().perSecond();
        int next = (int) Math.min(timeline.size() - 1, Math.floor(playhead));
        if (next != position.get()) {
            scrubTo(next);
        }
        if (next >= timeline.size() - 1) {
            playing.set(false);
            refreshCaption();
        }
    }

    /** A new timeline (a new moment recorded, a thinning, another model): the replay keeps its moment. */
    private void adopt(TrainingTimeline latest) {
        TimelineEntry shown = replaying.get() && position.get() < timeline.size() ? timeline.entry(position.get()) : null;
        timeline = latest;
        count.set(latest.size());
        if (replaying.get()) {
            if (latest.isEmpty() || shown == null) {
                live();
                return;
            }
            int index = latest.nearest(shown.iteration());
            if (!latest.entry(index).equals(shown)) {
                position.set(index);
                request(index);
            } else {
                position.set(index);
            }
        }
        refreshCaption();
    }

    private void request(int index) {
        TimelineEntry entry = timeline.entry(index);
        var layout = timeline.layout();
        ProbeSet shownProbe = probe.get();
        int[] labels = shownProbe == null ? null : shownProbe.labels();
        List<String> names = shownProbe == null ? List.of() : shownProbe.classNames();
        unpacking.submit(() -> TimelineMoment.of(entry, layout, labels, names));
    }

    private void refreshCaption() {
        int n = timeline.size();
        if (!replaying.get()) {
            caption.set(n == 0 ? "Timeline: no moment recorded yet"
                    : String.format(Locale.ROOT, "Live · %d moments of training recorded: drag to replay them", n));
            return;
        }
        TimelineEntry entry = timeline.entry(position.get());
        if (trainingWaits.get()) { // as long as the longest caption below, which the bar has room for
            caption.set(String.format(Locale.ROOT, "Iteration %,d · epoch %d · moment %d of %d · training waits",
                    entry.iteration(), entry.epoch() + 1, position.get() + 1, n));
            return;
        }
        caption.set(String.format(Locale.ROOT, "%s iteration %,d · epoch %d · β %.2f · moment %d of %d",
                playing.get() ? "Playing" : "Replaying", entry.iteration(), entry.epoch() + 1, entry.beta(),
                position.get() + 1, n));
    }

    // ---- properties -------------------------------------------------------------------------------

    /** How many moments are recorded. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** The moment shown, 0 … count − 1; −1 when live. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** Whether the views show a recorded moment rather than the model as it is now. */
    public ReadOnlyBooleanProperty replayingProperty() {
        return replaying.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ObjectProperty<Speed> speedProperty() {
        return speed;
    }

    /** "Replaying iteration 1,234 · epoch 3 · β 1.00 · moment 57 of 237", or what live means. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The moment the views show, unpacked; {@code null} when they are live. */
    public ReadOnlyObjectProperty<TimelineMoment> momentProperty() {
        return moment.getReadOnlyProperty();
    }

    /** Why a moment could not be shown; {@code null} when it could. For the banner. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether the user is dragging the scrubber's thumb; the view sets it. */
    public BooleanProperty draggingProperty() {
        return dragging;
    }

    /** Whether training is held while the scrubber is dragged; the caption says "training waits". */
    public BooleanProperty trainingWaitsProperty() {
        return trainingWaits;
    }

    /** The timeline taken up last. */
    public TrainingTimeline timeline() {
        return timeline;
    }
}
