package org.latentlab.render;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Reading colours back out of drawn figures, for tests. */
final class Pixels {

    private Pixels() {
    }

    static Color at(BufferedImage image, double x, double y) {
        return new Color(image.getRGB((int) Math.floor(x), (int) Math.floor(y)));
    }

    /** The mean of red, green and blue: 0 black, 255 white. */
    static double brightness(Color colour) {
        return (colour.getRed() + colour.getGreen() + colour.getBlue()) / 3.0;
    }

    static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }

    /** {@code colour} laid over white at {@code alpha}: how a translucent mark looks on the figure. */
    static Color overWhite(Color colour, double alpha) {
        return new Color(
                (int) Math.round(alpha * colour.getRed() + (1 - alpha) * 255),
                (int) Math.round(alpha * colour.getGreen() + (1 - alpha) * 255),
                (int) Math.round(alpha * colour.getBlue() + (1 - alpha) * 255));
    }

    /** The darkest pixel within {@code radius} pixels of (x, y). */
    static double darkestNear(BufferedImage image, double x, double y, int radius) {
        double darkest = 255;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                darkest = Math.min(darkest, brightness(at(image, x + dx, y + dy)));
            }
        }
        return darkest;
    }

    /** How many pixels of {@code image} lie within {@code tolerance} of {@code colour} (RGB distance). */
    static int countNear(BufferedImage image, Color colour, double tolerance) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (distance(new Color(image.getRGB(x, y)), colour) <= tolerance) {
                    count++;
                }
            }
        }
        return count;
    }

    /** How many different grey levels (red = green = blue) the image holds. */
    static int greyLevels(BufferedImage image) {
        boolean[] seen = new boolean[256];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() == c.getGreen() && c.getGreen() == c.getBlue()) {
                    seen[c.getRed()] = true;
                }
            }
        }
        int levels = 0;
        for (boolean s : seen) {
            levels += s ? 1 : 0;
        }
        return levels;
    }

    /** The share of the image's pixels that are not pure white. */
    static double inkedShare(BufferedImage image) {
        return 1 - (double) countNear(image, Color.WHITE, 0) / ((long) image.getWidth() * image.getHeight());
    }
}
