package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.latentlab.model.DecoderOutput;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.DenseAutoencoder;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.SnapshotDecoder;

/**
 * The decode service's order (the latest request of a channel wins, small requests go first) and
 * its survival of a failed decode. The order tests hold the decoder thread inside a first decode
 * with a latch while the other requests arrive, so what they see does not depend on timing.
 */
class DecodeServiceTest {

    private static final long PATIENCE_SECONDS = 30;

    private final DecoderWeights weights = new DenseAutoencoder(ModelConfig.reference(ModelKind.VAE, 3)).decoderWeights();

    /**
     * Records the order of the requests it decodes, holds the first one until released, and
     * throws for any request of {@link #FAILING_COUNT} points.
     */
    private static final class GatedDecoding implements DecodeService.Decoding {
        static final int FAILING_COUNT = 7;
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Long> order = Collections.synchronizedList(new ArrayList<>());

        @Override
        public float[] decode(DecodeService.DecodeRequest request) {
            order.add(request.id());
            if (order.size() == 1) {
                firstStarted.countDown();
                try {
                    release.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (request.count() == FAILING_COUNT) {
                throw new IllegalStateException("decoding failed on purpose");
            }
            return new float[request.count() * request.weights().outputSize()];
        }
    }

    private static <T> T await(Supplier<T> value) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (System.nanoTime() < deadline) {
            T now = value.get();
            if (now != null) {
                return now;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("nothing arrived in " + PATIENCE_SECONDS + " s");
    }

    private static DecodeService.DecodeResult result(DecodeService.Channel channel, long id) throws InterruptedException {
        return await(() -> channel.latest() != null && channel.latest().request().id() == id ? channel.latest() : null);
    }

    @Test
    void aSingleImageOvertakesAGridWaitingBeforeIt() throws InterruptedException {
        GatedDecoding decoding = new GatedDecoding();
        try (DecodeService service = new DecodeService(decoding)) {
            DecodeService.Channel busy = service.channel();
            DecodeService.Channel grid = service.channel();
            DecodeService.Channel slider = service.channel();
            long busyId = busy.request(weights, new float[4_000 * 2], 4_000);
            assertTrue(decoding.firstStarted.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
            long gridId = grid.request(weights, new float[900 * 2], 900);
            long sliderId = slider.request(weights, new float[] {0.5f, -0.5f}, 1);
            decoding.release.countDown();
            result(grid, gridId);
            result(slider, sliderId);
            assertEquals(List.of(busyId, sliderId, gridId), decoding.order, "the slider's image went first");
        }
    }

    @Test
    void aNewerRequestReplacesOneStillWaitingOnItsChannel() throws InterruptedException {
        GatedDecoding decoding = new GatedDecoding();
        try (DecodeService service = new DecodeService(decoding)) {
            DecodeService.Channel busy = service.channel();
            DecodeService.Channel slider = service.channel();
            long busyId = busy.request(weights, new float[4_000 * 2], 4_000);
            assertTrue(decoding.firstStarted.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
            slider.request(weights, new float[] {1, 1}, 1);
            long second = slider.request(weights, new float[] {-1, 1}, 1);
            decoding.release.countDown();
            DecodeService.DecodeResult decoded = result(slider, second);
            assertEquals(List.of(busyId, second), decoding.order, "the first slider request was dropped while it waited");
            assertEquals(second, decoded.request().id());
        }
    }

    @Test
    void aDecodeThatFailsIsReportedOnItsChannelAndTheThreadGoesOn() throws InterruptedException {
        GatedDecoding decoding = new GatedDecoding();
        decoding.release.countDown();
        try (DecodeService service = new DecodeService(decoding)) {
            DecodeService.Channel failing = service.channel();
            DecodeService.Channel other = service.channel();
            long badId = failing.request(weights, new float[GatedDecoding.FAILING_COUNT * 2], GatedDecoding.FAILING_COUNT);
            DecodeService.DecodeFailure failure = await(failing::failure);
            assertEquals(badId, failure.request().id());
            assertEquals("Could not decode 7 latent points: java.lang.IllegalStateException: decoding failed on purpose",
                    failure.message());
            assertNull(failing.latest());
            assertEquals(failure.message(), service.problem(), "the service reports it for the banner");

            long otherId = other.request(weights, new float[2], 1);
            assertEquals(weights.outputSize(), result(other, otherId).images().length,
                    "another channel is served after the failure");
            assertEquals(failure.message(), service.problem(), "another channel's success does not hide it");
            long retry = failing.request(weights, new float[4], 2);
            result(failing, retry);
            assertNull(failing.failure(), "a success clears the channel's failure");
            assertNull(service.problem());
        }
    }

    @Test
    void requestsThatCannotBeDecodedAreRefusedOnTheCallersThread() {
        try (DecodeService service = new DecodeService(new GatedDecoding())) {
            DecodeService.Channel channel = service.channel();
            assertThrows(IllegalArgumentException.class, () -> channel.request(weights, new float[2], -1));
            assertThrows(IllegalArgumentException.class, () -> channel.request(weights, new float[2], 3_000_000),
                    "3 million images of 784 pixels do not fit in one array");
            assertThrows(IllegalArgumentException.class, () -> channel.request(weights, new float[3], 2));
        }
    }

    @Test
    void theServiceDecodesWithTheSnapshotsOwnDecoder() throws InterruptedException {
        try (DecodeService service = new DecodeService()) {
            DecodeService.Channel slider = service.channel();
            long id = slider.request(weights, new float[] {0.5f, -0.5f}, 1);
            DecodeService.DecodeResult decoded = result(slider, id);
            assertArrayEquals(new SnapshotDecoder(weights).decode(new float[] {0.5f, -0.5f}, 1), decoded.images(), 1e-6f);
            assertTrue(decoded.nanos() > 0);
        }
    }

    /**
     * A conditional decoder's request carries each point's class and asks for the mean or a seeded
     * sample: the service gives what a decoder of the same snapshot gives, and refuses points
     * without their classes.
     */
    @Test
    void aRequestCarriesItsClassesAndAsksForTheMeanOrASample() throws InterruptedException {
        DecoderWeights conditional = new DenseAutoencoder(new ModelConfig(ModelKind.CVAE, 28, 28, java.util.List.of(32),
                2, org.latentlab.model.Activation.RELU, org.latentlab.model.Likelihood.GAUSSIAN, 0.2, 3, 0, 10,
                org.latentlab.model.DecoderVariance.LEARNED_PER_PIXEL)).decoderWeights();
        float[] z = {0.5f, -1f, 1.5f, 0f};
        int[] classes = {3, 8};
        SnapshotDecoder reference = new SnapshotDecoder(conditional);
        try (DecodeService service = new DecodeService()) {
            DecodeService.Channel channel = service.channel();
            long mean = channel.request(conditional, z, classes, 2, DecoderOutput.MEAN);
            assertArrayEquals(reference.decode(z, classes, 2, DecoderOutput.MEAN), result(channel, mean).images(), 0f);
            long sample = channel.request(conditional, z, classes, 2, DecoderOutput.sample(9));
            DecodeService.DecodeResult drawn = result(channel, sample);
            assertArrayEquals(reference.decode(z, classes, 2, DecoderOutput.sample(9)), drawn.images(), 0f);
            assertEquals(DecoderOutput.sample(9), drawn.request().output());
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> channel.request(conditional, z, 2));
            assertEquals("a conditional decoder draws a class: 2 points need as many labels", missing.getMessage());
        }
    }
}
