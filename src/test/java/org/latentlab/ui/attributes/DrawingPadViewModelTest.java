package org.latentlab.ui.attributes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.data.Attributes;
import org.latentlab.data.DigitFraming;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.training.DecodeService;

/** The drawing pad's view-model without a toolkit, with an encoder the test answers by hand. */
class DrawingPadViewModelTest {

    /** Keeps every request; the test decides when each is answered. */
    private static final class HandEncoder implements ImageEncoder {
        final List<float[]> asked = new ArrayList<>();
        final List<Consumer<Encoding>> answers = new ArrayList<>();

        @Override
        public boolean encode(float[] pixels, Consumer<Encoding> done) {
            asked.add(pixels);
            answers.add(done);
            return true;
        }

        void answer(int request, float x, float y) {
            answers.get(request).accept(new Encoding(new float[] {x, y}, new float[] {-2, -2}, 1, 2));
        }
    }

    private final DecodeService decodes = new DecodeService();
    private final HandEncoder encoder = new HandEncoder();
    private final DrawingPadViewModel viewModel = new DrawingPadViewModel(decodes.channel(), encoder);

    @AfterEach
    void close() {
        decodes.close();
    }

    @Test
    void aStrokeLeavesAThickSoftLineOfInk() {
        assertTrue(viewModel.emptyProperty().get());
        viewModel.stroke(4, 14, 24, 14);
        float[] pad = viewModel.padProperty().get().pixels();
        assertEquals(28 * 28, pad.length);
        // Pixel centres half a pixel from the line are fully inked; the coverage falls off as r + ½ − distance.
        assertEquals(1, pad[13 * 28 + 14], 1e-6);
        assertEquals(1, pad[14 * 28 + 14], 1e-6);
        assertEquals(DrawingPadViewModel.BRUSH_RADIUS + 0.5 - 1.5, pad[12 * 28 + 14], 1e-6);
        assertEquals(0, pad[11 * 28 + 14], 1e-6);
        assertEquals(0, pad[14 * 28 + 27], 1e-6, "nothing beyond the stroke's end");
        assertFalse(viewModel.emptyProperty().get());
    }

    @Test
    void strokesWhileAnEncodingIsOnItsWaySendTheDrawingOnceMoreWhenItArrives() {
        viewModel.stroke(10, 10, 10, 20);
        assertEquals(1, encoder.asked.size());
        viewModel.stroke(10, 20, 16, 20);
        viewModel.stroke(16, 20, 16, 8);
        assertEquals(1, encoder.asked.size(), "no queue of requests while one is on its way");
        encoder.answer(0, 0.5f, -1);
        viewModel.pulse();
        assertArrayEquals(new float[] {0.5f, -1}, viewModel.encodingProperty().get().means());
        assertEquals(2, encoder.asked.size(), "the changed drawing goes once more");
        assertArrayEquals(DigitFraming.frame(viewModel.padProperty().get().pixels(), 28, 28), encoder.asked.get(1),
                "framed like MNIST's digits");
        encoder.answer(1, 0.7f, -1.2f);
        viewModel.pulse();
        assertEquals(2, encoder.asked.size(), "and no more");
        assertArrayEquals(new float[] {0.7f, -1.2f}, viewModel.overlayProperty().get().posterior().mean());
        assertTrue(viewModel.encodeLatencyProperty().get() >= 0);

        viewModel.frameProperty().set(false);
        assertArrayEquals(viewModel.padProperty().get().pixels(), encoder.asked.get(2), "unframed when asked");
    }

    @Test
    void clearingWipesThePadAndIgnoresALateEncoding() {
        viewModel.stroke(10, 10, 20, 20);
        viewModel.clear();
        encoder.answer(0, 1, 1);
        viewModel.pulse();
        assertNull(viewModel.encodingProperty().get());
        assertTrue(viewModel.overlayProperty().get().paths().isEmpty());
        assertNull(viewModel.overlayProperty().get().posterior());
        assertEquals(0, (int) Math.signum(sum(viewModel.padProperty().get().pixels())));
    }

    @Test
    void theDrawingIsDecodedAtItsPosteriorMean() throws InterruptedException {
        DecoderWeights decoder = LatentFixture.decoder();
        viewModel.update(LatentFixture.snapshot(LatentFixture.probe(Attributes.none()), decoder));
        assertEquals(16, viewModel.padProperty().get().pixels().length, "the pad takes the model's 4×4 images");
        viewModel.stroke(1, 0, 1, 4);
        encoder.answer(0, 0.3f, 0.4f);
        LatentFixture.await("the reconstruction", viewModel::pulse, () -> viewModel.reconstructionProperty().get() != null);
        assertArrayEquals(LatentFixture.decode(decoder, new float[] {0.3f, 0.4f}, 1),
                viewModel.reconstructionProperty().get().pixels());
        assertNotNull(viewModel.encodedInputProperty().get());
        viewModel.update(LatentFixture.snapshot(LatentFixture.probe(Attributes.none()), decoder));
        assertEquals(2, encoder.asked.size(), "a new snapshot encodes the drawing again");
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
