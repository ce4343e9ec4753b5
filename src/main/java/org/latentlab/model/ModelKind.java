package org.latentlab.model;

/** Which network: a variational autoencoder or the deterministic autoencoder it is compared with. */
public enum ModelKind {
    /** Encoder outputs a Gaussian posterior q(z|x) = N(μ, diag σ²); z is sampled from it. */
    VAE("vae"),
    /** Encoder outputs one point z; no posterior, no KL term. */
    AUTOENCODER("ae");

    private final String cliName;

    ModelKind(String cliName) {
        this.cliName = cliName;
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
        throw new IllegalArgumentException("unknown model '" + name + "': expected vae or ae");
    }
}
