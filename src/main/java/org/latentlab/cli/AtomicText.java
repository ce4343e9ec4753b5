package org.latentlab.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.latentlab.io.AtomicFile;

/** A UTF-8 text file written whole or not at all, through {@link AtomicFile}. */
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
            AtomicFile.write(target, file -> {
                Writer writer = new OutputStreamWriter(file, StandardCharsets.UTF_8);
                contents.writeTo(writer);
                writer.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
    }
}
