package org.latentlab.likelihood;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.latentlab.model.ConditionalPrior;
import org.latentlab.model.ConditionalPriorWeights;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.model.SnapshotDecoder;

/**
 * The −ELBO and −log p(x) by importance sampling for a hierarchical VAE ({@link HierarchicalSample}):
 * the posteriors q(z₁|x) and q(z₂|x) come in as arrays, and this runs the conditional prior
 * p(z₁|z₂) ({@link ConditionalPrior}) and the decoder's second stage, z₁ → image
 * ({@link DecoderWeights#lowerStage}), through the same multiplies as training. All values are
 * nats per image.
 *
 * <p>Confined to the thread that creates it: it owns the decoder and the prior.
 */
public final class HierarchicalEstimator {

    /** About how many samples one round decodes for a set of images, as {@link LikelihoodEstimator}'s rounds. */
    private static final int POINTS_PER_ROUND = 4096;

    private final SnapshotDecoder decoder;
    private final ConditionalPrior prior;

    /**
     * @param weights the hierarchical VAE's two-stage decoder
     * @param prior   its conditional prior, mean and log-variance heads both
     */
    public HierarchicalEstimator(DecoderWeights weights, ConditionalPriorWeights prior) {
        if (!weights.twoStage() || weights.latentSize() != prior.upperLatentSize()
                || weights.widths().get(0) != prior.lowerLatentSize()) {
            throw new IllegalArgumentException("a decoder of widths " + weights.priorMeanWidths() + " then "
                    + weights.widths() + " is not the hierarchical VAE of a prior " + prior.upperLatentSize() + " → "
                    + prior.lowerLatentSize());
        }
        this.decoder = new SnapshotDecoder(weights.lowerStage());
        this.prior = new ConditionalPrior(prior);
    }

    /**
     * Importance sampling for images {@code from} (inclusive) to {@code to} (exclusive) of a set:
     * image i draws its ε from {@code new SplittableRandom(seed + i)}, so the result of an image
     * does not depend on how the set is split between threads.
     *
     * @param images the set's pixels, one image after another
     * @param lower  the set's q(z₁|x), in the same order
     * @param upper  the set's q(z₂|x), in the same order
     * @param samples K, samples of (z₁, z₂) per image
     */
    public List<ImportanceEstimate> importanceSampling(float[] images, Encoding lower, Encoding upper, int from, int to,
            int samples, long seed, BooleanSupplier cancelled) {
        IwaeCurve.stepsUpTo(samples);
        if (lower.latentSize() != prior.weights().lowerLatentSize()
                || upper.latentSize() != prior.weights().upperLatentSize()) {
            throw new IllegalArgumentException("posteriors of " + lower.latentSize() + " and " + upper.latentSize()
                    + " dimensions for a model of z₁ " + prior.weights().lowerLatentSize() + "-D and z₂ "
                    + prior.weights().upperLatentSize() + "-D");
        }
        int n = decoder.weights().outputSize();
        float[] lowerMeans = lower.means();
        float[] lowerLogVariances = lower.logVariances();
        float[] upperMeans = upper.means();
        float[] upperLogVariances = upper.logVariances();
        int d1 = lower.latentSize();
        int d2 = upper.latentSize();
        int perRound = Math.max(1, POINTS_PER_ROUND / samples);
        List<ImportanceEstimate> estimates = new ArrayList<>(to - from);
        for (int start = from; start < to; start += perRound) {
            LikelihoodEvaluation.checkCancelled(cancelled);
            List<HierarchicalSample> round = new ArrayList<>();
            for (int i = start; i < Math.min(to, start + perRound); i++) {
                round.add(new HierarchicalSample(LikelihoodEstimator.row(images, i, n),
                        LikelihoodEstimator.row(lowerMeans, i, d1), LikelihoodEstimator.row(lowerLogVariances, i, d1),
                        LikelihoodEstimator.row(upperMeans, i, d2), LikelihoodEstimator.row(upperLogVariances, i, d2),
                        seed + i));
            }
            advance(round, samples);
            for (HierarchicalSample sample : round) {
                estimates.add(sample.estimate());
            }
        }
        return estimates;
    }

    /** Draws {@code count} samples for every image of the round, runs the prior and the decoder once, and scores them. */
    private void advance(List<HierarchicalSample> round, int count) {
        int n = decoder.weights().outputSize();
        int d1 = round.get(0).lowerSize();
        int d2 = round.get(0).upperSize();
        int points = round.size() * count;
        float[] upperLatents = new float[points * d2];
        float[] lowerLatents = new float[points * d1];
        float[] images = new float[round.size() * n];
        for (int g = 0; g < round.size(); g++) {
            HierarchicalSample sample = round.get(g);
            sample.draw(count, upperLatents, lowerLatents, g * count);
            System.arraycopy(sample.image(), 0, images, g * n, n);
        }
        Encoding priors = prior.at(upperLatents, points);
        float[] means = priors.means();
        float[] logVariances = priors.logVariances();
        double[] logLikelihoods = decoder.logLikelihoods(lowerLatents, images, count);
        for (int g = 0; g < round.size(); g++) {
            round.get(g).score(logLikelihoods, means, logVariances, g * count);
        }
    }
}
