package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

    /** Points on a line: class 0 at 0, 1, 2; class 1 at 10, 11; class 2 at 5. */
    private static final float[] LINE = {0, 1, 2, 10, 11, 5};
    private static final int[] CLASSES = {0, 0, 0, 1, 1, 2};

    @Test
    void eachPointTakesTheClassMostCommonAmongItsNearestReferencePoints() {
        NearestNeighbours one = new NearestNeighbours(LINE, CLASSES, 6, 1, 3, 1);
        assertArrayEquals(new int[] {0, 2, 1, 1}, one.classify(new float[] {-3, 4.9f, 8, 30}, 4));
        NearestNeighbours three = new NearestNeighbours(LINE, CLASSES, 6, 1, 3, 3);
        // 4.9: nearest 5 (2), 2 (0), 1 (0): class 0 outvotes the nearest point.
        assertArrayEquals(new int[] {0, 0, 1}, three.classify(new float[] {-3, 4.9f, 9}, 3));
    }

    /** 6.5's two nearest are 5 (class 2) and 10 (class 1), one vote each: the nearer class wins. */
    @Test
    void aTieGoesToTheClassOfTheNearerPoint() {
        NearestNeighbours two = new NearestNeighbours(LINE, CLASSES, 6, 1, 3, 2);
        assertArrayEquals(new int[] {2, 1}, two.classify(new float[] {6.5f, 8}, 2));
    }

    @Test
    void distancesAreEuclideanOverEveryDimension() {
        // 20 dimensions, more than one early-exit block: the query is nearer b in all but one coordinate.
        float[] reference = new float[40];
        float[] query = new float[20];
        for (int j = 0; j < 20; j++) {
            reference[j] = 1f;
            reference[20 + j] = j == 19 ? 10f : 0f;
            query[j] = j == 19 ? 10f : 0f;
        }
        NearestNeighbours nearest = new NearestNeighbours(reference, new int[] {0, 1}, 2, 20, 2, 1);
        assertArrayEquals(new int[] {1}, nearest.classify(query, 1));
        assertEquals(1.0, nearest.accuracy(query, new int[] {1}, 1), 0.0);
    }

    @Test
    void badShapesAndLabelsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NearestNeighbours(LINE, CLASSES, 6, 1, 3, 7));
        assertThrows(IllegalArgumentException.class, () -> new NearestNeighbours(LINE, CLASSES, 6, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new NearestNeighbours(LINE, CLASSES, 3, 2, 3, 1));
    }
}
