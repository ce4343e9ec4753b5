package org.latentlab.data;

/**
 * Whether {@link ImageFolderReader} turns an image's brightness upside down so that ink comes out
 * bright (1) on a dark background (0), the convention of MNIST and of every {@link Dataset}.
 */
public enum InkInversion {

    /**
     * Decide per image: if the mean brightness of its outermost ring of pixels (the border) is above
     * 0.5, the background is light, so the image is inverted; otherwise it is kept as it is. Dark
     * ink on white paper thus becomes bright ink on black, and an image that already has a dark
     * background is left alone.
     */
    AUTO,
    /** Keep brightness as intensity: white pixels become 1. */
    NEVER,
    /** Always invert: black pixels become 1. */
    ALWAYS
}
