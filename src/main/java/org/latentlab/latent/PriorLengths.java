package org.latentlab.latent;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * The lengths |z| of codes drawn from the prior N(0, I_d): χ-distributed with d degrees of freedom,
 * |z|² being χ²_d. In 2-D this is the Rayleigh distribution, whose most common length is 1, mean
 * √(π/2) ≈ 1.25 and root mean square √2; codes fill the disc. In many dimensions the lengths crowd
 * into a narrow band around √d (a thin shell), and the centre, though the density is highest there,
 * holds almost no codes. Immutable.
 *
 * @param dimension d
 */
public record PriorLengths(int dimension) {

    public PriorLengths {
        if (dimension < 1) {
            throw new IllegalArgumentException("a latent space has at least one dimension, got " + dimension);
        }
    }

    /** The share of the prior's codes at least {@code length} from the centre: P(χ²_d ≥ length²). */
    public double shareBeyond(double length) {
        return Gamma.regularizedGammaQ(dimension / 2.0, length * length / 2);
    }

    /** The share of the prior's codes at most {@code length} from the centre: P(χ²_d ≤ length²). */
    public double shareWithin(double length) {
        return Gamma.regularizedGammaP(dimension / 2.0, length * length / 2);
    }

    /** The length below which a share {@code p} of the prior's codes lie. */
    public double quantile(double p) {
        return Math.sqrt(new ChiSquaredDistribution(null, dimension).inverseCumulativeProbability(p));
    }

    /** The most common length, √(d − 1) (0 in one dimension). */
    public double mode() {
        return Math.sqrt(dimension - 1);
    }

    /** The mean length, √2 · Γ((d + 1)/2) / Γ(d/2). */
    public double mean() {
        return Math.sqrt(2) * Math.exp(Gamma.logGamma((dimension + 1) / 2.0) - Gamma.logGamma(dimension / 2.0));
    }

    /** The root mean square length, √d. */
    public double rootMeanSquare() {
        return Math.sqrt(dimension);
    }
}
