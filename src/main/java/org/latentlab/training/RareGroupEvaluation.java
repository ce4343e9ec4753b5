package org.latentlab.training;

import java.util.SplittableRandom;
import org.latentlab.data.Dataset;
import org.latentlab.data.RareGroup;
import org.latentlab.model.LatentModel;

/**
 * Measures a planted rare group apart from the other images at the end of each epoch: the
 * held-out reconstruction term of each, and the group's share of the epoch's draws. Each group is
 * evaluated with noise of its own fixed seed, so epochs (and two runs on the same images) compare
 * on equal terms. Confined to the thread of its session.
 */
final class RareGroupEvaluation {

    private static final long RARE_NOISE_SEED = 2019_0127L;
    private static final long COMMON_NOISE_SEED = 2019_0128L;

    private final boolean[] trainingRare;
    private final float[] rarePixels;
    private final int rareCount;
    private final float[] commonPixels;
    private final int commonCount;

    private RareGroupEvaluation(boolean[] trainingRare, float[] rarePixels, int rareCount, float[] commonPixels,
                                int commonCount) {
        this.trainingRare = trainingRare;
        this.rarePixels = rarePixels;
        this.rareCount = rareCount;
        this.commonPixels = commonPixels;
        this.commonCount = commonCount;
    }

    /** The evaluation of the rare group of {@code training} and {@code validation}; {@code null} if they have none. */
    static RareGroupEvaluation of(Dataset training, Dataset validation) {
        boolean[] trainingRare = RareGroup.members(training.attributes());
        if (trainingRare == null) {
            return null;
        }
        boolean[] rare = RareGroup.members(validation.attributes());
        int rareCount = 0;
        for (int i = 0; rare != null && i < rare.length; i++) {
            rareCount += rare[i] ? 1 : 0;
        }
        int[] rareIndices = new int[rareCount];
        int[] commonIndices = new int[validation.size() - rareCount];
        for (int i = 0, r = 0, c = 0; i < validation.size(); i++) {
            if (rare != null && rare[i]) {
                rareIndices[r++] = i;
            } else {
                commonIndices[c++] = i;
            }
        }
        return new RareGroupEvaluation(trainingRare, validation.subset(rareIndices, "rare").pixels(rareCount), rareCount,
                validation.subset(commonIndices, "common").pixels(commonIndices.length), commonIndices.length);
    }

    /** The group's metrics for {@code model} now, after an epoch that visited the training images in {@code order}. */
    RareGroupMetrics measure(LatentModel model, int[] order) {
        double rare = rareCount == 0 ? Double.NaN
                : model.evaluate(rarePixels, rareCount, new SplittableRandom(RARE_NOISE_SEED)).reconstruction();
        double common = commonCount == 0 ? Double.NaN
                : model.evaluate(commonPixels, commonCount, new SplittableRandom(COMMON_NOISE_SEED)).reconstruction();
        int drawn = 0;
        for (int i : order) {
            drawn += trainingRare[i] ? 1 : 0;
        }
        return new RareGroupMetrics(rare, common, (double) drawn / order.length);
    }
}
