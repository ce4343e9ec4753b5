package org.latentlab.ui.scatter;

/**
 * The one-standard-deviation ellipse of a Gaussian posterior q(z|x) seen in the scatter's plane:
 * its centre and 2 × 2 covariance. For a 2-D latent space the covariance is diag(σ₁², σ₂²); for
 * a projection W it is W diag(σ²) Wᵀ. Immutable.
 */
public record PosteriorEllipse(double x, double y, double varianceX, double varianceY, double covariance) {

    /**
     * The ellipse's semi-axes and the angle of the first, from the covariance's eigenvectors:
     * {major, minor, angle in radians anticlockwise from the horizontal axis}.
     */
    public double[] principalAxes() {
        double mean = (varianceX + varianceY) / 2;
        double spread = Math.hypot((varianceX - varianceY) / 2, covariance);
        double major = Math.sqrt(Math.max(0, mean + spread));
        double minor = Math.sqrt(Math.max(0, mean - spread));
        double angle = 0.5 * Math.atan2(2 * covariance, varianceX - varianceY);
        return new double[] {major, minor, angle};
    }
}
