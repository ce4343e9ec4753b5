package org.latentlab.training;

import java.util.Locale;
import org.latentlab.model.LossWeights;

/**
 * Which terms of the VAE objective are trained: the lecture's three latent-space pictures come
 * from training on reconstruction alone, on KL alone, and on both.
 */
public enum LossTerms {
    /** wRec · reconstruction + β · KL: the β-VAE objective (the ELBO when β = 1). */
    COMBINED("combined"),
    /** β = 0: the encoder is free to scatter codes anywhere, leaving gaps between clusters. */
    RECONSTRUCTION("reconstruction"),
    /** wRec = 0: every posterior is pulled onto the prior and z says nothing about x. */
    KL("kl");

    private final String cliName;

    LossTerms(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The weights of one step given the schedule's β. */
    public LossWeights weights(double beta) {
        return switch (this) {
            case COMBINED -> new LossWeights(1, beta);
            case RECONSTRUCTION -> new LossWeights(1, 0);
            case KL -> new LossWeights(0, beta);
        };
    }

    public static LossTerms fromCliName(String name) {
        for (LossTerms terms : values()) {
            if (terms.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return terms;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name + "': expected combined, reconstruction or kl");
    }
}
