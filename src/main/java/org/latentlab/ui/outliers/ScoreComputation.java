package org.latentlab.ui.outliers;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.latentlab.latent.RocAuc;
import org.latentlab.likelihood.EvaluationSettings;
import org.latentlab.likelihood.LikelihoodRanking;
import org.latentlab.model.DecoderOutput;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.model.SnapshotDecoder;
import org.latentlab.render.SharedHistogram;
import org.latentlab.training.ProbeSet;

/**
 * One scoring of the Outliers tab, run on a worker: the held-out images' −log p(x) by importance
 * sampling with {@value #SAMPLES} samples on one thread (the trainer has the other core), the
 * {@value LikelihoodRanking#SHOWN} most and least likely with their reconstructions, and the other
 * data's −log p(x), AUROC and histograms. Made on the JavaFX thread; {@link #run} on the worker.
 */
final class ScoreComputation {

    /** K, importance samples per image (note 0072: the cost and accuracy measured for K = 10 … 1,000). */
    static final int SAMPLES = 100;
    /** Bins of the two histograms, shared. */
    static final int BINS = 40;
    /** Image i of a set draws its samples from {@code SEED + i}: the same ε for every scoring, so only the model moves the numbers. */
    private static final long SEED = 1;

    private final ProbeSet heldOut;
    private final String otherName;
    private final float[] otherPixels;
    private final IntConsumer progress;
    private final BooleanSupplier cancelled;

    /**
     * @param heldOut     the held-out images (their labels are read by a conditional decoder: p(x|y))
     * @param otherName   the other data's name, or {@code null} for none
     * @param otherPixels the other data's pixels, or {@code null}
     * @param progress    told how many images (held-out, then other) are scored
     * @param cancelled   answers true once the scores are no longer wanted
     */
    ScoreComputation(ProbeSet heldOut, String otherName, float[] otherPixels, IntConsumer progress,
                     BooleanSupplier cancelled) {
        this.heldOut = heldOut;
        this.otherName = otherName;
        this.otherPixels = otherPixels;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /** Scores {@code reading}: its first encoding is of the held-out images, its second (if any) of the other data. */
    OutlierScores run(ModelReader.Reading reading) {
        DecoderWeights decoder = reading.decoder();
        EvaluationSettings settings = new EvaluationSettings(SAMPLES, SEED, null, 1);
        int[] labels = decoder.conditional() ? heldOut.labels() : null;
        Encoding held = reading.encodings().get(0);
        double[] values = LikelihoodRanking.negativeLogMarginals(decoder, heldOut.pixels(), labels, held, settings,
                progress, cancelled);
        OutlierScores.Comparison comparison = null;
        if (otherPixels != null) {
            int count = held.count();
            double[] other = LikelihoodRanking.negativeLogMarginals(decoder, otherPixels, null,
                    reading.encodings().get(1), settings, done -> progress.accept(count + done), cancelled);
            comparison = new OutlierScores.Comparison(otherName, other, RocAuc.of(other, values),
                    SharedHistogram.of(values, other, BINS));
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("another model or other data was chosen");
        }
        SnapshotDecoder decoding = new SnapshotDecoder(decoder);
        return new OutlierScores(reading.iteration(), SAMPLES, heldOut.imageWidth(), heldOut.imageHeight(), values,
                shown(LikelihoodRanking.lowest(values, LikelihoodRanking.SHOWN), values, held, labels, decoding),
                shown(LikelihoodRanking.highest(values, LikelihoodRanking.SHOWN), values, held, labels, decoding),
                comparison);
    }

    /** The images at {@code indices}, their values and their reconstructions, decoded at μ(x). */
    private OutlierScores.Shown shown(int[] indices, double[] values, Encoding held, int[] labels,
                                      SnapshotDecoder decoding) {
        int d = held.latentSize();
        int n = heldOut.imageWidth() * heldOut.imageHeight();
        float[] means = new float[indices.length * d];
        float[] images = new float[indices.length * n];
        int[] classes = labels == null ? null : new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(held.means(), indices[k] * d, means, k * d, d);
            System.arraycopy(heldOut.pixels(), indices[k] * n, images, k * n, n);
            if (classes != null) {
                classes[k] = labels[indices[k]];
            }
        }
        float[] reconstructions = decoding.decode(means, classes, indices.length, DecoderOutput.MEAN);
        return new OutlierScores.Shown(indices.clone(), Arrays.stream(indices).mapToDouble(i -> values[i]).toArray(),
                images, reconstructions);
    }
}
