package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngFileTest {

    @TempDir
    Path folder;

    private static BufferedImage picture(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAReadablePngInNewFoldersAndLeavesNoTemporaryFile() throws IOException {
        Path file = folder.resolve("figures/week 3/manifold.png");
        PngFile.write(picture(30, 20, 0x336699), file);

        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(30, back.getWidth());
        assertEquals(20, back.getHeight());
        assertEquals(0x336699, back.getRGB(7, 11) & 0xFFFFFF);
        assertEquals(List.of("manifold.png"), namesIn(file.getParent()));
    }

    @Test
    void replacesAnExistingFigure() throws IOException {
        Path file = folder.resolve("loss.png");
        PngFile.write(picture(10, 10, 0xFF0000), file);
        PngFile.write(picture(12, 8, 0x00FF00), file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(12, back.getWidth());
        assertEquals(0x00FF00, back.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(List.of("loss.png"), namesIn(folder));
    }

    @Test
    void aFailureNamesThePathAndLeavesNothingBehind() throws IOException {
        Path notAFolder = folder.resolve("notes.txt");
        Files.writeString(notAFolder, "a file where a folder should be");
        Path file = notAFolder.resolve("scatter.png");
        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> PngFile.write(picture(4, 4, 0), file));
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
        assertEquals(List.of("notes.txt"), namesIn(folder));

        Path folderInTheWay = folder.resolve("taken.png");
        Files.createDirectory(folderInTheWay);
        Files.writeString(folderInTheWay.resolve("keep.txt"), "x");
        UncheckedIOException blocked = assertThrows(UncheckedIOException.class,
                () -> PngFile.write(picture(4, 4, 0), folderInTheWay));
        assertTrue(blocked.getMessage().contains(folderInTheWay.toString()), blocked.getMessage());
        assertEquals(List.of("notes.txt", "taken.png"), namesIn(folder), "the temporary file is removed");
    }

    @Test
    void theFigureIsAsReadableAsAnyNewFile() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path ordinary = Files.createFile(folder.resolve("ordinary.txt"));
        Path figure = folder.resolve("figure.png");
        PngFile.write(picture(4, 4, 0), figure);
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(figure));
    }
}
