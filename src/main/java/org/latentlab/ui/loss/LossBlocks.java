package org.latentlab.ui.loss;

import java.util.Arrays;
import org.latentlab.training.IterationHistory;

/**
 * Every loss term of a run summarised per block of {@value #BLOCK} iterations: the lowest,
 * highest and lowest positive finite value, and the sum and count of the finite values. With them
 * a chart summarises its columns, its range and its smoothed lines in time that grows with its
 * columns, not with the run: an hour of training is a million iterations, and going through all of
 * them for every frame once made the window's frames grow slower and slower (the soak benchmark).
 *
 * <p>The blocks grow with the run: successive {@link LossSeries} of one history share one
 * {@code LossBlocks} ({@link LossSeries#after}), which summarises only the blocks completed since.
 * A series never reads a block beyond its own iterations, so sharing is safe. Confined to the
 * thread that makes and draws the series (the JavaFX thread, or a test's).
 */
final class LossBlocks {

    /** Iterations per block. */
    static final int BLOCK = 128;

    private static final int TERMS = LossSeries.Term.values().length;

    private float[][] low = new float[TERMS][16];
    private float[][] high = new float[TERMS][16];
    private float[][] lowPositive = new float[TERMS][16];
    private double[][] sum = new double[TERMS][16];
    private int[][] finite = new int[TERMS][16];
    private int blocks;
    /** Whether β was other than 1 in any of the blocks. */
    private boolean betaLeftOne;

    /** Summarises every block that {@code iterations} has completed and this does not hold yet. */
    void extendTo(IterationHistory.View iterations) {
        int complete = iterations.size() / BLOCK;
        if (complete > low[0].length) {
            grow(Math.max(complete, 2 * low[0].length));
        }
        for (; blocks < complete; blocks++) {
            betaLeftOne = betaLeftOne || betaLeftOne(iterations, blocks * BLOCK, (blocks + 1) * BLOCK);
            for (LossSeries.Term term : LossSeries.Term.values()) {
                Fold fold = new Fold();
                fold.addRaw(iterations, term, blocks * BLOCK, (blocks + 1) * BLOCK);
                int t = term.ordinal();
                low[t][blocks] = fold.low;
                high[t][blocks] = fold.high;
                lowPositive[t][blocks] = fold.lowPositive;
                sum[t][blocks] = fold.sum;
                finite[t][blocks] = fold.count;
            }
        }
    }

    private void grow(int capacity) {
        for (int t = 0; t < TERMS; t++) {
            low[t] = Arrays.copyOf(low[t], capacity);
            high[t] = Arrays.copyOf(high[t], capacity);
            lowPositive[t] = Arrays.copyOf(lowPositive[t], capacity);
            sum[t] = Arrays.copyOf(sum[t], capacity);
            finite[t] = Arrays.copyOf(finite[t], capacity);
        }
    }

    /** Whether β was other than 1 at any iteration of {@code iterations}. */
    boolean betaLeftOne(IterationHistory.View iterations) {
        return betaLeftOne || betaLeftOne(iterations, blocks * BLOCK, iterations.size());
    }

    private static boolean betaLeftOne(IterationHistory.View iterations, int from, int to) {
        for (int i = from; i < to; i++) {
            if (iterations.beta(i) != 1) {
                return true;
            }
        }
        return false;
    }

    /** The finite values of {@code term} at iteration indices [from, to) of {@code iterations}, folded. */
    Fold fold(IterationHistory.View iterations, LossSeries.Term term, int from, int to) {
        Fold fold = new Fold();
        int firstWhole = Math.min(blocks, (from + BLOCK - 1) / BLOCK);
        int endWhole = Math.min(blocks, to / BLOCK);
        if (firstWhole >= endWhole) {
            fold.addRaw(iterations, term, from, to);
            return fold;
        }
        fold.addRaw(iterations, term, from, firstWhole * BLOCK);
        int t = term.ordinal();
        for (int b = firstWhole; b < endWhole; b++) {
            fold.addBlock(low[t][b], high[t][b], lowPositive[t][b], sum[t][b], finite[t][b]);
        }
        fold.addRaw(iterations, term, endWhole * BLOCK, to);
        return fold;
    }

    /** The finite values of a range: lowest, highest, lowest positive (NaN for none), sum and count. */
    static final class Fold {
        float low = Float.NaN;
        float high = Float.NaN;
        float lowPositive = Float.NaN;
        double sum;
        int count;

        private void addRaw(IterationHistory.View iterations, LossSeries.Term term, int from, int to) {
            for (int i = from; i < to; i++) {
                float v = LossSeries.value(iterations, term, i);
                if (Float.isFinite(v)) {
                    addBlock(v, v, v > 0 ? v : Float.NaN, v, 1);
                }
            }
        }

        private void addBlock(float blockLow, float blockHigh, float blockLowPositive, double blockSum, int blockCount) {
            if (blockCount == 0) {
                return;
            }
            low = count == 0 ? blockLow : Math.min(low, blockLow);
            high = count == 0 ? blockHigh : Math.max(high, blockHigh);
            if (!Float.isNaN(blockLowPositive)) {
                lowPositive = Float.isNaN(lowPositive) ? blockLowPositive : Math.min(lowPositive, blockLowPositive);
            }
            sum += blockSum;
            count += blockCount;
        }
    }
}
