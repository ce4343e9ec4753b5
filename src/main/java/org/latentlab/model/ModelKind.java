package org.latentlab.model;

/**
 * Which network: a variational autoencoder, the deterministic autoencoder it is compared with, a
 * VAE with two stochastic levels, or a VAE conditioned on each image's class.
 */
public enum ModelKind {
    /** Encoder outputs a Gaussian posterior q(z|x) = N(μ, diag σ²); z is sampled from it. */
    VAE("vae", "VAE"),
    /** Encoder outputs one point z; no posterior, no KL term. */
    AUTOENCODER("ae", "autoencoder"),
    /**
     * Two stochastic levels: q(z₁|x) and q(z₂|x) from one encoder; generation z₂ ~ N(0, I), then
     * z₁ ~ p(z₁|z₂) (a Gaussian whose mean and variance a small network gives), then x from z₁.
     */
    HVAE("hvae", "hierarchical VAE"),
    /**
     * A conditional VAE: the image's class, one-hot, goes into the encoder beside the pixels and into
     * the decoder beside z, so z is left to carry what the class does not say (the "style").
     */
    CVAE("cvae", "conditional VAE");

    private final String cliName;
    private final String displayName;

    ModelKind(String cliName, String displayName) {
        this.cliName = cliName;
        this.displayName = displayName;
    }

    /** The model as a sentence names it: "VAE", "autoencoder", "hierarchical VAE", "conditional VAE". */
    public String displayName() {
        return displayName;
    }

    /** The short name used on the command line and in run files. */
    public String cliName() {
        return cliName;
    }

    public static ModelKind fromCliName(String name) {
        for (ModelKind kind : values()) {
            if (kind.cliName.equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "': expected vae, ae, hvae or cvae");
    }
}
