package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ReconstructionsTest {

    @Test
    void inputsAreTheTopRowAndReconstructionsTheRowBelow() {
        int side = 6;
        int k = 4;
        float[] inputs = new float[k * side * side];
        float[] outputs = new float[k * side * side];
        java.util.Arrays.fill(inputs, 1 * side * side, 2 * side * side, 1f);
        java.util.Arrays.fill(outputs, 2 * side * side, 3 * side * side, 1f);
        ReconstructionPairs pairs = new ReconstructionPairs(new GrayscaleImages(inputs, side, side),
                new GrayscaleImages(outputs, side, side));
        Reconstructions figure = new Reconstructions().withScale(5);
        BufferedImage image = figure.draw(pairs, FigureLabels.titled("reconstructions"));
        Reconstructions.Layout layout = figure.layout(pairs, FigureLabels.titled("reconstructions"));

        assertEquals(layout.width(), image.getWidth());
        assertTrue(layout.reconstructionTop() > layout.inputTop());
        double half = side * 5 / 2.0;
        for (int i = 0; i < k; i++) {
            double input = Pixels.brightness(Pixels.at(image, layout.cellLeft(i) + half, layout.inputTop() + half));
            double output = Pixels.brightness(Pixels.at(image, layout.cellLeft(i) + half, layout.reconstructionTop() + half));
            assertEquals(i == 1 ? 255 : 0, input, 0.5, "input " + i);
            assertEquals(i == 2 ? 255 : 0, output, 0.5, "reconstruction " + i);
        }
    }

    @Test
    void refusesPairsThatDoNotPair() {
        GrayscaleImages three = new GrayscaleImages(new float[3 * 4], 2, 2);
        GrayscaleImages two = new GrayscaleImages(new float[2 * 4], 2, 2);
        GrayscaleImages wide = new GrayscaleImages(new float[3 * 4], 4, 1);
        assertThrows(IllegalArgumentException.class, () -> new ReconstructionPairs(three, two));
        assertThrows(IllegalArgumentException.class, () -> new ReconstructionPairs(three, wide));
    }
}
