package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.latentlab.training.TimelineFrame;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.timeline.TimelineViewModel;

/**
 * Starts the real application headless (Monocle), steps the model, drags the real timeline
 * scrubber back into training and sees the scatter, the grid and the chart's cursor show a stored
 * moment; ← steps back one moment; "Live" returns to the model as it is. Training waits while
 * the thumb is held and goes on when it is let go. Another test trains a
 * few epochs at 1280 × 720 and replays an early moment, for the picture in the README
 * (target/ui/timeline-replay.png).
 */
class TimelineWindowTest extends RunningWindow {

    /** Epochs trained before the replay's picture. */
    private static final int EPOCHS = 6;
    /** How far along the scrubber's track the picture's moment lies. */
    private static final double ALONG = 0.45;

    private TimelineViewModel timeline() {
        return viewModel().timeline();
    }

    @Test
    void draggingTheScrubberReplaysAStoredMomentAndLiveReturns() throws Exception {
        for (int i = 0; i < 30; i++) {
            clickOn("#step");
        }
        waitFor(60, () -> viewModel().lifecycle().snapshotProperty().get().iteration() == 30
                && timeline().countProperty().get() == 31);
        assertEquals("Live · 31 moments of training recorded: drag to replay them",
                lookup("#timeline-caption").queryAs(Label.class).getText());

        Node thumb = lookup("#timeline-scrubber .thumb").query();
        Bounds track = onFx(() -> lookup("#timeline-scrubber .track").query().localToScreen(
                lookup("#timeline-scrubber .track").query().getBoundsInLocal()));
        Point2D quarter = new Point2D(track.getMinX() + track.getWidth() / 4, track.getCenterY());
        drag(thumb, MouseButton.PRIMARY).moveTo(quarter).moveBy(-3, 0).moveBy(3, 0).release(MouseButton.PRIMARY);
        waitFor(20, () -> timeline().replayingProperty().get() && timeline().momentProperty().get() != null
                && timeline().momentProperty().get().entry().iteration() == timeline().positionProperty().get());
        int position = onFx(() -> timeline().positionProperty().get());
        assertTrue(position > 3 && position < 12, "a quarter along 31 moments, at " + position);
        TimelineFrame stored = timeline().timeline().frame(position);
        assertArrayEquals(stored.xs(), onFx(() -> viewModel().scatter().pointsProperty().get().xs()),
                "the scatter shows the stored moment");
        assertArrayEquals(stored.grid().intensities(), onFx(() -> viewModel().manifold().imagesProperty().get().pixels()));
        assertEquals(position, (long) onFx(() -> viewModel().loss().cursorProperty().get()), "iteration = moment here");
        assertTrue(lookup("#timeline").query().getStyleClass().contains("replaying"));
        assertTrue(lookup("#timeline-caption").queryAs(Label.class).getText().startsWith("Replaying iteration " + position));

        clickOn("#timeline-scrubber");
        waitFor(20, () -> timeline().momentProperty().get() != null);
        int clicked = onFx(() -> timeline().positionProperty().get());
        type(KeyCode.LEFT);
        waitFor(20, () -> timeline().positionProperty().get() == clicked - 1
                && timeline().momentProperty().get().entry().iteration() == clicked - 1);

        Path picture = Path.of("target", "ui", "timeline-window.png");
        onFx(() -> {
            app.view().writePng(app.view(), picture);
            return null;
        });
        assertTrue(Files.size(picture) > 20_000, "a snapshot of the replaying window was written to " + picture);

        clickOn("#timeline-live");
        waitFor(20, () -> !timeline().replayingProperty().get());
        TrainingSnapshot now = viewModel().lifecycle().snapshotProperty().get();
        float[] liveXs = new float[now.probe().size()];
        for (int i = 0; i < liveXs.length; i++) {
            liveXs[i] = now.probe().encoding().mean(i, 0);
        }
        assertArrayEquals(liveXs, onFx(() -> viewModel().scatter().pointsProperty().get().xs()), "live again");
        assertFalse(lookup("#timeline").query().getStyleClass().contains("replaying"));
    }

    @Test
    void trainingWaitsWhileTheScrubberIsDraggedAndGoesOnWhenItIsLetGo() throws Exception {
        Stage stage = asOnAProjector();
        clickOn("#train");
        waitFor(60, () -> timeline().countProperty().get() > 40);
        Node thumb = lookup("#timeline-scrubber .thumb").query();
        Bounds track = onFx(() -> lookup("#timeline-scrubber .track").query().localToScreen(
                lookup("#timeline-scrubber .track").query().getBoundsInLocal()));
        drag(thumb, MouseButton.PRIMARY).moveTo(new Point2D(track.getMinX() + track.getWidth() / 3, track.getCenterY()));
        waitFor(20, () -> viewModel().lifecycle().snapshotProperty().get().iterationsPerSecond() == 0);
        long held = onFx(() -> viewModel().lifecycle().snapshotProperty().get().iteration());
        Thread.sleep(300);
        assertEquals(held, (long) onFx(() -> viewModel().lifecycle().snapshotProperty().get().iteration()),
                "no step while the thumb is held");
        assertEquals(TrainerState.RUNNING, onFx(() -> viewModel().lifecycle().stateProperty().get()), "held, not paused");
        String caption = lookup("#timeline-caption").queryAs(Label.class).getText();
        assertTrue(caption.startsWith("Iteration ") && caption.endsWith(" · training waits"), caption);
        Path picture = Path.of("target", "ui", "timeline-held.png");
        onFx(() -> {
            app.view().writePng(stage.getScene().getRoot(), picture);
            return null;
        });

        release(MouseButton.PRIMARY);
        waitFor(20, () -> viewModel().lifecycle().snapshotProperty().get().iteration() > held + 20);
        assertFalse(lookup("#timeline-caption").queryAs(Label.class).getText().contains("training waits"));
        assertTrue(onFx(() -> timeline().replayingProperty().get()), "the replay stays where it was let go");
    }

    @Test
    void aReplayOfAnEarlyMomentAt1280By720ShowsItInEveryViewWithTheChartsCursor() throws Exception {
        Stage stage = asOnAProjector();
        trainAndPause(EPOCHS);
        waitFor(60, () -> timeline().timeline().entry(timeline().countProperty().get() - 1).iteration()
                == viewModel().lifecycle().snapshotProperty().get().iteration());

        Node thumb = lookup("#timeline-scrubber .thumb").query();
        Bounds track = onFx(() -> lookup("#timeline-scrubber .track").query().localToScreen(
                lookup("#timeline-scrubber .track").query().getBoundsInLocal()));
        drag(thumb, MouseButton.PRIMARY).moveTo(new Point2D(track.getMinX() + track.getWidth() * ALONG,
                track.getCenterY())).release(MouseButton.PRIMARY);
        waitFor(20, () -> timeline().momentProperty().get() != null && timeline().momentProperty().get().entry()
                == timeline().timeline().entry(timeline().positionProperty().get()));
        int position = onFx(() -> timeline().positionProperty().get());
        int count = onFx(() -> timeline().countProperty().get());
        assertEquals(ALONG, position / (double) (count - 1), 0.05, position + " of " + count + " moments");
        long iteration = onFx(() -> timeline().timeline().entry(position).iteration());
        long trained = onFx(() -> viewModel().lifecycle().snapshotProperty().get().iteration());
        assertTrue(iteration > 0 && iteration < trained / 4, "an early moment: iteration " + iteration + " of " + trained);
        TimelineFrame stored = timeline().timeline().frame(position);
        assertArrayEquals(stored.ys(), onFx(() -> viewModel().scatter().pointsProperty().get().ys()));
        assertArrayEquals(stored.grid().intensities(), onFx(() -> viewModel().manifold().imagesProperty().get().pixels()));
        assertArrayEquals(stored.samples().intensities(), onFx(() -> viewModel().samples().samplesProperty().get().pixels()));
        assertEquals(iteration, (long) onFx(() -> viewModel().loss().cursorProperty().get()), "the chart's cursor");
        Node cursor = lookup("#loss-cursor").query();
        Bounds plotArea = onFx(() -> lookup("#loss-chart .plot-area").query().localToScene(
                lookup("#loss-chart .plot-area").query().getBoundsInLocal()));
        double cursorX = onFx(() -> cursor.localToScene(cursor.getBoundsInLocal()).getCenterX());
        assertTrue(onFx(cursor::isVisible) && cursorX > plotArea.getMinX() && cursorX < plotArea.getMaxX(),
                "the cursor at " + cursorX + " lies over the plot, " + plotArea);

        Node status = lookup("#status").query();
        assertTrue(onFx(() -> status.localToScene(status.getBoundsInLocal()).getMaxY() <= stage.getScene().getHeight()),
                "the status line is on the screen, under the timeline");
        Node key = lookup("#scatter-key").query();
        Node scatterCard = lookup("#scatter").query();
        assertTrue(onFx(() -> key.localToScene(key.getBoundsInLocal()).getMaxX()
                <= scatterCard.localToScene(scatterCard.getBoundsInLocal()).getMaxX() + 0.5),
                "the key's every class lies inside the scatter's view");

        Path picture = Path.of("target", "ui", "timeline-replay.png");
        onFx(() -> {
            app.view().writePng(stage.getScene().getRoot(), picture);
            return null;
        });
        assertTrue(Files.size(picture) > 50_000, "a picture of the replaying window was written to " + picture);
    }
}
