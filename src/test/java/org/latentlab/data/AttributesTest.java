package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributesTest {

    private static Attributes sizeAndColour() {
        return Attributes.of(List.of("size", "colour"), List.of(new double[] {1, 2, 3}, new double[] {0.1, 0.2, 0.3}));
    }

    @Test
    void holdsOneColumnPerNameAndCopiesOnTheWayInAndOut() {
        double[] size = {1, 2, 3};
        Attributes attributes = Attributes.of(List.of("size"), List.of(size));
        size[0] = 99;
        attributes.column("size")[1] = 99;

        assertArrayEquals(new double[] {1, 2, 3}, attributes.column("size"));
        assertEquals(3, attributes.size());
        assertEquals(1, attributes.count());
        assertEquals(2.0, attributes.value("size", 1));
    }

    @Test
    void aSubsetPicksTheValuesOfTheChosenImagesInOrder() {
        Attributes picked = sizeAndColour().subset(new int[] {2, 0, 2});

        assertArrayEquals(new double[] {3, 1, 3}, picked.column("size"));
        assertArrayEquals(new double[] {0.3, 0.1, 0.3}, picked.column("colour"));
    }

    @Test
    void withoutDropsOneNameAndItsValues() {
        Attributes colour = sizeAndColour().without("size");
        assertEquals(List.of("colour"), colour.names());
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, colour.column("colour"));
        assertEquals(3, colour.size());
        assertSame(Attributes.none(), colour.without("colour"));
        Attributes same = sizeAndColour();
        assertSame(same, same.without("weight"));
    }

    @Test
    void joiningAddsTheOtherNamesAfterTheseAndRefusesRepeats() {
        Attributes more = Attributes.of(List.of("weight"), List.of(new double[] {7, 8, 9}));

        Attributes joined = sizeAndColour().and(more);

        assertEquals(List.of("size", "colour", "weight"), joined.names());
        assertArrayEquals(new double[] {7, 8, 9}, joined.column("weight"));
        assertSame(more, Attributes.none().and(more));
        assertThrows(IllegalArgumentException.class, () -> joined.and(more));
    }

    @Test
    void badShapesAndUnknownNamesSayWhatIsWrong() {
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> Attributes.of(List.of("a", "b"), List.of(new double[2], new double[3])));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Attributes.of(List.of("a", "a"), List.of(new double[2], new double[2])));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> sizeAndColour().column("smile"));

        assertEquals("attribute \"b\" has 3 values but \"a\" has 2", ragged.getMessage());
        assertEquals("the attribute name \"a\" appears twice", twice.getMessage());
        assertEquals("no attribute \"smile\"; there are [size, colour]", unknown.getMessage());
    }

    @Test
    void aDatasetCarriesItsAttributesThroughSubsetsHeadsAndSplits() {
        float[] pixels = new float[6];
        Dataset data = new Dataset("three", 2, 1, pixels, new int[] {0, 1, 0}, List.of("a", "b"))
                .withAttributes(sizeAndColour());

        assertArrayEquals(new double[] {3, 1}, data.subset(new int[] {2, 0}, "two").attributes().column("size"));
        assertArrayEquals(new double[] {1, 2}, data.head(2).attributes().column("size"));
        DatasetSplit split = DatasetSplit.random(data, 0.34, 5);
        for (Dataset part : List.of(split.train(), split.validation())) {
            for (int i = 0; i < part.size(); i++) {
                double size = part.attributes().value("size", i);
                assertEquals(size / 10, part.attributes().value("colour", i), 1e-12, "rows stay together");
            }
        }
        assertEquals(3, split.train().attributes().size() + split.validation().attributes().size());
    }

    @Test
    void aDatasetWithoutAttributesHasNoneAndRefusesAttributesOfTheWrongSize() {
        Dataset data = new Dataset("two", 1, 1, new float[2], null, List.of());

        assertTrue(data.attributes().isEmpty());
        assertTrue(data.subset(new int[] {1}, "one").attributes().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> data.withAttributes(sizeAndColour()));
        assertEquals("2 images but attributes of 3", e.getMessage());
    }
}
