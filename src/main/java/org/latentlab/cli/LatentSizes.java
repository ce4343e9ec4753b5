package org.latentlab.cli;

import org.latentlab.model.ModelKind;

/**
 * The {@code --latent} value: one size for a VAE or an autoencoder, two for the hierarchical VAE,
 * the lower level z₁'s then the upper z₂'s ({@code 16,2}). Sizes are range-checked by
 * {@link org.latentlab.model.ModelConfig}.
 *
 * @param upper 0 for the models of one level
 */
record LatentSizes(int lower, int upper) {

    /** What {@code --latent} means when it is not given. */
    static String defaultFor(ModelKind kind) {
        return kind == ModelKind.HVAE ? "16,2" : "2";
    }

    /**
     * Reads {@code text} ({@code null}: the model's default) for a model of {@code kind}.
     *
     * @throws IllegalArgumentException naming the value and what was expected
     */
    static LatentSizes parse(String text, ModelKind kind) {
        String value = text == null ? defaultFor(kind) : text.trim();
        String[] parts = value.split(",", -1);
        int[] sizes = new int[parts.length];
        try {
            for (int i = 0; i < parts.length && parts.length <= 2; i++) {
                sizes[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--latent takes a whole number, or two separated by a comma for"
                    + " --model hvae (e.g. 2 or 16,2), got '" + value + "'");
        }
        if (parts.length > 2) {
            throw new IllegalArgumentException("--latent takes one size, or two for --model hvae (e.g. 16,2), got '"
                    + value + "'");
        }
        if (kind == ModelKind.HVAE && parts.length == 1) {
            throw new IllegalArgumentException("--model hvae needs two latent sizes, the lower level z₁'s then the"
                    + " upper level z₂'s, e.g. --latent " + sizes[0] + ",2");
        }
        if (kind != ModelKind.HVAE && parts.length == 2) {
            throw new IllegalArgumentException("--latent " + value + " gives two latent levels, which only the"
                    + " hierarchical VAE has: add --model hvae, or give one size such as --latent " + sizes[0]);
        }
        return new LatentSizes(sizes[0], parts.length == 2 ? sizes[1] : 0);
    }
}
