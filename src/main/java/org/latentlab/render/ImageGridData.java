package org.latentlab.render;

import java.util.Objects;

/**
 * What an {@link ImageGrid} shows: images in {@code rows × columns} cells, where image
 * {@code row * columns + column} belongs to cell (row, column), and optionally the latent
 * coordinates each row and column was decoded at.
 *
 * @param images  exactly {@code rows × columns} images
 * @param rows    the number of grid rows
 * @param columns the number of grid columns
 * @param lattice where each image was decoded: column {@code c} at z₁ = {@code lattice.xValues()[c]},
 *                row {@code r} at z₂ = {@code lattice.yValues()[r]}; {@code null} for images that
 *                come from nowhere in particular, such as samples from the prior
 * @param labels  title, note and axis titles (the axis titles default to "z₁" and "z₂" when there
 *                is a lattice and are not drawn otherwise)
 */
public record ImageGridData(GrayscaleImages images, int rows, int columns, SamplingLattice lattice, FigureLabels labels) {

    public ImageGridData {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("a grid needs at least one row and one column, got " + rows + "×" + columns);
        }
        if (rows * columns != images.count()) {
            throw new IllegalArgumentException("a " + rows + "×" + columns + " grid needs " + rows * columns
                    + " images, got " + images.count());
        }
        if (lattice != null && (lattice.columns() != columns || lattice.rows() != rows)) {
            throw new IllegalArgumentException("the lattice has " + lattice.columns() + " x values and "
                    + lattice.rows() + " y values for a grid of " + columns + " columns and " + rows + " rows");
        }
    }

    /** A decoded manifold: the images at every point of {@code lattice}, row-major by lattice row. */
    public static ImageGridData manifold(GrayscaleImages images, SamplingLattice lattice, FigureLabels labels) {
        return new ImageGridData(images, lattice.rows(), lattice.columns(), lattice, labels);
    }

    /** Images without coordinates, such as samples from the prior, in reading order. */
    public static ImageGridData samples(GrayscaleImages images, int rows, int columns, FigureLabels labels) {
        return new ImageGridData(images, rows, columns, null, labels);
    }
}
