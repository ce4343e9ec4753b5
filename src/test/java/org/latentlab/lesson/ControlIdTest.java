package org.latentlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlIdTest {

    @Test
    void idsAreUniqueLowerCaseWordsWithAOneLineDescription() {
        Set<String> ids = new HashSet<>();
        for (ControlId id : ControlId.values()) {
            assertTrue(ids.add(id.id()), id.id());
            assertTrue(id.id().matches("[a-z]+(-[a-z]+)*"), id.id());
            assertEquals(id.name().toLowerCase().replace('_', '-'), id.id());
            assertFalse(id.description().isBlank() || id.description().length() > 110, id.id());
            assertTrue(id.options().isEmpty() || id.kind() == ControlId.Kind.CHOICE, id.id());
            assertEquals(Optional.of(id), ControlId.byId(id.id().toUpperCase()));
        }
    }

    @Test
    void everyIdSitsOnATabOrViewAndTabsOnlyOnTheWindowOrTheExploreTab() {
        for (ControlId id : ControlId.values()) {
            id.parent().ifPresent(parent -> {
                assertTrue(parent.kind().isView(), id + " sits on " + parent);
                assertTrue(parent.ordinal() < id.ordinal(), id + " is listed before " + parent);
                assertTrue(!parent.planned() || id.planned(), id + " sits on a planned view but is not planned");
            });
            if (id.kind() == ControlId.Kind.TAB) {
                assertTrue(id.parent().isEmpty() || id.parent().get() == ControlId.EXPLORE, id.id());
            }
            assertTrue(id.kind() != ControlId.Kind.PAD && id.kind() != ControlId.Kind.ATTRIBUTE_SLIDERS
                    || id.parent().orElseThrow().kind() == ControlId.Kind.TAB, id.id());
        }
    }

    @Test
    void aMisspeltIdIsAnsweredWithTheNearestOne() {
        assertEquals("unknown control or view 'colapse-meter'; did you mean 'collapse-meter'?",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> ControlId.parse("colapse-meter")).getMessage());
        assertEquals("unknown control or view 'zzz'", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ControlId.parse("zzz")).getMessage());
        assertEquals(3, NearestName.distance("kitten", "sitting"));
        assertEquals(0, NearestName.distance("", ""));
        assertEquals(4, NearestName.distance("", "beta"));
    }
}
