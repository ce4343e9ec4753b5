package org.latentlab.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.latentlab.io.AtomicFile;

/**
 * A PNG file written whole or not at all: the picture goes to a temporary file in the same folder,
 * is flushed to the disk, and is then renamed over the target in one atomic step, so a crash or a
 * full disk never leaves a half-written PNG where a slide expects a figure.
 */
public final class PngFile {


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
        try {
            byte[] png = encode(image);
            AtomicFile.write(path, out -> out.write(png));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PNG " + path + ": " + describe(e), e);
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
