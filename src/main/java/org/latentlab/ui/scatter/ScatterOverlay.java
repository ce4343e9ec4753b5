package org.latentlab.ui.scatter;

import java.util.List;
import java.util.Objects;
import org.latentlab.latent.LatentPoints;

/**
 * What another view asks the latent scatter to draw over its points: paths through latent space
 * (a point moved along attribute vectors, two interpolations) and the posterior q(z|x) of an image
 * that is not in the probe set (a drawing). Coordinates are latent points; the scatter puts them on
 * its plane with {@link ScatterPoints#project}. Immutable.
 *
 * @param paths     drawn in order, later ones on top
 * @param posterior a posterior to draw as a μ ± σ ellipse, or {@code null}
 */
public record ScatterOverlay(List<Path> paths, Posterior posterior) {

    /** Nothing to draw. */
    public static final ScatterOverlay NONE = new ScatterOverlay(List.of(), null);

    public ScatterOverlay {
        paths = List.copyOf(paths);
    }

    /** How a path is drawn. */
    public enum Style {
        /** Where a point was moved: a bold line from a hollow start to a filled end. */
        MOVE,
        /** The whole range a slider can reach: a faint line with a tick at each step. */
        RAIL,
        /** A straight interpolation: a line with a dot at every step. */
        LINEAR,
        /** A spherical interpolation: a line with a dot at every step, in another colour. */
        SPHERICAL
    }

    /** Latent points joined in order. */
    public record Path(LatentPoints points, Style style) {

        public Path {
            Objects.requireNonNull(points, "points");
            Objects.requireNonNull(style, "style");
        }

        /** The path on {@code plane}: {xs, ys}. */
        public double[][] on(ScatterPoints plane) {
            int n = points.count();
            double[][] xy = new double[2][n];
            for (int i = 0; i < n; i++) {
                double[] p = plane.project(points.point(i));
                xy[0][i] = p[0];
                xy[1][i] = p[1];
            }
            return xy;
        }
    }

    /**
     * A Gaussian posterior N(mean, diag(exp(logVariance))).
     *
     * @param logVariance log σ², or {@code null} for an autoencoder's single point
     */
    public record Posterior(float[] mean, float[] logVariance) {

        public Posterior {
            Objects.requireNonNull(mean, "mean");
            if (logVariance != null && logVariance.length != mean.length) {
                throw new IllegalArgumentException("a posterior of dimension " + mean.length + " with "
                        + logVariance.length + " log-variances");
            }
        }
    }
}
