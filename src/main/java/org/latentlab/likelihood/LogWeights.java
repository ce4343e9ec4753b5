package org.latentlab.likelihood;

/**
 * The running sums of one image's importance sampling: the log-sum-exp of the log-weights log w_k,
 * kept scaled by the largest weight so that nothing overflows whatever their size, and Welford's
 * running mean and variance of the per-sample term of the −ELBO estimate. Confined to one thread.
 */
final class LogWeights {

    private int samples;
    private double largestLogWeight = Double.NEGATIVE_INFINITY;
    /** Σ exp(log w_k − largest) and Σ exp(2 (log w_k − largest)). */
    private double scaledSum;
    private double scaledSquares;
    private double termMean;
    private double termSquares;

    /**
     * Adds one sample.
     *
     * @param logWeight log w_k in nats
     * @param elboTerm  the sample's term of the −ELBO estimate in nats (its mean is the estimate's
     *                  sampled part)
     */
    void add(double logWeight, double elboTerm) {
        if (logWeight > largestLogWeight) {
            double shrink = Math.exp(largestLogWeight - logWeight);
            scaledSum *= shrink;
            scaledSquares *= shrink * shrink;
            largestLogWeight = logWeight;
        }
        double scaled = Math.exp(logWeight - largestLogWeight);
        scaledSum += scaled;
        scaledSquares += scaled * scaled;
        samples++;
        double delta = elboTerm - termMean;
        termMean += delta / samples;
        termSquares += delta * (elboTerm - termMean);
    }

    /** How many samples have been added. */
    int samples() {
        return samples;
    }

    /** −log p̂_K(x) = −log (1/K · Σ_k w_k) in nats. */
    double negativeLogMarginal() {
        requireSamples();
        return -(largestLogWeight + Math.log(scaledSum / samples));
    }

    /** The mean of the −ELBO terms, nats. */
    double termMean() {
        requireSamples();
        return termMean;
    }

    /** The sample variance of the −ELBO terms (K − 1 in the denominator); NaN below two samples. */
    double termVariance() {
        return samples < 2 ? Double.NaN : termSquares / (samples - 1);
    }

    /**
     * Kish's effective sample size (Σ w)² / Σ w²: K when every weight is equal (q is the true
     * posterior), near 1 when one sample dominates.
     */
    double effectiveSampleSize() {
        requireSamples();
        return scaledSum * scaledSum / scaledSquares;
    }

    private void requireSamples() {
        if (samples == 0) {
            throw new IllegalStateException("no samples scored yet");
        }
    }
}
