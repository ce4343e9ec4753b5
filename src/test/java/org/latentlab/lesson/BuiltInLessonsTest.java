package org.latentlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.model.ModelKind;

class BuiltInLessonsTest {

    /** A sentence ends at . ! or ? before a space and a capital, a digit or a symbol that starts one, or at the end. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s+(?=[A-Z0-9ΦΣ−(])|\\s*$)");
    private static final List<String> ABBREVIATIONS = List.of("et al.", "e.g.", "i.e.", "Fig.");

    @TempDir
    Path folder;

    @Test
    void everyBuiltInLessonParsesWithFourToEightSteps() {
        List<Lesson> lessons = BuiltInLessons.all();
        assertEquals(9, lessons.size());
        for (int i = 0; i < lessons.size(); i++) {
            Lesson lesson = lessons.get(i);
            assertEquals(BuiltInLessons.NAMES.get(i), lesson.name());
            assertFalse(lesson.title().isBlank());
            assertFalse(lesson.summary().isBlank(), lesson.name());
            int steps = lesson.steps().size();
            assertTrue(steps >= 4 && steps <= 8, lesson.name() + " has " + steps + " steps");
        }
    }

    @Test
    void everyStepSaysTwoToFourSentences() {
        for (Lesson lesson : BuiltInLessons.all()) {
            for (LessonStep step : lesson.steps()) {
                int sentences = sentences(step.text());
                assertTrue(sentences >= 2 && sentences <= 4,
                        lesson.name() + " / " + step.title() + " has " + sentences + " sentences");
            }
        }
    }

    @Test
    void everyStepShowsWhatItHighlightsAndWhatItAsksFor() {
        for (Lesson lesson : BuiltInLessons.all()) {
            for (LessonStep step : lesson.steps()) {
                String where = lesson.name() + " / " + step.title();
                assertTrue(step.setup().shows(step.highlight()), where);
                assertTrue(step.setup().shows(step.action().target()), where);
                assertEquals(step.action(), Action.parse(step.action().toString()), where);
                assertEquals(step.setup(), SetupFile.parse(SetupFile.format(step.setup()), where), where);
            }
        }
    }

    @Test
    void stepsBuildOnEachOtherFromTheDefaults() {
        Lesson vae = BuiltInLessons.open("the-vae");
        Setup expected = Setup.defaults();
        for (LessonStep step : vae.steps()) {
            expected = expected.with(step.changes());
            assertEquals(expected, step.setup(), step.title());
        }
        Lesson autoencoder = BuiltInLessons.open("1");
        LessonStep first = autoencoder.steps().get(0);
        assertEquals(ModelKind.AUTOENCODER, first.setup().model());
        assertEquals(java.util.Set.of(ControlId.TRAIN, ControlId.STEP, ControlId.RESET), first.setup().controls());
        assertFalse(first.setup().shows(ControlId.BETA_SLIDER));
        LessonStep pca = autoencoder.steps().get(2);
        assertEquals(ReadyRuns.parse("compare-ablation"), pca.setup().run().orElseThrow());
        assertEquals(ControlId.COMPARE, pca.setup().tab());
    }

    @Test
    void theLessonsLoadEveryReadyRunOnce() {
        java.util.Set<String> loaded = new java.util.TreeSet<>();
        for (Lesson lesson : BuiltInLessons.all()) {
            for (LessonStep step : lesson.steps()) {
                String run = step.changes().get(SetupKey.RUN);
                if (run != null) {
                    loaded.add(run);
                }
            }
        }
        assertEquals(new java.util.TreeSet<>(ReadyRuns.names()), loaded);
    }

    @Test
    void aLessonOpensByNameNumberOrFile() throws IOException {
        assertEquals("the-manifold", BuiltInLessons.open("5").name());
        assertEquals("the-manifold", BuiltInLessons.open(" The-Manifold ").name());
        Path file = folder.resolve("my-lesson.md");
        Files.writeString(file, "# Mine\n\n## Press it\n- highlight: train\n- action: press train\n\nPress it. Now.\n");
        Lesson mine = BuiltInLessons.open(file.toString());
        assertEquals("my-lesson", mine.name());
        assertEquals("Mine", mine.title());

        LessonFileException unknown = assertThrows(LessonFileException.class, () -> BuiltInLessons.open("the-vea"));
        assertEquals("the-vea: no built-in lesson has this name; did you mean 'the-vae'?, and no such file exists"
                + " (the built-in lessons are 1 to 9: " + String.join(", ", BuiltInLessons.NAMES) + ")", unknown.getMessage());
        assertThrows(LessonFileException.class, () -> BuiltInLessons.open("10"));
    }

    private static int sentences(String text) {
        String plain = text.replace('\n', ' ');
        for (String abbreviation : ABBREVIATIONS) {
            plain = plain.replace(abbreviation, abbreviation.replace(".", ""));
        }
        Matcher m = SENTENCE_END.matcher(plain);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }
}
