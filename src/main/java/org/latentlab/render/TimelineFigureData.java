package org.latentlab.render;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link TimelineFigure} shows: moments of one training run, each with its latent space,
 * its decoded grid and its prior samples, and the run's losses, on which the moments are marked.
 *
 * @param labels  the figure's title and the note under it
 * @param moments in the order drawn, left to right; all with grids and samples of one size
 * @param losses  the whole run's losses (the moments' iterations are counted on the same axis)
 */
public record TimelineFigureData(FigureLabels labels, List<Moment> moments, LossHistoryData losses) {

    public TimelineFigureData {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(losses, "losses");
        moments = List.copyOf(moments);
        if (moments.isEmpty()) {
            throw new IllegalArgumentException("a timeline figure needs at least one moment");
        }
        Moment first = moments.get(0);
        for (Moment m : moments) {
            if (m.gridColumns() != first.gridColumns() || m.gridRows() != first.gridRows()
                    || m.grid().width() != first.grid().width() || m.samples().count() != first.samples().count()) {
                throw new IllegalArgumentException("every moment needs grids and samples of one size; '" + m.title()
                        + "' differs from '" + first.title() + "'");
            }
        }
    }

    /**
     * One moment of training.
     *
     * @param title       e.g. "iteration 1,000 · epoch 15"
     * @param iteration   iterations done at that moment, where the loss curves are marked
     * @param scatter     where the probe images lay then
     * @param xAxis       the scatter's horizontal axis title, e.g. "z₁"
     * @param yAxis       its vertical axis title
     * @param grid        {@code gridRows × gridColumns} decoded images, row-major from the top left
     * @param samples     images decoded from the same prior draws at every moment
     */
    public record Moment(String title, long iteration, ScatterData scatter, String xAxis, String yAxis,
                         GrayscaleImages grid, int gridRows, int gridColumns, GrayscaleImages samples) {

        public Moment {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(scatter, "scatter");
            if (iteration < 0) {
                throw new IllegalArgumentException("a moment at iteration " + iteration);
            }
            if (gridRows < 1 || gridColumns < 1 || grid.count() != gridRows * gridColumns) {
                throw new IllegalArgumentException("a " + gridRows + " × " + gridColumns + " grid needs "
                        + gridRows * gridColumns + " images, got " + grid.count());
            }
        }
    }
}
