package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --out} to a place that cannot be written says so in one line, before training. */
class OutputFolderTest {

    @TempDir
    Path folder;

    @Test
    void anOutFolderInsideAFileIsRefusedBeforeTraining() throws IOException {
        Path file = Files.writeString(folder.resolve("notes.txt"), "not a folder");
        Path out = file.resolve("run");
        CommandLineTest.Result result = CommandLineTest.cli("train", "--epochs", "1", "--out", out.toString());
        assertEquals(LatentLabCommand.FAILURE, result.code());
        assertEquals("latent-lab: --out " + out + ": cannot make this folder: " + file + " is a file, not a folder."
                + " Give a folder that can be written to.", result.err().strip());
        assertFalse(result.out().contains("Training"), "nothing was trained: " + result.out());
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeTraining() throws IOException {
        Path file = Files.writeString(folder.resolve("model.txt"), "not a folder");
        CommandLineTest.Result result = CommandLineTest.cli("train", "--epochs", "1", "--out", file.toString());
        assertEquals(LatentLabCommand.FAILURE, result.code());
        assertEquals("latent-lab: --out " + file + " is a file, not a folder. Give a folder that can be written to.",
                result.err().strip());
        assertFalse(result.out().contains("Training"), result.out());
    }

    @Test
    void anOutFolderTheSystemWillNotMakeIsRefusedBeforeTraining() {
        Path proc = Path.of("/proc");
        Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")), "a Linux /proc");
        Path out = proc.resolve("latent-lab-run");
        CommandLineTest.Result result = CommandLineTest.cli("train", "--epochs", "1", "--out", out.toString());
        assertEquals(LatentLabCommand.FAILURE, result.code());
        assertEquals("latent-lab: --out " + out + ": cannot make this folder: no such file or folder: " + out
                + ". Give a folder that can be written to.", result.err().strip());
        assertFalse(result.out().contains("Training"), result.out());
    }
}
