package org.latentlab.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a lesson from a Markdown file a teacher can write in a text editor:
 *
 * <pre>
 * # The lesson's title
 *
 * A line or two on what it covers (optional).
 *
 * ## 1. A step's title
 * - run: vae-2d-epoch-5
 * - highlight: scatter
 * - action: click a point in scatter
 *
 * Two to four sentences: what to look at, and why.
 * </pre>
 *
 * Under each step's title, a header of {@code key: value} lines (a Markdown list or plain lines)
 * up to the first blank line: {@code highlight} (a {@link ControlId}), {@code action} (an
 * {@link Action}) and any setup keys the step changes ({@link SetupKey}); then the text, up to the
 * next {@code ## }. Steps build on each other from {@link Setup#defaults()}. Every mistake is one
 * {@link LessonFileException} with the file, the line and what was expected.
 */
public final class LessonFile {

    static final String HIGHLIGHT = "highlight";
    static final String ACTION = "action";

    private static final Pattern NUMBERED = Pattern.compile("\\d+[.)]\\s+(.*)");

    private LessonFile() {
    }

    /**
     * Reads the lesson in {@code file}; its name is the file's name without the extension.
     *
     * @throws LessonFileException naming the file, the line and what was expected
     */
    public static Lesson read(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return parse(SourceText.read(file), dot > 0 ? fileName.substring(0, dot) : fileName);
    }

    /** Reads a lesson's text; {@code source} names it in messages. */
    public static Lesson parse(String text, String name, String source) {
        return parse(SourceText.of(text, source), name);
    }

    static Lesson parse(SourceText file, String name) {
        Lines lines = new Lines(file);
        lines.skipBlank();
        if (lines.atEnd()) {
            throw file.problem(0, "the file is empty; expected '# Title', then steps each starting with '## Step title'");
        }
        String first = lines.current().strip();
        if (!first.startsWith("# ") || first.substring(2).isBlank()) {
            throw file.problem(lines.number(), "expected the lesson's title as '# Title', got '" + first + "'");
        }
        String title = first.substring(2).strip();
        lines.next();
        String summary = lines.textUntilStep();
        if (lines.atEnd()) {
            throw file.problem(0, "expected at least one step, starting with '## Step title'");
        }
        List<LessonStep> steps = new ArrayList<>();
        Setup setup = Setup.defaults();
        while (!lines.atEnd()) {
            LessonStep step = step(file, lines, setup);
            steps.add(step);
            setup = step.setup();
        }
        return new Lesson(name, title, summary, steps);
    }

    private static LessonStep step(SourceText file, Lines lines, Setup before) {
        int headingLine = lines.number();
        String title = lines.current().strip().substring(3).strip();
        Matcher numbered = NUMBERED.matcher(title);
        if (numbered.matches()) {
            title = numbered.group(1).strip();
        }
        if (title.isEmpty()) {
            throw file.problem(headingLine, "expected a title after '## '");
        }
        lines.next();
        lines.skipBlank();
        Map<String, SourceText.KeyValue> header = new LinkedHashMap<>();
        while (!lines.atEnd() && !lines.current().isBlank() && !lines.atStep()) {
            int index = lines.number() - 1;
            SourceText.KeyValue entry = file.keyValue(index).orElseThrow(() -> file.problem(index + 1,
                    "expected a header line such as 'highlight: train' or 'beta: 4' under the step's title, and a blank"
                            + " line before its text; got '" + file.lines().get(index).strip() + "'"));
            String key = entry.key().toLowerCase(Locale.ROOT);
            SourceText.KeyValue earlier = header.putIfAbsent(key, entry);
            if (earlier != null) {
                throw file.problem(entry.line(), "'" + key + "' is given twice in this step (also on line "
                        + earlier.line() + ")");
            }
            lines.next();
        }
        String text = lines.textUntilStep();
        String quoted = "the step '" + title + "'";
        if (text.isEmpty()) {
            throw file.problem(headingLine, quoted + " has no text: expected two to four sentences after its header"
                    + " and a blank line");
        }
        Map<SetupKey, String> changes = new LinkedHashMap<>();
        Map<SetupKey, Integer> changeLines = new LinkedHashMap<>();
        for (Map.Entry<String, SourceText.KeyValue> line : header.entrySet()) {
            SourceText.KeyValue entry = line.getValue();
            if (line.getKey().equals(HIGHLIGHT) || line.getKey().equals(ACTION)) {
                continue;
            }
            SetupKey key = SetupKey.byName(entry.key()).orElseThrow(() -> file.problem(entry.line(), "unknown key '"
                    + entry.key() + "'" + NearestName.suggestion(entry.key(), headerKeys())
                    + " (a step's header takes highlight, action and the setup keys " + String.join(", ", SetupKey.names())
                    + ")"));
            changes.put(key, entry.value());
            changeLines.put(key, entry.line());
        }
        SourceText.KeyValue highlight = required(file, header, HIGHLIGHT, headingLine, quoted
                + " says nothing to highlight: expected a line 'highlight: ID' naming the control or view it is about");
        SourceText.KeyValue action = required(file, header, ACTION, headingLine, quoted
                + " asks for no action: expected a line such as 'action: press train'");
        Setup after;
        try {
            after = before.with(changes);
        } catch (InvalidSetupException e) {
            throw file.problem(changeLines.getOrDefault(e.key(), headingLine), e.getMessage());
        }
        ControlId target = parsed(file, highlight, () -> ControlId.parse(highlight.value()));
        Action asked = parsed(file, action, () -> Action.parse(action.value()));
        visible(file, highlight, after, target);
        visible(file, action, after, asked.target());
        return new LessonStep(title, changes, after, target, asked, text);
    }

    private static List<String> headerKeys() {
        List<String> keys = new ArrayList<>(List.of(HIGHLIGHT, ACTION));
        keys.addAll(SetupKey.names());
        return keys;
    }

    private static SourceText.KeyValue required(SourceText file, Map<String, SourceText.KeyValue> header, String key,
                                                int headingLine, String problem) {
        return Optional.ofNullable(header.get(key)).orElseThrow(() -> file.problem(headingLine, problem));
    }

    private static <T> T parsed(SourceText file, SourceText.KeyValue entry, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw file.problem(entry.line(), entry.key() + ": " + e.getMessage());
        }
    }

    private static void visible(SourceText file, SourceText.KeyValue entry, Setup setup, ControlId id) {
        setup.hiddenBecause(id).ifPresent(reason -> {
            throw file.problem(entry.line(), entry.key() + ": " + reason + " in this step; the class could not see it");
        });
    }

    /** A cursor over a lesson's lines that knows headings and fenced code blocks. */
    private static final class Lines {
        private final SourceText file;
        private int index;

        Lines(SourceText file) {
            this.file = file;
        }

        boolean atEnd() {
            return index >= file.lines().size();
        }

        String current() {
            return file.lines().get(index);
        }

        /** The current line's number, from 1. */
        int number() {
            return index + 1;
        }

        void next() {
            index++;
        }

        boolean atStep() {
            return current().startsWith("## ");
        }

        void skipBlank() {
            while (!atEnd() && current().isBlank()) {
                index++;
            }
        }

        /** The Markdown up to the next step or the end, trimmed; a second title is a mistake. */
        String textUntilStep() {
            StringBuilder text = new StringBuilder();
            boolean inCode = false;
            while (!atEnd() && (inCode || !atStep())) {
                String line = current();
                if (line.startsWith("```")) {
                    inCode = !inCode;
                } else if (!inCode && line.startsWith("# ")) {
                    throw file.problem(number(), "a lesson has one title ('# …'); each step starts with '## '");
                }
                text.append(line.stripTrailing()).append('\n');
                index++;
            }
            return text.toString().strip();
        }
    }
}
