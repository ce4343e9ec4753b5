package org.latentlab.lesson;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/lessons-and-setups.md names every key, id, action, built-in lesson and ready run a teacher can use. */
class LessonDocsTest {

    @Test
    void theGuideListsEverythingAFileCanSay() throws IOException {
        String guide = Files.readString(Path.of("docs", "lessons-and-setups.md"));
        for (SetupKey key : SetupKey.values()) {
            assertTrue(guide.contains("| `" + key.fileName() + "` |"), "key " + key);
        }
        for (ControlId id : ControlId.values()) {
            assertTrue(guide.contains("| `" + id.id() + "` |"), "id " + id);
        }
        for (Action.Verb verb : Action.Verb.values()) {
            assertTrue(guide.contains("| `" + verb.phrase() + "` |"), "action " + verb.phrase());
        }
        for (String name : Action.ATTRIBUTE_NAMES) {
            assertTrue(guide.contains("`" + name + "`"), "slider " + name);
        }
        for (String lesson : BuiltInLessons.NAMES) {
            assertTrue(guide.contains("| `" + lesson + "` |"), "lesson " + lesson);
        }
        for (ReadyRun run : ReadyRuns.ALL) {
            assertTrue(guide.contains("| `" + run.name() + "` | `" + run.command() + "` |"), "run " + run.name());
        }
    }
}
