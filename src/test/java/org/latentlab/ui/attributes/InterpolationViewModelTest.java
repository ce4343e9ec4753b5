package org.latentlab.ui.attributes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.data.Attributes;
import org.latentlab.latent.LatentPoints;
import org.latentlab.latent.LatentRegion;
import org.latentlab.model.DecoderWeights;
import org.latentlab.training.DecodeService;
import org.latentlab.training.ProbeSet;
import org.latentlab.ui.scatter.ScatterOverlay;

/** Interpolation's view-model on planted codes, without a toolkit. */
class InterpolationViewModelTest {

    private final DecodeService decodes = new DecodeService();
    private final ReadOnlyObjectWrapper<LatentRegion> region = new ReadOnlyObjectWrapper<>();
    private final InterpolationViewModel viewModel = new InterpolationViewModel(decodes.channel(),
            region.getReadOnlyProperty());
    private final DecoderWeights decoder = LatentFixture.decoder();
    private final ProbeSet probe = LatentFixture.probe(Attributes.none());

    @AfterEach
    void close() {
        decodes.close();
    }

    private static float[] image(ImageStrip strip, int i) {
        return strip.image(i).pixels();
    }

    private float[] code(int index) {
        return new float[] {probe.encoding().mean(index, 0), probe.encoding().mean(index, 1)};
    }

    @Test
    void bothStripsStartAndEndAtTheDecodedEndpoints() throws InterruptedException {
        viewModel.update(LatentFixture.snapshot(probe, decoder));
        assertNull(viewModel.linearProperty().get());
        assertTrue(viewModel.noteProperty().get().contains("Set as A"), viewModel.noteProperty().get());
        int a = 0;
        int b = 1;
        viewModel.setA(a);
        viewModel.setB(b);
        assertArrayEquals(probe.image(a), viewModel.imageAProperty().get().pixels());
        LatentFixture.await("both strips", viewModel::pulse, () -> viewModel.sphericalProperty().get() != null);
        ImageStrip linear = viewModel.linearProperty().get();
        ImageStrip spherical = viewModel.sphericalProperty().get();
        assertEquals(InterpolationViewModel.DEFAULT_STEPS, linear.count());
        float[] ends = new float[4];
        System.arraycopy(code(a), 0, ends, 0, 2);
        System.arraycopy(code(b), 0, ends, 2, 2);
        float[] decoded = LatentFixture.decode(decoder, ends, 2);
        float[] decodedA = Arrays.copyOfRange(decoded, 0, 16);
        float[] decodedB = Arrays.copyOfRange(decoded, 16, 32);
        int last = linear.count() - 1;
        // Decoded in a batch of another size, the sums may round differently in the last bit.
        assertArrayEquals(decodedA, image(linear, 0), 1e-6f, "the straight line starts at A's decoded image");
        assertArrayEquals(decodedB, image(linear, last), 1e-6f);
        assertArrayEquals(decodedA, image(spherical, 0), 1e-6f, "and so does the spherical path");
        assertArrayEquals(decodedB, image(spherical, last), 1e-6f);
    }

    @Test
    void betweenOppositeCodesTheTwoPathsPartAndTheNoteSaysHow() throws InterruptedException {
        viewModel.update(LatentFixture.snapshot(probe, decoder));
        int row = -1;
        int column = -1;
        for (int i = 0; i < probe.size() && (row < 0 || column < 0); i++) {
            if (probe.labels()[i] == 0 && row < 0) {
                row = i;
            } else if (probe.labels()[i] == 1 && column < 0) {
                column = i;
            }
        }
        region.set(LatentRegion.around(new LatentPoints(probe.encoding().means(), probe.size(), 2)));
        viewModel.setA(row);
        viewModel.setB(column);
        ScatterOverlay overlay = viewModel.overlayProperty().get();
        assertEquals(ScatterOverlay.Style.LINEAR, overlay.paths().get(0).style());
        assertEquals(ScatterOverlay.Style.SPHERICAL, overlay.paths().get(1).style());
        LatentPoints straight = overlay.paths().get(0).points();
        LatentPoints round = overlay.paths().get(1).points();
        int middle = straight.count() / 2;
        float[] mid = straight.point(middle);
        assertTrue(Math.hypot(mid[0], mid[1]) < 0.2, "the chord between (−1, 0) and (1, 0) passes the centre");
        float[] arc = round.point(middle);
        assertTrue(Math.hypot(arc[0], arc[1]) > 0.85, "the arc keeps the length");
        String note = viewModel.noteProperty().get();
        assertTrue(note.matches(".*Straight line: nearest the centre at \\|z\\| = 0\\.[01]\\d, \\d of 9 points outside.*"),
                note);
        assertTrue(note.contains("In 2-D, 90 % of the prior's codes have |z| between 0.32 and 2.45: they fill the space "
                + "around the centre, most often at |z| ≈ 1.0 (mean 1.25)."), note);
        assertTrue(note.contains("The straight line comes nearer the centre than 99."), note);
        LatentFixture.await("strips", viewModel::pulse, () -> viewModel.linearProperty().get() != null);
        assertFalse(Arrays.equals(image(viewModel.linearProperty().get(), middle),
                image(viewModel.sphericalProperty().get(), middle)), "the middles decode differently");

        viewModel.stepsProperty().set(5);
        LatentFixture.await("5-image strips", viewModel::pulse, () -> viewModel.linearProperty().get().count() == 5);
    }

    @Test
    void inManyDimensionsThePriorsCodesFormAShellThatTheStraightLineCutsInside() {
        String note = InterpolationViewModel.priorLengths(16, 2.0);
        assertTrue(note.startsWith("In 16-D, 90 % of the prior's codes have |z| between 2.82 and 5.13: they fill a shell "
                + "around √16 = 4.0 with a hole at the centre."), note);
        // P(χ²₁₆ ≤ 4) = 1 − e^{−2} Σ_{k<8} 2^k / k! = 0.0011: the line comes nearer than 99.89 % of them.
        assertTrue(note.endsWith("nearer the centre than 99.89 % of them; the spherical path keeps between the "
                + "endpoints' lengths (White 2016)."), note);
        assertTrue(InterpolationViewModel.priorLengths(16, 4.0).endsWith("Both paths keep to lengths the prior's codes have."));
    }
}
