package org.latentlab.ui.explorer;

import java.util.List;
import java.util.Locale;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;

/**
 * A decoder the toolbar offers: its pixel likelihood p(x|z) and, for the Gaussian one, whether its
 * σ stays at {@value ExplorerSetup#GAUSSIAN_DECODER_STD} or is learned from there, one σ shared by
 * every pixel or one per pixel (docs/decisions/0081).
 */
public record DecoderChoice(Likelihood likelihood, DecoderVariance std) {

    /** Every decoder the window trains, in the order the toolbar lists them. */
    public static List<DecoderChoice> all() {
        return List.of(new DecoderChoice(Likelihood.BERNOULLI, DecoderVariance.FIXED),
                new DecoderChoice(Likelihood.GAUSSIAN, DecoderVariance.FIXED),
                new DecoderChoice(Likelihood.GAUSSIAN, DecoderVariance.LEARNED),
                new DecoderChoice(Likelihood.GAUSSIAN, DecoderVariance.LEARNED_PER_PIXEL));
    }

    /** The decoder {@code setup} trains. */
    public static DecoderChoice of(ExplorerSetup setup) {
        return new DecoderChoice(setup.decoder(), setup.decoderStd());
    }

    @Override
    public String toString() {
        if (likelihood == Likelihood.BERNOULLI) {
            return "Bernoulli";
        }
        return switch (std) {
            case FIXED -> String.format(Locale.ROOT, "Gaussian σ %.1f", ExplorerSetup.GAUSSIAN_DECODER_STD);
            case LEARNED -> "Gaussian, σ learned (shared)";
            case LEARNED_PER_PIXEL -> "Gaussian, σ learned (per pixel)";
        };
    }
}
