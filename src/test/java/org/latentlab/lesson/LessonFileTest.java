package org.latentlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.model.ModelKind;

class LessonFileTest {

    /** A lesson as a teacher might type it: plain header lines and a list, numbered and not, code in a text. */
    private static final String LESSON = String.join("\n",
            "# What β does",
            "",
            "A short tour of the KL weight.",
            "",
            "## 1. Train first",
            "model: vae",
            "beta: 0.5",
            "controls: train, beta-slider",
            "highlight: train",
            "action: press train",
            "",
            "The loss is reconstruction + β · KL(q(z|x) ‖ p(z)). Press Train.",
            "",
            "## Now drag it",
            "",
            "- highlight: beta-slider",
            "- action: drag beta-slider",
            "",
            "Drag β up to 3.",
            "```",
            "# not a title, code",
            "```",
            "Watch the clusters crowd together.");

    private static String problem(String text) {
        return assertThrows(LessonFileException.class, () -> LessonFile.parse(text, "mine", "mine.md")).getMessage();
    }

    /** LESSON with line {@code number} (from 1) replaced by {@code replacement} lines. */
    private static String changed(int number, String... replacement) {
        List<String> lines = new java.util.ArrayList<>(LESSON.lines().toList());
        lines.remove(number - 1);
        lines.addAll(number - 1, List.of(replacement));
        return String.join("\n", lines);
    }

    @Test
    void aTeachersLessonReadsIntoStepsThatBuildOnEachOther() {
        Lesson lesson = LessonFile.parse(LESSON, "beta", "beta.md");
        assertEquals("What β does", lesson.title());
        assertEquals("A short tour of the KL weight.", lesson.summary());
        assertEquals(2, lesson.steps().size());
        LessonStep first = lesson.steps().get(0);
        assertEquals("Train first", first.title());
        assertEquals(Map.of(SetupKey.MODEL, "vae", SetupKey.BETA, "0.5", SetupKey.CONTROLS, "train, beta-slider"),
                first.changes());
        assertEquals(ControlId.TRAIN, first.highlight());
        assertEquals(Action.parse("press train"), first.action());
        assertEquals("The loss is reconstruction + β · KL(q(z|x) ‖ p(z)). Press Train.", first.text());
        LessonStep second = lesson.steps().get(1);
        assertEquals("Now drag it", second.title());
        assertEquals(Map.of(), second.changes());
        assertEquals(0.5, second.setup().beta().target(), 0);
        assertEquals(ModelKind.VAE, second.setup().model());
        assertEquals("Drag β up to 3.\n```\n# not a title, code\n```\nWatch the clusters crowd together.", second.text());
    }

    @Test
    void aFileWithoutTitleOrStepsSaysWhatALessonLooksLike() {
        assertEquals("mine.md: the file is empty; expected '# Title', then steps each starting with '## Step title'",
                problem("\n\n"));
        assertEquals("mine.md, line 2: expected the lesson's title as '# Title', got '## 1. Train first'",
                problem("\n## 1. Train first\n"));
        assertEquals("mine.md: expected at least one step, starting with '## Step title'", problem("# Title\n\nText.\n"));
        assertEquals("mine.md, line 20: a lesson has one title ('# …'); each step starts with '## '",
                problem(changed(20, "# Another lesson")));
    }

    @Test
    void aStepMissingItsParts() {
        assertEquals("mine.md, line 5: the step 'Train first' says nothing to highlight: expected a line"
                + " 'highlight: ID' naming the control or view it is about", problem(changed(9)));
        assertEquals("mine.md, line 5: the step 'Train first' asks for no action: expected a line such as"
                + " 'action: press train'", problem(changed(10)));
        assertEquals("mine.md, line 5: the step 'Train first' has no text: expected two to four sentences after its"
                + " header and a blank line", problem(changed(12, "")));
        assertEquals("mine.md, line 11: expected a header line such as 'highlight: train' or 'beta: 4' under the"
                + " step's title, and a blank line before its text; got 'The loss is reconstruction + β · KL.'",
                problem(changed(11, "The loss is reconstruction + β · KL.")));
    }

    @Test
    void aWrongHeaderLineIsNamedWithItsLine() {
        assertEquals("mine.md, line 9: unknown key 'higlight'; did you mean 'highlight'? (a step's header takes"
                + " highlight, action and the setup keys " + String.join(", ", SetupKey.names()) + ")",
                problem(changed(9, "higlight: train")));
        assertEquals("mine.md, line 7: beta: expected a number such as 0.5 or 1e-3, got 'lots'",
                problem(changed(7, "beta: lots")));
        assertEquals("mine.md, line 9: 'beta' is given twice in this step (also on line 7)",
                problem(changed(9, "beta: 2")));
        assertEquals("mine.md, line 10: action: 'press' needs a button, and 'scatter' is a view of points; try"
                + " 'click a point in scatter'", problem(changed(10, "action: press scatter")));
        assertEquals("mine.md, line 9: highlight: unknown control or view 'bet-slider'; did you mean 'beta-slider'?",
                problem(changed(9, "highlight: bet-slider")));
    }

    @Test
    void aStepMustShowWhatItPointsAt() {
        assertEquals("mine.md, line 16: highlight: 'beta-slider' is hidden: the setup's controls leave it out in this"
                + " step; the class could not see it", problem(changed(8, "controls: train")));
        assertEquals("mine.md, line 10: action: 'compare-train' is on the compare tab, but the explore tab is shown"
                + " (tab: explore) in this step; the class could not see it",
                problem(changed(10, "action: press compare-train").replace("controls: train, beta-slider", "controls: all")));
        assertEquals("mine.md, line 8: views: the views leave out the tab that is shown (grid); add it, or show"
                + " another tab", problem(changed(8, "views: explore, scatter")));
    }
}
