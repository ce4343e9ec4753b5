package org.latentlab.ui.conditional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.data.Dataset;
import org.latentlab.latent.LatentPlane;
import org.latentlab.model.DecoderOutput;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.DenseAutoencoder;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;
import org.latentlab.model.LossWeights;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.SnapshotDecoder;
import org.latentlab.training.CodeComparison;
import org.latentlab.training.DecodeService;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.DecodingChoices;
import org.latentlab.ui.Pulses;
import org.latentlab.ui.manifold.ManifoldImages;

/**
 * The Conditional tab's view-model against a small conditional VAE on the bars (rows are class 0,
 * columns class 1): the grid draws the chosen class, the row decodes one image's code in every
 * class, and the mean / sample switch reaches both; every image is checked against the decoder
 * run here.
 */
class ConditionalViewModelTest {

    private static final int COUNT = 64;
    private static final Supplier<CompletableFuture<CodeComparison>> NO_TWIN =
            () -> CompletableFuture.failedFuture(new IllegalStateException("no plain twin in this test"));
    private final DecodeService decodes = new DecodeService();

    @AfterEach
    void close() {
        decodes.close();
    }

    private static ModelConfig cvae() {
        return TestDatasets.smallModel(ModelKind.VAE, 2).withConditionClasses(2);
    }

    /** A snapshot of {@code model} after 300 steps on the bars, its probe encoded with each image's class. */
    private static TrainingSnapshot snapshot(LatentModel model) {
        Dataset bars = TestDatasets.bars(COUNT, 3);
        float[] pixels = bars.pixels(COUNT);
        int[] labels = bars.labels(COUNT);
        for (int step = 0; step < 300; step++) {
            model.trainStep(pixels, labels, COUNT, new LossWeights(1, 1), 1e-2);
        }
        Encoding encoding = model.encode(pixels, model.config().conditional() ? labels : null, COUNT);
        ProbeSet probe = new ProbeSet(encoding, pixels, 4, 4, labels, bars.classNames());
        return new TrainingSnapshot(TrainerState.PAUSED, null, model.config(), 300, 0, 0, 1, 1e-2, 0,
                new IterationHistory().view(), List.of(), probe, new double[2], 2, model.decoderWeights());
    }

    /** The grid's points, as the view-model places them on the plane of the first two axes. */
    private static float[] gridPoints(ConditionalViewModel viewModel) {
        return viewModel.grid().gridProperty().get().pointsOn(LatentPlane.firstTwoAxes(2));
    }

    private static float[] decoded(DecoderWeights weights, float[] points, int[] labels, DecoderOutput output) {
        return new SnapshotDecoder(weights).decode(points, labels, labels.length, output);
    }

    private static int[] repeated(int label, int count) {
        int[] labels = new int[count];
        Arrays.fill(labels, label);
        return labels;
    }

    @Test
    void theGridDrawsTheChosenClassAcrossTheStyleSpace() throws InterruptedException {
        ConditionalViewModel viewModel = new ConditionalViewModel(decodes.channel(), decodes.channel(), NO_TWIN);
        TrainingSnapshot snapshot = snapshot(new DenseAutoencoder(cvae()));
        viewModel.update(snapshot);
        assertTrue(viewModel.conditionalProperty().get());
        assertEquals(List.of("row", "column"), viewModel.classNamesProperty().get());
        float[] points = gridPoints(viewModel);
        int count = points.length / 2;
        float[] rows = decoded(snapshot.decoder(), points, repeated(0, count), DecoderOutput.MEAN);
        await("the grid of rows", viewModel::pulse, () -> shows(viewModel.grid().imagesProperty().get(), rows));
        assertTrue(viewModel.grid().captionProperty().get().contains("Every image is class “row”"));

        viewModel.chosenClassProperty().set(1);
        float[] columns = decoded(snapshot.decoder(), points, repeated(1, count), DecoderOutput.MEAN);
        await("the grid of columns", viewModel::pulse, () -> shows(viewModel.grid().imagesProperty().get(), columns));
        assertTrue(viewModel.grid().captionProperty().get().contains("Every image is class “column”"));
        assertTrue(meanAbsoluteDifference(rows, columns) > 0.1, "the class changes the images: "
                + meanAbsoluteDifference(rows, columns));
    }

    @Test
    void aSelectedImagesStyleIsWrittenAsEveryClass() throws InterruptedException {
        ConditionalViewModel viewModel = new ConditionalViewModel(decodes.channel(), decodes.channel(), NO_TWIN);
        TrainingSnapshot snapshot = snapshot(new DenseAutoencoder(cvae()));
        viewModel.update(snapshot);
        assertTrue(viewModel.rowCaptionProperty().get().startsWith("Click a held-out image"));
        viewModel.select(5);
        float[] code = Arrays.copyOfRange(snapshot.probe().encoding().means(), 10, 12);
        float[] expected = decoded(snapshot.decoder(), new float[] {code[0], code[1], code[0], code[1]},
                new int[] {0, 1}, DecoderOutput.MEAN);
        await("the row", viewModel::pulse, () -> viewModel.asEveryClassProperty().get() != null
                && Arrays.equals(viewModel.asEveryClassProperty().get().pixels(), expected));
        assertEquals(2, viewModel.asEveryClassProperty().get().count());
        assertArrayEquals(snapshot.probe().image(5), viewModel.selectedImageProperty().get().pixels());
        String label = snapshot.probe().classNames().get(snapshot.probe().label(5));
        assertTrue(viewModel.rowCaptionProperty().get().startsWith("Held-out image 5, a “" + label + "”"),
                viewModel.rowCaptionProperty().get());

        viewModel.decoderSampleProperty().set(true);
        float[] sampled = decoded(snapshot.decoder(), new float[] {code[0], code[1], code[0], code[1]},
                new int[] {0, 1}, DecodingChoices.output(true));
        await("the row as samples", viewModel::pulse, () -> Arrays.equals(viewModel.asEveryClassProperty().get().pixels(),
                sampled));
        for (float v : sampled) {
            assertTrue(v == 0 || v == 1, "a Bernoulli decoder's sample is black and white: " + v);
        }
    }

    @Test
    void anUnconditionalModelGetsOneLineSayingWhatTheTabNeeds() {
        ConditionalViewModel viewModel = new ConditionalViewModel(decodes.channel(), decodes.channel(), NO_TWIN);
        viewModel.update(snapshot(new DenseAutoencoder(TestDatasets.smallModel(ModelKind.VAE, 2))));
        assertFalse(viewModel.conditionalProperty().get());
        viewModel.select(3);
        assertNull(viewModel.selectedImageProperty().get());
        assertEquals("This tab shows a conditional VAE: choose Model: Conditional VAE in the toolbar (it needs labelled"
                + " images, such as the digits).", viewModel.rowCaptionProperty().get());
    }

    private static boolean shows(ManifoldImages images, float[] expected) {
        return images != null && Arrays.equals(images.pixels(), expected);
    }

    private static double meanAbsoluteDifference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    private static void await(String what, Runnable pulse, BooleanSupplier condition) throws InterruptedException {
        Pulses.until(what, pulse, condition, () -> "");
    }
}
