package org.latentlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.latentlab.io.AtomicFile;

/** A UTF-8 text file written whole or not at all, through {@link AtomicFile}, for the commands. */
final class AtomicText {

    private AtomicText() {
    }

    /** @throws UncheckedIOException naming {@code target} if it cannot be written */
    static void write(Path target, AtomicFile.Text contents) {
        try {
            AtomicFile.writeText(target, contents);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
    }
}
