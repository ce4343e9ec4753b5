package org.latentlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path folder;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static AtomicFile.Contents bytes(int count, byte value) {
        return out -> {
            for (int i = 0; i < count; i++) {
                out.write(value);
            }
        };
    }

    @Test
    void aFailedWriteKeepsTheOldFileLeavesNoTemporaryFileAndSaysSo() throws IOException {
        Path target = folder.resolve("model.latentlab");
        AtomicFile.write(target, bytes(1000, (byte) 1));
        IOException full = assertThrows(IOException.class, () -> AtomicFile.write(target,
                out -> bytes(100_000, (byte) 2).writeTo(new DiskFullAfter(out, 50_000))));
        assertEquals("No space left on device; the file that was there is unchanged", full.getMessage());
        assertEquals(1000, Files.size(target));
        assertEquals(1, Files.readAllBytes(target)[999]);
        assertEquals(List.of("model.latentlab"), names());

        Path absent = folder.resolve("new.csv");
        IOException none = assertThrows(IOException.class, () -> AtomicFile.write(absent,
                out -> bytes(10, (byte) 2).writeTo(new DiskFullAfter(out, 5))));
        assertEquals("No space left on device; no file was made", none.getMessage());
        assertEquals(List.of("model.latentlab"), names());
    }

    @Test
    void aTemporaryFileLeftByAProcessThatDiedIsRemovedByTheNextWrite() throws IOException {
        Path target = folder.resolve("model.latentlab");
        AtomicFile.write(target, bytes(10, (byte) 1));
        Files.write(folder.resolve(".model.latentlab.1f2e3d4c5b6a7988.partial"), new byte[5]);
        Files.write(folder.resolve(".other.latentlab.1f2e3d4c5b6a7988.partial"), new byte[5]);
        AtomicFile.write(target, bytes(20, (byte) 2));
        assertEquals(List.of(".other.latentlab.1f2e3d4c5b6a7988.partial", "model.latentlab"), names(),
                "the target's leftover went; another file's stayed");
        assertEquals(20, Files.size(target));
    }

    @Test
    void removingLeftoversSparesATemporaryFileThatALiveWriterHolds() throws IOException {
        Path target = folder.resolve("model.latentlab");
        Path stale = Files.write(folder.resolve(".model.latentlab.00000000000000aa.partial"), new byte[5]);
        Path live = folder.resolve(".model.latentlab.00000000000000bb.partial");
        try (FileChannel writing = FileChannel.open(live, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileLock lock = writing.lock()) {
            AtomicFile.removeLeftovers(target);
            assertTrue(Files.exists(live), "a save still being written is left alone");
            assertTrue(!Files.exists(stale));
        }
        AtomicFile.removeLeftovers(target);
        assertEquals(List.of(), names());
    }
}
