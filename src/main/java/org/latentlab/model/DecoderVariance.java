package org.latentlab.model;

/**
 * How the Gaussian decoder's standard deviation σ is set: fixed at {@link ModelConfig#decoderStd()},
 * or learned from there, as one σ for every pixel or one per pixel. A learned σ is stored as log σ
 * (docs/decisions/0081). The Bernoulli decoder has no σ and is always {@link #FIXED}.
 */
public enum DecoderVariance {
    /** σ stays at the configured value; the reconstruction term is a scaled squared error. */
    FIXED("fixed"),
    /** One σ for every pixel, trained with the network. */
    LEARNED("learned"),
    /** One σ per pixel, trained with the network. */
    LEARNED_PER_PIXEL("learned-per-pixel");

    /**
     * The smallest σ a learned one may reach: 1/255, the step between two 8-bit intensities. A
     * pixel the decoder fits exactly would otherwise shrink its σ for ever, its density growing
     * without bound and its gradient (divided by σ²) drowning every other pixel's (docs/decisions/0081).
     */
    public static final double SMALLEST_LEARNED_STD = 1.0 / 255;

    private final String cliName;

    DecoderVariance(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in run files. */
    public String cliName() {
        return cliName;
    }

    public boolean learned() {
        return this != FIXED;
    }

    /** How many values of log σ a decoder of {@code pixels} pixels learns: 0, 1 or one per pixel. */
    public int parameterCount(int pixels) {
        return switch (this) {
            case FIXED -> 0;
            case LEARNED -> 1;
            case LEARNED_PER_PIXEL -> pixels;
        };
    }

    public static DecoderVariance fromCliName(String name) {
        for (DecoderVariance variance : values()) {
            if (variance.cliName.equalsIgnoreCase(name)) {
                return variance;
            }
        }
        throw new IllegalArgumentException("unknown decoder variance '" + name
                + "': expected fixed, learned or learned-per-pixel");
    }
}
