package org.latentlab.render;

import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ComparisonFigure} shows: one column per model (its latent space, a grid decoded
 * from it, samples decoded from the prior, and its losses as numbers), and the models' paths
 * through the rate–distortion plane.
 *
 * @param labels         the figure's title and the note under it
 * @param panels         the columns, left to right
 * @param rateDistortion the paths for the rate–distortion plot; models without a rate (a plain
 *                       autoencoder, PCA) are simply left out of it
 */
public record ComparisonFigureData(FigureLabels labels, List<Panel> panels, RateDistortionData rateDistortion) {

    public ComparisonFigureData {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(rateDistortion, "rateDistortion");
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one panel");
        }
        Panel first = panels.get(0);
        for (Panel panel : panels) {
            if (panel.gridSize() != first.gridSize() || panel.samples().count() != first.samples().count()
                    || panel.grid().width() != first.grid().width() || panel.grid().height() != first.grid().height()) {
                throw new IllegalArgumentException("every panel needs grids and samples of the same size and count;"
                        + " '" + panel.title() + "' differs from '" + first.title() + "'");
            }
        }
    }

    /**
     * One model's column.
     *
     * @param title    the model, e.g. "VAE, KL only"
     * @param colour   its colour, the same as its path in the rate–distortion plot
     * @param scatter  where the probe images land, with their classes
     * @param xAxis    the scatter's horizontal axis title, e.g. "z₁"
     * @param yAxis    its vertical axis title
     * @param grid     {@code gridSize²} images decoded on a lattice over the latent space, row-major
     *                 from the top-left (largest z₂ first, as {@code LatentGrid} lists them)
     * @param gridSize the lattice's rows and columns
     * @param samples  images decoded from points drawn from the prior
     * @param numbers  a few short lines under the column, e.g. "−ELBO 169.4 nats"
     */
    public record Panel(String title, Color colour, ScatterData scatter, String xAxis, String yAxis,
                        GrayscaleImages grid, int gridSize, GrayscaleImages samples, List<String> numbers) {

        public Panel {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(colour, "colour");
            Objects.requireNonNull(scatter, "scatter");
            numbers = List.copyOf(numbers);
            if (gridSize < 1 || grid.count() != gridSize * gridSize) {
                throw new IllegalArgumentException("a " + gridSize + "×" + gridSize + " grid needs "
                        + gridSize * gridSize + " images, got " + grid.count());
            }
        }
    }
}
