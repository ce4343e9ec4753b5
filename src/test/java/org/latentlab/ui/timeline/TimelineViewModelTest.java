package org.latentlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.TestDatasets;
import org.latentlab.model.Encoding;
import org.latentlab.model.ModelKind;
import org.latentlab.training.TimelineFrame;
import org.latentlab.training.SavedRun;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainingSession;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.training.TrainingTimeline;
import org.latentlab.ui.Pulses;
import org.latentlab.ui.explorer.ExplorerSetup;
import org.latentlab.ui.explorer.ExplorerViewModel;
import org.latentlab.ui.explorer.TrainerFactory;
import org.latentlab.ui.loss.LossChartViewModel;

/** Scrubbing the explorer's view-model through a recorded timeline, without a toolkit. */
class TimelineViewModelTest {

    private static final class BarsFactory implements TrainerFactory {
        @Override
        public Trainer create(ExplorerSetup setup) {
            return new Trainer(() -> new TrainingSession(TestDatasets.bars(256, 1), TestDatasets.bars(64, 2),
                    TestDatasets.smallModel(setup.kind(), setup.latentSize()), setup.trainingConfig()));
        }

        @Override
        public Opened open(SavedRun run) {
            throw new UnsupportedOperationException();
        }
    }

    private final ExplorerViewModel viewModel = new ExplorerViewModel(new BarsFactory(), Runnable::run, Runnable::run);
    private final TimelineViewModel timeline = viewModel.timeline();

    @AfterEach
    void close() {
        viewModel.close();
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        Pulses.until(what, viewModel::pulse, condition, viewModel.lifecycle().statusProperty()::get);
    }

    /** A model trained 20 steps, paused, its 21 moments recorded and shown live. */
    private void trainedTwentySteps() throws InterruptedException {
        viewModel.start(new ExplorerSetup("bars", ModelKind.VAE, 2, 32, 7, 1, ExplorerSetup.Schedule.CONSTANT, 1e-3));
        await("a model", () -> viewModel.lifecycle().trainer() != null);
        for (int i = 0; i < 20; i++) {
            viewModel.step();
        }
        await("20 steps and 21 moments", () -> viewModel.lifecycle().snapshotProperty().get().iteration() == 20
                && timeline.countProperty().get() == 21 && viewModel.manifold().imagesProperty().get() != null
                && viewModel.samples().samplesProperty().get() != null);
    }

    @Test
    void scrubbingToAMomentShowsWhatWasRecordedThenAndLiveGoesBack() throws InterruptedException {
        trainedTwentySteps();
        assertEquals("Live · 21 moments of training recorded: drag to replay them", timeline.captionProperty().get());
        float[] liveXs = viewModel.scatter().pointsProperty().get().xs();
        TrainingTimeline recorded = timeline.timeline();

        timeline.scrubTo(5);
        await("moment 5 shown", () -> timeline.momentProperty().get() != null);
        assertTrue(timeline.replayingProperty().get());
        assertEquals("Replaying iteration 5 · epoch 1 · β 1.00 · moment 6 of 21", timeline.captionProperty().get());
        TimelineFrame frame = recorded.frame(5);
        assertArrayEquals(frame.xs(), viewModel.scatter().pointsProperty().get().xs(), "the scatter shows the stored points");
        assertArrayEquals(frame.ys(), viewModel.scatter().pointsProperty().get().ys());
        assertArrayEquals(frame.grid().intensities(), viewModel.manifold().imagesProperty().get().pixels(),
                "the grid shows the stored images");
        assertEquals(15, viewModel.manifold().imagesProperty().get().columns());
        assertArrayEquals(frame.samples().intensities(), viewModel.samples().samplesProperty().get().pixels());
        assertArrayEquals(frame.reconstructions().intensities(),
                viewModel.samples().reconstructionsProperty().get().pixels());
        assertEquals(5, viewModel.loss().cursorProperty().get(), "the loss chart's cursor is on iteration 5");
        assertTrue(viewModel.loss().readoutProperty().get().startsWith("At iteration 5, mean of the last 5 iterations"),
                viewModel.loss().readoutProperty().get());
        assertTrue(viewModel.manifold().captionProperty().get().startsWith("The grid as decoded at the moment replayed: 15 × 15"));

        timeline.step(-5);
        await("moment 0 shown", () -> timeline.momentProperty().get().entry().iteration() == 0);
        assertArrayEquals(recorded.frame(0).xs(), viewModel.scatter().pointsProperty().get().xs());

        viewModel.step(); // training goes on under the replay
        await("21 steps", () -> viewModel.lifecycle().snapshotProperty().get().iteration() == 21
                && timeline.countProperty().get() == 22);
        assertArrayEquals(recorded.frame(0).xs(), viewModel.scatter().pointsProperty().get().xs(), "the replay stays");
        assertEquals(21, viewModel.loss().seriesProperty().get().size(), "the chart follows training");

        timeline.live();
        viewModel.pulse();
        assertNull(timeline.momentProperty().get());
        assertEquals(LossChartViewModel.NO_CURSOR, viewModel.loss().cursorProperty().get());
        TrainingSnapshot now = viewModel.lifecycle().snapshotProperty().get();
        Encoding codes = now.probe().encoding();
        for (int i = 0; i < 64; i++) {
            assertEquals(codes.mean(i, 0), viewModel.scatter().pointsProperty().get().xs()[i], 0f, "live again");
        }
        assertFalse(Arrays.equals(liveXs, viewModel.scatter().pointsProperty().get().xs()), "a step later");
        await("the live grid decoded again", () -> !viewModel.manifold().captionProperty().get().startsWith("The grid as"));
    }

    private long frame;

    /** Pulses the timeline as {@code seconds} of frames at 60 a second would, after one more frame. */
    private void frames(double seconds) {
        for (long end = frame + Math.round(seconds * 60); frame <= end; frame++) {
            timeline.pulse(1_000_000_000L + Math.round(frame * 1e9 / 60));
        }
        frame--;
    }

    @Test
    void playingMovesThroughTheMomentsAtItsSpeedAndStopsAtTheNewest() throws InterruptedException {
        trainedTwentySteps();
        timeline.speedProperty().set(TimelineViewModel.Speed.NORMAL);
        timeline.playOrPause();
        assertTrue(timeline.playingProperty().get());
        assertEquals(0, timeline.positionProperty().get(), "from the start");
        frames(0.2); // at 15 moments a second
        assertEquals(3, timeline.positionProperty().get());
        frames(1);
        assertEquals(18, timeline.positionProperty().get());
        timeline.playOrPause();
        frames(1);
        assertEquals(18, timeline.positionProperty().get(), "paused");
        timeline.playOrPause();
        frames(1);
        assertEquals(20, timeline.positionProperty().get(), "the newest");
        assertFalse(timeline.playingProperty().get(), "stops there");
        assertTrue(timeline.replayingProperty().get());
    }

    @Test
    void theReplayExportsAsALoopingGifAndAsPngFiles(@TempDir Path folder) throws Exception {
        trainedTwentySteps();
        Path gif = folder.resolve("training.gif");
        viewModel.exportReplay(gif, true);
        assertEquals("Wrote the replay, 21 moments, to " + gif, viewModel.lifecycle().statusProperty().get());
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(21, reader.getNumImages(true), "a frame per moment");
            BufferedImage last = reader.read(20);
            assertTrue(last.getWidth() > 800 && last.getHeight() > 800, last.getWidth() + "×" + last.getHeight());
        } finally {
            reader.dispose();
        }

        Path frames = ReplayExport.newFramesFolder(folder);
        assertEquals(folder.resolve("training-replay"), frames);
        viewModel.exportReplay(frames, false);
        try (Stream<Path> files = Files.list(frames)) {
            assertEquals(21, files.filter(f -> f.getFileName().toString().matches("moment-00[0-2][0-9]\\.png")).count());
        }
        assertEquals(folder.resolve("training-replay-2"), ReplayExport.newFramesFolder(folder), "never into the same");
        BufferedImage first = ImageIO.read(frames.resolve("moment-0001.png").toFile());
        BufferedImage later = ImageIO.read(frames.resolve("moment-0021.png").toFile());
        assertEquals(first.getWidth(), later.getWidth());
        assertFalse(Arrays.equals(first.getRGB(0, 0, first.getWidth(), first.getHeight(), null, 0, first.getWidth()),
                later.getRGB(0, 0, later.getWidth(), later.getHeight(), null, 0, later.getWidth())),
                "moments differ");
    }

    @Test
    void resettingTheModelGoesLiveWithItsNewTimeline() throws InterruptedException {
        trainedTwentySteps();
        timeline.scrubTo(10);
        await("moment 10 shown", () -> timeline.momentProperty().get() != null);
        viewModel.reset();
        await("reset", () -> viewModel.lifecycle().snapshotProperty().get().iteration() == 0
                && timeline.countProperty().get() == 1);
        assertFalse(timeline.replayingProperty().get());
        assertEquals(-1, timeline.positionProperty().get());
    }
}
