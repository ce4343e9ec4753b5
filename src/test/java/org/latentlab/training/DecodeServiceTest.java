package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.DenseAutoencoder;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.SnapshotDecoder;

/** The decode service's order: the latest request of a channel wins, and small requests go first. */
class DecodeServiceTest {

    private final DecodeService service = new DecodeService();
    private final DecoderWeights weights = new DenseAutoencoder(ModelConfig.reference(ModelKind.VAE, 3)).decoderWeights();

    @AfterEach
    void close() {
        service.close();
    }

    private static DecodeService.DecodeResult await(DecodeService.Channel channel, long id) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            DecodeService.DecodeResult result = channel.latest();
            if (result != null && result.request().id() == id) {
                return result;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("request " + id + " was not decoded");
    }

    @Test
    void aSingleImageOvertakesAGridWaitingBeforeIt() throws InterruptedException {
        DecodeService.Channel busy = service.channel();
        DecodeService.Channel grid = service.channel();
        DecodeService.Channel slider = service.channel();
        busy.request(weights, new float[4_000 * 2], 4_000); // keeps the decoder thread busy meanwhile
        long gridId = grid.request(weights, new float[900 * 2], 900);
        long sliderId = slider.request(weights, new float[] {0.5f, -0.5f}, 1);
        DecodeService.DecodeResult gridResult = await(grid, gridId);
        DecodeService.DecodeResult sliderResult = await(slider, sliderId);
        assertTrue(sliderResult.finishedAt() < gridResult.finishedAt(), "the slider's image came first");
        assertArrayEquals(new SnapshotDecoder(weights).decode(new float[] {0.5f, -0.5f}, 1), sliderResult.images(), 1e-6f);
    }

    @Test
    void aNewerRequestReplacesOneStillWaitingOnItsChannel() throws InterruptedException {
        DecodeService.Channel busy = service.channel();
        DecodeService.Channel slider = service.channel();
        busy.request(weights, new float[4_000 * 2], 4_000);
        long first = slider.request(weights, new float[] {1, 1}, 1);
        long second = slider.request(weights, new float[] {-1, 1}, 1);
        Set<Long> seen = new HashSet<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!seen.contains(second) && System.nanoTime() < deadline) {
            DecodeService.DecodeResult result = slider.latest();
            if (result != null) {
                seen.add(result.request().id());
            }
        }
        assertEquals(Set.of(second), seen, "only the newest request was decoded; the first " + first
                + " was dropped while it waited");
        assertTrue(slider.latest().nanos() > 0);
    }
}
