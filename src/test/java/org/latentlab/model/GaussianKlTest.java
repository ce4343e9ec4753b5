package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GaussianKlTest {

    @Test
    void klIsZeroWhenPosteriorEqualsPrior() {
        assertEquals(0.0, GaussianKl.fromStandardNormal(0, 0), 0.0);
    }

    @ParameterizedTest
    @CsvSource({"0.0, 0.0", "1.5, 0.0", "0.0, -2.0", "-0.7, 1.2", "2.0, -4.0"})
    void klMatchesNumericalIntegralOfLogDensityRatio(double mean, double logVariance) {
        NormalDistribution q = new NormalDistribution(null, mean, Math.exp(0.5 * logVariance));
        NormalDistribution p = new NormalDistribution(null, 0, 1);
        double sd = q.getStandardDeviation();
        double integral = new SimpsonIntegrator(1e-10, 1e-10, 3, 30).integrate(1_000_000,
                z -> q.density(z) * (q.logDensity(z) - p.logDensity(z)), mean - 12 * sd, mean + 12 * sd);
        assertEquals(integral, GaussianKl.fromStandardNormal(mean, logVariance), 1e-6);
    }

    @Test
    void klGrowsAsPosteriorMovesAwayFromPrior() {
        assertTrue(GaussianKl.fromStandardNormal(1, 0) > 0);
        assertEquals(0.5, GaussianKl.fromStandardNormal(1, 0), 1e-12); // ½ μ² for unit variance
        assertTrue(GaussianKl.fromStandardNormal(0, -3) > GaussianKl.fromStandardNormal(0, -1));
    }

    @ParameterizedTest
    @CsvSource({"0.0, 0.0, 0.0, 0.0", "1.5, 0.0, -0.5, 0.7", "0.0, -2.0, 0.3, -1.0", "-0.7, 1.2, 2.0, -3.0"})
    void klBetweenTwoGaussiansMatchesNumericalIntegralOfLogDensityRatio(double mean, double logVariance,
            double priorMean, double priorLogVariance) {
        NormalDistribution q = new NormalDistribution(null, mean, Math.exp(0.5 * logVariance));
        NormalDistribution p = new NormalDistribution(null, priorMean, Math.exp(0.5 * priorLogVariance));
        double sd = q.getStandardDeviation();
        double integral = new SimpsonIntegrator(1e-10, 1e-10, 3, 30).integrate(1_000_000,
                z -> q.density(z) * (q.logDensity(z) - p.logDensity(z)), mean - 12 * sd, mean + 12 * sd);
        assertEquals(integral, GaussianKl.between(mean, logVariance, priorMean, priorLogVariance), 1e-6);
    }

    @Test
    void klBetweenIsTheStandardNormalOneWhenThePriorIsStandardNormal() {
        assertEquals(GaussianKl.fromStandardNormal(-0.7, 1.2), GaussianKl.between(-0.7, 1.2, 0, 0), 1e-15);
        assertEquals(0.0, GaussianKl.between(0.4, -1.5, 0.4, -1.5), 1e-15);
    }
}
