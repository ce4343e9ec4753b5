package org.latentlab.lesson;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The lessons shipped with the application, in the lecture's order, as Markdown files under
 * {@code org/latentlab/lesson/} named {@code NN-NAME.md}; and how {@code --lesson NAME|FILE} finds one.
 */
public final class BuiltInLessons {

    /** The built-in lessons' names, in the lecture's order. */
    public static final List<String> NAMES = List.of(
            "autoencoder-and-pca",
            "autoencoders-cannot-generate",
            "the-vae",
            "why-the-kl-term",
            "the-manifold",
            "beta-and-collapse",
            "latent-arithmetic",
            "how-good-is-the-model",
            "beyond-the-plain-vae");

    private BuiltInLessons() {
    }

    /** Every built-in lesson, in order. */
    public static List<Lesson> all() {
        return IntStream.range(0, NAMES.size()).mapToObj(BuiltInLessons::load).collect(Collectors.toList());
    }

    /**
     * The lesson {@code nameOrFile} names: a built-in lesson by name ("the-vae") or number ("3"),
     * or a lesson file.
     *
     * @throws LessonFileException if it is neither, or the file is not a lesson
     */
    public static Lesson open(String nameOrFile) {
        String wanted = nameOrFile.strip().toLowerCase(Locale.ROOT);
        int index = NAMES.indexOf(wanted);
        if (index < 0 && wanted.matches("\\d{1,2}")) {
            index = Integer.parseInt(wanted) - 1;
        }
        if (index >= 0 && index < NAMES.size()) {
            return load(index);
        }
        Path file;
        try {
            file = Path.of(nameOrFile.strip());
        } catch (InvalidPathException e) {
            file = null;
        }
        if (file == null || !Files.exists(file)) {
            throw new LessonFileException(nameOrFile.strip(), 0, "no built-in lesson has this name"
                    + NearestName.suggestion(nameOrFile, NAMES) + ", and no such file exists (the built-in lessons are 1 to "
                    + NAMES.size() + ": " + String.join(", ", NAMES) + ")");
        }
        return LessonFile.read(file);
    }

    private static Lesson load(int index) {
        String file = String.format(Locale.ROOT, "%02d-%s.md", index + 1, NAMES.get(index));
        return LessonFile.parse(SourceText.resource("/org/latentlab/lesson/" + file, "built-in lesson " + file),
                NAMES.get(index));
    }
}
