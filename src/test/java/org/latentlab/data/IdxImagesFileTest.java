package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxImagesFileTest {

    @TempDir
    Path folder;

    @Test
    void imagesAreWrittenAsMnistsBytesAndReadBackByTheIdxReader() throws IOException {
        Path file = folder.resolve("out-images-idx3-ubyte");
        float[] pixels = {0f, 1f, 0.5f, 0.2f, -0.3f, 1.7f, 127.4f / 255, 127.6f / 255};
        IdxImagesFile.write(file, pixels, 2, 2, 2);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, 16);
        assertArrayEquals(new int[] {0x803, 2, 2, 2},
                new int[] {header.getInt(), header.getInt(), header.getInt(), header.getInt()});
        byte[] expected = {0, (byte) 255, (byte) 128, 51, 0, (byte) 255, 127, (byte) 128};
        byte[] written = new byte[8];
        System.arraycopy(bytes, 16, written, 0, 8);
        assertArrayEquals(expected, written);
        Dataset read = IdxReader.read(file);
        assertEquals(2, read.size());
        assertEquals(2, read.width());
        assertFalse(read.hasLabels());
        assertArrayEquals(new float[] {0f, 1f, 128 / 255f, 51 / 255f}, read.image(0), 0f);
    }
}
