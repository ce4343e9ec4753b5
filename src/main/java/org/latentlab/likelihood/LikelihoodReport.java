package org.latentlab.likelihood;

import java.util.Arrays;
import java.util.List;

/**
 * How likely a set of images is under a model, image by image and on average, all in nats per
 * image (convert with {@link #bitsPerDimension}). Immutable.
 *
 * <p>Per image i: the −ELBO estimate and −log p̂_K(x) by importance sampling from the same K
 * samples ({@link ImportanceEstimate}); for a 2-D latent space also −log p(x) by quadrature
 * ({@link PosteriorGrid}); and the gap −ELBO − (−log p(x)) = KL(q(z|x) ‖ p(z|x)), measured against
 * the quadrature when there is one, else against the importance-sampled value (then it is lower
 * than the true gap, by however much −log p̂_K still lies above −log p(x)).
 */
public final class LikelihoodReport {

    private final EvaluationSettings settings;
    private final int pixels;
    private final List<ImportanceEstimate> importance;
    /** −log p(x) by quadrature per image, or {@code null}. */
    private final double[] quadrature;
    private final List<PosteriorGrid.Summary> grids;
    private final Timings timings;

    /**
     * How long each part took, wall-clock.
     *
     * @param importanceNanos    importance sampling of every image, wall time
     * @param quadratureNanos    quadrature of every image (0 without), wall time
     * @param importanceCpuNanos the CPU time of the threads that did the importance sampling, summed
     * @param quadratureCpuNanos the same for the quadrature: on a loaded machine, what the work cost
     */
    public record Timings(long importanceNanos, long quadratureNanos, long importanceCpuNanos,
                          long quadratureCpuNanos) {
    }

    /**
     * @param pixels pixels per image, D
     * @param grids  each image's quadrature, or {@code null} for none
     */
    LikelihoodReport(EvaluationSettings settings, int pixels, List<ImportanceEstimate> importance,
            List<PosteriorGrid.Summary> grids, Timings timings) {
        if (importance.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one image");
        }
        if (grids != null && grids.size() != importance.size()) {
            throw new IllegalArgumentException(importance.size() + " images but " + grids.size() + " grids");
        }
        this.settings = settings;
        this.pixels = pixels;
        this.importance = List.copyOf(importance);
        this.grids = grids == null ? null : List.copyOf(grids);
        this.quadrature = grids == null ? null
                : grids.stream().mapToDouble(PosteriorGrid.Summary::negativeLogMarginal).toArray();
        this.timings = timings;
    }

    public Timings timings() {
        return timings;
    }

    /** nats / (D · ln 2): the same quantity in bits per pixel. */
    public static double bitsPerDimension(double nats, int pixels) {
        return nats / (pixels * Math.log(2));
    }

    public EvaluationSettings settings() {
        return settings;
    }

    public int images() {
        return importance.size();
    }

    /** D, pixels per image. */
    public int pixels() {
        return pixels;
    }

    public boolean hasQuadrature() {
        return quadrature != null;
    }

    public ImportanceEstimate importance(int image) {
        return importance.get(image);
    }

    /** −log p(x) of image i by quadrature, nats; NaN without quadrature. */
    public double quadrature(int image) {
        return quadrature == null ? Double.NaN : quadrature[image];
    }

    /** The best −log p(x) of image i: by quadrature if there is one, else by importance sampling. */
    public double negativeLogMarginal(int image) {
        return quadrature == null ? importance.get(image).negativeLogMarginal() : quadrature[image];
    }

    /** −ELBO − (−log p(x)) of image i, against {@link #negativeLogMarginal(int)}. */
    public double gap(int image) {
        return importance.get(image).negativeElbo() - negativeLogMarginal(image);
    }

    /** The mean over the images of the −ELBO estimates. */
    public double negativeElbo() {
        return mean(i -> importance.get(i).negativeElbo());
    }

    /**
     * The Monte Carlo standard error of {@link #negativeElbo()}: the spread that drawing other ε
     * would give for these same images, √(Σᵢ varᵢ / K) / N with varᵢ the sample variance of
     * −log p(x|z) over image i's K samples. NaN when K = 1.
     */
    public double negativeElboStandardError() {
        return Math.sqrt(mean(i -> importance.get(i).reconstructionVariance()) / settings.samples()) / Math.sqrt(images());
    }

    /** The mean over the images of −log p̂_K(x). */
    public double negativeLogMarginalIwae() {
        return mean(i -> importance.get(i).negativeLogMarginal());
    }

    /**
     * An approximate Monte Carlo standard error of {@link #negativeLogMarginalIwae()} by the delta
     * method: √(Σᵢ (1/ESSᵢ − 1/K)) / N, ESS being each image's effective sample size. It says how
     * much the estimate would move with other ε, not how far it lies above −log p(x).
     */
    public double negativeLogMarginalIwaeStandardError() {
        int k = settings.samples();
        return Math.sqrt(mean(i -> Math.max(0, 1 / importance.get(i).effectiveSampleSize() - 1.0 / k)))
                / Math.sqrt(images());
    }

    /** The mean over the images of −log p(x) by quadrature; NaN without quadrature. */
    public double negativeLogMarginalQuadrature() {
        return quadrature == null ? Double.NaN : Arrays.stream(quadrature).average().orElseThrow();
    }

    /** The mean gap over the images. */
    public double gap() {
        return mean(this::gap);
    }

    /** The mean KL(q(z|x) ‖ N(0, I)) over the images. */
    public double kl() {
        return mean(i -> importance.get(i).kl());
    }

    /** Image i's quadrature grid, summarised; {@code null} without quadrature. */
    public PosteriorGrid.Summary grid(int image) {
        return grids == null ? null : grids.get(image);
    }

    /** The largest edge mass of any image's grid; NaN without quadrature. */
    public double largestEdgeMass() {
        return grids == null ? Double.NaN : grids.stream().mapToDouble(PosteriorGrid.Summary::edgeMass).max().orElseThrow();
    }

    /** The fewest cells per posterior standard deviation of any image's grid; NaN without quadrature. */
    public double smallestCellsPerStd() {
        return grids == null ? Double.NaN
                : grids.stream().mapToDouble(PosteriorGrid.Summary::cellsPerStd).min().orElseThrow();
    }

    private interface PerImage {
        double of(int image);
    }

    private double mean(PerImage value) {
        double sum = 0;
        for (int i = 0; i < images(); i++) {
            sum += value.of(i);
        }
        return sum / images();
    }
}
