package org.latentlab.ui.attributes;

/**
 * How long one decode took to reach the screen, in three parts, nanoseconds each.
 *
 * @param queued  from being asked to the decoder thread starting on it (other channels' work first)
 * @param decoded the decode itself
 * @param waited  from the decode being done to the next frame taking it up
 */
public record DecodeTiming(long queued, long decoded, long waited) {

    /** From being asked to being taken up in a frame. */
    public long total() {
        return queued + decoded + waited;
    }
}
