package org.latentlab.likelihood;

/**
 * How p(x) = ∫ p(x|z) p(z) dz is summed on a grid in a 2-D latent space: where the grid starts,
 * how fine it is, and when it is widened or refined. The grid starts centred on q(z|x)'s mean,
 * {@code halfWidthInStd} of q's standard deviations to each side. While the posterior
 * probability in its outer band exceeds {@code edgeMassLimit} it is moved to the posterior mean
 * found so far and doubled along the axis that needs it (at most {@code maxWidenings} times);
 * then, if summing every second cell changes log p(x) by more than {@code resolutionLimit}
 * nats, the cells are halved once. {@code docs/decisions/0070-likelihood-engine.md} says why these
 * values.
 *
 * @param cells           cells along each axis to start with, even
 * @param halfWidthInStd  the first grid's half-width in standard deviations of q(z|x)
 * @param edgeMassLimit   the posterior probability the outer band may hold
 * @param resolutionLimit the change of log p(x), nats, that triggers one refinement
 * @param maxWidenings    how often the grid may double along an axis
 */
public record QuadratureRule(int cells, double halfWidthInStd, double edgeMassLimit, double resolutionLimit,
                             int maxWidenings) {

    /** The rule {@code evaluate} and the figures use. */
    public static final QuadratureRule STANDARD = new QuadratureRule(48, 6, 1e-3, 0.01, 6);

    public QuadratureRule {
        if (cells < 4 || cells > 1024 || cells % 2 != 0) {
            throw new IllegalArgumentException("a grid needs an even number of cells from 4 to 1024 a side, got " + cells);
        }
        if (!(halfWidthInStd > 0) || !(edgeMassLimit > 0 && edgeMassLimit < 1) || !(resolutionLimit > 0)
                || maxWidenings < 0) {
            throw new IllegalArgumentException("a quadrature rule needs a positive half-width, an edge mass limit in"
                    + " (0, 1), a positive resolution limit and a non-negative number of widenings");
        }
    }
}
