package org.latentlab.latent;

import java.util.Arrays;

/**
 * How densely a set of latent points fills the latent space, estimated as Amini et al. (2019) do
 * for debiasing: one histogram per latent dimension, and the density at z the product over the
 * dimensions of each histogram's density at z<sub>j</sub>,
 * <pre>  q̂(z) = ∏<sub>j</sub> q̂<sub>j</sub>(z<sub>j</sub>).</pre>
 * The product treats the dimensions as independent, which the prior N(0, I) encourages; it is
 * cheap, needs no bandwidth, and is exactly what the paper uses.
 *
 * <p><b>The histograms.</b> Dimension j's range [min, max] over the points is cut into
 * {@code bins} equal bins of width h; with c<sub>b</sub> of the n points in bin b, its density is
 * <pre>  q̂<sub>j</sub>(z) = (c<sub>b</sub>/n + ε) / ((1 + bins·ε) · h)    for z in bin b,</pre>
 * a histogram smoothed by adding ε to every bin's share (and renormalised, so it still integrates
 * to 1). The smoothing keeps an empty or nearly empty bin from a density of 0, whose inverse would
 * be infinite: no bin's density falls below ε/(1 + bins·ε) of a bin's worth. A z outside the
 * range falls into the nearest end bin.
 *
 * <p><b>Unused dimensions are left out.</b> A dimension whose points vary with variance at most
 * {@code minVariance} carries no information about the images (its posterior has collapsed onto
 * the prior); its histogram would measure only noise, so it is left out of the product (as if
 * its density were the same everywhere).
 *
 * <p>Immutable and safe to share between threads.
 */
public final class LatentHistogram {

    private final int latentSize;
    private final int bins;
    private final double smoothing;
    private final boolean[] used;
    private final double[] low;
    private final double[] binWidth;
    /** {@code density[j][b]}: the smoothed density of dimension j in bin b; {@code null} for an unused dimension. */
    private final double[][] density;

    private LatentHistogram(int latentSize, int bins, double smoothing, boolean[] used, double[] low, double[] binWidth,
                            double[][] density) {
        this.latentSize = latentSize;
        this.bins = bins;
        this.smoothing = smoothing;
        this.used = used;
        this.low = low;
        this.binWidth = binWidth;
        this.density = density;
    }

    /**
     * The histograms of {@code points}.
     *
     * @param bins        bins per dimension, at least 1
     * @param smoothing   ε, added to every bin's share, &gt; 0
     * @param minVariance dimensions whose points vary no more than this are left out (≥ 0)
     * @throws IllegalArgumentException if there are no points or a setting is out of range
     */
    public static LatentHistogram fit(LatentPoints points, int bins, double smoothing, double minVariance) {
        if (points.count() == 0) {
            throw new IllegalArgumentException("a histogram needs at least one point");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, got " + bins);
        }
        if (!(smoothing > 0) || !Double.isFinite(smoothing)) {
            throw new IllegalArgumentException("the smoothing must be a finite number > 0, got " + smoothing);
        }
        if (!(minVariance >= 0)) {
            throw new IllegalArgumentException("the least variance of a used dimension must be ≥ 0, got " + minVariance);
        }
        int d = points.dimension();
        int n = points.count();
        boolean[] used = new boolean[d];
        double[] low = new double[d];
        double[] binWidth = new double[d];
        double[][] density = new double[d][];
        for (int j = 0; j < d; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            double sumOfSquares = 0;
            for (int i = 0; i < n; i++) {
                double z = points.get(i, j);
                min = Math.min(min, z);
                max = Math.max(max, z);
                sum += z;
                sumOfSquares += z * z;
            }
            double mean = sum / n;
            double variance = sumOfSquares / n - mean * mean;
            used[j] = variance > minVariance && max > min && Double.isFinite(max - min);
            if (!used[j]) {
                continue;
            }
            low[j] = min;
            binWidth[j] = (max - min) / bins;
            int[] counts = new int[bins];
            for (int i = 0; i < n; i++) {
                counts[bin(points.get(i, j), min, binWidth[j], bins)]++;
            }
            density[j] = new double[bins];
            double normaliser = (1 + bins * smoothing) * binWidth[j];
            for (int b = 0; b < bins; b++) {
                density[j][b] = ((double) counts[b] / n + smoothing) / normaliser;
            }
        }
        return new LatentHistogram(d, bins, smoothing, used, low, binWidth, density);
    }

    private static int bin(double z, double low, double width, int bins) {
        int b = (int) Math.floor((z - low) / width);
        return b < 0 ? 0 : Math.min(b, bins - 1);
    }

    public int latentSize() {
        return latentSize;
    }

    public int bins() {
        return bins;
    }

    /** ε, the share added to every bin. */
    public double smoothing() {
        return smoothing;
    }

    /** Whether dimension {@code j} is in the product (its points vary by more than the least variance). */
    public boolean uses(int j) {
        return used[j];
    }

    /** How many dimensions are in the product. */
    public int usedDimensions() {
        int count = 0;
        for (boolean u : used) {
            count += u ? 1 : 0;
        }
        return count;
    }

    /** Where dimension {@code j}'s first bin begins; 0 for an unused dimension. */
    public double low(int j) {
        return low[j];
    }

    /** The width of dimension {@code j}'s bins; 0 for an unused dimension. */
    public double binWidth(int j) {
        return binWidth[j];
    }

    /** A copy of dimension {@code j}'s smoothed densities, bin by bin; empty for an unused dimension. */
    public double[] densities(int j) {
        return used[j] ? density[j].clone() : new double[0];
    }

    /** q̂<sub>j</sub>(z): dimension {@code j}'s smoothed density at {@code z}; 1 for an unused dimension. */
    public double density(int j, double z) {
        return used[j] ? density[j][bin(z, low[j], binWidth[j], bins)] : 1;
    }

    /** log q̂(z) of point {@code i} of {@code points}: the sum over the used dimensions of log q̂<sub>j</sub>(z<sub>j</sub>). */
    public double logDensity(LatentPoints points, int i) {
        if (points.dimension() != latentSize) {
            throw new IllegalArgumentException("points of dimension " + points.dimension() + " for a histogram of "
                    + latentSize);
        }
        double sum = 0;
        for (int j = 0; j < latentSize; j++) {
            if (used[j]) {
                sum += Math.log(density[j][bin(points.get(i, j), low[j], binWidth[j], bins)]);
            }
        }
        return sum;
    }

    /** log q̂(z) of every point of {@code points}. */
    public double[] logDensities(LatentPoints points) {
        double[] out = new double[points.count()];
        Arrays.setAll(out, i -> logDensity(points, i));
        return out;
    }
}
