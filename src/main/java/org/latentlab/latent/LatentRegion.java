package org.latentlab.latent;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * Where the encoded data lies in latent space, to tell whether a moved point has left it: far from
 * every encoded image, or where the prior N(0, I) puts almost no mass. Either way the decoder was
 * never trained there and its image should not be trusted. Immutable and safe to share; a check
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
    /** A point whose squared radius the prior exceeds with less than this probability is unlikely under it. */
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
        double squaredRadius = Interpolation.norm(z) * Interpolation.norm(z);
        int d = z.length;
        double logDensity = -0.5 * d * Math.log(2 * Math.PI) - 0.5 * squaredRadius;
        double tail = Gamma.regularizedGammaQ(d / 2.0, squaredRadius / 2);
        return new RegionCheck(Math.sqrt(squaredRadius), logDensity, tail, Math.sqrt(nearest), nearestIndex,
                typicalNearestDistance);
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
     * @param priorTail              the prior's probability of a point at least this far out,
     *                               P(χ²_d ≥ |z|²): near 1 at the centre, tiny far out
     * @param nearestDistance        the distance to the nearest reference point
     * @param nearestIndex           which reference point that is
     * @param typicalNearestDistance the region's typical nearest-neighbour distance
     */
    public record RegionCheck(double radius, double logPriorDensity, double priorTail, double nearestDistance,
                              int nearestIndex, double typicalNearestDistance) {

        /** The distance to the nearest reference point in typical nearest-neighbour distances. */
        public double relativeDistance() {
            return typicalNearestDistance > 0 ? nearestDistance / typicalNearestDistance
                    : nearestDistance > 0 ? Double.POSITIVE_INFINITY : 0;
        }

        /** More than {@value LatentRegion#FAR_RATIO} typical distances from every encoded image. */
        public boolean farFromData() {
            return relativeDistance() > FAR_RATIO;
        }

        /** Where the prior puts less than {@value LatentRegion#UNLIKELY_TAIL} of its mass further out. */
        public boolean unlikelyUnderPrior() {
            return priorTail < UNLIKELY_TAIL;
        }

        /** Whether to warn that the decoded image is an extrapolation. */
        public boolean outside() {
            return farFromData() || unlikelyUnderPrior();
        }
    }
}
