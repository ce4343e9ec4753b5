package org.latentlab.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A PNG file written whole or not at all: the picture goes to a temporary file in the same folder,
 * is flushed to the disk, and is then renamed over the target in one atomic step, so a crash or a
 * full disk never leaves a half-written PNG where a slide expects a figure.
 */
public final class PngFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PngFile() {
    }

    /**
     * Writes {@code image} as a PNG at {@code path}, creating missing parent folders and replacing
     * any file already there.
     *
     * @throws UncheckedIOException naming {@code path} if the folder cannot be made or the file
     *                              cannot be written; no temporary file is left behind
     */
    public static void write(BufferedImage image, Path path) {
        Objects.requireNonNull(image, "image");
        Path target = path.toAbsolutePath().normalize();
        Path folder = target.getParent();
        Path temporary = null;
        try {
            byte[] png = encode(image);
            Files.createDirectories(folder);
            Path candidate = folder.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            // CREATE_NEW rather than Files.createTempFile, whose owner-only permissions would carry
            // over to the PNG: the figure should be as readable as any file the user creates.
            FileChannel opened = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            temporary = candidate;
            try (FileChannel channel = opened) {
                ByteBuffer buffer = ByteBuffer.wrap(png);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PNG " + path + ": " + describe(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The write already failed; the caller hears about that failure, not this one.
                }
            }
        }
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("this Java runtime has no PNG writer for image type " + image.getType());
        }
        return bytes.toByteArray();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null ? kind : kind + " (" + message + ")";
    }
}
