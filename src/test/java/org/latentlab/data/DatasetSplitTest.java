package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatasetSplitTest {

    private static final long SEED = 42L;

    private static Dataset digits;

    @BeforeAll
    static void load() {
        digits = EmbeddedMnist.load();
    }

    /**
     * {@code n} images of 2×1 pixels whose bytes spell their index (low byte, high byte), so that
     * every image of a split can be traced back; labels cycle through {@code labels}.
     */
    private static Dataset numbered(int n, int[] labels, int classes) {
        byte[] pixels = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            pixels[2 * i] = (byte) i;
            pixels[2 * i + 1] = (byte) (i >> 8);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("c" + c);
        }
        return Dataset.ofBytes("numbered", 2, 1, pixels, labels, labels == null ? List.of() : names);
    }

    private static int indexOf(Dataset set, int i) {
        float[] image = set.image(i);
        return Math.round(image[0] * 255) + 256 * Math.round(image[1] * 255);
    }

    private static int[] indices(Dataset set) {
        int[] out = new int[set.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = indexOf(set, i);
        }
        return out;
    }

    @Test
    void embeddedDigitsSplitIntoNineThousandAndAThousandWithAboutAHundredPerDigit() {
        DatasetSplit split = DatasetSplit.of(digits, DatasetSplit.DEFAULT_VALIDATION_FRACTION, SEED);

        assertEquals(9_000, split.train().size());
        assertEquals(1_000, split.validation().size());
        int[] all = digits.labelCounts();
        int[] held = split.validation().labelCounts();
        int[] kept = split.train().labelCounts();
        // A tenth of each count, 100.1 112.7 99.1 103.2 98.0 86.3 101.4 107.0 94.4 97.8, floored
        // sums to 997; the 3 left go to the largest remainders: .8 (digit 9), .7 (1), and of the
        // two .4s the lower label (6 before 8).
        assertArrayEquals(new int[] {100, 113, 99, 103, 98, 86, 102, 107, 94, 98}, held);
        for (int c = 0; c < 10; c++) {
            assertEquals(all[c], held[c] + kept[c]);
            assertEquals(all[c] / 10.0, held[c], 1.0, "digit " + c);
        }
        assertEquals(digits.classNames(), split.train().classNames());
        assertEquals(EmbeddedMnist.NAME + " (validation)", split.validation().name());
    }

    @Test
    void stratifiedSplitIsDisjointAndCoversEveryImage() {
        int n = 1_000;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i < 700 ? 0 : (i < 900 ? 1 : 2);
        }
        Dataset set = numbered(n, labels, 3);

        DatasetSplit split = DatasetSplit.stratified(set, 0.2, SEED);

        assertArrayEquals(new int[] {140, 40, 20}, split.validation().labelCounts());
        BitSet seen = new BitSet(n);
        for (Dataset part : List.of(split.train(), split.validation())) {
            for (int i = 0; i < part.size(); i++) {
                int original = indexOf(part, i);
                assertFalse(seen.get(original), "image " + original + " appears twice");
                seen.set(original);
                assertEquals(labels[original], part.label(i), "label travels with image " + original);
            }
        }
        assertEquals(n, seen.cardinality());
    }

    @Test
    void sameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        int n = 500;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 5;
        }
        Dataset set = numbered(n, labels, 5);

        DatasetSplit first = DatasetSplit.stratified(set, 0.1, SEED);
        DatasetSplit again = DatasetSplit.stratified(set, 0.1, SEED);
        DatasetSplit other = DatasetSplit.stratified(set, 0.1, SEED + 1);

        assertArrayEquals(indices(first.train()), indices(again.train()));
        assertArrayEquals(indices(first.validation()), indices(again.validation()));
        assertFalse(Arrays.equals(indices(first.validation()), indices(other.validation())));
    }

    @Test
    void partsComeShuffledNotClassByClass() {
        DatasetSplit split = DatasetSplit.of(digits, 0.1, SEED);

        int changes = 0;
        for (int i = 1; i < 100; i++) {
            if (split.validation().label(i) != split.validation().label(i - 1)) {
                changes++;
            }
        }
        assertTrue(changes > 50, "labels change " + changes + " times in the first 100 validation images");
    }

    @Test
    void unlabelledSetsSplitAtRandomDeterministically() {
        Dataset set = numbered(300, null, 0);

        DatasetSplit split = DatasetSplit.of(set, 0.25, SEED);
        DatasetSplit again = DatasetSplit.random(set, 0.25, SEED);

        assertEquals(225, split.train().size());
        assertEquals(75, split.validation().size());
        assertFalse(split.train().hasLabels());
        assertArrayEquals(indices(split.validation()), indices(again.validation()));
        BitSet seen = new BitSet();
        for (int i : indices(split.train())) {
            seen.set(i);
        }
        for (int i : indices(split.validation())) {
            assertFalse(seen.get(i));
            seen.set(i);
        }
        assertEquals(300, seen.cardinality());
    }

    /** Each held-out image's recorded index is where it came from, for labelled and unlabelled sets. */
    @Test
    void validationIndicesNameEachHeldOutImagesPlaceInTheWholeSet() {
        int[] labels = new int[300];
        Arrays.setAll(labels, i -> i % 3);
        for (Dataset set : List.of(numbered(300, null, 0), numbered(300, labels, 3))) {
            DatasetSplit split = DatasetSplit.of(set, 0.25, SEED);
            assertArrayEquals(indices(split.validation()), split.validationIndices());
        }
    }

    @Test
    void tinySetsStillKeepOneImageOnEachSide() {
        DatasetSplit split = DatasetSplit.random(numbered(3, null, 0), 0.1, SEED);

        assertEquals(2, split.train().size());
        assertEquals(1, split.validation().size());
    }

    @Test
    void refusesSetsTooSmallAndFractionsOutsideZeroToOne() {
        Dataset one = numbered(1, new int[] {0}, 1);
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetSplit.of(one, 0.1, SEED));
        assertTrue(e.getMessage().contains("numbered holds 1 image(s)"), e.getMessage());

        Dataset ten = numbered(10, null, 0);
        assertThrows(IllegalArgumentException.class, () -> DatasetSplit.random(ten, 0, SEED));
        assertThrows(IllegalArgumentException.class, () -> DatasetSplit.random(ten, 1, SEED));
        assertThrows(IllegalArgumentException.class, () -> DatasetSplit.random(ten, Double.NaN, SEED));
        assertThrows(IllegalArgumentException.class, () -> DatasetSplit.stratified(ten, 0.1, SEED));
    }
}
