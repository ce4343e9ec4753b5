package org.latentlab.lesson;

import java.util.List;
import java.util.Objects;

/**
 * A guided path through one idea of the lecture: a title, a line or two saying what it covers, and
 * its steps. Read from a Markdown file by {@link LessonFile}; the built-in ones are
 * {@link BuiltInLessons}.
 *
 * @param name    what {@code latent-lab --lesson NAME} says: the file's name without its extension
 *                (and, for the built-in ones, without their number)
 * @param title   the lesson's heading
 * @param summary the text between the title and the first step; may be empty
 * @param steps   at least one
 */
public record Lesson(String name, String title, String summary, List<LessonStep> steps) {

    public Lesson {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs at least one step");
        }
    }
}
