package org.latentlab.model;

/**
 * The decoder's distribution p(x|z) over pixels, which fixes what "reconstruction loss" means.
 * Both are negative log-likelihoods in nats, summed over the pixels of an image.
 */
public enum Likelihood {
    /**
     * Each pixel is Bernoulli with probability sigmoid(logit): the loss is binary cross-entropy.
     * The standard choice for MNIST-like images with intensities in [0, 1].
     */
    BERNOULLI("bernoulli"),
    /**
     * Each pixel is Gaussian with mean = the decoder's output and a fixed standard deviation σ:
     * the loss is ½‖x − x̂‖²/σ² plus a constant, i.e. a scaled squared error.
     */
    GAUSSIAN("gaussian");

    private final String cliName;

    Likelihood(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Likelihood fromCliName(String name) {
        for (Likelihood likelihood : values()) {
            if (likelihood.cliName.equalsIgnoreCase(name)) {
                return likelihood;
            }
        }
        throw new IllegalArgumentException("unknown decoder '" + name + "': expected bernoulli or gaussian");
    }
}
