package org.latentlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionTest {

    private static String problem(String phrase) {
        return assertThrows(IllegalArgumentException.class, () -> Action.parse(phrase)).getMessage();
    }

    @Test
    void everyVerbReadsItsPhraseAndWritesItBack() {
        List<String> phrases = List.of("press train", "drag beta-slider", "toggle log-scale",
                "choose linear in grid-spacing", "open attributes", "click a point in scatter", "draw in draw-pad",
                "move ink width slider");
        for (String phrase : phrases) {
            assertEquals(phrase, Action.parse(phrase).toString());
        }
        assertEquals(new Action(Action.Verb.PRESS, ControlId.TRAIN, ""), Action.parse("  Press   Train "));
        assertEquals(new Action(Action.Verb.MOVE, ControlId.ATTRIBUTE_SLIDER, "smile"), Action.parse("move smile slider"));
        assertEquals(new Action(Action.Verb.CHOOSE, ControlId.LATENT_SIZE, "16"), Action.parse("choose 16 in latent-size"));
        assertEquals(List.of(Action.Verb.values().length), List.of(phrases.size()));
    }

    @Test
    void aVerbOnTheWrongKindOfTargetSuggestsTheOneThatFits() {
        assertEquals("'press' needs a button, and 'scatter' is a view of points; try 'click a point in scatter'",
                problem("press scatter"));
        assertEquals("'drag' needs a slider, and 'loss-chart' is a view to look at; highlight it and ask for an"
                + " action on a control, e.g. 'press train'", problem("drag loss-chart"));
        assertEquals("'toggle' needs a switch, and 'grid' is a tab; try 'open grid'", problem("toggle grid"));
    }

    @Test
    void unknownWordsAreNamedWithWhatWasExpected() {
        assertEquals("expected one of: press ID, drag ID, toggle ID, choose VALUE in ID, open ID, click a point in ID,"
                + " draw in ID, move NAME slider; got 'jump train'", problem("jump train"));
        assertEquals("unknown control or view 'trian'; did you mean 'train'?", problem("press trian"));
        assertEquals("there is no 'smil' slider; did you mean 'smile'? (the sliders are " + String.join(", ",
                Action.ATTRIBUTE_NAMES) + ")", problem("move smil slider"));
        assertEquals("'grid-spacing' offers icdf, linear, not 'medium'", problem("choose medium in grid-spacing"));
    }
}
