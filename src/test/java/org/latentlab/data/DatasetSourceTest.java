package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSourceTest {

    @TempDir
    Path folder;

    @Test
    void knowsTheEmbeddedDigitsByNameInAnyCase() {
        assertInstanceOf(DatasetSource.Mnist.class, DatasetSource.parse("mnist"));
        DatasetSource source = DatasetSource.parse(" MNIST ");

        Dataset set = source.load();

        assertEquals(EmbeddedMnist.SIZE, set.size());
        assertEquals("the embedded MNIST digits (10,000)", source.describe());
    }

    @Test
    void knowsFashionByNameAsTheDebianFolder() {
        DatasetSource source = DatasetSource.parse("fashion");

        assertEquals(new DatasetSource.Fashion(FashionMnist.DEBIAN_FOLDER), source);
    }

    @Test
    void knowsTheSyntheticFacesByNameWithTheirAttributes() {
        DatasetSource source = DatasetSource.parse("Faces");

        assertEquals(new DatasetSource.Faces(SyntheticFaces.DEFAULT_COUNT, SyntheticFaces.DEFAULT_SEED), source);
        assertEquals("20,000 synthetic faces (seed 2016)", source.describe());
        Dataset faces = new DatasetSource.Faces(300, SyntheticFaces.DEFAULT_SEED).load();
        assertEquals(300, faces.size());
        assertEquals(28, faces.width());
        assertEquals(SyntheticFaces.ATTRIBUTE_NAMES, faces.attributes().names());
        assertTrue(DatasetSource.NAMES.contains("faces"));
    }

    @Test
    void anIdxFileFindsItsLabelsBesideIt() {
        Path images = IdxFileWriter.write(folder.resolve("shapes-images-idx3-ubyte"),
                IdxFileWriter.images(2, 1, 1, new byte[] {10, 20}));
        Path labels = IdxFileWriter.write(folder.resolve("shapes-labels-idx1-ubyte"), IdxFileWriter.labels(1, 0));

        DatasetSource source = DatasetSource.parse(images.toString());

        assertEquals(new DatasetSource.IdxFiles(images, labels), source);
        Dataset set = source.load();
        assertEquals(List.of("0", "1"), set.classNames());
        assertEquals(1, set.label(0));
    }

    @Test
    void anIdxFileWithoutLabelsBesideItIsUnlabelled() {
        Path images = IdxFileWriter.write(folder.resolve("pictures.idx"),
                IdxFileWriter.images(2, 1, 1, new byte[] {10, 20}));

        DatasetSource.IdxFiles source = assertInstanceOf(DatasetSource.IdxFiles.class,
                DatasetSource.parse(images.toString()));

        assertNull(source.labels());
        assertEquals(2, source.load().size());
    }

    @Test
    void aFolderOfTheFourIdxFilesIsReadAsTrainAndTest() {
        Path fashionLike = folder.resolve("my-fashion-copy");
        writeFourFiles(fashionLike);
        Path digitsLike = folder.resolve("digits");
        writeFourFiles(digitsLike);

        Dataset fashion = DatasetSource.parse(fashionLike.toString()).load();
        Dataset digits = DatasetSource.parse(digitsLike.toString()).load();

        assertInstanceOf(DatasetSource.IdxFolder.class, DatasetSource.parse(fashionLike.toString()));
        assertEquals(2, fashion.size());
        assertEquals(FashionMnist.CLASS_NAMES, fashion.classNames(), "a folder named *fashion* gets its names");
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7"), digits.classNames());
    }

    @Test
    void aFolderOfOnlyTheTrainingIdxFilesIsReadAsThem() {
        Path plain = folder.resolve("plain");
        IdxFileWriter.write(plain.resolve("train-images-idx3-ubyte"), IdxFileWriter.images(3, 1, 2, new byte[] {1, 2, 3, 4, 5, 6}));
        IdxFileWriter.write(plain.resolve("train-labels-idx1-ubyte"), IdxFileWriter.labels(2, 0, 1));
        Path gzipped = folder.resolve("gzipped");
        IdxFileWriter.write(gzipped.resolve("train-images-idx3-ubyte.gz"),
                IdxFileWriter.gzip(IdxFileWriter.images(2, 1, 1, new byte[] {7, 8})));
        IdxFileWriter.write(gzipped.resolve("train-labels-idx1-ubyte.gz"), IdxFileWriter.gzip(IdxFileWriter.labels(1, 1)));

        DatasetSource source = DatasetSource.parse(plain.toString());
        assertInstanceOf(DatasetSource.IdxFolder.class, source);
        assertEquals("IDX files in " + plain + " (training files only)", source.describe());
        Dataset set = source.load();
        assertEquals(3, set.size());
        assertEquals(2, set.width());
        assertEquals(List.of(2, 0, 1), List.of(set.label(0), set.label(1), set.label(2)));
        assertEquals(6 / 255f, set.image(2)[1]);
        assertEquals(2, DatasetSource.parse(gzipped.toString()).load().size());
    }

    @Test
    void aFolderWithHalfAnIdxPairSaysWhichFileIsMissing() {
        Path half = folder.resolve("half");
        writeFourFiles(half);
        half.resolve("t10k-labels-idx1-ubyte").toFile().delete();
        DatasetException test = assertThrows(DatasetException.class, () -> DatasetSource.parse(half.toString()));
        assertEquals(half + " holds t10k-images-idx3-ubyte but not t10k-labels-idx1-ubyte (either may end in .gz):"
                + " add it, or remove t10k-images-idx3-ubyte to read the training files alone", test.getMessage());

        Path noLabels = folder.resolve("no-labels");
        IdxFileWriter.write(noLabels.resolve("train-images-idx3-ubyte"), IdxFileWriter.images(1, 1, 1, new byte[] {1}));
        DatasetException train = assertThrows(DatasetException.class, () -> DatasetSource.parse(noLabels.toString()));
        assertEquals(noLabels + " holds train-images-idx3-ubyte but not train-labels-idx1-ubyte (either may end in .gz):"
                + " an IDX folder needs both; for unlabelled images give the images file itself", train.getMessage());
    }

    @Test
    void anyOtherFolderIsReadAsPictures() throws IOException {
        Files.createDirectories(folder.resolve("cats"));
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), "png",
                folder.resolve("cats/tom.png").toFile());
        ImageFolderReader small = new ImageFolderReader(8, InkInversion.NEVER);

        DatasetSource source = DatasetSource.parse(folder.toString(), small);

        assertEquals(new DatasetSource.ImageFolder(folder, small), source);
        Dataset set = source.load();
        assertEquals(8, set.width());
        assertEquals(List.of("cats"), set.classNames());
    }

    @Test
    void anUnknownNameListsTheAcceptedValues() {
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetSource.parse("celebrities"));

        assertTrue(e.getMessage().startsWith("Unknown dataset \"celebrities\""), e.getMessage());
        assertTrue(e.getMessage().contains("mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("fashion"), e.getMessage());
        assertTrue(e.getMessage().contains("faces"), e.getMessage());
        assertTrue(e.getMessage().contains("path of an IDX images file"), e.getMessage());
    }

    @Test
    void aPathThatDoesNotExistIsNamed() {
        Path missing = folder.resolve("gone/images.idx");

        DatasetException e = assertThrows(DatasetException.class, () -> DatasetSource.parse(missing.toString()));

        assertTrue(e.getMessage().contains("no file or folder " + missing), e.getMessage());
    }

    @Test
    void anEmptyValueSaysWhatIsAccepted() {
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetSource.parse("  "));

        assertTrue(e.getMessage().startsWith("No dataset given. Accepted: mnist"), e.getMessage());
    }

    /** Train: one 1×1 image, label 7; test: one, label 3. */
    private static void writeFourFiles(Path folder) {
        IdxFileWriter.write(folder.resolve("train-images-idx3-ubyte"), IdxFileWriter.images(1, 1, 1, new byte[] {1}));
        IdxFileWriter.write(folder.resolve("train-labels-idx1-ubyte"), IdxFileWriter.labels(7));
        IdxFileWriter.write(folder.resolve("t10k-images-idx3-ubyte"), IdxFileWriter.images(1, 1, 1, new byte[] {2}));
        IdxFileWriter.write(folder.resolve("t10k-labels-idx1-ubyte"), IdxFileWriter.labels(3));
    }
}
