package org.latentlab.ui.lesson;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.latentlab.lesson.ControlId;
import org.latentlab.lesson.InvalidSetupException;
import org.latentlab.lesson.Lesson;
import org.latentlab.lesson.LessonStep;
import org.latentlab.lesson.Setup;

/**
 * The Lessons panel's state: the open lesson, its step, the step's title, text, action and
 * position, and the control or view the window outlines. Entering a step applies its state to the
 * window: going on (Next) applies the step's changes on top of the window as the class left it (a
 * β they dragged stays); opening a lesson or going back applies the step's whole state. Uses
 * {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread).
 */
public final class LessonViewModel {

    private final WindowSetup window;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyStringWrapper lessonTitle = new ReadOnlyStringWrapper(this, "lessonTitle", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper action = new ReadOnlyStringWrapper(this, "action", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoOn = new ReadOnlyBooleanWrapper(this, "canGoOn");
    private final ReadOnlyObjectWrapper<ControlId> highlight = new ReadOnlyObjectWrapper<>(this, "highlight");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final Consumer<String> problems;

    /**
     * @param problems where a step that cannot be applied is reported (the window's banner)
     */
    public LessonViewModel(WindowSetup window, Consumer<String> problems) {
        this.window = window;
        this.problems = problems;
    }

    /** Opens {@code opened} at its first step, applying that step's whole state, and shows the panel. */
    public void open(Lesson opened) {
        lesson.set(opened);
        shown.set(true);
        enter(0, opened.steps().get(0).setup());
    }

    /** Goes on to the next step: its changes on top of the window as it is now. */
    public void next() {
        Lesson current = lesson.get();
        if (current == null || !canGoOn.get()) {
            return;
        }
        LessonStep step = current.steps().get(index.get() + 1);
        Setup target;
        try {
            target = window.current().with(step.changes());
        } catch (InvalidSetupException e) { // the class changed what this step's changes assume
            target = step.setup();
        }
        enter(index.get() + 1, target);
    }

    /** Goes back to the step before, with its whole state. */
    public void back() {
        Lesson current = lesson.get();
        if (current != null && canGoBack.get()) {
            enter(index.get() - 1, current.steps().get(index.get() - 1).setup());
        }
    }

    /** Closes the lesson: no step, no outline, the panel hidden; the window stays as it is. */
    public void close() {
        lesson.set(null);
        index.set(-1);
        highlight.set(null);
        shown.set(false);
        Stream.of(lessonTitle, title, text, action, note, position).forEach(p -> p.set(""));
        canGoBack.set(false);
        canGoOn.set(false);
    }

    private void enter(int i, Setup setup) {
        Lesson current = lesson.get();
        LessonStep step = current.steps().get(i);
        index.set(i);
        lessonTitle.set(current.title());
        title.set(step.title());
        text.set(plain(step.text()));
        action.set("Your turn: " + step.action());
        position.set(String.format(Locale.ROOT, "Step %d of %d", i + 1, current.steps().size()));
        canGoBack.set(i > 0);
        canGoOn.set(i < current.steps().size() - 1);
        highlight.set(step.highlight());
        String missing = Stream.of(step.highlight(), step.action().target()).filter(ControlId::planned).distinct()
                .map(ControlId::id).collect(Collectors.joining(" and "));
        note.set(missing.isEmpty() ? "" : "This step points at " + missing + ", which is not in this build of "
                + "Latent Lab yet: read it, then go on.");
        try {
            window.apply(setup);
        } catch (RuntimeException e) { // a step the window cannot apply must not end the lesson
            problems.accept("Step " + (i + 1) + " of " + current.name() + " could not be applied: " + e.getMessage());
        }
    }

    /**
     * A step's Markdown as text to read: paragraphs kept, the lines of one joined, emphasis and
     * code marks dropped.
     */
    static String plain(String markdown) {
        return Stream.of(markdown.strip().split("\\n\\s*\\n"))
                .map(paragraph -> paragraph.strip().replaceAll("\\s*\\n\\s*", " ").replace("**", "").replace("`", "")
                        .replaceAll("(?<![\\w*])\\*(?!\\s)([^*]+?)\\*(?![\\w*])", "$1"))
                .collect(Collectors.joining("\n\n"));
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The step shown, from 0; −1 with no lesson. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lessonTitleProperty() {
        return lessonTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What to look at and why, as plain text. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** "Your turn: press train". */
    public ReadOnlyStringProperty actionProperty() {
        return action.getReadOnlyProperty();
    }

    /** Says when the step points at a view this build does not have; empty otherwise. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** "Step 2 of 5". */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoOnProperty() {
        return canGoOn.getReadOnlyProperty();
    }

    /** The control or view the step talks about, for the window to outline; {@code null} with no lesson. */
    public ReadOnlyObjectProperty<ControlId> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    /** Whether the panel is shown (View → Lessons panel hides and shows it). */
    public BooleanProperty shownProperty() {
        return shown;
    }
}
