package org.latentlab.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.io.AtomicFile;

/**
 * A setup as a small text file a teacher can read, edit and share: one {@code key = value} a line
 * ({@code key: value} works too), {@code #} comments, keys in any order, a key left out keeping
 * its default. {@link #write} writes every key, so a written file reads back to an equal setup.
 * The keys are {@link SetupKey}'s; docs/lessons-and-setups.md lists them.
 */
public final class SetupFile {

    private SetupFile() {
    }

    /**
     * Reads a setup file.
     *
     * @throws LessonFileException naming the file, the line and what was expected
     */
    public static Setup read(Path file) {
        return parse(SourceText.read(file));
    }

    /** Reads the text of a setup file; {@code source} names it in messages. */
    public static Setup parse(String text, String source) {
        return parse(SourceText.of(text, source));
    }

    /** Writes every key of {@code setup}, whole or not at all. */
    public static void write(Path file, Setup setup) throws IOException {
        AtomicFile.writeText(file, out -> out.write(format(setup)));
    }

    /** The file's text: a comment saying what it is, then every key under a comment saying what it takes. */
    public static String format(Setup setup) {
        StringBuilder text = new StringBuilder()
                .append("# Latent Lab setup: open it with File → Open setup, or latent-lab --open FILE.\n")
                .append("# One \"key = value\" a line; a key left out keeps its default (docs/lessons-and-setups.md).\n");
        for (SetupKey key : SetupKey.values()) {
            if (key == SetupKey.DATASET || key == SetupKey.TAB) {
                text.append(key == SetupKey.DATASET ? "\n# What the model learns from, and how\n"
                        : "\n# What the window shows\n");
            }
            text.append("\n# ").append(key.expected()).append('\n')
                    .append(key.fileName()).append(" = ").append(key.write(setup)).append('\n');
        }
        return text.toString();
    }

    private static Setup parse(SourceText file) {
        Map<SetupKey, String> changes = new LinkedHashMap<>();
        Map<SetupKey, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < file.lines().size(); i++) {
            String line = file.lines().get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            SourceText.KeyValue entry = file.keyValue(i).orElseThrow(() -> file.problem(number,
                    "expected 'key = value' or a comment starting with #, got '" + line + "'"));
            SetupKey key = key(file, entry);
            Integer earlier = lines.putIfAbsent(key, entry.line());
            if (earlier != null) {
                throw file.problem(entry.line(), "'" + key + "' is set twice (also on line " + earlier + ")");
            }
            changes.put(key, entry.value());
        }
        try {
            return Setup.defaults().with(changes);
        } catch (InvalidSetupException e) {
            throw file.problem(lines.getOrDefault(e.key(), 0), e.getMessage());
        }
    }

    private static SetupKey key(SourceText file, SourceText.KeyValue entry) {
        return SetupKey.byName(entry.key()).orElseThrow(() -> file.problem(entry.line(), "unknown key '" + entry.key() + "'"
                + NearestName.suggestion(entry.key(), SetupKey.names()) + " (the keys are " + String.join(", ",
                SetupKey.names()) + ")"));
    }
}
