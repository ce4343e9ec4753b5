package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.TestDatasets;

/** The timeline in the run file: exact round trips, old files, and damaged entries refused. */
class TimelineRunFileTest {

    @TempDir
    Path folder;

    private static TrainingSession recorded(int latentSize, int epochs) {
        TrainingSession session = TimelineRecordingTest.session(latentSize);
        session.recordTimeline(Runnable::run);
        for (int e = 0; e < epochs; e++) {
            session.trainEpoch();
        }
        return session;
    }

    @Test
    void theTimelineComesBackExactlyAndGoesOnWhenTrainingContinues() throws IOException {
        for (int latentSize : new int[] {1, 2, 3}) {
            TrainingSession session = recorded(latentSize, 2);
            Path file = folder.resolve("run-" + latentSize + ".latentlab");
            RunFile.save(session.toSavedRun("bars"), file);
            SavedRun loaded = RunFile.load(file);
            assertEquals(session.timeline(), loaded.timeline(), latentSize + "-D");
            TimelineFrame before = session.timeline().frame(4);
            TimelineFrame after = loaded.timeline().frame(4);
            assertArrayEquals(before.xs(), after.xs());
            assertArrayEquals(before.grid().levels(), after.grid().levels());
            assertArrayEquals(before.plane().direction(1), after.plane().direction(1), 0);

            TrainingSession resumed = TrainingSession.resume(TestDatasets.bars(96, 1), TestDatasets.bars(20, 2), loaded);
            resumed.recordTimeline(Runnable::run);
            resumed.trainEpoch();
            assertEquals(10, resumed.timeline().size(), "0…6 saved, then 7, 8, 9");
            assertEquals(session.timeline().entry(6), resumed.timeline().entry(6));
        }
    }

    @Test
    void aRunFileFromBeforeTimelinesOpensWithAnEmptyOne() throws Exception {
        Path old = Path.of(TimelineRunFileTest.class.getResource("run-version-1.latentlab").toURI());
        assertTrue(RunFile.load(old).timeline().isEmpty());
    }

    @Test
    void aRunWithoutATimelineWritesNoTimelineEntryAndStartsOneWhereItGoesOn() throws IOException {
        TrainingSession session = TimelineRecordingTest.session(2);
        session.trainEpoch();
        Path file = folder.resolve("plain.latentlab");
        RunFile.save(session.toSavedRun("bars"), file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertNull(zip.getEntry(TimelineFile.ENTRY_NAME));
        }
        SavedRun loaded = RunFile.load(file);
        assertTrue(loaded.timeline().isEmpty());
        TrainingSession resumed = TrainingSession.resume(TestDatasets.bars(96, 1), TestDatasets.bars(20, 2), loaded);
        resumed.recordTimeline(Runnable::run);
        resumed.trainEpoch();
        assertEquals(List.of(3L, 4L, 5L, 6L), resumed.timeline().entries().stream().map(TimelineEntry::iteration).toList());
    }

    /** The saved run's zip entries with {@code timeline.bin} replaced by {@code timeline}. */
    private Path withTimeline(byte[] timeline) throws IOException {
        Path file = folder.resolve("good.latentlab");
        RunFile.save(recorded(2, 1).toSavedRun("bars"), file);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        entries.put(TimelineFile.ENTRY_NAME, timeline);
        Path changed = folder.resolve("changed.latentlab");
        try (OutputStream out = Files.newOutputStream(changed); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return changed;
    }

    /** A timeline header for 20 bars of 4×4 in 2-D, then {@code count} and what follows. */
    private static byte[] header(int count, Consumer body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x4c4c544c);
        out.writeInt(1);
        for (int v : new int[] {20, 2, 4, 4, 15, 12, 0, count}) {
            out.writeInt(v);
        }
        body.accept(out);
        return bytes.toByteArray();
    }

    private interface Consumer {
        void accept(DataOutputStream out) throws IOException;
    }

    private String refusal(byte[] timeline) throws IOException {
        Path file = withTimeline(timeline);
        return assertThrows(RunFileException.class, () -> RunFile.load(file)).getMessage();
    }

    @Test
    void aDamagedTimelineIsRefusedWithWhatIsWrongBeforeAnythingLargeIsMade() throws IOException {
        assertTrue(refusal(header(1_000_000, out -> { })).endsWith("timeline.bin holds 1000000 entries thinned 0 times;"
                + " at most 400 entries are read"));
        assertTrue(refusal(header(1, out -> {
            out.writeLong(0);
            out.writeInt(0);
            out.writeDouble(0);
            out.writeDouble(1);
            out.writeDouble(1e-3);
            out.writeInt(Integer.MAX_VALUE);
        })).contains("timeline.bin entry 1 holds 2147483647 bytes; its layout allows at most"));
        assertTrue(refusal(header(1, out -> {
            out.writeLong(99);
            out.writeInt(0);
            out.writeDouble(0);
            out.writeDouble(1);
            out.writeDouble(1e-3);
            out.writeInt(0);
        })).contains("timeline.bin entry 1 is at iteration 99, after -1 and within the run's 3 steps expected"));
        assertTrue(refusal(header(1, out -> {
            out.writeLong(0);
            out.writeInt(0);
            out.writeDouble(0);
            out.writeDouble(1);
            out.writeDouble(1e-3);
            out.writeInt(3);
            out.write(new byte[] {1, 2, 3});
        })).contains("timeline.bin entry 1 (iteration 0): an entry is damaged"));
        assertTrue(refusal(header(2, out -> { })).contains("timeline.bin ends early"));
        String otherImages = refusal(Arrays.copyOf(header(0, out -> { }), 48));
        assertTrue(otherImages.contains("is damaged"), otherImages);
    }
}
