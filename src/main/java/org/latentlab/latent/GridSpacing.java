package org.latentlab.latent;

/** How the points of a latent grid are spaced along each axis. */
public enum GridSpacing {
    /**
     * Equal steps of probability under the prior: z = Φ⁻¹(u) for u evenly spaced in (0, 1), as in
     * Kingma & Welling's Fig. 4. Each cell holds the same prior mass, so points crowd near 0.
     */
    INVERSE_CDF("icdf"),
    /** Equal steps of z over the same range, for comparison: the outer cells cover little mass. */
    LINEAR("linear");

    private final String cliName;

    GridSpacing(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static GridSpacing fromCliName(String name) {
        for (GridSpacing spacing : values()) {
            if (spacing.cliName.equalsIgnoreCase(name)) {
                return spacing;
            }
        }
        throw new IllegalArgumentException("unknown spacing '" + name + "': expected icdf or linear");
    }
}
