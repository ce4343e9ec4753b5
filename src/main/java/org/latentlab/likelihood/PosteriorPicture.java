package org.latentlab.likelihood;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * One image's true posterior p(z|x) in a 2-D latent space on a square window that holds both the
 * posterior (±3.5 of its sds) and q(z|x)'s 2σ ellipse, however far apart they are: what the
 * likelihood figure and the window's Likelihood tab draw. Immutable.
 *
 * @param first1              z₁ at the centre of the first column
 * @param first2              z₂ at the centre of the first (bottom) row
 * @param step                the width and height of a cell, in latent units
 * @param cells               cells along each axis
 * @param density             p(z|x) at each cell's centre, per unit of latent area, row by row from the
 *                            bottom (index {@code j · cells + i})
 * @param qMean               q(z|x)'s mean, {z₁, z₂}
 * @param qStd                q(z|x)'s standard deviations, {σ₁, σ₂}
 * @param negativeLogMarginal −log p(x) by quadrature ({@link QuadratureRule#STANDARD}), nats
 */
public record PosteriorPicture(double first1, double first2, double step, int cells, double[] density, double[] qMean,
                               double[] qStd, double negativeLogMarginal) {

    /** How far around the posterior's mean the window reaches, in its sds. */
    private static final double POSTERIOR_REACH = 3.5;
    /** How far around q's mean, in q's sds: its 2σ ellipse and a little room. */
    private static final double Q_REACH = 2.3;

    public PosteriorPicture {
        density = density.clone();
        qMean = qMean.clone();
        qStd = qStd.clone();
    }

    /**
     * Computes the picture: the quadrature of {@link LikelihoodEstimator#posterior} finds the
     * posterior and log p(x), then a grid of {@code cells} a side over the window evaluates p(z|x).
     */
    public static PosteriorPicture of(LikelihoodEstimator estimator, float[] image, float[] mean, float[] logVariance,
            int cells) {
        return of(estimator, image, mean, logVariance, cells, () -> false);
    }

    /**
     * {@link #of(LikelihoodEstimator, float[], float[], float[], int)} that stops between one grid and the
     * next when {@code cancelled} answers true, with a {@link java.util.concurrent.CancellationException}.
     */
    public static PosteriorPicture of(LikelihoodEstimator estimator, float[] image, float[] mean, float[] logVariance,
            int cells, BooleanSupplier cancelled) {
        double[] qStd = {Math.exp(0.5 * logVariance[0]), Math.exp(0.5 * logVariance[1])};
        PosteriorGrid quadrature = estimator.posterior(image, mean, logVariance, QuadratureRule.STANDARD, cancelled);
        LikelihoodEvaluation.checkCancelled(cancelled);
        double[] pMean = quadrature.posteriorMean();
        double[] pStd = quadrature.posteriorStd();
        double[] centre = new double[2];
        double half = 0;
        for (int j = 0; j < 2; j++) {
            double low = Math.min(pMean[j] - POSTERIOR_REACH * pStd[j], mean[j] - Q_REACH * qStd[j]);
            double high = Math.max(pMean[j] + POSTERIOR_REACH * pStd[j], mean[j] + Q_REACH * qStd[j]);
            centre[j] = (low + high) / 2;
            half = Math.max(half, (high - low) / 2);
        }
        PosteriorGrid view = estimator.posteriorOn(image, centre, new double[] {half, half}, cells);
        double[] density = new double[cells * cells];
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                density[j * cells + i] = Math.exp(view.logJoint(i, j) - quadrature.logMarginal());
            }
        }
        return new PosteriorPicture(view.z1(0), view.z2(0), view.step1(), cells, density,
                new double[] {mean[0], mean[1]}, qStd, quadrature.negativeLogMarginal());
    }

    /** The cell of the largest density, {i, j}. */
    public int[] peakCell() {
        int best = 0;
        for (int c = 1; c < density.length; c++) {
            if (density[c] > density[best]) {
                best = c;
            }
        }
        return new int[] {best % cells, best / cells};
    }

    /** The largest density. */
    public double peak() {
        return Arrays.stream(density).max().orElse(0);
    }

    @Override
    public double[] density() {
        return density.clone();
    }

    @Override
    public double[] qMean() {
        return qMean.clone();
    }

    @Override
    public double[] qStd() {
        return qStd.clone();
    }
}
