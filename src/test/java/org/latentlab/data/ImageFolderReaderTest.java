package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    @TempDir
    Path folder;

    private final ImageFolderReader reader = ImageFolderReader.defaults();

    /** A black disc on white paper, as a scan of a drawing would be. */
    private static BufferedImage blackDisc(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(Color.BLACK);
        g.fillOval(side / 4, side / 4, side / 2, side / 2);
        g.dispose();
        return image;
    }

    /** A white square on black, the MNIST look already. */
    private static BufferedImage whiteSquare(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(side / 4, side / 4, side / 2, side / 2);
        g.dispose();
        return image;
    }

    private static BufferedImage uniformGray(int width, int height, int value) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        return image;
    }

    private static Path save(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String format = file.toString().endsWith(".png") ? "png" : "jpg";
        assertTrue(ImageIO.write(image, format, file.toFile()), "no writer for " + format);
        return file;
    }

    @Test
    void subFoldersBecomeClassesInAlphabeticalOrder() throws IOException {
        for (int i = 0; i < 3; i++) {
            save(whiteSquare(40 + i), folder.resolve("squares/s" + i + ".png"));
        }
        for (int i = 0; i < 2; i++) {
            save(blackDisc(56), folder.resolve("Discs/d" + i + ".PNG"));
        }
        Files.writeString(folder.resolve("Discs/notes.txt"), "not a picture, not read");

        Dataset set = reader.read(folder);

        assertEquals(5, set.size());
        assertEquals(28, set.width());
        assertEquals(28, set.height());
        assertEquals(List.of("Discs", "squares"), set.classNames());
        assertEquals(List.of(0, 0, 1, 1, 1),
                List.of(set.label(0), set.label(1), set.label(2), set.label(3), set.label(4)));
        assertArrayEqualsCount(new int[] {2, 3}, set.labelCounts());
    }

    private static void assertArrayEqualsCount(int[] expected, int[] actual) {
        assertEquals(List.of(expected[0], expected[1]), List.of(actual[0], actual[1]));
    }

    @Test
    void invertsDarkInkOnLightPaperSoThatInkIsBright() throws IOException {
        save(blackDisc(56), folder.resolve("disc.png"));

        float[] image = reader.read(folder).image(0);

        assertEquals(0f, image[0], 1e-6f, "corner: paper becomes 0");
        assertEquals(1f, image[14 * 28 + 14], 1e-6f, "centre: ink becomes 1");
        // The disc of diameter 28 in 56 covers pi/16 of the image.
        assertEquals(Math.PI / 16, mean(image), 0.01);
    }

    @Test
    void keepsBrightInkOnDarkBackgroundAsItIs() throws IOException {
        save(whiteSquare(56), folder.resolve("square.png"));

        float[] image = reader.read(folder).image(0);

        assertEquals(0f, image[0], 1e-6f);
        assertEquals(1f, image[14 * 28 + 14], 1e-6f);
        assertEquals(0.25, mean(image), 1e-5, "the square covers a quarter, exactly on pixel edges");
    }

    @Test
    void inversionCanBeForcedEitherWay() throws IOException {
        save(whiteSquare(28), folder.resolve("square.png"));

        float always = new ImageFolderReader(28, InkInversion.ALWAYS).read(folder).image(0)[0];
        float never = new ImageFolderReader(28, InkInversion.NEVER).read(folder).image(0)[0];

        assertEquals(1f, always);
        assertEquals(0f, never);
    }

    @Test
    void looseImagesWithoutSubFoldersAreUnlabelledAndResizedToTheChosenSize() throws IOException {
        save(uniformGray(30, 30, 51), folder.resolve("a.png"));
        save(uniformGray(7, 7, 51), folder.resolve("b.png"));

        Dataset set = new ImageFolderReader(16, InkInversion.NEVER).read(folder);

        assertEquals(2, set.size());
        assertFalse(set.hasLabels());
        assertEquals(16, set.width());
        for (int i = 0; i < 2; i++) {
            for (float v : set.image(i)) {
                assertEquals(0.2f, v, 1e-6f, "gray 51 stays 51/255 = 0.2 when shrunk and when enlarged");
            }
        }
    }

    @Test
    void subFoldersWithoutPicturesAreNoClasses() throws IOException {
        Files.createDirectories(folder.resolve("thumbnails"));
        save(whiteSquare(28), folder.resolve("loose.png"));

        Dataset set = reader.read(folder);

        assertEquals(1, set.size());
        assertFalse(set.hasLabels());
    }

    @Test
    void areaAveragingTurnsAFineCheckerboardIntoMidGray() {
        BufferedImage checker = new BufferedImage(56, 56, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 56; x++) {
                checker.getRaster().setSample(x, y, 0, (x + y) % 2 == 0 ? 255 : 0);
            }
        }

        float[] image = new ImageFolderReader(28, InkInversion.NEVER).toInk(checker);

        for (float v : image) {
            assertEquals(0.5f, v, 1e-6f);
        }
    }

    @Test
    void padsAWideImageToASquareWithItsBackground() {
        BufferedImage wide = new BufferedImage(56, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = wide.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 56, 28);
        g.setColor(Color.BLACK);
        g.fillRect(4, 12, 48, 4);
        g.dispose();

        float[] image = new ImageFolderReader(28, InkInversion.AUTO).toInk(wide);

        // 56×28 padded to 56×56 (14 rows above and below), halved: the ink, rows 12..15 and columns
        // 4..51, lands on output rows 13..14 and columns 2..25.
        assertEquals(0f, image[0]);
        assertEquals(1f, image[13 * 28 + 5], 1e-6f);
        assertEquals(1f, image[14 * 28 + 20], 1e-6f);
        assertEquals(0f, image[12 * 28 + 5], 1e-6f);
        assertEquals(0f, image[13 * 28 + 1], 1e-6f);
        assertEquals(48.0 / 784, mean(image), 1e-5);
    }

    @Test
    void readsJpegAndTransparentPng() throws IOException {
        save(blackDisc(28), folder.resolve("disc.jpg"));
        BufferedImage transparent = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = transparent.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(7, 7, 14, 14);
        g.dispose();
        save(transparent, folder.resolve("ink-on-nothing.png"));

        Dataset set = reader.read(folder);

        assertEquals(2, set.size());
        assertEquals(1f, set.image(0)[14 * 28 + 14], 0.05f, "JPEG disc centre");
        assertEquals(0f, set.image(1)[0], 1e-6f, "transparent counts as paper");
        assertEquals(1f, set.image(1)[14 * 28 + 14], 1e-6f, "black ink");
    }

    @Test
    void namesAFileThatIsNotAReadableImage() throws IOException {
        save(whiteSquare(28), folder.resolve("good/one.png"));
        Path broken = folder.resolve("good/broken.png");
        Files.writeString(broken, "this is text, not a PNG");

        DatasetException e = assertThrows(DatasetException.class, () -> reader.read(folder));

        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("is not a readable image"), e.getMessage());
    }

    @Test
    void reportsAFolderWithoutImagesAndTheAcceptedExtensions() throws IOException {
        Files.writeString(folder.resolve("readme.txt"), "no pictures here");
        Files.createDirectories(folder.resolve("empty-class"));

        DatasetException e = assertThrows(DatasetException.class, () -> reader.read(folder));

        assertTrue(e.getMessage().contains("No images found in " + folder), e.getMessage());
        assertTrue(e.getMessage().contains(".png, .jpg, .jpeg"), e.getMessage());
        assertTrue(e.getMessage().endsWith("or the IDX files train-images-idx3-ubyte and train-labels-idx1-ubyte"
                + " (either may end in .gz)"), e.getMessage());
    }

    @Test
    void reportsAMissingFolder() {
        Path missing = folder.resolve("nowhere");

        DatasetException e = assertThrows(DatasetException.class, () -> reader.read(missing));

        assertEquals("Image folder not found: " + missing, e.getMessage());
    }

    @Test
    void rejectsSizesOutsideOneTo1024() {
        assertThrows(IllegalArgumentException.class, () -> new ImageFolderReader(0, InkInversion.AUTO));
        assertThrows(IllegalArgumentException.class, () -> new ImageFolderReader(1025, InkInversion.AUTO));
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
