package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class DecoderStdCurvesTest {

    private static final Color LINE = Color.decode(Palette.RECONSTRUCTION_HEX);

    @Test
    void aSharedStdIsOneLineAndPerPixelStdsAddTheirRange() {
        float[] rising = new float[500];
        float[] low = new float[500];
        float[] high = new float[500];
        for (int i = 0; i < rising.length; i++) {
            rising[i] = 0.1f + 0.1f * i / 500;
            low[i] = 0.1f - 0.05f * i / 500;
            high[i] = 0.1f + 0.3f * i / 500;
        }
        BufferedImage shared = new DecoderStdCurves().draw(rising, null, null, FigureLabels.titled("σ"));
        BufferedImage perPixel = new DecoderStdCurves().draw(rising, low, high, FigureLabels.titled("σ"));
        int sharedLine = Pixels.countNear(shared, LINE, 30);
        assertTrue(sharedLine > 400, sharedLine + " pixels of the line");
        int faint = Pixels.countNear(perPixel, Pixels.overWhite(LINE, 0.45), 30);
        assertTrue(faint > 500, faint + " pixels of the range's lines");
        assertThrows(IllegalArgumentException.class,
                () -> new DecoderStdCurves().draw(rising, low, null, FigureLabels.titled("σ")));
    }
}
