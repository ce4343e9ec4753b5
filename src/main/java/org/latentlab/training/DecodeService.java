package org.latentlab.training;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.latentlab.model.DecoderOutput;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.SnapshotDecoder;

/**
 * Decodes latent points into images on a thread of its own ("latent-lab-decoder"), from decoder
 * snapshots, so that no view ever decodes on the UI thread and no decode ever touches the weights
 * the trainer is updating.
 *
 * <p>Views talk to it through {@link Channel}s, one per thing they show (the manifold grid, the
 * sample strip, a slider). On each channel the latest request wins: a request that is still
 * waiting when a newer one arrives is dropped. Of the channels waiting, the one asking for the
 * fewest images goes first, so that a slider's single image never waits behind a grid of hundreds
 * (which it delays by well under a millisecond). Results are not pushed anywhere; the view reads
 * {@link Channel#latest()} when it draws its next frame.
 *
 * <p>A decode that fails (whatever it throws, an {@code Error} too) does not stop the thread: its
 * channel reports it through {@link Channel#failure()} until a later request of that channel
 * succeeds, and the thread goes on serving every channel.
 */
public final class DecodeService implements AutoCloseable {

    private final Object lock = new Object();
    private final Deque<Channel> ready = new ArrayDeque<>();
    private final AtomicLong requestIds = new AtomicLong();
    private final Decoding decoding;
    private final Thread thread;
    private volatile boolean closed;
    /** The channel that failed last, whose failure {@link #problem()} reports until it decodes again. */
    private final AtomicReference<Channel> lastFailed = new AtomicReference<>();

    public DecodeService() {
        this(new SnapshotDecoding());
    }

    /** A service that decodes with {@code decoding} (tests use one they control). */
    DecodeService(Decoding decoding) {
        this.decoding = decoding;
        thread = new Thread(this::loop, "latent-lab-decoder");
        thread.setDaemon(true);
        thread.start();
    }

    /** A new channel: one stream of requests whose results replace each other. */
    public Channel channel() {
        return new Channel();
    }

    /**
     * What went wrong in the newest failed decode of any channel, while that channel has not
     * decoded since; {@code null} when nothing is failing. For a window's banner, read once per frame.
     */
    public String problem() {
        Channel channel = lastFailed.get();
        DecodeFailure failure = channel == null ? null : channel.failure();
        return failure == null ? null : failure.message();
    }

    /** Stops the thread after the decode in progress; later requests are ignored. */
    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What to decode.
     *
     * @param id      increases with every request made to the service
     * @param weights the decoder snapshot to decode with
     * @param latents {@code count × latentSize} points, row-major; not copied, do not change them
     * @param labels  each point's class for a conditional decoder, else {@code null}; not copied either
     * @param output  the mean of p(x|z) or a sample of it
     */
    public record DecodeRequest(long id, DecoderWeights weights, float[] latents, int count, int[] labels,
                                DecoderOutput output) {
    }

    /**
     * A decode that failed.
     *
     * @param request what was asked
     * @param message what went wrong, for a person: "Could not decode 400 latent points: …"
     */
    public record DecodeFailure(DecodeRequest request, String message) {
    }

    /**
     * A finished decode.
     *
     * @param request what was asked
     * @param images  {@code count × outputSize} images (means or samples, as asked), row-major, intensities in [0, 1]
     * @param nanos      how long the decode took
     * @param finishedAt {@link System#nanoTime()} when it was done
     */
    public record DecodeResult(DecodeRequest request, float[] images, long nanos, long finishedAt) {

        public int imageWidth() {
            return request.weights().imageWidth();
        }

        public int imageHeight() {
            return request.weights().imageHeight();
        }
    }

    /** One stream of requests; safe to use from any thread. */
    public final class Channel {

        private final AtomicReference<DecodeRequest> pending = new AtomicReference<>();
        private final AtomicReference<DecodeResult> latest = new AtomicReference<>();
        private final AtomicReference<DecodeFailure> failure = new AtomicReference<>();

        private Channel() {
        }

        /**
         * Asks for the mean images of {@code count} points decoded with {@code weights}, an
         * unconditional decoder, replacing any request of this channel that has not started yet.
         *
         * @return the request's id, to recognise its result
         * @throws IllegalArgumentException if {@code count} is negative, its images would not fit in
         *                                  one array, or {@code latents} holds fewer than {@code count} points
         */
        public long request(DecoderWeights weights, float[] latents, int count) {
            return request(weights, latents, null, count, DecoderOutput.MEAN);
        }

        /**
         * Asks for {@code count} points to be decoded with {@code weights} as {@code output} says (the
         * mean of p(x|z) or a seeded sample), each with its class {@code labels[i]} for a conditional
         * decoder, replacing any request of this channel that has not started yet.
         *
         * @param labels one class per point for a conditional decoder; ignored (may be {@code null}) otherwise
         * @return the request's id, to recognise its result
         * @throws IllegalArgumentException as {@link #request(DecoderWeights, float[], int)}, or if a
         *                                  conditional decoder gets fewer than {@code count} labels
         */
        public long request(DecoderWeights weights, float[] latents, int[] labels, int count, DecoderOutput output) {
            Objects.requireNonNull(weights, "weights");
            Objects.requireNonNull(output, "output");
            if (weights.conditional() && (labels == null || labels.length < count)) {
                throw new IllegalArgumentException("a conditional decoder draws a class: " + count
                        + " points need as many labels");
            }
            if (count < 0 || (long) count * weights.outputSize() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("cannot decode " + count + " points of " + weights.outputSize()
                        + " pixels each into one array");
            }
            if (latents.length < (long) count * weights.latentSize()) {
                throw new IllegalArgumentException(count + " points of " + weights.latentSize() + " dimensions need "
                        + (long) count * weights.latentSize() + " values, got " + latents.length);
            }
            DecodeRequest request = new DecodeRequest(requestIds.incrementAndGet(), weights, latents, count, labels,
                    output);
            if (pending.getAndSet(request) == null) {
                synchronized (lock) {
                    ready.add(this);
                    lock.notifyAll();
                }
            }
            return request.id();
        }

        /** The newest finished decode of this channel, or {@code null} before the first. */
        public DecodeResult latest() {
            return latest.get();
        }

        /**
         * The newest failed decode of this channel if no request of it has succeeded since, else
         * {@code null}: for a view to show in its banner.
         */
        public DecodeFailure failure() {
            return failure.get();
        }
    }

    // ---- the decoder thread ---------------------------------------------------------------------

    private void loop() {
        while (!closed) {
            Channel channel;
            synchronized (lock) {
                while (ready.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                channel = smallestRequest();
            }
            if (channel != null && !closed) {
                DecodeRequest request = channel.pending.getAndSet(null);
                if (request != null) {
                    decodeInto(channel, request);
                }
            }
        }
    }

    /** Decodes {@code request} and hands the result, or the failure, to {@code channel}. */
    private void decodeInto(Channel channel, DecodeRequest request) {
        try {
            long start = System.nanoTime();
            float[] images = decoding.decode(request);
            long end = System.nanoTime();
            channel.latest.set(new DecodeResult(request, images, end - start, end));
            channel.failure.set(null);
        } catch (Throwable e) { // an Error too: the thread must go on serving the other channels
            channel.failure.set(new DecodeFailure(request, "Could not decode " + request.count() + " latent points: "
                    + e));
            lastFailed.set(channel);
        }
    }

    /** Takes the waiting channel whose request has the fewest images; called holding the lock. */
    private Channel smallestRequest() {
        Channel best = null;
        int fewest = Integer.MAX_VALUE;
        for (Channel channel : ready) {
            DecodeRequest waiting = channel.pending.get();
            int count = waiting == null ? 0 : waiting.count();
            if (count < fewest) {
                fewest = count;
                best = channel;
            }
        }
        ready.remove(best);
        return best;
    }

    /** Turns a request into its {@code count × outputSize} images; called on the decoder thread only. */
    @FunctionalInterface
    interface Decoding {
        float[] decode(DecodeRequest request);
    }

    /** Decodes with a {@link SnapshotDecoder}, kept while requests bring the same weights. */
    private static final class SnapshotDecoding implements Decoding {
        private SnapshotDecoder decoder;

        @Override
        public float[] decode(DecodeRequest request) {
            if (decoder == null || decoder.weights() != request.weights()) {
                decoder = null; // a failure below leaves no half-built decoder behind
                decoder = new SnapshotDecoder(request.weights());
            }
            return decoder.decode(request.latents(), request.labels(), request.count(), request.output());
        }
    }
}
