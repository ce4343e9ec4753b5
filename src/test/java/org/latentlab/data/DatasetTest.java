package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    /** Three 2×1 images: (0, 255), (51, 102), (255, 0) with labels 1, 0, 1. */
    private static Dataset byteSet() {
        byte[] pixels = {0, (byte) 255, 51, 102, (byte) 255, 0};
        return Dataset.ofBytes("bytes", 2, 1, pixels, new int[] {1, 0, 1}, List.of("a", "b"));
    }

    @Test
    void byteStoredPixelsReadAsFloatsOverTwoHundredFiftyFive() {
        Dataset set = byteSet();

        assertEquals(3, set.size());
        assertArrayEquals(new float[] {0f, 1f}, set.image(0));
        assertArrayEquals(new float[] {51 / 255f, 102 / 255f}, set.image(1));
        float[] target = new float[5];
        set.copyImage(2, target, 3);
        assertArrayEquals(new float[] {0, 0, 0, 1f, 0f}, target);
    }

    @Test
    void subsetOfByteStoredSetKeepsPixelsAndLabels() {
        Dataset picked = byteSet().subset(new int[] {2, 1}, "picked");

        assertEquals("picked", picked.name());
        assertEquals(2, picked.size());
        assertArrayEquals(new float[] {1f, 0f}, picked.image(0));
        assertArrayEquals(new float[] {51 / 255f, 102 / 255f}, picked.image(1));
        assertEquals(1, picked.label(0));
        assertEquals(0, picked.label(1));
    }

    @Test
    void byteAndFloatStorageGiveTheSameImages() {
        float[] floats = {0f, 1f, 51 / 255f, 102 / 255f, 1f, 0f};
        Dataset fromFloats = new Dataset("floats", 2, 1, floats, new int[] {1, 0, 1}, List.of("a", "b"));
        Dataset fromBytes = byteSet();

        for (int i = 0; i < 3; i++) {
            assertArrayEquals(fromFloats.image(i), fromBytes.image(i));
        }
    }

    @Test
    void countsImagesPerLabel() {
        assertArrayEquals(new int[] {1, 2}, byteSet().labelCounts());
        Dataset unlabelled = Dataset.ofBytes("u", 1, 1, new byte[3], null, List.of());
        assertArrayEquals(new int[0], unlabelled.labelCounts());
    }

    @Test
    void byteStorageChecksShapeAndLabelsLikeFloatStorage() {
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofBytes("odd", 2, 2, new byte[6], null, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofBytes("bad label", 1, 1, new byte[2], new int[] {0, 2}, List.of("a", "b")));
    }
}
