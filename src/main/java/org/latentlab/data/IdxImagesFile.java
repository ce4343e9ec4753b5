package org.latentlab.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.latentlab.io.AtomicFile;

/**
 * Writes images as an IDX images file, exactly as MNIST's {@code train-images-idx3-ubyte}: the
 * magic number 0x00000803 (unsigned bytes, three dimensions), the image count, rows and columns as
 * big-endian 32-bit integers, then one unsigned byte per pixel, row after row, 0 for paper to 255
 * for ink. {@link IdxReader} reads it back. Written whole or not at all ({@link AtomicFile}).
 */
public final class IdxImagesFile {

    private IdxImagesFile() {
    }

    /**
     * Writes {@code count} images of {@code rows × columns} intensities in [0, 1] (each rounded to
     * the nearest of 0, 1/255, …, 1; values outside are clipped) to {@code target}.
     *
     * @throws IOException naming the file, if it cannot be written; a file already there is unchanged
     */
    public static void write(Path target, float[] pixels, int count, int rows, int columns) throws IOException {
        if (count < 0 || rows < 1 || columns < 1 || pixels.length != (long) count * rows * columns) {
            throw new IllegalArgumentException(pixels.length + " pixels are not " + count + " images of " + rows + "×"
                    + columns);
        }
        byte[] bytes = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            bytes[i] = (byte) Math.round(255 * Math.min(1f, Math.max(0f, pixels[i])));
        }
        AtomicFile.write(target, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(IdxReader.IMAGES_MAGIC);
            data.writeInt(count);
            data.writeInt(rows);
            data.writeInt(columns);
            data.write(bytes);
            data.flush();
        });
    }
}
