package org.latentlab.likelihood;

/**
 * How p(x) = ∫ p(x|z) p(z) dz is summed on a grid in a 2-D latent space: where the grid starts,
 * how fine it is, and when it moves. The grid starts centred on q(z|x)'s mean, {@code
 * halfWidthInStd} of q's standard deviations to each side. While the posterior probability in its
 * outer band exceeds {@code edgeMassLimit} it is moved to the posterior mean found so far and
 * doubled along the axes that need it (at most {@code maxWidenings} times). If the posterior (its
 * standard deviation, or the width of its highest peak) then spans fewer than {@code
 * minCellsPerStd} cells along an axis, the grid is fitted to the posterior once ({@code
 * halfWidthInStd} of its standard deviations to each side, its edge checked again), and then its
 * cells are halved until it spans enough or a side has 256. Last, a coarse scan of
 * the whole latent space ({@link PosteriorScan}) checks that no part of the posterior lies beyond
 * the grid; if one does, a grid over both follows the same rule. {@code
 * docs/decisions/0070-likelihood-engine.md} says why these values.
 *
 * @param cells           cells along each axis to start with, even
 * @param halfWidthInStd  the first grid's half-width in standard deviations of q(z|x)
 * @param edgeMassLimit   the posterior probability the outer band may hold
 * @param minCellsPerStd  the fewest cells the posterior's standard deviation may span before the grid is refined
 * @param maxWidenings    how often the grid may double along an axis
 */
public record QuadratureRule(int cells, double halfWidthInStd, double edgeMassLimit, double minCellsPerStd,
                             int maxWidenings) {

    /** The rule {@code evaluate} and the figures use. */
    public static final QuadratureRule STANDARD = new QuadratureRule(32, 6, 1e-3, 1.5, 6);

    public QuadratureRule {
        if (cells < 4 || cells > 1024) {
            throw new IllegalArgumentException("a grid needs from 4 to 1024 cells a side, got " + cells);
        }
        if (!(halfWidthInStd > 0) || !(edgeMassLimit > 0 && edgeMassLimit < 1) || !(minCellsPerStd >= 0)
                || maxWidenings < 0) {
            throw new IllegalArgumentException("a quadrature rule needs a positive half-width, an edge mass limit in"
                    + " (0, 1), a non-negative cells-per-sd limit and a non-negative number of widenings");
        }
    }
}
