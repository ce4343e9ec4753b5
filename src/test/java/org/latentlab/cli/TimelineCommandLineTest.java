package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.training.RunFile;
import org.latentlab.training.TimelineFrame;
import org.latentlab.training.TrainingTimeline;

/** {@code train} records a timeline; {@code render --figure timeline} draws chosen moments of it. */
class TimelineCommandLineTest {

    @TempDir
    static Path folder;
    static Path run;
    static CommandLineTest.Result trained;

    @BeforeAll
    static void trainATinyRun() throws Exception {
        Path images = CommandLineTest.tinyDigits(folder);
        run = folder.resolve("run");
        // 360 training images in batches of 50: 8 iterations an epoch, every one of them a moment.
        trained = CommandLineTest.cli("train", "--dataset", images.toString(), "--epochs", "2", "--hidden", "64",
                "--batch", "50", "--seed", "3", "--out", run.toString());
        assertEquals(0, trained.code(), trained.err());
    }

    @Test
    void trainRecordsEveryIterationOfAShortRun() {
        TrainingTimeline timeline = RunFile.load(run.resolve(RunFile.FILE_NAME)).timeline();
        assertEquals(17, timeline.size(), "iterations 0 … 16");
        assertEquals(16, timeline.entry(16).iteration());
        assertEquals(2, timeline.entry(16).epoch());
        assertTrue(trained.out().contains("Recorded a timeline of 17 moments of training"), trained.out());
    }

    @Test
    void theTimelineFigureDrawsTheChosenMomentsSideBySide() throws Exception {
        Path png = folder.resolve("timeline.png");
        CommandLineTest.Result drawn = CommandLineTest.cli("render", "--run", run.toString(), "--figure", "timeline",
                "--at", "0,8,16", "--out", png.toString());
        assertEquals(0, drawn.code(), drawn.err());
        BufferedImage image = ImageIO.read(png.toFile());
        int panel = 420;
        assertEquals(2 * 28 + 3 * panel + 2 * 18, image.getWidth(), "three moments side by side");

        TrainingTimeline timeline = RunFile.load(run.resolve(RunFile.FILE_NAME)).timeline();
        int gridTop = findGridTop(image);
        int[] moments = {0, 8, 16};
        for (int c = 0; c < 3; c++) {
            TimelineFrame frame = timeline.frame(moments[c]);
            float[] grid = frame.grid().intensities();
            int left = 28 + c * (panel + 18);
            for (int[] p : new int[][] {{14, 14}, {200, 100}, {300, 333}, {419, 419}}) {
                int image15 = (p[1] / 28) * 15 + p[0] / 28;
                float expected = grid[image15 * 784 + (p[1] % 28) * 28 + p[0] % 28];
                assertEquals(Math.round(expected * 255), new Color(image.getRGB(left + p[0], gridTop + p[1])).getRed(),
                        "moment " + moments[c] + "'s grid at " + p[0] + ", " + p[1]);
            }
        }
        int rowsWithThree = 0;
        List<Integer> marks = List.of();
        for (int row = image.getHeight() - 400; row < image.getHeight(); row++) {
            List<Integer> found = orangeAlong(image, row);
            if (found.size() == 3) {
                rowsWithThree++;
                marks = found;
            }
        }
        assertTrue(rowsWithThree > 150, "three vertical lines down the loss plot, " + rowsWithThree + " rows");
        assertEquals(marks.get(2) - marks.get(1), marks.get(1) - marks.get(0), 2, "at iterations 0, 8 and 16: " + marks);
    }

    /** Where runs of orange (the marks of moments) start along row {@code y}. */
    private static List<Integer> orangeAlong(BufferedImage image, int y) {
        List<Integer> found = new ArrayList<>();
        for (int x = 0; x < image.getWidth(); x++) {
            Color c = new Color(image.getRGB(x, y));
            boolean orange = Math.abs(c.getRed() - 0xE6) < 30 && Math.abs(c.getGreen() - 0x9F) < 30 && c.getBlue() < 60;
            if (orange && (found.isEmpty() || x > found.get(found.size() - 1) + 3)) {
                found.add(x);
            }
        }
        return found;
    }

    /** The first row of the first column's grid: where the grid's black border starts under the scatter. */
    private static int findGridTop(BufferedImage image) {
        int x = 28 + 210;
        for (int y = 28 + 34 + 420; y < image.getHeight(); y++) {
            if (new Color(image.getRGB(x, y)).getRed() < 250 && new Color(image.getRGB(28, y)).getRed() < 250) {
                return y;
            }
        }
        throw new AssertionError("no grid under the first scatter");
    }

    @Test
    void badMomentsAndRunsWithoutATimelineAreRefusedInOneLine() throws Exception {
        CommandLineTest.Result beyond = CommandLineTest.cli("render", "--run", run.toString(), "--figure", "timeline",
                "--at", "0,99", "--out", folder.resolve("no.png").toString());
        assertEquals(2, beyond.code());
        assertTrue(beyond.err().contains("--at 99 is outside this run's 16 iterations"), beyond.err());

        Path plain = folder.resolve("plain");
        assertEquals(0, CommandLineTest.cli("train", "--dataset", CommandLineTest.tinyDigits(folder).toString(),
                "--epochs", "1", "--hidden", "16", "--batch", "100", "--no-timeline", "--out", plain.toString()).code());
        assertTrue(RunFile.load(plain.resolve(RunFile.FILE_NAME)).timeline().isEmpty());
        CommandLineTest.Result none = CommandLineTest.cli("render", "--run", plain.toString(), "--figure", "timeline",
                "--out", folder.resolve("none.png").toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("holds no timeline: its run was saved by a Latent Lab from before timelines, or"
                + " trained with --no-timeline"), none.err());
    }
}
