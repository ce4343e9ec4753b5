package org.latentlab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a lesson or setup file, with the name its messages give it. Files are UTF-8 text of
 * at most {@value #MAX_BYTES} bytes; a byte-order mark and Windows line ends are accepted.
 *
 * @param source what messages call the file: its path, or "built-in lesson NAME"
 * @param lines  its lines, without line ends
 */
record SourceText(String source, List<String> lines) {

    /** Far more than any lesson needs; a larger file is not one. */
    static final int MAX_BYTES = 256 * 1024;

    private static final Pattern KEY_VALUE = Pattern.compile("(?:[-*]\\s+)?([A-Za-z][A-Za-z0-9-]*)\\s*[:=]\\s*(.*)");

    SourceText {
        lines = List.copyOf(lines);
    }

    /** A line {@code key: value} or {@code key = value}, optionally a Markdown list item. */
    record KeyValue(String key, String value, int line) {
    }

    static SourceText of(String text, String source) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new SourceText(source, body.lines().toList());
    }

    /** @throws LessonFileException if the file is missing, too large, not UTF-8 or unreadable */
    static SourceText read(Path file) {
        String source = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new LessonFileException(source, 0, "the file is larger than " + MAX_BYTES / 1024
                        + " KB; expected a small text file");
            }
            return decode(Files.readAllBytes(file), source);
        } catch (NoSuchFileException e) {
            throw new LessonFileException(source, 0, "no such file");
        } catch (IOException e) {
            throw new LessonFileException(source, 0, "could not be read (" + e.getMessage() + ")");
        }
    }

    /** A file inside the application, e.g. a built-in lesson; its absence is a packaging mistake. */
    static SourceText resource(String path, String source) {
        try (InputStream in = SourceText.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the application has no resource " + path);
            }
            return decode(in.readAllBytes(), source);
        } catch (IOException e) {
            throw new IllegalStateException("the resource " + path + " could not be read", e);
        }
    }

    private static SourceText decode(byte[] bytes, String source) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return of(text, source);
        } catch (CharacterCodingException e) {
            throw new LessonFileException(source, 0, "the file is not UTF-8 text; save it as UTF-8 in a text editor");
        }
    }

    /** Line {@code index} (from 0) as {@code key: value}, or empty if it is not one. */
    Optional<KeyValue> keyValue(int index) {
        Matcher m = KEY_VALUE.matcher(lines.get(index).strip());
        return m.matches() ? Optional.of(new KeyValue(m.group(1), m.group(2).strip(), index + 1)) : Optional.empty();
    }

    /** A problem on line {@code line} (from 1; 0 for the whole file). */
    LessonFileException problem(int line, String message) {
        return new LessonFileException(source, line, message);
    }
}
