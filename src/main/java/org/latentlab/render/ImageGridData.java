package org.latentlab.render;

import java.util.List;
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
 *                is a lattice; otherwise the vertical one is drawn beside row names, if any)
 * @param rowNames a name written left of each row (a class, say), top row first; empty for none,
 *                 and empty whenever there is a lattice
 */
public record ImageGridData(GrayscaleImages images, int rows, int columns, SamplingLattice lattice, FigureLabels labels,
                            List<String> rowNames) {

    public ImageGridData {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        rowNames = List.copyOf(rowNames);
        if (!rowNames.isEmpty() && (rowNames.size() != rows || lattice != null)) {
            throw new IllegalArgumentException(rowNames.size() + " row names for a grid of " + rows + " rows"
                    + (lattice != null ? " with a lattice" : ""));
        }
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

    /** A grid without row names. */
    public ImageGridData(GrayscaleImages images, int rows, int columns, SamplingLattice lattice, FigureLabels labels) {
        this(images, rows, columns, lattice, labels, List.of());
    }

    /** A decoded manifold: the images at every point of {@code lattice}, row-major by lattice row. */
    public static ImageGridData manifold(GrayscaleImages images, SamplingLattice lattice, FigureLabels labels) {
        return new ImageGridData(images, lattice.rows(), lattice.columns(), lattice, labels);
    }

    /** Images without coordinates, such as samples from the prior, in reading order. */
    public static ImageGridData samples(GrayscaleImages images, int rows, int columns, FigureLabels labels) {
        return new ImageGridData(images, rows, columns, null, labels);
    }

    /** Images in reading order, each row named (by its class, say), the top row first. */
    public static ImageGridData namedRows(GrayscaleImages images, List<String> rowNames, int columns,
            FigureLabels labels) {
        return new ImageGridData(images, rowNames.size(), columns, null, labels, rowNames);
    }
}
