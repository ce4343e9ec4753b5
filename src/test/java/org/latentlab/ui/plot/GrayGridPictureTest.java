package org.latentlab.ui.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.Callable;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A grid drawn over in place holds the same pixels as a new picture of it would, and two pictures
 * take turns, so that the one drawn over is not the one shown last; a grid of another size gets
 * new pictures. Runs on the JavaFX thread (Monocle, headless).
 */
class GrayGridPictureTest {

    /** Two images of 2 × 2: a ramp, and its reverse. */
    private static final float[] FIRST = {0f, 0.25f, 0.5f, 1f, 1f, 0.5f, 0.25f, 0f};
    private static final float[] SECOND = {1f, 1f, 1f, 1f, 0f, 0f, 0f, 0f};

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void drawsWhatANewPictureWouldShowAndTakesTwoPicturesInTurn() throws Exception {
        onFx(() -> {
            GrayGridPicture picture = new GrayGridPicture(1, 70);
            WritableImage a = picture.draw(FIRST, 2, 2, 2, 2);
            assertEquals(5, (int) a.getWidth(), "two images of 2 pixels and a gap of 1");
            assertEquals(2, (int) a.getHeight());
            assertSamePixels(GrayImage.grid(FIRST, 2, 2, 2, 2, 1, 70), a);
            assertEquals(0xff404040, a.getPixelReader().getArgb(1, 0), "0.25 → 64");
            assertEquals(0xff464646, a.getPixelReader().getArgb(2, 1), "the gap, grey 70");

            WritableImage b = picture.draw(SECOND, 2, 2, 2, 2);
            assertNotSame(a, b, "the picture shown last is not drawn over");
            assertSamePixels(GrayImage.grid(SECOND, 2, 2, 2, 2, 1, 70), b);
            assertSamePixels(GrayImage.grid(FIRST, 2, 2, 2, 2, 1, 70), a);

            WritableImage again = picture.draw(SECOND, 2, 2, 2, 2);
            assertSame(a, again, "the first picture, drawn over");
            assertSamePixels(GrayImage.grid(SECOND, 2, 2, 2, 2, 1, 70), again);

            WritableImage column = picture.draw(FIRST, 2, 1, 2, 2);
            assertNotSame(a, column);
            assertNotSame(b, column);
            assertEquals(2, (int) column.getWidth(), "one column now");
            assertEquals(5, (int) column.getHeight());
            assertSamePixels(GrayImage.grid(FIRST, 2, 1, 2, 2, 1, 70), column);
            return null;
        });
    }

    private static void assertSamePixels(Image expected, Image actual) {
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getPixelReader().getArgb(x, y), actual.getPixelReader().getArgb(x, y),
                        "pixel " + x + ", " + y);
            }
        }
    }

    private static void onFx(Callable<Void> work) throws Exception {
        WaitForAsyncUtils.asyncFx(work).get();
    }
}
