package org.latentlab.lesson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One page of a lesson: the state it sets, the control or view it points at, the one action it
 * asks for, and a few sentences saying what to look at and why.
 *
 * @param title     the step's heading
 * @param changes   the setup keys this step changes, as written (what the window applies on top of
 *                  its present state when the class moves on to this step)
 * @param setup     the whole state after this step: the defaults with every step's changes up to
 *                  this one (what the window applies when the class jumps or goes back here)
 * @param highlight the control or view the window outlines; shown in {@code setup}
 * @param action    what the class is asked to do; its target is shown in {@code setup}
 * @param text      Markdown: what to look at and why
 */
public record LessonStep(String title, Map<SetupKey, String> changes, Setup setup, ControlId highlight, Action action,
                         String text) {

    public LessonStep {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(highlight, "highlight");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(text, "text");
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }
}
