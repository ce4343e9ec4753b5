package org.latentlab.ui.attributes;

import org.latentlab.model.DecoderWeights;
import org.latentlab.training.DecodeService;

/**
 * One decode channel as a view-model uses it: asks, remembers which request is the newest and when
 * it was made, and hands each newer result over once. Also measures how long the newest request
 * took from being asked to being taken up in a frame ({@link DecodeTiming}). Confined to the JavaFX application thread.
 */
final class DecodeRequests {

    private final DecodeService.Channel channel;
    private long newest = -1;
    private long newestAskedAt;
    private long oldestWanted = Long.MAX_VALUE;
    private DecodeService.DecodeResult taken;
    private DecodeTiming timing;

    DecodeRequests(DecodeService.Channel channel) {
        this.channel = channel;
    }

    /** Asks for {@code count} points to be decoded; results of earlier requests are still taken until this one's comes. */
    void request(DecoderWeights weights, float[] latents, int count) {
        newestAskedAt = System.nanoTime();
        newest = channel.request(weights, latents, count);
        oldestWanted = Math.min(oldestWanted, newest);
    }

    /** Results of requests made so far are no longer wanted (what they showed is gone). */
    void forgetEarlier() {
        oldestWanted = Long.MAX_VALUE;
    }

    /**
     * The newest finished decode if it has not been taken yet and is not forgotten, else {@code null}.
     * Called once per frame.
     */
    DecodeService.DecodeResult takeNew() {
        DecodeService.DecodeResult result = channel.latest();
        if (result == null || result == taken || result.request().id() < oldestWanted) {
            return null;
        }
        taken = result;
        if (result.request().id() == newest) {
            timing = new DecodeTiming(result.finishedAt() - result.nanos() - newestAskedAt, result.nanos(),
                    System.nanoTime() - result.finishedAt());
            oldestWanted = newest;
        }
        return result;
    }

    /** Whether the newest request's result has been taken up. */
    boolean upToDate() {
        return taken != null && taken.request().id() == newest;
    }

    /** How long the newest taken request took, from being asked to being taken up; {@code null} before the first. */
    DecodeTiming timing() {
        return timing;
    }
}
