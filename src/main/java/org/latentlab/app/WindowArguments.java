package org.latentlab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.latentlab.lesson.BuiltInLessons;
import org.latentlab.lesson.LessonFileException;
import org.latentlab.lesson.SetupFile;

/**
 * What the window opens on: {@code latent-lab --lesson NAME|FILE} (a built-in lesson by name or
 * number, or a lesson file) or {@code latent-lab --open FILE} (a setup file), or nothing.
 *
 * @param lesson    the lesson's name or file, as given
 * @param setupFile the setup file
 */
record WindowArguments(Optional<String> lesson, Optional<Path> setupFile) {

    static final WindowArguments NONE = new WindowArguments(Optional.empty(), Optional.empty());

    /** Whether {@code args} ask for the window: none at all, or --lesson or --open first. */
    static boolean forWindow(String[] args) {
        return args.length == 0 || args[0].equals("--lesson") || args[0].equals("--open");
    }

    /**
     * Reads the arguments and the file they name, so that a mistake is found before the window opens.
     *
     * @throws IllegalArgumentException with one line saying what is wrong: the file, the line, what was expected
     */
    static WindowArguments parse(List<String> args) {
        if (args.isEmpty()) {
            return NONE;
        }
        if (args.size() != 2) {
            throw new IllegalArgumentException("expected --lesson NAME|FILE or --open FILE, one of them, got '"
                    + String.join(" ", args) + "'");
        }
        String value = args.get(1);
        try {
            if (args.get(0).equals("--lesson")) {
                BuiltInLessons.open(value);
                return new WindowArguments(Optional.of(value), Optional.empty());
            }
            Path file = Path.of(value);
            SetupFile.read(file);
            return new WindowArguments(Optional.empty(), Optional.of(file));
        } catch (LessonFileException | java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
