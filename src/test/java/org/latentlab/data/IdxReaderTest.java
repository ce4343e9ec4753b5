package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    @TempDir
    Path folder;

    /** 5 images of 3 rows × 4 columns with pixels 0, 1, 2, ... and labels 2, 0, 1, 2, 0. */
    private static final int COUNT = 5;
    private static final int ROWS = 3;
    private static final int COLUMNS = 4;
    private static final byte[] PIXELS = IdxFileWriter.countingPixels(COUNT * ROWS * COLUMNS);
    private static final int[] LABELS = {2, 0, 1, 2, 0};

    private Path writeImages(String name, boolean gzip) {
        byte[] data = IdxFileWriter.images(COUNT, ROWS, COLUMNS, PIXELS);
        return IdxFileWriter.write(folder.resolve(name), gzip ? IdxFileWriter.gzip(data) : data);
    }

    private Path writeLabels(String name, boolean gzip) {
        byte[] data = IdxFileWriter.labels(LABELS);
        return IdxFileWriter.write(folder.resolve(name), gzip ? IdxFileWriter.gzip(data) : data);
    }

    @ParameterizedTest(name = "gzip = {0}")
    @ValueSource(booleans = {false, true})
    void readsBackWhatWasWritten(boolean gzip) {
        Path images = writeImages("images.idx", gzip);
        Path labels = writeLabels("labels.idx", gzip);

        Dataset set = IdxReader.read(images, labels);

        assertEquals(COUNT, set.size());
        assertEquals(COLUMNS, set.width());
        assertEquals(ROWS, set.height());
        assertEquals(List.of("0", "1", "2"), set.classNames());
        for (int i = 0; i < COUNT; i++) {
            assertEquals(LABELS[i], set.label(i));
            float[] image = set.image(i);
            for (int p = 0; p < ROWS * COLUMNS; p++) {
                assertEquals((i * ROWS * COLUMNS + p) / 255f, image[p], 0f, "image " + i + " pixel " + p);
            }
        }
        assertEquals("images.idx", set.name());
    }

    @Test
    void recognisesGzipByContentNotByName() {
        Path images = IdxFileWriter.write(folder.resolve("images.idx"),
                IdxFileWriter.gzip(IdxFileWriter.images(COUNT, ROWS, COLUMNS, PIXELS)));
        Path plainNamedGz = IdxFileWriter.write(folder.resolve("labels.idx.gz"), IdxFileWriter.labels(LABELS));

        Dataset set = IdxReader.read(images, plainNamedGz);

        assertEquals(COUNT, set.size());
        assertEquals(2, set.label(3));
    }

    @Test
    void readsFullBytesAsOne() {
        byte[] pixels = {0, (byte) 128, (byte) 255, 64};
        Path images = IdxFileWriter.write(folder.resolve("x-images"), IdxFileWriter.images(1, 2, 2, pixels));

        float[] image = IdxReader.read(images, null).image(0);

        assertArrayEquals(new float[] {0f, 128 / 255f, 1f, 64 / 255f}, image);
    }

    @Test
    void readsAnUnlabelledSetWithoutLabelsFile() {
        Dataset set = IdxReader.read(writeImages("pictures.idx", false), null);

        assertEquals(COUNT, set.size());
        assertFalse(set.hasLabels());
        assertEquals(Dataset.UNLABELLED, set.label(0));
        assertEquals(List.of(), set.classNames());
    }

    @Test
    void findsLabelsBesideImagesByTheNamingConvention() {
        Path images = writeImages("train-images-idx3-ubyte.gz", true);
        Path labels = writeLabels("train-labels-idx1-ubyte", false);

        assertEquals(Optional.of(labels), IdxReader.labelsBeside(images));
        Dataset set = IdxReader.read(images);
        assertTrue(set.hasLabels());
        assertEquals(1, set.label(2));
    }

    @Test
    void findsNoLabelsWhenTheNameFollowsNoConvention() {
        Path images = writeImages("digits.bin", false);
        writeLabels("labels.bin", false);

        assertEquals(Optional.empty(), IdxReader.labelsBeside(images));
        assertFalse(IdxReader.read(images).hasLabels());
    }

    @Test
    void namesClassesWithTheGivenNames() {
        Dataset set = IdxReader.read(writeImages("i", false), writeLabels("l", false), "shapes",
                List.of("circle", "square", "star"));

        assertEquals("shapes", set.name());
        assertEquals(List.of("circle", "square", "star"), set.classNames());
    }

    // ---- bad files: every message names the file and the problem ----

    private DatasetException failureReading(Path images, Path labels) {
        return assertThrows(DatasetException.class, () -> IdxReader.read(images, labels));
    }

    @Test
    void reportsAMissingFile() {
        Path missing = folder.resolve("nowhere-images.idx");

        DatasetException e = failureReading(missing, null);

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void reportsAMissingLabelsFile() {
        Path missing = folder.resolve("nowhere-labels.idx");

        DatasetException e = failureReading(writeImages("i.idx", false), missing);

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void reportsAnEmptyFile() {
        Path empty = IdxFileWriter.write(folder.resolve("empty-images.idx"), new byte[0]);

        DatasetException e = failureReading(empty, null);

        assertTrue(e.getMessage().contains("empty-images.idx"), e.getMessage());
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void reportsAnEmptyGzipFile() {
        Path empty = IdxFileWriter.write(folder.resolve("empty-images.idx.gz"), IdxFileWriter.gzip(new byte[0]));

        DatasetException e = failureReading(empty, null);

        assertTrue(e.getMessage().contains("empty-images.idx.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void reportsAFolderWhereAFileWasExpected() {
        DatasetException e = failureReading(folder, null);

        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void reportsTheMagicNumberFoundAndExpectedWhenLabelsAreGivenAsImages() {
        Path labels = writeLabels("swapped.idx", false);

        DatasetException e = failureReading(labels, null);

        assertTrue(e.getMessage().contains("swapped.idx"), e.getMessage());
        assertTrue(e.getMessage().contains("wrong magic number"), e.getMessage());
        assertTrue(e.getMessage().contains("found 0x00000801 (2049)"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 0x00000803 (2051)"), e.getMessage());
        assertTrue(e.getMessage().contains("looks like an IDX labels file"), e.getMessage());
    }

    @Test
    void reportsAFileThatIsNotIdxAtAll() {
        Path png = IdxFileWriter.write(folder.resolve("picture.png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

        DatasetException e = failureReading(png, null);

        assertTrue(e.getMessage().contains("picture.png"), e.getMessage());
        assertTrue(e.getMessage().contains("found 0x89504E47"), e.getMessage());
        assertTrue(e.getMessage().contains("not an IDX file"), e.getMessage());
    }

    @Test
    void reportsTheWrongDataType() {
        byte[] floats = ByteBuffer.allocate(16 + 4 * 4).putInt(0x00000D03).putInt(1).putInt(2).putInt(2).array();
        Path file = IdxFileWriter.write(folder.resolve("float-images.idx"), floats);

        DatasetException e = failureReading(file, null);

        assertTrue(e.getMessage().contains("float-images.idx"), e.getMessage());
        assertTrue(e.getMessage().contains("found 0x00000D03"), e.getMessage());
        assertTrue(e.getMessage().contains("data type is float (0x0D)"), e.getMessage());
    }

    @ParameterizedTest(name = "gzip = {0}")
    @ValueSource(booleans = {false, true})
    void reportsTruncationWithBytesExpectedAndPresent(boolean gzip) {
        byte[] whole = IdxFileWriter.images(COUNT, ROWS, COLUMNS, PIXELS);
        byte[] cut = Arrays.copyOf(whole, 40);
        Path file = IdxFileWriter.write(folder.resolve("cut-images.idx"), gzip ? IdxFileWriter.gzip(cut) : cut);

        DatasetException e = failureReading(file, null);

        assertTrue(e.getMessage().contains("cut-images.idx"), e.getMessage());
        assertTrue(e.getMessage().contains("is truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 76 bytes (16-byte header and 5 images of 4×3)"), e.getMessage());
        assertTrue(e.getMessage().contains("only 40 are present"), e.getMessage());
    }

    @Test
    void reportsAGzipStreamCutShortWithTheBytesItHeld() {
        byte[] gz = IdxFileWriter.gzip(IdxFileWriter.images(COUNT, ROWS, COLUMNS, PIXELS));
        Path file = IdxFileWriter.write(folder.resolve("cut.gz"), Arrays.copyOf(gz, gz.length - 12));

        DatasetException e = failureReading(file, null);

        assertTrue(e.getMessage().contains("cut.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("ends early"), e.getMessage());
    }

    @Test
    void reportsATruncatedHeader() {
        Path file = IdxFileWriter.write(folder.resolve("stub.idx"), new byte[] {0, 0, 8, 3, 0, 0});

        DatasetException e = failureReading(file, null);

        assertTrue(e.getMessage().contains("stub.idx is truncated: expected 16 bytes (header) but only 6"),
                e.getMessage());
    }

    @Test
    void reportsCountsThatDiffer() {
        Path images = writeImages("five-images.idx", false);
        Path labels = IdxFileWriter.write(folder.resolve("four-labels.idx"), IdxFileWriter.labels(0, 1, 0, 1));

        DatasetException e = failureReading(images, labels);

        assertTrue(e.getMessage().contains("counts differ"), e.getMessage());
        assertTrue(e.getMessage().contains("five-images.idx holds 5 images"), e.getMessage());
        assertTrue(e.getMessage().contains("four-labels.idx holds 4 labels"), e.getMessage());
    }

    @Test
    void reportsALabelWithoutAClassName() {
        Path images = writeImages("i.idx", false);
        Path labels = writeLabels("l.idx", false);

        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.read(images, labels, "two classes", List.of("a", "b")));

        assertTrue(e.getMessage().contains("l.idx"), e.getMessage());
        assertTrue(e.getMessage().contains("label 2 of image 0 is out of range"), e.getMessage());
        assertTrue(e.getMessage().contains("labels 0..1 (a, b)"), e.getMessage());
    }

    @Test
    void reportsAHeaderWithNoImages() {
        Path file = IdxFileWriter.write(folder.resolve("none.idx"), IdxFileWriter.images(0, 28, 28, new byte[0]));

        DatasetException e = failureReading(file, null);

        assertTrue(e.getMessage().contains("none.idx holds no images"), e.getMessage());
    }

    @Test
    void readsTheEmbeddedFilesFromTheWorkingCopyToo() throws Exception {
        Path images = Path.of("datasets/mnist-10k/images-idx3-ubyte.gz");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(images), "run from the project folder");

        Dataset set = IdxReader.read(images);

        assertEquals(10_000, set.size());
        assertTrue(set.hasLabels(), "labels-idx1-ubyte.gz found beside images-idx3-ubyte.gz");
        assertEquals(9, set.label(9999));
    }
}
