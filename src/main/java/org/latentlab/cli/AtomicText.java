package org.latentlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A text file written whole or not at all: into a temporary file beside it, then renamed over it. */
final class AtomicText {

    /** What goes into the file. */
    interface Contents {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicText() {
    }

    /** @throws UncheckedIOException naming {@code target} if it cannot be written */
    static void write(Path target, Contents contents) {
        try {
            Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".partial");
            try {
                try (Writer writer = Files.newBufferedWriter(temporary)) {
                    contents.writeTo(writer);
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
    }
}
