package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.latentlab.render.ColourVision.Vision;

/**
 * The ten class colours stay apart for readers with each common colour-vision deficiency, and every
 * class also has a shape of its own: docs/decisions/0092-pace-projector-and-colours.md.
 */
class ClassColoursTest {

    /** The smallest CIEDE2000 difference any two class colours may have, under any vision. */
    static final double MIN_DELTA_E = 7;
    /** The digit pairs whose clusters touch in a 2-D VAE's latent space: they get the most different colours. */
    static final int[][] NEIGHBOURING_DIGITS = {{4, 9}, {3, 5}, {3, 8}, {5, 8}, {7, 9}, {1, 7}, {2, 7}, {4, 7}, {0, 6},
            {2, 3}};

    @Test
    void ciede2000AgreesWithSharmaWuAndDalalsTestData() {
        double[][][] pairs = {
                {{50, 2.6772, -79.7751}, {50, 0, -82.7485}},
                {{50, 0, 0}, {50, -1, 2}},
                {{50, 2.5, 0}, {73, 25, -18}},
                {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}},
                {{2.0776, 0.0795, -1.135}, {0.9033, -0.0636, -0.5514}}};
        double[] expected = {2.0425, 2.3669, 27.1492, 1.2644, 0.9082};
        for (int i = 0; i < pairs.length; i++) {
            assertEquals(expected[i], ColourVision.deltaE2000(pairs[i][0], pairs[i][1]), 1e-4, "pair " + i);
            assertEquals(expected[i], ColourVision.deltaE2000(pairs[i][1], pairs[i][0]), 1e-4, "pair " + i + " reversed");
        }
    }

    @Test
    void theSimulationsKeepGreysGrey() {
        for (Vision vision : Vision.values()) {
            for (double[] row : vision.matrix) {
                assertEquals(1, row[0] + row[1] + row[2], 1e-4, vision + ": white maps to white");
            }
        }
    }

    /** The smallest difference between any two of the ten class colours as {@code vision} sees them. */
    static double closest(Vision vision, int[][] pairs) {
        double closest = Double.MAX_VALUE;
        for (int[] pair : pairs) {
            closest = Math.min(closest, ColourVision.deltaE2000(vision.lab(Palette.classColour(pair[0])),
                    vision.lab(Palette.classColour(pair[1]))));
        }
        return closest;
    }

    static int[][] allPairs() {
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            for (int b = a + 1; b < 10; b++) {
                pairs.add(new int[] {a, b});
            }
        }
        return pairs.toArray(new int[0][]);
    }

    @Test
    void everyTwoClassColoursStayApartUnderEachColourVisionDeficiency() {
        StringBuilder report = new StringBuilder();
        for (Vision vision : Vision.values()) {
            double closest = closest(vision, allPairs());
            double neighbours = closest(vision, NEIGHBOURING_DIGITS);
            report.append(String.format(Locale.ROOT, "%s: closest pair ΔE00 %.1f, closest neighbouring digits %.1f%n",
                    vision, closest, neighbours));
            assertTrue(closest >= MIN_DELTA_E, vision + " sees two class colours only " + closest + " apart");
            assertTrue(neighbours >= 25, vision + " sees two neighbouring digits only " + neighbours + " apart");
        }
        System.out.print(report);
    }

    @Test
    void everyClassHasAShapeOfItsOwnAndTheShapesWeighTheSame() {
        EnumSet<MarkerShape> shapes = EnumSet.noneOf(MarkerShape.class);
        for (int label = 0; label < 10; label++) {
            shapes.add(Palette.classMarker(label));
        }
        assertEquals(10, shapes.size(), "so that any two classes whose colours come close differ in shape");
        for (MarkerShape shape : MarkerShape.values()) {
            assertEquals(Math.PI, shape.area(), 1e-9, shape + " encloses as much as the unit disc");
        }
        assertEquals(Palette.classMarker(3), Palette.classMarker(13));
    }
}
