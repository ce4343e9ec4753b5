package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process killed (SIGKILL, as {@code kill -9}) at seeded random moments while it saves a model
 * over and over: every time, the file loads and is one whole version, the last one saved or the one
 * being saved; the temporary files that kills leave are never read as the model and go with the
 * next save or load.
 *
 * <p>A kill leaves whatever the process had written in the operating system's page cache, so this
 * checks that the file is replaced atomically, not what a power failure does.
 */
class KilledDuringSaveTest {

    private static final int KILLS = 12;

    @TempDir
    Path folder;

    @Test
    void aProcessKilledWhileSavingAlwaysLeavesAWholeModelFile() throws Exception {
        Path target = folder.resolve(RunFile.FILE_NAME);
        SplittableRandom random = new SplittableRandom(20_261_113);
        int killedMidSave = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = start(target);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            AtomicInteger lastSaved = new AtomicInteger();
            Thread reader = readLines(child, lines, lastSaved);
            String first = lines.poll(60, TimeUnit.SECONDS);
            assertNotNull(first, "the child saved once within a minute");
            Thread.sleep(random.nextInt(5, 400));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join(TimeUnit.SECONDS.toMillis(30));

            killedMidSave += leftovers().isEmpty() ? 0 : 1;
            SavedRun loaded = RunFile.load(target);
            long version = loaded.state().steps();
            assertTrue(version >= lastSaved.get() && version <= lastSaved.get() + 1,
                    "kill " + kill + ": the file is version " + version + ", the child had saved " + lastSaved.get());
            assertEquals("version-" + version, loaded.datasetSpec());
            assertEquals(version, loaded.iterations().size());
            for (float weight : loaded.state().parameters()) {
                assertEquals(version, weight, 0f, "kill " + kill + ": one version, whole");
            }
            assertEquals(List.of(), leftovers(), "loading removed what the killed save left");
        }
        assertTrue(killedMidSave > 0, "at least one of the " + KILLS + " kills came in the middle of a save");
    }

    private static Process start(Path target) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RepeatedSaves.class.getName(), target.toString());
        builder.redirectErrorStream(true);
        return builder.start();
    }

    /** Reads the child's lines into {@code lines}, keeping the last version it reported saved. */
    private static Thread readLines(Process child, BlockingQueue<String> lines, AtomicInteger lastSaved) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("saved ")) {
                        lastSaved.set(Integer.parseInt(line.substring(6)));
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child was killed mid-line
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }
}
