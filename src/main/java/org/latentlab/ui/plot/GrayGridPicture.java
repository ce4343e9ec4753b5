package org.latentlab.ui.plot;

import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.WritableImage;

/**
 * A grid of grayscale images ({@link GrayImage#grid}) that a view redraws in place, for pictures
 * that change every frame while training is replayed: two pictures of the grid's size are used in
 * turn and drawn over, so a new moment makes no new image, no new pixel array and no new texture
 * for the renderer (docs/decisions/0096, "Scrubbing"). The picture drawn over is the one shown
 * before the last change: with at most one change a frame, as the views make, the render thread
 * finished drawing from it before the current frame began. Confined to the JavaFX application thread.
 */
public final class GrayGridPicture {

    private final int gap;
    private final int gapGrey;
    private final WritableImage[] images = new WritableImage[2];
    private final int[][] pixels = new int[2][];
    @SuppressWarnings("unchecked")
    private final PixelBuffer<IntBuffer>[] buffers = new PixelBuffer[2];
    private int width;
    private int height;
    private int next;

    /**
     * @param gap     pixels between the images
     * @param gapGrey their grey level, 0–255
     */
    public GrayGridPicture(int gap, int gapGrey) {
        this.gap = gap;
        this.gapGrey = gapGrey;
    }

    /**
     * The picture of {@code count} images of {@code imageWidth × imageHeight} intensities in [0, 1],
     * {@code columns} across: one of this object's two, drawn over, while the grid keeps its size.
     */
    public WritableImage draw(float[] intensities, int count, int columns, int imageWidth, int imageHeight) {
        int w = GrayImage.gridWidth(columns, imageWidth, gap);
        int h = GrayImage.gridHeight(count, columns, imageHeight, gap);
        if (w != width || h != height) {
            width = w;
            height = h;
            for (int i = 0; i < 2; i++) {
                pixels[i] = new int[w * h];
                buffers[i] = GrayImage.buffer(pixels[i], w, h);
                images[i] = new WritableImage(buffers[i]);
            }
        }
        int drawn = next;
        next = 1 - next;
        buffers[drawn].updateBuffer(b -> {
            GrayImage.writeGrid(pixels[drawn], intensities, count, columns, imageWidth, imageHeight, gap, gapGrey);
            return null; // all of it changed
        });
        return images[drawn];
    }
}
