package org.latentlab.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The grid's sums against a joint density whose integral is known: a scaled Gaussian. */
class PosteriorGridTest {

    private static final double LOG_SCALE = -123.4;

    /** log p(x, z) = LOG_SCALE + log N(z; (m1, m2), s² I), on {@code cells} cells spanning ±{@code half} around the origin. */
    private static PosteriorGrid gaussian(double m1, double m2, double s, int cells, double half) {
        double step = 2 * half / cells;
        double first = -half + step / 2;
        double[] logJoint = new double[cells * cells];
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                double d1 = first + i * step - m1;
                double d2 = first + j * step - m2;
                logJoint[j * cells + i] = LOG_SCALE - Math.log(2 * Math.PI * s * s) - 0.5 * (d1 * d1 + d2 * d2) / (s * s);
            }
        }
        return new PosteriorGrid(first, first, step, step, cells, logJoint);
    }

    /** ∫ = e^LOG_SCALE: the midpoint rule at 4 cells per sd is exact to far below 10⁻⁹ for a Gaussian well inside. */
    @Test
    void theSumOverAWideFineGridIsTheIntegral() {
        PosteriorGrid grid = gaussian(0.3, -0.2, 0.5, 64, 4);
        assertEquals(LOG_SCALE, grid.logMarginal(), 1e-9);
        assertEquals(0.3, grid.posteriorMean()[0], 1e-9);
        assertEquals(-0.2, grid.posteriorMean()[1], 1e-9);
        assertTrue(grid.edgeMass() < 1e-9, "edge mass " + grid.edgeMass());
        assertEquals(0.5 / 0.125, grid.cellsPerStd(), 1e-6);
    }

    /**
     * A posterior N((3, 0), 0.5² I) cut by the right edge of a grid over [−4, 4]². The outer band is
     * 4 of 64 cells, z₁ in [3.5, 4] (and [−4, −3.5], empty here): it holds Φ(2) − Φ(1) of the
     * Gaussian, and the grid holds Φ(2) of it (z₂ whole), so the edge mass is their ratio, 0.139.
     */
    @Test
    void theEdgeMassIsThePosteriorInTheOuterBand() {
        PosteriorGrid grid = gaussian(3, 0, 0.5, 64, 4);
        double phi1 = 0.8413447;
        double phi2 = 0.9772499;
        assertEquals((phi2 - phi1) / phi2, grid.edgeMassAlong1(), 2e-3);
        assertEquals(0, grid.edgeMassAlong2(), 1e-9);
        assertEquals(grid.edgeMassAlong1(), grid.edgeMass(), 1e-9);
    }

    /**
     * A posterior of sd 0.08 on cells of 0.125: the grid still sees a spread near 0.08 (0.6 cells
     * per sd), and its sum is already off by 10⁻³; four times finer, 2.6 cells per sd, the sum is
     * exact to 10⁻¹².
     */
    @Test
    void coarseCellsShowInTheCellsPerStd() {
        PosteriorGrid coarse = gaussian(0, 0, 0.08, 16, 1);
        assertEquals(0.08 / 0.125, coarse.cellsPerStd(), 0.05);
        assertTrue(Math.abs(coarse.logMarginal() - LOG_SCALE) > 1e-3);
        PosteriorGrid fine = gaussian(0, 0, 0.08, 64, 1);
        assertEquals(0.08 / 0.03125, fine.cellsPerStd(), 1e-6);
        assertEquals(LOG_SCALE, fine.logMarginal(), 1e-12);
    }
}
