package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.latentlab.data.ImageMeasures;
import org.latentlab.data.MouthCurvature;
import org.latentlab.model.Likelihood;
import org.latentlab.model.SnapshotDecoder;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.attributes.AttributesViewModel;
import org.latentlab.ui.attributes.DrawingPadViewModel;
import org.latentlab.ui.attributes.ImageStrip;
import org.latentlab.ui.attributes.InterpolationViewModel;
import org.latentlab.ui.attributes.LatentToolsViewModel;
import org.latentlab.ui.explorer.DatasetChoice;
import org.latentlab.ui.scatter.ScatterOverlay;

/**
 * Starts the real application headless (Monocle), trains briefly and drives the Attributes,
 * Interpolate and Draw tabs through their controls: on the digits, moving along "ink" inks the
 * decoded image, interpolation runs from A's decoded image to B's, and a drawing is encoded and
 * moved; on the faces, moving a neutral face along "smile" curves its decoded mouth upwards.
 */
class AttributesWindowTest extends RunningWindow {

    /** Epochs of the faces with the Gaussian decoder: the smile is learnt by 4 (docs/decisions/0030). */
    private static final int FACE_EPOCHS = 8;
    private static final int NEUTRAL_FACES = 5;
    /**
     * The smile vector is the top third's mean code minus the bottom third's, about 1⅓ units of smile:
     * ±¾ of it takes a neutral face to a full frown and a full grin, and stays among the data.
     */
    private static final double SMILE_STEP = 0.75;

    private LatentToolsViewModel tools() {
        return app.viewModel().tools();
    }

    /** Trains until {@code epochs} epochs are done, then pauses. */
    private void trainFor(int epochs) throws Exception {
        clickOn("#train");
        waitFor(150, () -> viewModel().lifecycle().snapshotProperty().get().epoch() >= epochs);
        clickOn("#train");
        waitFor(20, () -> viewModel().lifecycle().stateProperty().get() == TrainerState.PAUSED);
    }

    /** Moves the slider {@code id} to {@code value} and returns the decoded image once it shows the moved point. */
    private float[] moveTo(String id, double value) throws Exception {
        Slider slider = lookup(id).queryAs(Slider.class);
        interact(() -> slider.setValue(value));
        AttributesViewModel attributes = tools().attributes();
        waitFor(20, () -> {
            float[] z = attributes.movedLatentProperty().get();
            ImageStrip shown = attributes.movedProperty().get();
            return shown != null && close(decode(z), shown.pixels(), 1e-5);
        });
        return onFx(() -> attributes.movedProperty().get().pixels());
    }

    /** The current snapshot's decoder's image of latent point z. */
    private float[] decode(float[] z) {
        TrainingSnapshot snapshot = viewModel().lifecycle().snapshotProperty().get();
        return new SnapshotDecoder(snapshot.decoder()).decode(z, 1);
    }

    private static boolean close(float[] a, float[] b, double tolerance) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private void select(int index) throws Exception {
        interact(() -> viewModel().scatter().select(index));
        waitFor(10, () -> viewModel().scatter().selectedProperty().get() == index);
    }

    private float[] code(int index) throws Exception {
        return onFx(() -> {
            ProbeSet probe = viewModel().lifecycle().snapshotProperty().get().probe();
            int d = probe.encoding().latentSize();
            return Arrays.copyOfRange(probe.encoding().means(), index * d, (index + 1) * d);
        });
    }

    private void writePng(Node node, String name) throws Exception {
        Path picture = Path.of("target", "ui", name);
        onFx(() -> {
            app.view().writePng(node, picture);
            return null;
        });
        assertTrue(Files.size(picture) > 5_000, "a picture was written to " + picture);
    }

    @Test
    void onTheDigitsInkInterpolationAndADrawingMoveAsStated() throws Exception {
        trainFor(4);
        select(0);
        clickOn("Attributes");
        waitFor(20, () -> tools().toolProperty().get() == LatentToolsViewModel.Tool.ATTRIBUTES
                && tools().attributes().slider("ink") != null
                && tools().attributes().slider("ink").availableProperty().get());

        float[] faint = moveTo("#attribute-ink", -2);
        float[] inked = moveTo("#attribute-ink", 2);
        double inkBefore = ImageMeasures.measure(faint, 28, 28)[0];
        double inkAfter = ImageMeasures.measure(inked, 28, 28)[0];
        assertTrue(inkAfter > 1.3 * inkBefore, "ink at −2 vectors " + inkBefore + ", at +2 vectors " + inkAfter);
        ScatterOverlay overlay = onFx(() -> viewModel().scatter().overlayProperty().get());
        assertEquals(ScatterOverlay.Style.MOVE, overlay.paths().get(overlay.paths().size() - 1).style(),
                "the moved point's path is drawn on the scatter");
        assertTrue(onFx(() -> tools().attributes().updateTimingProperty().get().total()) > 0);
        writePng(app.view(), "attributes-digits.png");

        clickOn("Interpolate");
        int a = 0;
        int b = onFx(() -> {
            ProbeSet probe = viewModel().lifecycle().snapshotProperty().get().probe();
            int other = 1;
            while (probe.labels()[other] == probe.labels()[a]) {
                other++;
            }
            return other;
        });
        select(a);
        clickOn("#interpolation-set-a");
        select(b);
        clickOn("#interpolation-set-b");
        InterpolationViewModel interpolation = tools().interpolation();
        float[] decodedA = decode(code(a));
        float[] decodedB = decode(code(b));
        waitFor(20, () -> interpolation.linearProperty().get() != null
                && close(decodedA, interpolation.linearProperty().get().image(0).pixels(), 1e-5)
                && close(decodedB, interpolation.sphericalProperty().get()
                        .image(InterpolationViewModel.DEFAULT_STEPS - 1).pixels(), 1e-5));
        ImageStrip linear = onFx(() -> interpolation.linearProperty().get());
        int last = linear.count() - 1;
        int middle = last / 2;
        double[] fromA = {distance(decodedA, linear.image(0).pixels()), distance(decodedA, linear.image(middle).pixels()),
            distance(decodedA, linear.image(last).pixels())};
        assertTrue(fromA[0] < fromA[1] && fromA[1] < fromA[2], "the strip moves away from A: " + Arrays.toString(fromA));
        assertTrue(distance(decodedB, linear.image(middle).pixels()) < distance(decodedB, linear.image(0).pixels()),
                "and towards B");
        assertTrue(onFx(() -> viewModel().scatter().overlayProperty().get().paths().size()) == 2,
                "both paths are drawn on the scatter");
        writePng(app.view(), "interpolation-digits.png");

        clickOn("Draw");
        DrawingPadViewModel drawing = tools().drawing();
        Bounds pad = onFx(() -> app.view().drawingView().pad().localToScreen(
                app.view().drawingView().pad().getBoundsInLocal()));
        double x = pad.getMinX() + pad.getWidth() / 2;
        drag(new Point2D(x, pad.getMinY() + pad.getHeight() * 0.2), MouseButton.PRIMARY)
                .moveTo(new Point2D(x + 2, pad.getMinY() + pad.getHeight() * 0.5))
                .moveTo(new Point2D(x, pad.getMinY() + pad.getHeight() * 0.8))
                .release(MouseButton.PRIMARY);
        waitFor(20, () -> drawing.reconstructionProperty().get() != null);
        assertTrue(onFx(() -> ImageMeasures.measure(drawing.padProperty().get().pixels(), 28, 28)[0]) > 0.02,
                "the stroke left ink on the pad");
        assertNotNull(onFx(() -> viewModel().scatter().overlayEllipseProperty().get()),
                "the drawing's posterior is drawn on the scatter");
        writePng(app.view(), "drawing-digits.png");

        clickOn("#drawing-move");
        waitFor(10, () -> tools().toolProperty().get() == LatentToolsViewModel.Tool.ATTRIBUTES
                && tools().attributes().sourceProperty().get() == AttributesViewModel.Source.DRAWING);
        float[] drawnAndInked = moveTo("#attribute-ink", 2);
        float[] drawnAndFaint = moveTo("#attribute-ink", -2);
        assertTrue(ImageMeasures.measure(drawnAndInked, 28, 28)[0] > ImageMeasures.measure(drawnAndFaint, 28, 28)[0],
                "the drawing takes ink along the vector too");
    }

    @Test
    void onTheFacesTheSmileVectorCurvesANeutralFacesMouthUpwards() throws Exception {
        ComboBox<DatasetChoice> datasets = lookup("#dataset").queryComboBox();
        DatasetChoice faces = datasets.getItems().stream().filter(c -> "faces".equals(c.spec())).findFirst().orElseThrow();
        interact(() -> datasets.getSelectionModel().select(faces));
        waitFor(60, () -> viewModel().lifecycle().snapshotProperty().get() != null
                && viewModel().lifecycle().snapshotProperty().get().modelConfig().latentSize() == 8
                && viewModel().lifecycle().stateProperty().get() == TrainerState.READY);
        assertEquals(Likelihood.GAUSSIAN, onFx(() -> viewModel().lifecycle().snapshotProperty().get().modelConfig().likelihood()),
                "the faces come with the decoder that learns their mouths");
        trainFor(FACE_EPOCHS);

        int[] neutral = onFx(() -> {
            ProbeSet probe = viewModel().lifecycle().snapshotProperty().get().probe();
            return IntStream.range(0, probe.size()).filter(i -> Math.abs(probe.attributes().value("smile", i)) < 0.1)
                    .limit(NEUTRAL_FACES).toArray();
        });
        assertEquals(NEUTRAL_FACES, neutral.length, "neutral faces among the held-out ones");
        select(neutral[0]);
        clickOn("Attributes");
        waitFor(20, () -> tools().attributes().slider("smile") != null
                && tools().attributes().slider("smile").availableProperty().get());
        assertTrue(onFx(() -> tools().attributes().slider("smile").aucProperty().get()) > 0.95,
                "the smile vector separates held-out grins from frowns");

        double[] lift = new double[NEUTRAL_FACES];
        for (int k = 0; k < NEUTRAL_FACES; k++) {
            select(neutral[k]);
            double frown = MouthCurvature.measure(moveTo("#attribute-smile", -SMILE_STEP), 0);
            double grin = MouthCurvature.measure(moveTo("#attribute-smile", SMILE_STEP), 0);
            lift[k] = grin - frown;
        }
        assertTrue(Arrays.stream(lift).allMatch(l -> l > 0), "every face's mouth curves upwards: " + Arrays.toString(lift));
        assertTrue(Arrays.stream(lift).average().orElseThrow() > 2,
                "corner lift gained from −0.75 to +0.75 smile vectors, px: " + Arrays.toString(lift));
        select(neutral[0]);
        moveTo("#attribute-smile", SMILE_STEP);
        writePng(app.view().attributesView(), "attributes-faces.png");
        writePng(app.view(), "attributes-faces-window.png");
        clickOn("View");
        clickOn("Dark theme");
        writePng(app.view(), "attributes-faces-dark.png");
    }
}
