package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.latent.LatentPlane;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.Encoding;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/** A session records what the views show at the moments its schedule keeps, exactly. */
class TimelineRecordingTest {

    /** 96 bars in batches of 32 (3 iterations an epoch), 20 held out, the model of {@code latentSize}. */
    static TrainingSession session(int latentSize) {
        ModelConfig model = TestDatasets.smallModel(ModelKind.VAE, latentSize);
        return new TrainingSession(TestDatasets.bars(96, 1), TestDatasets.bars(20, 2), model,
                new TrainingConfig(2e-3, 32, 0, new BetaSchedule.Constant(1), LossTerms.COMBINED, 4));
    }

    /** Each recorded pixel is the decoded one at the nearest of the timeline's 64 levels, shown in 8 bits. */
    private static void assertImagesWithinALevel(float[] decoded, TimelineImages recorded) {
        assertEquals(decoded.length, recorded.levels().length);
        float[] shown = recorded.intensities();
        for (int i = 0; i < decoded.length; i++) {
            assertEquals(Math.max(0, Math.min(1, decoded[i])), shown[i], 0.5 / 63 + 0.5 / 255, "pixel " + i);
        }
    }

    @Test
    void eachEpochRecordsTheDueMomentsWithWhatTheViewsShowThen() {
        TrainingSession session = session(2);
        session.recordTimeline(Runnable::run);
        session.runEpoch();
        session.runEpoch();
        TrainingTimeline timeline = session.timeline();
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L),
                timeline.entries().stream().map(TimelineEntry::iteration).toList());
        TimelineEntry last = timeline.entry(6);
        assertEquals(2, last.epoch());
        assertEquals(0, last.epochProgress());
        assertEquals(2e-3, last.learningRate());
        assertEquals(1, last.beta());
        assertEquals(new TimelineLayout(20, 2, 4, 4, 15, 12), timeline.layout());

        TimelineFrame frame = timeline.frame(6);
        ProbeSet probe = session.encodeProbe(); // the model as it was at iteration 6
        Encoding codes = probe.encoding();
        for (int i = 0; i < 20; i++) {
            assertEquals(codes.mean(i, 0), frame.xs()[i], 0f, "the scatter's x of image " + i);
            assertEquals(codes.mean(i, 1), frame.ys()[i], 0f);
        }
        assertEquals(LatentPlane.firstTwoAxes(2).isPrincipal(), frame.plane().isPrincipal());
        assertImagesWithinALevel(session.model().decode(timeline.layout().grid().points(2, 0, 1), 225), frame.grid());
        int[] strip = probe.oneOfEachClass(12);
        float[] means = new float[24];
        for (int k = 0; k < 12; k++) {
            means[2 * k] = codes.mean(strip[k], 0);
            means[2 * k + 1] = codes.mean(strip[k], 1);
        }
        assertImagesWithinALevel(session.model().decode(means, 12), frame.reconstructions());
        assertImagesWithinALevel(session.model().decode(PriorSamples.draw(12, 2, 7), 12), frame.samples());
        assertTrue(timeline.bytes() < 7 * timeline.layout().entryBytes(), "packed: " + timeline.bytes() + " bytes");
    }

    @Test
    void framesAreStoredWhileCapturesWaitAndCompressedWhenTheWorkerHasNoneLeft() {
        TrainingSession session = session(2);
        Deque<Runnable> handedOver = new ArrayDeque<>();
        session.recordTimeline(handedOver::addLast); // the worker runs a task when the test says so
        session.step();
        session.step(); // iterations 0, 1 and 2 are captured and wait
        assertEquals(3, handedOver.size());

        handedOver.removeFirst().run();
        TrainingTimeline one = session.timeline();
        long stored = one.entry(0).bytes();
        assertTrue(stored > TimelineFrame.unpackedLength(one.layout(), false),
                "two captures still wait, so the first frame stays stored: " + stored + " bytes");
        TimelineFrame frame = one.frame(0);

        handedOver.removeFirst().run();
        handedOver.removeFirst().run(); // none waits now: every frame is compressed
        TrainingTimeline all = session.timeline();
        assertEquals(List.of(0L, 1L, 2L), all.entries().stream().map(TimelineEntry::iteration).toList());
        for (TimelineEntry entry : all.entries()) {
            assertTrue(entry.bytes() < 0.75 * stored, "iteration " + entry.iteration() + ": " + entry.bytes() + " bytes");
        }
        TimelineFrame compressed = all.frame(0);
        assertArrayEquals(frame.xs(), compressed.xs(), 0f);
        assertArrayEquals(frame.ys(), compressed.ys(), 0f);
        assertArrayEquals(frame.grid().levels(), compressed.grid().levels());
        assertArrayEquals(frame.samples().levels(), compressed.samples().levels());
    }

    @Test
    void stepsUndoneAfterADivergenceLeaveTheTimelineAndAreRecordedAgain() {
        TrainingSession session = session(2);
        session.recordTimeline(Runnable::run);
        session.step();
        TrainingSession.Checkpoint atOne = session.checkpoint();
        TimelineEntry first = session.timeline().entry(1);
        session.step();
        session.step();
        assertEquals(4, session.timeline().size());
        session.restore(atOne);
        assertEquals(List.of(0L, 1L), session.timeline().entries().stream().map(TimelineEntry::iteration).toList());
        assertEquals(first, session.timeline().entry(1));
        session.step();
        assertEquals(List.of(0L, 1L, 2L), session.timeline().entries().stream().map(TimelineEntry::iteration).toList());
    }

    @Test
    void whereTrainingStopsIsRecordedOutOfTurnAndTheScheduleGoesOnFromThere() {
        TrainingSession session = session(2);
        session.recordTimeline(Runnable::run);
        for (int i = 0; i < 100; i++) {
            session.step();
        }
        assertEquals(99, session.timeline().entry(session.timeline().size() - 1).iteration(), "…, 96, 99 kept");
        session.recordTimelineNow();
        session.recordTimelineNow();
        assertEquals(List.of(96L, 99L, 100L), session.timeline().entries().subList(80, 83).stream()
                .map(TimelineEntry::iteration).toList(), "100 once, where training stopped");
        for (int i = 0; i < 3; i++) {
            session.step();
        }
        assertEquals(103, session.timeline().entry(83).iteration(), "the next a gap of 100 / 32 later");
    }

    @Test
    void aLatentSpaceOfMoreThanTwoDimensionsIsRecordedOnItsPrincipalPlane() {
        TrainingSession session = session(3);
        session.recordTimeline(Runnable::run);
        session.trainEpoch();
        TimelineFrame frame = session.timeline().frame(3);
        assertTrue(frame.plane().isPrincipal());
        Encoding codes = session.encodeProbe().encoding();
        float[] onPlane = frame.plane().project(codes.means(), 20);
        for (int i = 0; i < 20; i++) {
            assertEquals(onPlane[2 * i], frame.xs()[i], 0f);
            assertEquals(onPlane[2 * i + 1], frame.ys()[i], 0f);
        }
        assertEquals(225, frame.grid().count(), "a 15 × 15 grid on the plane");
    }

    @Test
    void aTrainerRecordsEveryDueStepAndStartsAgainOnReset() throws InterruptedException {
        try (Trainer trainer = new Trainer(() -> session(2))) {
            for (int i = 0; i < 5; i++) {
                trainer.step();
            }
            Predicate<TrainingTimeline> allFive = t -> t.size() == 6;
            TrainingTimeline timeline = Awaiting.until(trainer::timeline, allFive);
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L),
                    timeline.entries().stream().map(TimelineEntry::iteration).toList());
            trainer.train();
            Awaiting.until(trainer::timeline, t -> t.size() > 80);
            trainer.pause();
            trainer.reset();
            TrainingTimeline reset = Awaiting.until(trainer::timeline, t -> t.size() == 1);
            assertEquals(0, reset.entry(0).iteration(), "a reset starts a new timeline");
            assertArrayEquals(timeline.frame(0).xs(), reset.frame(0).xs(), "from the same first weights");
        }
    }
}
