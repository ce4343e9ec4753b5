package org.latentlab.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a file so that it is either entirely the old one or entirely the new one, never half
 * written: the contents go to a temporary file beside the target, named
 * {@code .NAME.<16 hex digits>.partial}, which is forced to disk and then renamed over the target.
 *
 * <p>What is promised:
 * <ul>
 *   <li>When {@link #write} returns, the target holds the new contents, forced to disk, and the
 *       rename is forced too where the system allows it (Linux, macOS).</li>
 *   <li>When {@link #write} throws, the target is as it was (the old file, or none) and the
 *       temporary file is gone; the message says so.</li>
 *   <li>If the process dies in the middle (killed, or the JVM exits while another thread is still
 *       writing, or the power fails), the target is still the old file or the new one, whole: the
 *       rename is atomic on one file system (after a power failure, on file systems that keep
 *       the order of a forced write and a rename, as ext4, XFS, APFS and NTFS do). The temporary
 *       file may then be left behind. Nothing reads it as the target, and the next write of the
 *       same target, or {@link #removeLeftovers}, deletes it. A temporary file that a live writer
 *       holds (it locks the file while writing) is never deleted.</li>
 * </ul>
 * On a file system that cannot rename atomically (some network shares) the file is replaced by an
 * ordinary move, and a crash during that move can lose the old file.
 *
 * <p>The temporary file is created with the default permissions (not {@code createTempFile}'s
 * owner-only ones), so the result is as readable as any file the user makes.
 */
public final class AtomicFile {

    private static final String SUFFIX = ".partial";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,16}");

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
     * Replaces {@code target} with what {@code contents} writes, creating missing parent folders,
     * after deleting temporary files that earlier writes of the target left behind.
     *
     * @throws IOException if the folder cannot be made or the file cannot be written; the old file
     *                     is then untouched, and the message ends by saying so
     */
    public static void write(Path target, Contents contents) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        removeLeftovers(absolute);
        Path temporary = folder.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + SUFFIX);
        boolean existed = Files.exists(absolute);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
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
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException(reason + (existed ? "; the file that was there is unchanged" : "; no file was made"), e);
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceFolder(folder);
    }

    /**
     * Deletes the temporary files that writes of {@code target} left behind when their process
     * died, keeping any that a live writer holds. Best effort: a file that cannot be deleted (a
     * read-only folder) stays, harmlessly.
     */
    public static void removeLeftovers(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        String prefix = "." + absolute.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, file -> isLeftover(file, prefix))) {
            for (Path file : files) {
                deleteUnlessHeld(file);
            }
        } catch (IOException e) {
            // no folder, or one we may not list: nothing to clean up here
        }
    }

    private static boolean isLeftover(Path file, String prefix) {
        String name = file.getFileName().toString();
        return name.startsWith(prefix) && name.endsWith(SUFFIX)
                && HEX.matcher(name.substring(prefix.length(), name.length() - SUFFIX.length())).matches();
    }

    private static void deleteUnlessHeld(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock != null) {
                Files.deleteIfExists(file);
            }
        } catch (OverlappingFileLockException | IOException e) {
            // held by a writer in this process, or gone already, or not ours to delete
        }
    }

    /** Forces the folder's entries (the rename) to disk where the system allows it. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel: there the rename is as durable as the system makes it
        }
    }
}
