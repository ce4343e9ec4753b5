package org.latentlab.lesson;

import java.util.Locale;

/**
 * The units every loss number and axis is shown in. A loss in nats per image divided by
 * (pixels · ln 2) is the same loss in bits per dimension.
 */
public enum Units {
    /** Negative log-likelihoods summed over an image's pixels, with the natural logarithm. */
    NATS_PER_IMAGE("nats"),
    /** The same divided by the number of pixels and by ln 2: comparable across image sizes. */
    BITS_PER_DIMENSION("bits");

    private final String fileName;

    Units(String fileName) {
        this.fileName = fileName;
    }

    /** What setup files say: "nats" or "bits". */
    public String fileName() {
        return fileName;
    }

    /** @throws IllegalArgumentException naming the two accepted values */
    public static Units parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Units units : values()) {
            if (units.fileName.equals(wanted)) {
                return units;
            }
        }
        throw new IllegalArgumentException("unknown units '" + text.strip()
                + "': expected nats (per image) or bits (per dimension)");
    }
}
