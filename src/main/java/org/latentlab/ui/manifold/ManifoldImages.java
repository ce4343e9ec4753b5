package org.latentlab.ui.manifold;

/**
 * A decoded grid: {@code rows × columns} images, row-major from the top-left, as the grid's points
 * are ordered (the top row at the largest vertical coordinate). Immutable by convention: the array
 * is never changed after decoding.
 */
public record ManifoldImages(float[] pixels, int rows, int columns, int imageWidth, int imageHeight) {

    public int count() {
        return rows * columns;
    }
}
