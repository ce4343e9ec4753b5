package org.latentlab.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A named set of panels for the compare lab.
 *
 * <p>The command line's {@code --compare} value reads as one of:
 * <ul>
 *   <li>{@code ablation}: ae, rec-only, kl-only, vae: why the KL term is there;</li>
 *   <li>{@code beta-sweep}: VAEs with β = 0.1, 1 and 4;</li>
 *   <li>{@code beta:B,B,...}: VAEs with the given βs;</li>
 *   <li>{@code debias:A} (or {@code debias}, A = 1): a VAE and the same VAE debiased with strength
 *       A ({@link CompareVariant#debiased}), for a set with a rare group;</li>
 *   <li>a list of panels, each {@code ae}, {@code rec-only}, {@code kl-only}, {@code vae} (β = 1) or
 *       {@code vae:B}, e.g. {@code ae,vae,vae:4}.</li>
 * </ul>
 *
 * @param name     what the preset is called, e.g. "ablation"
 * @param variants the panels, in the order they are shown; at least one, names unique
 */
public record ComparisonPreset(String name, List<CompareVariant> variants) {

    /** More panels than this do not fit a slide or two cores. */
    public static final int MAX_VARIANTS = 8;

    /** Autoencoder, reconstruction only, KL only, and both terms: the lecture's three pictures and the AE. */
    public static final ComparisonPreset ABLATION = new ComparisonPreset("ablation", List.of(
            CompareVariant.autoencoder(), CompareVariant.reconstructionOnly(), CompareVariant.klOnly(),
            CompareVariant.vae(1)));

    /** VAEs with β = 0.1, 1 and 4: from sharp reconstructions to a latent space close to the prior. */
    public static final ComparisonPreset BETA_SWEEP = betaSweep("beta-sweep", 0.1, 1, 4);

    private static final String EXPECTED = "expected ablation, beta-sweep, beta:B,B,..., debias:A or a list of "
            + "ae, rec-only, kl-only, vae, vae:B";

    public ComparisonPreset {
        variants = List.copyOf(variants);
        if (variants.isEmpty() || variants.size() > MAX_VARIANTS) {
            throw new IllegalArgumentException("a comparison needs 1 to " + MAX_VARIANTS + " models, got "
                    + variants.size());
        }
        Set<String> names = new HashSet<>();
        for (CompareVariant variant : variants) {
            if (!names.add(variant.name())) {
                throw new IllegalArgumentException("the model '" + variant.name() + "' is listed twice");
            }
        }
    }

    /** A VAE and the same VAE with debiased sampling of strength {@code alpha}. */
    public static ComparisonPreset debiasing(String name, double alpha) {
        return new ComparisonPreset(name, List.of(CompareVariant.vae(1), CompareVariant.debiased(alpha)));
    }

    /** VAEs with the given βs, in that order. */
    public static ComparisonPreset betaSweep(String name, double... betas) {
        List<CompareVariant> variants = new ArrayList<>();
        for (double beta : betas) {
            variants.add(CompareVariant.vae(beta));
        }
        return new ComparisonPreset(name, variants);
    }

    /**
     * Reads a {@code --compare} value (see the class comment).
     *
     * @throws IllegalArgumentException naming the part that is wrong and the accepted forms
     */
    public static ComparisonPreset parse(String text) {
        String spec = text.trim().toLowerCase(Locale.ROOT);
        if (spec.equals(ABLATION.name())) {
            return ABLATION;
        }
        if (spec.equals(BETA_SWEEP.name())) {
            return BETA_SWEEP;
        }
        if (spec.equals("debias") || spec.startsWith("debias:")) {
            double alpha = spec.equals("debias") ? 1 : parseNumber(spec.substring("debias:".length()), "α", text);
            if (alpha == 0) {
                throw new IllegalArgumentException("in the comparison '" + text + "', α must be above 0: α = 0 is the"
                        + " plain VAE it is compared with");
            }
            return debiasing(spec, alpha);
        }
        if (spec.startsWith("beta:")) {
            String[] parts = spec.substring("beta:".length()).split(",", -1);
            double[] betas = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                betas[i] = parseBeta(parts[i], text);
            }
            return betaSweep(spec, betas);
        }
        List<CompareVariant> variants = new ArrayList<>();
        for (String token : spec.split(",", -1)) {
            variants.add(parseVariant(token.trim(), text));
        }
        return new ComparisonPreset(spec, variants);
    }

    private static CompareVariant parseVariant(String token, String whole) {
        switch (token) {
            case "ae":
                return CompareVariant.autoencoder();
            case "rec-only":
                return CompareVariant.reconstructionOnly();
            case "kl-only":
                return CompareVariant.klOnly();
            case "vae":
                return CompareVariant.vae(1);
            default:
                if (token.startsWith("vae:")) {
                    return CompareVariant.vae(parseBeta(token.substring("vae:".length()), whole));
                }
                throw new IllegalArgumentException("unknown comparison '" + whole + "' ('" + token + "' is not a model): "
                        + EXPECTED);
        }
    }

    private static double parseBeta(String text, String whole) {
        return parseNumber(text, "β", whole);
    }

    private static double parseNumber(String text, String what, String whole) {
        try {
            double value = Double.parseDouble(text.trim());
            if (value >= 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the message below names the value
        }
        throw new IllegalArgumentException("in the comparison '" + whole + "', " + what + " '" + text
                + "' is not a finite number ≥ 0");
    }
}
