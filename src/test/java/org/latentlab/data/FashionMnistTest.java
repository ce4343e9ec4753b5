package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @TempDir
    Path folder;

    @Test
    void readsTheDebianPackageAsSeventyThousandImagesInTenClasses() {
        assumeTrue(FashionMnist.isInstalled(), "dataset-fashion-mnist is not installed");

        Dataset fashion = FashionMnist.load();

        assertEquals(70_000, fashion.size());
        assertEquals(28, fashion.width());
        assertEquals(28, fashion.height());
        assertEquals(FashionMnist.CLASS_NAMES, fashion.classNames());
        assertEquals("Ankle boot", fashion.classNames().get(9));
        assertArrayEquals(new int[] {7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000},
                fashion.labelCounts());
        // The first training image is an ankle boot, the first test image (index 60,000) too;
        // the second test image is a pullover (label bytes 09 02 in t10k-labels).
        assertEquals(9, fashion.label(0));
        assertEquals(9, fashion.label(60_000));
        assertEquals(2, fashion.label(60_001));
        float[] image = fashion.image(0);
        for (float v : image) {
            assertTrue(v >= 0f && v <= 1f);
        }
    }

    @Test
    void saysHowToGetItWhenTheDebianFolderIsMissing() {
        assumeFalse(FashionMnist.isInstalled(), "dataset-fashion-mnist is installed");

        DatasetException e = assertThrows(DatasetException.class, FashionMnist::load);

        assertTrue(e.getMessage().contains("/usr/share/datasets/fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("sudo apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void saysHowToGetItWhenAGivenFolderDoesNotExist() {
        Path missing = folder.resolve("no-such-folder");

        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.load(missing));

        assertTrue(e.getMessage().contains("there is no folder " + missing), e.getMessage());
        assertTrue(e.getMessage().contains("sudo apt-get install dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte, train-labels-idx1-ubyte, "
                + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void namesTheFilesAnIncompleteFolderLacks() {
        writeFourFiles(folder);
        folder.resolve("t10k-labels-idx1-ubyte.gz").toFile().delete();

        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.load(folder));

        assertTrue(e.getMessage().contains("incomplete in " + folder + ": it lacks t10k-labels-idx1-ubyte"),
                e.getMessage());
        assertEquals(List.of("t10k-labels-idx1-ubyte"), TrainTestIdxFolder.missingFiles(folder));
    }

    @Test
    void concatenatesTrainingThenTestFiles() {
        writeFourFiles(folder);

        Dataset set = FashionMnist.load(folder);

        assertEquals(5, set.size());
        assertEquals(FashionMnist.CLASS_NAMES, set.classNames());
        assertEquals(List.of(3, 1, 4, 9, 0), List.of(set.label(0), set.label(1), set.label(2), set.label(3),
                set.label(4)));
        // Training pixels 0..11 then test pixels 100..107 (2×2 images).
        assertEquals(0f, set.image(0)[0]);
        assertEquals(11 / 255f, set.image(2)[3]);
        assertEquals(100 / 255f, set.image(3)[0]);
        assertEquals(107 / 255f, set.image(4)[3]);
    }

    @Test
    void findsTheFourFilesPlainGzippedOrWithADot() {
        writeFourFiles(folder);
        Path other = folder.resolveSibling(folder.getFileName() + "-dotted");
        IdxFileWriter.write(other.resolve("train-images.idx3-ubyte"), IdxFileWriter.images(1, 1, 1, new byte[1]));
        IdxFileWriter.write(other.resolve("train-labels.idx1-ubyte"), IdxFileWriter.labels(0));
        IdxFileWriter.write(other.resolve("t10k-images-idx3-ubyte"), IdxFileWriter.images(1, 1, 1, new byte[1]));
        IdxFileWriter.write(other.resolve("t10k-labels-idx1-ubyte"), IdxFileWriter.labels(1));

        assertTrue(TrainTestIdxFolder.find(folder).isPresent());
        TrainTestIdxFolder dotted = TrainTestIdxFolder.find(other).orElseThrow();
        assertEquals(other.resolve("train-images.idx3-ubyte"), dotted.trainImages());
        Dataset set = dotted.read("dotted", null);
        assertEquals(List.of("0", "1"), set.classNames());
        assertFalse(TrainTestIdxFolder.find(folder.resolve("absent")).isPresent());
    }

    @Test
    void refusesTrainAndTestImagesOfDifferentSizes() {
        writeFourFiles(folder);
        IdxFileWriter.write(folder.resolve("t10k-images-idx3-ubyte.gz"),
                IdxFileWriter.gzip(IdxFileWriter.images(2, 3, 3, new byte[18])));

        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.load(folder));

        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz holds images of 3×3"), e.getMessage());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz holds images of 2×2"), e.getMessage());
    }

    /** Training: 3 images of 2×2, labels 3 1 4; test: 2 images, labels 9 0. */
    private static void writeFourFiles(Path folder) {
        IdxFileWriter.write(folder.resolve("train-images-idx3-ubyte.gz"),
                IdxFileWriter.gzip(IdxFileWriter.images(3, 2, 2, IdxFileWriter.countingPixels(12))));
        IdxFileWriter.write(folder.resolve("train-labels-idx1-ubyte.gz"), IdxFileWriter.gzip(IdxFileWriter.labels(3, 1, 4)));
        byte[] testPixels = new byte[8];
        for (int i = 0; i < 8; i++) {
            testPixels[i] = (byte) (100 + i);
        }
        IdxFileWriter.write(folder.resolve("t10k-images-idx3-ubyte.gz"),
                IdxFileWriter.gzip(IdxFileWriter.images(2, 2, 2, testPixels)));
        IdxFileWriter.write(folder.resolve("t10k-labels-idx1-ubyte.gz"), IdxFileWriter.gzip(IdxFileWriter.labels(9, 0)));
    }
}
