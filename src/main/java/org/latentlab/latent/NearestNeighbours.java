package org.latentlab.latent;

import java.util.Arrays;

/**
 * A k-nearest-neighbour classifier: a point gets the class most common among the {@code k}
 * reference points nearest to it (Euclidean distance), a tie going to the class whose member is
 * nearest. Used to measure how much of the class a latent code still holds (a conditional VAE's
 * code should hold little), and as a simple classifier of images on their pixels. Immutable.
 */
public final class NearestNeighbours {

    private final float[] reference;
    private final int[] labels;
    private final int count;
    private final int dimension;
    private final int classes;
    private final int k;

    /**
     * @param reference {@code count × dimension} points, row-major; not copied, do not change them
     * @param labels    their classes, in {@code [0, classes)}
     * @param k         how many neighbours vote, 1 to {@code count}
     */
    public NearestNeighbours(float[] reference, int[] labels, int count, int dimension, int classes, int k) {
        if (count < 1 || dimension < 1 || reference.length != count * dimension || labels.length != count) {
            throw new IllegalArgumentException(reference.length + " values and " + labels.length + " labels are not "
                    + count + " points of " + dimension + " dimensions");
        }
        if (k < 1 || k > count) {
            throw new IllegalArgumentException("k = " + k + " neighbours of " + count + " points");
        }
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is not one of the " + classes + " classes");
            }
        }
        this.reference = reference;
        this.labels = labels;
        this.count = count;
        this.dimension = dimension;
        this.classes = classes;
        this.k = k;
    }

    /** The class each of {@code queryCount} points ({@code queryCount × dimension}, row-major) is given. */
    public int[] classify(float[] queries, int queryCount) {
        if (queries.length < queryCount * dimension) {
            throw new IllegalArgumentException(queryCount + " points of " + dimension + " dimensions need "
                    + queryCount * dimension + " values, got " + queries.length);
        }
        int[] predicted = new int[queryCount];
        double[] nearestDistances = new double[k];
        int[] nearest = new int[k];
        for (int q = 0; q < queryCount; q++) {
            int found = 0;
            Arrays.fill(nearestDistances, Double.POSITIVE_INFINITY);
            for (int r = 0; r < count; r++) {
                double distance = squaredDistance(queries, q * dimension, r * dimension, nearestDistances[k - 1]);
                if (distance < nearestDistances[k - 1]) {
                    int at = Math.min(found, k - 1);
                    while (at > 0 && nearestDistances[at - 1] > distance) {
                        nearestDistances[at] = nearestDistances[at - 1];
                        nearest[at] = nearest[at - 1];
                        at--;
                    }
                    nearestDistances[at] = distance;
                    nearest[at] = r;
                    found = Math.min(found + 1, k);
                }
            }
            predicted[q] = vote(nearest);
        }
        return predicted;
    }

    /** The share of {@code queries} whose class comes out as {@code truth} says, in [0, 1]. */
    public double accuracy(float[] queries, int[] truth, int queryCount) {
        int[] predicted = classify(queries, queryCount);
        int right = 0;
        for (int q = 0; q < queryCount; q++) {
            right += predicted[q] == truth[q] ? 1 : 0;
        }
        return (double) right / queryCount;
    }

    /** Σ (q − r)², stopping early once it passes {@code bound} (the point is then too far to matter). */
    private double squaredDistance(float[] queries, int from, int referenceFrom, double bound) {
        double sum = 0;
        for (int j = 0; j < dimension; j += 16) {
            int end = Math.min(dimension, j + 16);
            for (int i = j; i < end; i++) {
                double d = queries[from + i] - reference[referenceFrom + i];
                sum += d * d;
            }
            if (sum >= bound) {
                return sum;
            }
        }
        return sum;
    }

    /** The most common class among the neighbours, nearest first; a tie goes to the nearer class. */
    private int vote(int[] nearest) {
        int[] votes = new int[classes];
        int best = labels[nearest[0]];
        for (int neighbour : nearest) {
            votes[labels[neighbour]]++;
        }
        for (int neighbour : nearest) {
            if (votes[labels[neighbour]] > votes[best]) {
                best = labels[neighbour];
            }
        }
        return best;
    }
}
