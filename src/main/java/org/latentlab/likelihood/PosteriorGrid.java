package org.latentlab.likelihood;

/**
 * The joint density log p(x, z) = log p(x|z) + log p(z) of one image over a square grid of cells in
 * a 2-D latent space, and what it gives: p(x) = ∫ p(x|z) p(z) dz by the midpoint rule, the true
 * posterior p(z|x) = p(x, z) / p(x) at every cell, and two checks of the sum: how much posterior
 * lies at the grid's edge and how many cells its width spans.
 *
 * <p>Cell (i, j) has its centre at z = (first₁ + i·step₁, first₂ + j·step₂); values are stored
 * row by row, z₂ outer: index {@code j · cells + i}. Immutable.
 */
public final class PosteriorGrid {

    private final double first1;
    private final double first2;
    private final double step1;
    private final double step2;
    private final int cells;
    private final double[] logJoint;
    private final double logMarginal;

    /**
     * @param first1   z₁ at the centre of the first column
     * @param first2   z₂ at the centre of the first row
     * @param step1    the width of a cell along z₁
     * @param step2    the height of a cell along z₂
     * @param cells    cells along each axis
     * @param logJoint log p(x|z) + log p(z) at each cell's centre, nats (kept, not copied)
     */
    PosteriorGrid(double first1, double first2, double step1, double step2, int cells, double[] logJoint) {
        if (cells < 2 || logJoint.length != cells * cells) {
            throw new IllegalArgumentException("a grid of " + cells + " cells a side needs " + cells * cells
                    + " values, got " + logJoint.length);
        }
        this.first1 = first1;
        this.first2 = first2;
        this.step1 = step1;
        this.step2 = step2;
        this.cells = cells;
        this.logJoint = logJoint;
        this.logMarginal = logSumExp() + Math.log(step1 * step2);
    }

    /**
     * What an evaluation of many images keeps of a grid.
     *
     * @param negativeLogMarginal −log p(x), nats
     * @param edgeMass            {@link #edgeMass()}
     * @param cellsPerStd         {@link #cellsPerStd()}
     * @param cells               cells along each axis, after any refinement
     */
    public record Summary(double negativeLogMarginal, double edgeMass, double cellsPerStd, int cells) {
    }

    public Summary summary() {
        return new Summary(negativeLogMarginal(), edgeMass(), cellsPerStd(), cells);
    }

    public int cells() {
        return cells;
    }

    public double step1() {
        return step1;
    }

    public double step2() {
        return step2;
    }

    /** z₁ at the centre of column {@code i}. */
    public double z1(int i) {
        return first1 + i * step1;
    }

    /** z₂ at the centre of row {@code j}. */
    public double z2(int j) {
        return first2 + j * step2;
    }

    /** The square the grid covers: {z₁ from, z₁ to, z₂ from, z₂ to}. */
    public double[] extent() {
        return new double[] {first1 - step1 / 2, first1 + (cells - 0.5) * step1, first2 - step2 / 2,
                first2 + (cells - 0.5) * step2};
    }

    /** log p(x) = log Σ p(x, z) · step₁ · step₂ over the cells, nats. */
    public double logMarginal() {
        return logMarginal;
    }

    /** −log p(x) in nats. */
    public double negativeLogMarginal() {
        return -logMarginal;
    }

    /** log p(x|z) + log p(z) at the centre of cell (i, j), nats. */
    public double logJoint(int i, int j) {
        return logJoint[j * cells + i];
    }

    /** The true posterior density p(z|x) at the centre of cell (i, j), per unit of latent area. */
    public double posteriorDensity(int i, int j) {
        return Math.exp(logJoint[j * cells + i] - logMarginal);
    }

    /** The posterior probability of cell (i, j): its density times its area. */
    public double cellProbability(int i, int j) {
        return posteriorDensity(i, j) * step1 * step2;
    }

    /** The mean of p(z|x) over the grid, {z₁, z₂}. */
    public double[] posteriorMean() {
        double m1 = 0;
        double m2 = 0;
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                double p = cellProbability(i, j);
                m1 += p * z1(i);
                m2 += p * z2(j);
            }
        }
        return new double[] {m1, m2};
    }

    /**
     * The posterior probability in the grid's outer band: the outermost sixteenth of the cells on
     * each side (at least one). Small when the grid holds the whole posterior.
     */
    public double edgeMass() {
        return massWhere((i, j) -> inBand(i) || inBand(j));
    }

    /** The posterior probability in the outer band of columns (the left and right edges). */
    double edgeMassAlong1() {
        return massWhere((i, j) -> inBand(i));
    }

    /** The posterior probability in the outer band of rows (the bottom and top edges). */
    double edgeMassAlong2() {
        return massWhere((i, j) -> inBand(j));
    }

    /** The standard deviations of p(z|x) along z₁ and z₂ over the grid. */
    public double[] posteriorStd() {
        double[] mean = posteriorMean();
        double v1 = 0;
        double v2 = 0;
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                double p = cellProbability(i, j);
                v1 += p * (z1(i) - mean[0]) * (z1(i) - mean[0]);
                v2 += p * (z2(j) - mean[1]) * (z2(j) - mean[1]);
            }
        }
        return new double[] {Math.sqrt(v1), Math.sqrt(v2)};
    }

    /**
     * How many cells the posterior spans, along the axis where it spans fewest: per axis the
     * narrower of its standard deviation and the width of its highest peak, 1/√(−∂² log p(z|x)/∂z²)
     * from the second difference across the largest cell (a posterior in two narrow pieces far
     * apart has a wide sd but narrow peaks). The midpoint rule is accurate when this is a few: its
     * error for a Gaussian falls as exp(−2π² · this²).
     */
    public double cellsPerStd() {
        double[] std = posteriorStd();
        int peak = 0;
        for (int k = 1; k < logJoint.length; k++) {
            if (logJoint[k] > logJoint[peak]) {
                peak = k;
            }
        }
        int i = peak % cells;
        int j = peak / cells;
        double width1 = std[0];
        double width2 = std[1];
        if (i > 0 && i < cells - 1) {
            width1 = Math.min(width1, peakWidth(logJoint[peak - 1], logJoint[peak], logJoint[peak + 1], step1));
        }
        if (j > 0 && j < cells - 1) {
            width2 = Math.min(width2, peakWidth(logJoint[peak - cells], logJoint[peak], logJoint[peak + cells], step2));
        }
        return Math.min(width1 / step1, width2 / step2);
    }

    /** 1/√curvature of log p across three neighbouring cells; infinite where log p does not bend down. */
    private static double peakWidth(double before, double at, double after, double step) {
        double curvature = -(before - 2 * at + after) / (step * step);
        return curvature > 0 ? 1 / Math.sqrt(curvature) : Double.POSITIVE_INFINITY;
    }

    private boolean inBand(int k) {
        int band = Math.max(1, cells / 16);
        return k < band || k >= cells - band;
    }

    private interface CellTest {
        boolean holds(int i, int j);
    }

    private double massWhere(CellTest test) {
        double mass = 0;
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                if (test.holds(i, j)) {
                    mass += cellProbability(i, j);
                }
            }
        }
        return mass;
    }

    /** log Σ exp(logJoint) over the cells, shifted by the largest so that nothing overflows. */
    private double logSumExp() {
        double largest = Double.NEGATIVE_INFINITY;
        for (double value : logJoint) {
            largest = Math.max(largest, value);
        }
        if (largest == Double.NEGATIVE_INFINITY) {
            return largest;
        }
        double sum = 0;
        for (double value : logJoint) {
            sum += Math.exp(value - largest);
        }
        return largest + Math.log(sum);
    }
}
