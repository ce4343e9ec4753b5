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

    /** {@code nats} nats per image of {@code pixels} pixels in these units. */
    public double fromNats(double nats, int pixels) {
        if (pixels < 1) {
            throw new IllegalArgumentException("an image has at least one pixel, got " + pixels);
        }
        return this == NATS_PER_IMAGE ? nats : nats / (pixels * Math.log(2));
    }

    /**
     * {@code nats} in these units with {@code decimals} decimals in nats, three more in bits per
     * dimension (a loss of 155.3 nats per 784-pixel image is 0.2858 bits per dimension).
     */
    public String format(double nats, int pixels, int decimals) {
        int shown = this == NATS_PER_IMAGE ? decimals : decimals + 3;
        return String.format(Locale.ROOT, "%." + shown + "f", fromNats(nats, pixels));
    }

    /** What a number in these units is followed by: "nats" or "bits/dim". */
    public String symbol() {
        return this == NATS_PER_IMAGE ? "nats" : "bits/dim";
    }

    /** The units in words, for an axis: "nats per image" or "bits per dimension". */
    public String words() {
        return this == NATS_PER_IMAGE ? "nats per image" : "bits per dimension";
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
