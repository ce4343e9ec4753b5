package org.latentlab.latent;

import java.util.Arrays;

/**
 * Where the encoded data lies in latent space, to tell whether a moved point has left it: far from
 * every encoded image, or at a length |z| that almost none of the prior N(0, I)'s codes have, either
 * further out than nearly all of them or, in many dimensions, nearer the centre (where the prior's
 * codes leave a hole: {@link PriorLengths}). Either way the decoder rarely or never saw such codes
 * and its image should not be trusted. Immutable and safe to share; a check
 * costs one pass over the reference points (10,000 points of 16 dimensions: well under a millisecond).
 *
 * <p>The typical nearest-neighbour distance is the median, over up to {@value #TYPICAL_SAMPLE}
 * reference points spread evenly through the set, of each one's distance to its nearest other
 * reference point. A checked point whose nearest reference point is more than {@value #FAR_RATIO}
 * times that far is "far from the data".
 */
public final class LatentRegion {

    /** A point this many typical nearest-neighbour distances from every reference point is far from the data. */
    public static final double FAR_RATIO = 3;
    /** A length that fewer than this share of the prior's codes exceed (or fall below) is unlikely under it. */
    public static final double UNLIKELY_TAIL = 1e-3;
    static final int TYPICAL_SAMPLE = 1000;

    private final LatentPoints reference;
    private final double typicalNearestDistance;

    private LatentRegion(LatentPoints reference, double typicalNearestDistance) {
        this.reference = reference;
        this.typicalNearestDistance = typicalNearestDistance;
    }

    /**
     * The region around {@code reference}, usually the encoded held-out images (a probe set). The
     * points are not copied.
     *
     * @throws IllegalArgumentException if there are fewer than 2 points
     */
    public static LatentRegion around(LatentPoints reference) {
        int n = reference.count();
        if (n < 2) {
            throw new IllegalArgumentException("a region needs at least 2 reference points, got " + n);
        }
        int sample = Math.min(n, TYPICAL_SAMPLE);
        double[] nearest = new double[sample];
        for (int s = 0; s < sample; s++) {
            int i = (int) ((long) s * n / sample);
            nearest[s] = Math.sqrt(nearestSquaredDistance(reference, reference.point(i), i));
        }
        Arrays.sort(nearest);
        double median = sample % 2 == 1 ? nearest[sample / 2] : (nearest[sample / 2 - 1] + nearest[sample / 2]) / 2;
        return new LatentRegion(reference, median);
    }

    /** The median distance from a reference point to its nearest neighbour. */
    public double typicalNearestDistance() {
        return typicalNearestDistance;
    }

    public int dimension() {
        return reference.dimension();
    }

    /** How {@code z} sits relative to the data and to the prior. */
    public RegionCheck check(float[] z) {
        if (z.length != reference.dimension()) {
            throw new IllegalArgumentException("a point of dimension " + z.length + " checked against a region of dimension "
                    + reference.dimension());
        }
        int nearestIndex = -1;
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < reference.count(); i++) {
            double squared = reference.squaredDistance(i, z);
            if (squared < nearest) {
                nearest = squared;
                nearestIndex = i;
            }
        }
        double radius = Interpolation.norm(z);
        int d = z.length;
        double logDensity = -0.5 * d * Math.log(2 * Math.PI) - 0.5 * radius * radius;
        PriorLengths lengths = new PriorLengths(d);
        return new RegionCheck(radius, logDensity, lengths.shareBeyond(radius), lengths.shareWithin(radius),
                Math.sqrt(nearest), nearestIndex, typicalNearestDistance);
    }

    private static double nearestSquaredDistance(LatentPoints points, float[] z, int skip) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < points.count(); j++) {
            if (j != skip) {
                nearest = Math.min(nearest, points.squaredDistance(j, z));
            }
        }
        return nearest;
    }

    /**
     * One point checked against a {@link LatentRegion}.
     *
     * @param radius                 |z|, the Mahalanobis distance from the prior's centre under N(0, I)
     * @param logPriorDensity        log N(z; 0, I) in nats: −d/2 · log 2π − |z|²/2
     * @param priorShareBeyond       the share of the prior's codes at least this far out,
     *                               P(χ²_d ≥ |z|²): 1 at the centre, tiny far out
     * @param priorShareWithin       the share of the prior's codes at most this far out,
     *                               P(χ²_d ≤ |z|²) = 1 − priorShareBeyond, computed on its own so
     *                               that a tiny share stays exact
     * @param nearestDistance        the distance to the nearest reference point
     * @param nearestIndex           which reference point that is
     * @param typicalNearestDistance the region's typical nearest-neighbour distance
     */
    public record RegionCheck(double radius, double logPriorDensity, double priorShareBeyond,
                              double priorShareWithin, double nearestDistance, int nearestIndex,
                              double typicalNearestDistance) {

        /** The distance to the nearest reference point in typical nearest-neighbour distances. */
        public double relativeDistance() {
            return typicalNearestDistance > 0 ? nearestDistance / typicalNearestDistance
                    : nearestDistance > 0 ? Double.POSITIVE_INFINITY : 0;
        }

        /** More than {@value LatentRegion#FAR_RATIO} typical distances from every encoded image. */
        public boolean farFromData() {
            return relativeDistance() > FAR_RATIO;
        }

        /** Fewer than {@value LatentRegion#UNLIKELY_TAIL} of the prior's codes lie this far out or further. */
        public boolean fartherOutThanThePrior() {
            return priorShareBeyond < UNLIKELY_TAIL;
        }

        /**
         * Fewer than {@value LatentRegion#UNLIKELY_TAIL} of the prior's codes lie this near the
         * centre: the hole that many dimensions leave around it (in 2-D only a tiny disc).
         */
        public boolean nearerTheCentreThanThePrior() {
            return priorShareWithin < UNLIKELY_TAIL;
        }

        /** A length the prior's codes almost never have, too long or too short. */
        public boolean unlikelyUnderPrior() {
            return fartherOutThanThePrior() || nearerTheCentreThanThePrior();
        }

        /** Whether to warn that the decoded image is an extrapolation. */
        public boolean outside() {
            return farFromData() || unlikelyUnderPrior();
        }
    }
}
