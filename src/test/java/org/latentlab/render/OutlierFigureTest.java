package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The outlier figure: its image blocks, and the comparison's histograms and note. */
class OutlierFigureTest {

    private static final FigureLabels LABELS = FigureLabels.titled("outliers");

    /** 16 images, image i all at intensity i / 16. */
    private static GrayscaleImages ramp() {
        float[] pixels = new float[16 * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i / 784) / 16f;
        }
        return new GrayscaleImages(pixels, 28, 28);
    }

    private static OutlierFigureData data(OutlierFigureData.Comparison comparison) {
        double[] values = new double[16];
        return new OutlierFigureData(ramp(), values, ramp(), values, comparison);
    }

    @Test
    void theImagesAreDrawnPixelForPixelAtThreeTimesTheirSize() {
        BufferedImage image = new OutlierFigure().draw(data(null), LABELS);
        // The last image of the first row of the first block is grey 7/16, 84 pixels square.
        int top = FigureCanvas.headerHeight(LABELS) + 8 + 34;
        int left = 28 + 7 * (84 + 12);
        assertEquals(Math.round(7 / 16f * 255), image.getRGB(left + 40, top + 40) & 0xFF);
        assertEquals(Math.round(7 / 16f * 255), image.getRGB(left + 83, top + 83) & 0xFF);
    }

    /** A comparison adds the histograms; other data that looks more likely adds the note under them. */
    @Test
    void otherDataThatLooksMoreLikelyGetsTheNote() {
        double[] low = {100, 110, 120};
        double[] high = {300, 310, 320};
        int alone = new OutlierFigure().draw(data(null), LABELS).getHeight();
        int clearer = new OutlierFigure().draw(data(new OutlierFigureData.Comparison(low, high, "other", 1)), LABELS)
                .getHeight();
        int stranger = new OutlierFigure().draw(data(new OutlierFigureData.Comparison(high, low, "other", 0)), LABELS)
                .getHeight();
        assertTrue(clearer > alone + 300, alone + " then " + clearer);
        assertEquals(clearer + 26, stranger);
        assertTrue(new OutlierFigureData.Comparison(high, low, "other", 0.2).otherLooksMoreLikely());
    }
}
