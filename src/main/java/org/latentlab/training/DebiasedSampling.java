package org.latentlab.training;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.latentlab.latent.LatentHistogram;
import org.latentlab.latent.LatentPoints;

/**
 * One epoch's minibatches drawn for debiasing (Amini et al. 2019): from the encoder's posterior
 * means of every training image at the start of the epoch, the latent density q̂ is estimated with
 * histograms ({@link LatentHistogram}), and the epoch's n draws are made with replacement, image i
 * with probability
 * <pre>  P(i) = q̂(μ(x<sub>i</sub>))<sup>−α</sup> / Σ<sub>k</sub> q̂(μ(x<sub>k</sub>))<sup>−α</sup>,</pre>
 * so images where the latent space is sparse, the rare ones, are drawn more often: an image where
 * q̂ is a tenth of another's is drawn 10<sup>α</sup> times as often. α = 0 would draw uniformly
 * with replacement (training then keeps its plain shuffle instead, see {@link TrainingSession}).
 *
 * <p><b>With replacement</b>, not as a weighted permutation: a permutation visits every image once
 * per epoch whatever the weights, so only the order would change and a rare image would get no
 * more gradient steps than before. Drawing with replacement makes the frequencies follow the
 * weights; the epoch keeps n draws, so a debiased epoch takes as many steps as a plain one.
 *
 * <p>Immutable and safe to share between threads; a snapshot hands it to the views.
 */
public final class DebiasedSampling {

    /** Bins per latent dimension. */
    public static final int BINS = 20;
    /**
     * ε, the share added to every bin of a histogram: 1/{@value #BINS}, so each dimension's density
     * is an even mix of its histogram and a flat density over the same range (docs/decisions/0083).
     */
    public static final double SMOOTHING = 1.0 / BINS;

    private final double alpha;
    private final LatentHistogram histogram;
    private final double[] probabilities;
    /** The largest of the training images' −α log q̂, so that the weights are formed without overflow. */
    private final double logWeightShift;
    /** Σ exp(−α log q̂ − logWeightShift) over the training images. */
    private final double weightSum;
    private final int[] order;
    private final double seconds;

    private DebiasedSampling(double alpha, LatentHistogram histogram, double[] probabilities, double logWeightShift,
                             double weightSum, int[] order, double seconds) {
        this.alpha = alpha;
        this.histogram = histogram;
        this.probabilities = probabilities;
        this.logWeightShift = logWeightShift;
        this.weightSum = weightSum;
        this.order = order;
        this.seconds = seconds;
    }

    /**
     * Estimates the density of {@code means} (the training images' posterior means) and draws an
     * epoch of {@code means.count()} images from it.
     *
     * @param alpha  the strength α &gt; 0
     * @param random the source of the draws
     */
    public static DebiasedSampling draw(LatentPoints means, double alpha, RandomGenerator random) {
        return draw(means, alpha, random, 0);
    }

    /**
     * {@link #draw(LatentPoints, double, RandomGenerator)}, adding the seconds the means took to its cost.
     *
     * @param alpha   the strength α &gt; 0
     * @param random  the source of the draws
     * @param seconds how long the means took to compute, added to this sampling's cost
     */
    static DebiasedSampling draw(LatentPoints means, double alpha, RandomGenerator random, double seconds) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("debiasing needs a finite α > 0, got " + alpha);
        }
        long start = System.nanoTime();
        LatentHistogram histogram = LatentHistogram.fit(means, BINS, SMOOTHING, TrainingSnapshot.ACTIVE_UNIT_THRESHOLD);
        int n = means.count();
        double[] logWeights = histogram.logDensities(means);
        double shift = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            logWeights[i] *= -alpha;
            shift = Math.max(shift, logWeights[i]);
        }
        double[] probabilities = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            probabilities[i] = Math.exp(logWeights[i] - shift);
            sum += probabilities[i];
        }
        double[] cumulative = new double[n];
        double running = 0;
        for (int i = 0; i < n; i++) {
            probabilities[i] /= sum;
            running += probabilities[i];
            cumulative[i] = running;
        }
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = firstAbove(cumulative, random.nextDouble() * running);
        }
        return new DebiasedSampling(alpha, histogram, probabilities, shift, sum, order,
                seconds + (System.nanoTime() - start) / 1e9);
    }

    /** The first index whose cumulative probability exceeds {@code u} (the last, should rounding leave none). */
    private static int firstAbove(double[] cumulative, double u) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > u) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The strength α. */
    public double alpha() {
        return alpha;
    }

    /** The density estimate the weights come from. */
    public LatentHistogram histogram() {
        return histogram;
    }

    /** How many training images the draws are from (and how many draws the epoch makes). */
    public int trainingSize() {
        return probabilities.length;
    }

    /** P(i): the probability that one draw picks training image {@code i}. */
    public double probability(int i) {
        return probabilities[i];
    }

    /**
     * How many times training image {@code i} is drawn in the epoch, on average: n · P(i), 1 for
     * every image under a plain shuffle.
     */
    public double expectedDraws(int i) {
        return probabilities.length * probabilities[i];
    }

    /**
     * How often the sampler would draw an image whose posterior mean is point {@code i} of
     * {@code points}, were it among the training images, against the average training image:
     * q̂(z)<sup>−α</sup> over the mean of q̂<sup>−α</sup> over the training images (so the training
     * images' values are their {@link #expectedDraws}). For a held-out image, its sampling weight.
     */
    public double relativeWeight(LatentPoints points, int i) {
        double logWeight = -alpha * histogram.logDensity(points, i);
        return Math.exp(logWeight - logWeightShift) * probabilities.length / weightSum;
    }

    /** {@link #relativeWeight} of every point. */
    public double[] relativeWeights(LatentPoints points) {
        double[] out = new double[points.count()];
        Arrays.setAll(out, i -> relativeWeight(points, i));
        return out;
    }

    /** How many different training images the epoch's draws picked. */
    public int distinctImages() {
        boolean[] seen = new boolean[probabilities.length];
        int distinct = 0;
        for (int i : order) {
            if (!seen[i]) {
                seen[i] = true;
                distinct++;
            }
        }
        return distinct;
    }

    /** The expected share of the draws that fall on the images {@code members} marks. */
    public double expectedShare(boolean[] members) {
        double share = 0;
        for (int i = 0; i < probabilities.length; i++) {
            share += members[i] ? probabilities[i] : 0;
        }
        return share;
    }

    /** Seconds spent on this sampling: encoding the training images, the histograms and the draws. */
    public double seconds() {
        return seconds;
    }

    /** The epoch's draws in order; training reads it, nobody writes it. */
    int[] order() {
        return order;
    }
}
