package org.latentlab.ui.attributes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.data.Attributes;
import org.latentlab.latent.LatentPoints;
import org.latentlab.latent.LatentRegion;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.training.DecodeService;
import org.latentlab.training.ProbeSet;
import org.latentlab.ui.scatter.ScatterOverlay;

/** The Attributes panel's view-model on planted codes, without a toolkit; the worker runs at once. */
class AttributesViewModelTest {

    private final DecodeService decodes = new DecodeService();
    private final AtomicInteger analyses = new AtomicInteger();
    private final Executor countingWorker = work -> {
        analyses.incrementAndGet();
        work.run();
    };
    private final AttributesViewModel viewModel = new AttributesViewModel(decodes.channel(), decodes.channel(),
            countingWorker);
    private final DecoderWeights decoder = LatentFixture.decoder();

    @AfterEach
    void close() {
        decodes.close();
    }

    private ProbeSet showPlantedCodes(Attributes attributes) {
        ProbeSet probe = LatentFixture.probe(attributes);
        viewModel.activeProperty().set(true);
        viewModel.update(LatentFixture.snapshot(probe, decoder));
        viewModel.pulse();
        return probe;
    }

    private static float[] code(ProbeSet probe, int index) {
        return new float[] {probe.encoding().mean(index, 0), probe.encoding().mean(index, 1)};
    }

    private static int firstOfClass(ProbeSet probe, int label) {
        for (int i = 0; i < probe.size(); i++) {
            if (probe.labels()[i] == label) {
                return i;
            }
        }
        throw new AssertionError("no image of class " + label);
    }

    @Test
    void oneSliderPerVectorTheClassVectorFirstWithItsAuc() {
        showPlantedCodes(Attributes.none());
        assertEquals(List.of("class", "ink", "thickness", "slant", "ink width", "ink height"),
                viewModel.sliders().stream().map(AttributeSlider::key).toList());
        AttributeSlider classes = viewModel.slider("class");
        assertEquals("row → column", classes.nameProperty().get());
        float[] v = classes.vector().direction();
        assertEquals(2, v[0], 0.03, "the columns' mean code minus the rows'");
        assertEquals(0, v[1], 0.03);
        assertEquals(1, classes.aucProperty().get(), 1e-12, "the planted classes are perfectly separated");
        assertTrue(classes.explanationProperty().get().contains("Held-out AUC 1.000"), classes.explanationProperty().get());
    }

    @Test
    void aSliderMovesTheImagesCodeByItsAmountTimesItsVector() throws InterruptedException {
        ProbeSet probe = showPlantedCodes(Attributes.none());
        viewModel.select(5);
        float[] start = code(probe, 5);
        assertArrayEquals(start, viewModel.movedLatentProperty().get(), "no slider moved yet");
        float[] v = viewModel.slider("class").vector().direction();
        float[] w = viewModel.slider("thickness").vector().direction();

        viewModel.slider("class").amountProperty().set(1.5);
        viewModel.slider("thickness").amountProperty().set(-0.5);
        float[] moved = viewModel.movedLatentProperty().get();
        for (int j = 0; j < 2; j++) {
            assertEquals(start[j] + 1.5 * v[j] - 0.5 * w[j], moved[j], 1e-6);
        }
        float[] expected = LatentFixture.decode(decoder, moved, 1);
        LatentFixture.await("the moved image", viewModel::pulse, () -> viewModel.movedProperty().get() != null
                && java.util.Arrays.equals(expected, viewModel.movedProperty().get().pixels()));
        assertTrue(viewModel.updateTimingProperty().get().total() > 0, "the update's latency was measured");
        assertArrayEquals(probe.image(5), viewModel.inputProperty().get().pixels(), "the image itself beside it");
        LatentFixture.await("the strip along thickness", viewModel::pulse,
                () -> "thickness".equals(viewModel.alongNameProperty().get()));
        assertNotNull(viewModel.alongProperty().get(), "the strip arrives with its name, the slider moved last");
        ImageStrip along = viewModel.alongProperty().get();
        assertEquals(9, along.count(), "−2 to +2 vectors in steps of ½");
        float[] middle = new float[2];
        for (int j = 0; j < 2; j++) {
            middle[j] = (float) (start[j] + 1.5 * v[j]);
        }
        assertArrayEquals(LatentFixture.decode(decoder, middle, 1), along.image(4).pixels(), 1e-6f,
                "its middle is the image without thickness, with the class slider where it is");

        viewModel.resetSliders();
        assertArrayEquals(start, viewModel.movedLatentProperty().get());
    }

    @Test
    void theStripsNameIsTheNameOfTheSliderItRunsAlongEvenWhileAnotherIsOnItsWay() throws InterruptedException {
        ProbeSet probe = showPlantedCodes(Attributes.none());
        viewModel.select(5);
        float[] start = code(probe, 5);
        float[] v = viewModel.slider("class").vector().direction();
        viewModel.slider("class").amountProperty().set(1.5);
        String className = viewModel.slider("class").nameProperty().get();
        LatentFixture.await("the strip along the class vector", viewModel::pulse,
                () -> className.equals(viewModel.alongNameProperty().get()));
        float[] classMiddle = LatentFixture.decode(decoder, start, 1);
        assertArrayEquals(classMiddle, viewModel.alongProperty().get().image(4).pixels(), 1e-6f);

        viewModel.slider("thickness").amountProperty().set(-0.5);
        float[] thicknessMiddle = LatentFixture.decode(decoder,
                new float[] {start[0] + 1.5f * v[0], start[1] + 1.5f * v[1]}, 1);
        LatentFixture.await("the strip along thickness", () -> {
            viewModel.pulse();
            float[] middle = viewModel.alongProperty().get().image(4).pixels();
            boolean named = "thickness".equals(viewModel.alongNameProperty().get());
            assertArrayEquals(named ? thicknessMiddle : classMiddle, middle, 1e-6f,
                    "the strip under the name " + viewModel.alongNameProperty().get());
        }, () -> "thickness".equals(viewModel.alongNameProperty().get()));
    }

    @Test
    void thePathFromTheImageToTheMovedPointIsDrawnOnTheScatter() {
        ProbeSet probe = showPlantedCodes(Attributes.none());
        viewModel.select(7);
        assertTrue(viewModel.overlayProperty().get().paths().isEmpty(), "nothing moved, no path");
        viewModel.slider("class").amountProperty().set(1);
        List<ScatterOverlay.Path> paths = viewModel.overlayProperty().get().paths();
        assertEquals(ScatterOverlay.Style.RAIL, paths.get(0).style());
        assertEquals(9, paths.get(0).points().count(), "the slider's whole range, −2 to 2 vectors");
        ScatterOverlay.Path move = paths.get(1);
        assertEquals(ScatterOverlay.Style.MOVE, move.style());
        assertArrayEquals(code(probe, 7), move.points().point(0));
        assertArrayEquals(viewModel.movedLatentProperty().get(), move.points().point(move.points().count() - 1));
        assertArrayEquals(code(probe, 7), paths.get(0).points().point(4), 1e-6f, "the rail passes the image's own code");
    }

    @Test
    void aWarningSaysWhyWhenTheMovedPointLeavesTheData() {
        ProbeSet probe = showPlantedCodes(Attributes.none());
        viewModel.select(firstOfClass(probe, 1));
        assertEquals("", viewModel.warningProperty().get(), "a column's code lies among the columns");
        viewModel.slider("class").amountProperty().set(-1);
        assertEquals("", viewModel.warningProperty().get(), "one vector back lands among the rows");
        viewModel.slider("class").amountProperty().set(2);
        String warning = viewModel.warningProperty().get();
        assertTrue(warning.startsWith("⚠ Outside the data: "), warning);
        assertTrue(warning.contains("× as far from any held-out image's code"), warning);
        assertTrue(warning.contains("of the prior N(0, I)'s codes lie this far out or further"),
                "|z| ≈ 5 is far out in the prior: " + warning);
        assertTrue(warning.endsWith("this picture is a guess."), warning);
    }

    @Test
    void anAutoencodersWarningDoesNotMentionAPrior() {
        LatentRegion region = LatentRegion.around(new LatentPoints(new float[] {0, 0, 0.1f, 0, 0, 0.1f},
                3, 2));
        String warning = AttributesViewModel.warningFor(region.check(new float[] {8, 0}), false);
        assertTrue(warning.contains("× as far from any"), warning);
        assertFalse(warning.contains("prior"), warning);
        assertEquals("", AttributesViewModel.warningFor(region.check(new float[] {0.05f, 0.05f}), true));
    }

    @Test
    void aCodeAmongTheDataButFarOutInThePriorIsSaidToBeSo() {
        // Codes of a model whose prior does not fit yet: a cluster at |z| ≈ 4.
        LatentRegion region = LatentRegion.around(new LatentPoints(
                new float[] {4, 0, 4.1f, 0, 4, 0.1f, 4.1f, 0.1f}, 4, 2));
        String warning = AttributesViewModel.warningFor(region.check(new float[] {4.05f, 0.05f}), true);
        // P(χ²₂ ≥ 4.05² + 0.05²) = exp(−8.2025) = 0.027 %: the share at or beyond that length, not at it.
        assertTrue(warning.startsWith("⚠ Far out in the prior: |z| = 4.1: only 0.027 % of the prior N(0, I)'s codes "
                + "lie this far out or further."), warning);
        assertTrue(warning.contains("Held-out codes lie near"), warning);
        assertEquals("", AttributesViewModel.warningFor(region.check(new float[] {4.05f, 0.05f}), false),
                "an autoencoder has no prior to be far out in");
    }

    @Test
    void aCodeInTheHoleAtTheCentreOfAManyDimensionalPriorIsSaidToBeSo() {
        // Held-out codes of an 8-D model, one of them near the centre, where the prior's codes almost never are.
        int d = 8;
        float[] codes = new float[3 * d];
        for (int j = 0; j < d; j++) {
            codes[j] = 1;
            codes[d + j] = -1;
            codes[2 * d + j] = 0.05f;
        }
        LatentRegion region = LatentRegion.around(new LatentPoints(codes, 3, d));
        float[] centre = new float[d];
        java.util.Arrays.fill(centre, 0.06f);
        String warning = AttributesViewModel.warningFor(region.check(centre), true);
        assertTrue(warning.startsWith("⚠ Near the centre: |z| = 0.17: fewer than one in a million of the prior"),
                warning);
        assertTrue(warning.endsWith("almost never has so short a length."), warning);
    }

    @Test
    void vectorsAreMadeOnlyWhileShownAndNotEveryFrame() throws InterruptedException {
        ProbeSet probe = LatentFixture.probe(Attributes.none());
        viewModel.update(LatentFixture.snapshot(probe, decoder));
        viewModel.pulse();
        assertEquals(0, analyses.get(), "nothing is computed for a hidden panel");
        assertTrue(viewModel.sliders().isEmpty());
        viewModel.activeProperty().set(true);
        viewModel.pulse();
        assertEquals(1, analyses.get());
        assertFalse(viewModel.sliders().isEmpty());
        for (int frame = 0; frame < 20; frame++) {
            viewModel.update(LatentFixture.snapshot(probe, decoder));
            viewModel.pulse();
        }
        assertTrue(analyses.get() <= 2, "at most one more while the snapshots keep coming: " + analyses.get());
        Thread.sleep(AnalysisRequests.INTERVAL_MILLIS + 50);
        int before = analyses.get();
        viewModel.pulse();
        assertEquals(before + 1, analyses.get(), "the latest snapshot always gets its vectors");
        viewModel.pulse();
        assertEquals(before + 1, analyses.get(), "and only once");
    }

    @Test
    void balancingRemakesTheVectorsAtOnceAndSaysOnWhat() {
        showPlantedCodes(Attributes.none());
        int before = analyses.get();
        viewModel.balancedProperty().set(true);
        assertEquals(before + 1, analyses.get());
        assertTrue(viewModel.slider("class").explanationProperty().get().contains("balanced on ink, slant"),
                viewModel.slider("class").explanationProperty().get());
        assertTrue(viewModel.slider("thickness").explanationProperty().get().contains("balanced on the class labels"),
                viewModel.slider("thickness").explanationProperty().get());
        assertTrue(viewModel.slider("class").explanationProperty().get().contains("Cosine to the plain vector"));
    }

    @Test
    void knownAttributesAreUsedAsTheyAreAndTheClassVectorIsBalancedOnThoseThatOverlap() {
        // Like the faces: "smile" defines the classes, "width" is independent of them.
        SplittableRandom random = new SplittableRandom(9);
        ProbeSet planted = LatentFixture.probe(Attributes.none());
        double[] smile = new double[planted.size()];
        double[] width = new double[planted.size()];
        for (int i = 0; i < smile.length; i++) {
            smile[i] = (planted.labels()[i] == 1 ? 0.5 : -0.5) + 0.4 * random.nextDouble();
            width[i] = 16 + 5 * random.nextDouble();
        }
        showPlantedCodes(Attributes.of(List.of("smile", "width"), List.of(smile, width)));
        assertEquals(List.of("class", "smile", "width"), viewModel.sliders().stream().map(AttributeSlider::key).toList());
        viewModel.balancedProperty().set(true);
        AttributeSlider classes = viewModel.slider("class");
        assertTrue(classes.availableProperty().get(), classes.explanationProperty().get());
        assertTrue(classes.explanationProperty().get().contains("balanced on width, which kept"),
                classes.explanationProperty().get());
        assertTrue(viewModel.slider("smile").explanationProperty().get().contains("balanced on width"));
    }

    @Test
    void theDrawingCanBeTheImageWithItsPosteriorOnTheScatter() {
        ProbeSet probe = showPlantedCodes(Attributes.none());
        viewModel.select(3);
        assertFalse(viewModel.drawingAvailableProperty().get());
        Encoding drawn = new Encoding(new float[] {0.2f, -0.4f}, new float[] {-1, -2}, 1, 2);
        float[] pixels = new float[16];
        pixels[5] = 1;
        viewModel.setDrawing(drawn, pixels);
        assertTrue(viewModel.drawingAvailableProperty().get());
        assertArrayEquals(probe.image(3), viewModel.inputProperty().get().pixels(), "still the selection until asked");
        viewModel.useDrawing();
        assertEquals("Your drawing", viewModel.subjectProperty().get());
        assertArrayEquals(pixels, viewModel.inputProperty().get().pixels());
        assertArrayEquals(drawn.means(), viewModel.movedLatentProperty().get());
        ScatterOverlay.Posterior posterior = viewModel.overlayProperty().get().posterior();
        assertNotNull(posterior);
        assertArrayEquals(drawn.logVariances(), posterior.logVariance());

        viewModel.select(4);
        assertEquals(AttributesViewModel.Source.SELECTION, viewModel.sourceProperty().get(), "a click takes over again");
        assertNull(viewModel.overlayProperty().get().posterior());
    }

    @Test
    void theClassVectorStartsAtThreeToEightOrFrownToSmile() {
        assertArrayEquals(new int[] {3, 8}, AttributesViewModel.defaultClasses(
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")));
        assertArrayEquals(new int[] {0, 2}, AttributesViewModel.defaultClasses(List.of("frown", "neutral", "smile")));
        assertArrayEquals(new int[] {0, 1}, AttributesViewModel.defaultClasses(List.of("T-shirt", "Trouser", "Pullover")));
    }
}
