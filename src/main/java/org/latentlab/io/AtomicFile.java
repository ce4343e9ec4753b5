package org.latentlab.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that it is either entirely the old one or entirely the new one, never half
 * written: the contents go to a temporary file beside the target, are forced to disk, and the
 * temporary file is then renamed over the target. A failure leaves the old file as it was and no
 * temporary file behind.
 *
 * <p>The temporary file is created with the default permissions (not {@code createTempFile}'s
 * owner-only ones), so the result is as readable as any file the user makes.
 */
public final class AtomicFile {

    /** Writes the new contents to the stream it is given; the stream is closed by {@link #write}. */
    @FunctionalInterface
    public interface Contents {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the new contents as text; the writer is flushed by {@link #writeText}. */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    /** {@link #write} of a UTF-8 text file. */
    public static void writeText(Path target, Text text) throws IOException {
        write(target, file -> {
            Writer writer = new OutputStreamWriter(file, StandardCharsets.UTF_8);
            text.writeTo(writer);
            writer.flush();
        });
    }

    /**
     * Replaces {@code target} with what {@code contents} writes, creating missing parent folders.
     *
     * @throws IOException if the folder cannot be made or the file cannot be written; the old file
     *                     is then untouched
     */
    public static void write(Path target, Contents contents) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".partial");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                contents.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
