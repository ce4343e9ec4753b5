package org.latentlab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.latentlab.render.MarkerShape;

/** The markers the window stamps: the same area for every shape, and shapes that differ at a dot's size. */
class MarkerSpriteTest {

    /** The window's dot radius for up to 1,000 points. */
    private static final double RADIUS = 4;
    /** Pixels of a 4-pixel marker's picture that two shapes must differ in, as a share of its area. */
    private static final double MIN_DIFFERENCE = 0.3;

    @Test
    void everyMarkerCoversTheAreaOfItsDisc() {
        for (MarkerShape shape : MarkerShape.values()) {
            MarkerSprite sprite = new MarkerSprite(shape, RADIUS);
            double covered = 0;
            for (int y = 0; y < sprite.size(); y++) {
                for (int x = 0; x < sprite.size(); x++) {
                    covered += sprite.coverage(x, y);
                }
            }
            assertEquals(Math.PI * RADIUS * RADIUS, covered, 0.06 * Math.PI * RADIUS * RADIUS, shape.toString());
        }
    }

    @Test
    void anyTwoShapesDifferInAThirdOfTheirPixelsAtTheWindowsDotSize() {
        StringBuilder closest = new StringBuilder();
        double least = Double.MAX_VALUE;
        MarkerShape[] shapes = MarkerShape.values();
        for (int a = 0; a < shapes.length; a++) {
            for (int b = a + 1; b < shapes.length; b++) {
                double difference = difference(new MarkerSprite(shapes[a], RADIUS), new MarkerSprite(shapes[b], RADIUS));
                if (difference < least) {
                    least = difference;
                    closest.setLength(0);
                    closest.append(shapes[a]).append(" and ").append(shapes[b]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "the most alike markers at radius %.0f: %s, %.2f of their area differs%n",
                RADIUS, closest, least);
        assertTrue(least >= MIN_DIFFERENCE, closest + " differ in only " + least + " of their area");
    }

    /** The coverage two sprites differ by, pixel by pixel with their centres on one another, over a disc's area. */
    private static double difference(MarkerSprite a, MarkerSprite b) {
        int reach = (int) Math.ceil(Math.max(a.centre(), b.centre())) + 1;
        double sum = 0;
        for (int dy = -reach; dy <= reach; dy++) {
            for (int dx = -reach; dx <= reach; dx++) {
                sum += Math.abs(at(a, dx, dy) - at(b, dx, dy));
            }
        }
        return sum / (Math.PI * RADIUS * RADIUS);
    }

    /** The coverage of the pixel whose centre lies (dx, dy) from the marker's centre, rounded to a pixel. */
    private static double at(MarkerSprite sprite, int dx, int dy) {
        int x = (int) Math.floor(sprite.centre() + dx);
        int y = (int) Math.floor(sprite.centre() + dy);
        return x < 0 || y < 0 || x >= sprite.size() || y >= sprite.size() ? 0 : sprite.coverage(x, y);
    }
}
