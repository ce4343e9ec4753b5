package org.latentlab.likelihood;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.model.SnapshotDecoder;

/**
 * Estimates how likely images are under a decoder snapshot: the −ELBO and −log p(x) by importance
 * sampling from q(z|x) for any latent size, and for a 2-D latent space −log p(x) by quadrature
 * with the true posterior p(z|x) on a grid. The posteriors q(z|x) come in as plain arrays (an
 * {@link Encoding}, or one image's μ and log σ²), so the encoder can run wherever its owner is;
 * only the decoder runs here, through the same multiplies as training.
 *
 * <p>The prior is N(0, I) and p(x|z) is the snapshot's likelihood ({@link SnapshotDecoder#logLikelihoods}).
 * All values are nats per image. Long computations take a {@code cancelled} test, checked between
 * rounds of decoding, and stop with a {@link java.util.concurrent.CancellationException} when it
 * answers true: a newer request can then take over.
 *
 * <p>Confined to the thread that creates it: it owns a {@link SnapshotDecoder}.
 */
public final class LikelihoodEstimator {

    /** About how many latent points one round of importance sampling decodes for a set of images. */
    private static final int POINTS_PER_ROUND = 4096;

    /** The most cells a side any quadrature grid gets. */
    private static final int MAX_CELLS = 256;

    private final SnapshotDecoder decoder;
    private final DecoderWeights weights;
    /** Made on the first quadrature: decoding its points takes as long as a few grids. */
    private PosteriorScan scan;

    public LikelihoodEstimator(DecoderWeights weights) {
        this.weights = weights;
        this.decoder = new SnapshotDecoder(weights);
    }

    public DecoderWeights weights() {
        return weights;
    }

    /**
     * Importance sampling for images {@code from} (inclusive) to {@code to} (exclusive) of a set:
     * image i draws its ε from {@code new SplittableRandom(seed + i)}, so the result of an image
     * does not depend on how the set is split between threads.
     *
     * @param images   the set's pixels, one image after another
     * @param encoding the set's posteriors q(z|x), in the same order
     * @param samples  K, samples per image
     */
    public List<ImportanceEstimate> importanceSampling(float[] images, Encoding encoding, int from, int to,
            int samples, long seed, BooleanSupplier cancelled) {
        checkSamples(samples);
        requirePosterior(encoding);
        int perRound = Math.max(1, POINTS_PER_ROUND / samples);
        List<ImportanceEstimate> estimates = new ArrayList<>(to - from);
        for (int start = from; start < to; start += perRound) {
            LikelihoodEvaluation.checkCancelled(cancelled);
            List<ImportanceSample> round = new ArrayList<>();
            for (int i = start; i < Math.min(to, start + perRound); i++) {
                round.add(new ImportanceSample(image(images, i), row(encoding.means(), i, encoding.latentSize()),
                        row(encoding.logVariances(), i, encoding.latentSize()), seed + i));
            }
            advance(round, samples);
            for (ImportanceSample sample : round) {
                estimates.add(sample.estimate());
            }
        }
        return estimates;
    }

    /**
     * One image's −log p̂_K(x) for K = 1, 2, 5, 10, … up to {@code largest}, each from the first K of
     * one sequence of samples. After each K, {@code partial} receives the curve so far (on this
     * thread), so a view can show it while the larger K are computed.
     *
     * @param seed ε from {@code new SplittableRandom(seed)}
     */
    public IwaeCurve iwaeCurve(float[] image, float[] mean, float[] logVariance, int largest, long seed,
            Consumer<IwaeCurve> partial, BooleanSupplier cancelled) {
        int[] steps = IwaeCurve.stepsUpTo(largest);
        checkImage(image);
        ImportanceSample sample = new ImportanceSample(image, mean, logVariance, seed);
        double[] estimates = new double[steps.length];
        IwaeCurve curve = null;
        for (int s = 0; s < steps.length; s++) {
            LikelihoodEvaluation.checkCancelled(cancelled);
            advance(List.of(sample), steps[s] - sample.samples());
            estimates[s] = sample.negativeLogMarginal();
            curve = new IwaeCurve(Arrays.copyOf(steps, s + 1), Arrays.copyOf(estimates, s + 1), sample.negativeElbo());
            partial.accept(curve);
        }
        return curve;
    }

    /**
     * p(x) and the true posterior p(z|x) of one image on a grid around its posterior q(z|x), for a
     * 2-D latent space, following {@code rule} (see {@link QuadratureRule}). A coarse scan of the
     * whole latent space ({@link PosteriorScan}) then checks that no part of the posterior lies
     * beyond that grid; if one does, the grid is placed again over both, with cells as fine as the
     * first grid's.
     */
    public PosteriorGrid posterior(float[] image, float[] mean, float[] logVariance, QuadratureRule rule) {
        return posterior(image, mean, logVariance, rule, () -> false);
    }

    /**
     * {@link #posterior(float[], float[], float[], QuadratureRule)} that stops between one grid and
     * the next when {@code cancelled} answers true.
     */
    public PosteriorGrid posterior(float[] image, float[] mean, float[] logVariance, QuadratureRule rule,
            BooleanSupplier cancelled) {
        requirePlane();
        if (mean.length != 2 || logVariance.length != 2) {
            throw new IllegalArgumentException("a 2-D posterior needs two means and two log-variances");
        }
        checkImage(image);
        PosteriorScan.Seen seen = scan().scan(image, 1)[0];
        return posterior(image, mean, logVariance, seen, rule, cancelled);
    }

    /**
     * {@link #posterior} for images {@code from} (inclusive) to {@code to} (exclusive) of a set, whose
     * scans share their multiplies.
     */
    public List<PosteriorGrid> posteriors(float[] images, Encoding encoding, int from, int to, QuadratureRule rule,
            BooleanSupplier cancelled) {
        requirePlane();
        requirePosterior(encoding);
        int n = weights.outputSize();
        PosteriorScan.Seen[] seen = scan().scan(Arrays.copyOfRange(images, from * n, to * n), to - from);
        List<PosteriorGrid> grids = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            LikelihoodEvaluation.checkCancelled(cancelled);
            grids.add(posterior(image(images, i), row(encoding.means(), i, 2), row(encoding.logVariances(), i, 2),
                    seen[i - from], rule, cancelled));
        }
        return grids;
    }

    /**
     * The grid around q; then, if the scan sees more than a tenth of the edge limit of the posterior
     * beyond it, a grid over both.
     */
    private PosteriorGrid posterior(float[] image, float[] mean, float[] logVariance, PosteriorScan.Seen seen,
            QuadratureRule rule, BooleanSupplier cancelled) {
        double[] halfWidth = {rule.halfWidthInStd() * Math.exp(0.5 * logVariance[0]),
                rule.halfWidthInStd() * Math.exp(0.5 * logVariance[1])};
        PosteriorGrid grid = settle(image, new double[] {mean[0], mean[1]}, halfWidth, rule.cells(), rule, cancelled);
        double[] held = grid.extent();
        if (seen.shareOutside(held) <= rule.edgeMassLimit() / 10) {
            return grid;
        }
        double[] found = seen.box();
        double margin = scan().step();
        double[] centre = new double[2];
        double[] half = new double[2];
        for (int j = 0; j < 2; j++) {
            double from = Math.min(found[2 * j], held[2 * j]);
            double to = Math.max(found[2 * j + 1], held[2 * j + 1]);
            centre[j] = (from + to) / 2;
            half[j] = (to - from) / 2 + margin;
        }
        double step = Math.min(grid.step1(), grid.step2());
        int cells = (int) Math.min(MAX_CELLS, Math.max(rule.cells(), Math.ceil(2 * Math.max(half[0], half[1]) / step)));
        return settle(image, centre, half, cells, rule, cancelled);
    }

    /**
     * Places a grid of {@code cells} a side and moves it as {@code rule} says: wider while the
     * posterior reaches its edge, fitted to the posterior once if too coarse for it, then finer
     * (up to {@value #MAX_CELLS} cells a side) while still too coarse.
     */
    private PosteriorGrid settle(float[] image, double[] centre, double[] halfWidth, int cells, QuadratureRule rule,
            BooleanSupplier cancelled) {
        int widenings = 0;
        boolean fitted = false;
        while (true) {
            LikelihoodEvaluation.checkCancelled(cancelled);
            PosteriorGrid grid = grid(image, centre, halfWidth, cells);
            if (grid.edgeMass() > rule.edgeMassLimit() && widenings < rule.maxWidenings()) {
                // At least one side's band holds half the excess: widen along the axes that do.
                centre = grid.posteriorMean();
                halfWidth[0] *= grid.edgeMassAlong1() > rule.edgeMassLimit() / 2 ? 2 : 1;
                halfWidth[1] *= grid.edgeMassAlong2() > rule.edgeMassLimit() / 2 ? 2 : 1;
                widenings++;
            } else if (grid.cellsPerStd() < rule.minCellsPerStd() && !fitted) {
                // The grid holds the posterior but is coarse for it (it grew to find a posterior far
                // from q, or q is wider than the posterior): fit it to the posterior found, once.
                fitted = true;
                centre = grid.posteriorMean();
                double[] std = grid.posteriorStd();
                halfWidth[0] = Math.max(rule.halfWidthInStd() * std[0], 2 * grid.step1());
                halfWidth[1] = Math.max(rule.halfWidthInStd() * std[1], 2 * grid.step2());
            } else if (grid.cellsPerStd() < rule.minCellsPerStd() && cells < MAX_CELLS) {
                cells = Math.min(MAX_CELLS, 2 * cells);
            } else {
                return grid;
            }
        }
    }

    /**
     * log p(x, z) of one image on a grid the caller places (a view's window, say): {@code cells ×
     * cells} cells centred on {@code centre}, reaching {@code halfWidth} to each side. Its sums are
     * p(x) and the posterior only if the window holds the whole posterior; {@link #posterior} makes
     * sure of that.
     */
    public PosteriorGrid posteriorOn(float[] image, double[] centre, double[] halfWidth, int cells) {
        requirePlane();
        checkImage(image);
        return grid(image, centre, halfWidth, cells);
    }

    /** Decodes a {@code cells × cells} grid centred on {@code centre} and scores the image at every cell. */
    private PosteriorGrid grid(float[] image, double[] centre, double[] halfWidth, int cells) {
        double step1 = 2 * halfWidth[0] / cells;
        double step2 = 2 * halfWidth[1] / cells;
        double first1 = centre[0] - halfWidth[0] + step1 / 2;
        double first2 = centre[1] - halfWidth[1] + step2 / 2;
        float[] latents = new float[2 * cells * cells];
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                latents[2 * (j * cells + i)] = (float) (first1 + i * step1);
                latents[2 * (j * cells + i) + 1] = (float) (first2 + j * step2);
            }
        }
        double[] logJoint = decoder.logLikelihoods(latents, image, cells * cells);
        for (int k = 0; k < logJoint.length; k++) {
            double z1 = latents[2 * k];
            double z2 = latents[2 * k + 1];
            logJoint[k] += -Math.log(2 * Math.PI) - 0.5 * (z1 * z1 + z2 * z2);
        }
        return new PosteriorGrid(first1, first2, step1, step2, cells, logJoint);
    }

    /** Draws {@code count} more samples for every image of the round, decodes them in one go and scores them. */
    private void advance(List<ImportanceSample> round, int count) {
        if (count == 0) {
            return;
        }
        int d = weights.latentSize();
        int n = weights.outputSize();
        float[] latents = new float[round.size() * count * d];
        float[] images = new float[round.size() * n];
        for (int g = 0; g < round.size(); g++) {
            ImportanceSample sample = round.get(g);
            sample.draw(count, latents, g * count * d);
            System.arraycopy(sample.image(), 0, images, g * n, n);
        }
        double[] logLikelihoods = decoder.logLikelihoods(latents, images, count);
        for (int g = 0; g < round.size(); g++) {
            round.get(g).score(logLikelihoods, g * count);
        }
    }

    private PosteriorScan scan() {
        if (scan == null) {
            scan = new PosteriorScan(decoder);
        }
        return scan;
    }

    private void requirePlane() {
        if (weights.latentSize() != 2) {
            throw new IllegalArgumentException("quadrature needs a 2-D latent space, this decoder's has "
                    + weights.latentSize() + " dimensions");
        }
    }

    private float[] image(float[] images, int i) {
        int n = weights.outputSize();
        if ((long) (i + 1) * n > images.length) {
            throw new IllegalArgumentException("image " + i + " is past the end of " + images.length / n + " images");
        }
        return Arrays.copyOfRange(images, i * n, (i + 1) * n);
    }

    static float[] row(float[] values, int i, int width) {
        return Arrays.copyOfRange(values, i * width, (i + 1) * width);
    }

    private void checkImage(float[] image) {
        if (image.length != weights.outputSize()) {
            throw new IllegalArgumentException("an image of " + image.length + " pixels, but the decoder draws "
                    + weights.outputSize());
        }
    }

    private static void checkSamples(int samples) {
        IwaeCurve.stepsUpTo(samples);
    }

    private static void requirePosterior(Encoding encoding) {
        if (!encoding.hasPosterior()) {
            throw new IllegalArgumentException("a deterministic autoencoder has no posterior q(z|x) to sample:"
                    + " likelihoods need a VAE");
        }
    }
}
