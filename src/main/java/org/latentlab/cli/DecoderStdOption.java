package org.latentlab.cli;

import java.util.Locale;
import org.latentlab.model.DecoderVariance;

/**
 * The {@code --decoder-std} value: a fixed σ ({@code 0.1}), or a σ the Gaussian decoder learns,
 * one for every pixel ({@code learned}) or one per pixel ({@code learned-per-pixel}), starting
 * from the default 0.1 or from a value given after a colon ({@code learned:0.2}).
 *
 * @param std the fixed σ, or where a learned one starts
 */
record DecoderStdOption(DecoderVariance variance, double std) {

    /** σ when none is given, fixed or to start from. */
    static final double DEFAULT_STD = 0.1;
    static final String LABEL = "σ|learned[:σ]|learned-per-pixel[:σ]";
    static final String DESCRIPTION = "Standard deviation σ of the Gaussian decoder: a fixed value, or learned with the"
            + " network, one σ for all pixels (learned) or one per pixel (learned-per-pixel), starting from 0.1 or from"
            + " the value after a colon (default: 0.1).";

    /**
     * Reads {@code text}; {@code null} means the default fixed σ.
     *
     * @throws IllegalArgumentException naming the value and what was expected
     */
    static DecoderStdOption parse(String text) {
        if (text == null) {
            return new DecoderStdOption(DecoderVariance.FIXED, DEFAULT_STD);
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        int colon = value.indexOf(':');
        String mode = colon < 0 ? value : value.substring(0, colon);
        for (DecoderVariance variance : new DecoderVariance[] {DecoderVariance.LEARNED, DecoderVariance.LEARNED_PER_PIXEL}) {
            if (mode.equals(variance.cliName())) {
                return new DecoderStdOption(variance, colon < 0 ? DEFAULT_STD : number(value.substring(colon + 1), text));
            }
        }
        return new DecoderStdOption(DecoderVariance.FIXED, number(value, text));
    }

    private static double number(String value, String text) {
        try {
            double std = Double.parseDouble(value);
            if (std > 0 && Double.isFinite(std)) {
                return std;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--decoder-std takes a positive σ, learned, learned-per-pixel, or either of"
                + " those two with a starting σ such as learned:0.2; got '" + text + "'");
    }
}
