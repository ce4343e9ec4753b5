package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineFigureTest {

    private static final int ITERATIONS = 1_000;

    /** Moment {@code at}: three points at (x, x), a 4 × 4 grid and 12 samples of 4×4 images, all of {@code level}. */
    private static TimelineFigureData.Moment moment(long at, float x, float level) {
        float[] grid = new float[16 * 16];
        Arrays.fill(grid, level);
        float[] samples = new float[12 * 16];
        Arrays.fill(samples, level);
        ScatterData points = new ScatterData(new float[] {x, x, x}, new float[] {x, x, x}, new int[] {0, 1, 0},
                List.of("row", "column"));
        return new TimelineFigureData.Moment("iteration " + at, at, points, "z₁", "z₂",
                new GrayscaleImages(grid, 4, 4), 4, 4, new GrayscaleImages(samples, 4, 4));
    }

    private static LossHistoryData losses() {
        float[] total = new float[ITERATIONS];
        float[] reconstruction = new float[ITERATIONS];
        float[] kl = new float[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            reconstruction[i] = 500f / (1 + i / 50f);
            kl[i] = 5;
            total[i] = reconstruction[i] + kl[i];
        }
        return LossHistoryData.training(total, reconstruction, kl);
    }

    /** How wide the loss curves are, beside the scatter's legend. */
    private static int lossWidth(int figureWidth, TimelineFigureData.Moment moment) {
        return TimelineFigure.lossWidth(FigureCanvas.forMeasuring(), figureWidth, Scatter.legendFor(moment.scatter(), true, null));
    }

    /** The x of every run of orange pixels along row {@code y}, left to right. */
    private static List<Integer> orangeAlong(BufferedImage image, int y) {
        List<Integer> found = new ArrayList<>();
        for (int x = 0; x < image.getWidth(); x++) {
            if (Pixels.distance(Pixels.at(image, x, y), Palette.MOMENT) < 40
                    && (found.isEmpty() || x > found.get(found.size() - 1) + 3)) {
                found.add(x);
            }
        }
        return found;
    }

    @Test
    void momentsStandSideBySideOverTheLossesMarkedAtEach() {
        List<TimelineFigureData.Moment> moments = List.of(moment(0, 0.2f, 0f), moment(100, 1f, 0.5f),
                moment(900, -3f, 1f));
        BufferedImage image = new TimelineFigure().draw(new TimelineFigureData(
                FigureLabels.titled("Training replayed"), moments, losses()));
        int width = 2 * TimelineFigure.MARGIN + 3 * TimelineFigure.PANEL + 2 * TimelineFigure.GAP;
        assertEquals(width, image.getWidth());

        int top = FigureCanvas.headerHeight(FigureLabels.titled("Training replayed")) + 8;
        int gridTop = top + TimelineFigure.TITLE_HEIGHT + TimelineFigure.PANEL + TimelineFigure.GAP;
        for (int c = 0; c < 3; c++) {
            int centre = TimelineFigure.MARGIN + c * (TimelineFigure.PANEL + TimelineFigure.GAP) + TimelineFigure.PANEL / 2;
            assertEquals(new float[] {0, 0.5f, 1}[c] * 255, Pixels.brightness(Pixels.at(image, centre, gridTop + 20)), 1,
                    "column " + c + "'s grid");
        }

        // The scatters share axes fitted to the farthest point, ±3 → the prior's ±3 at least.
        Scatter shared = new Scatter().withSize(TimelineFigure.PANEL, TimelineFigure.PANEL).withRange(-3, 3)
                .withPriorContours(true).withLegend(false);
        PlotAxes scatterAxes = shared.axes(moments.get(2).scatter(), new FigureLabels(null, "z₁", "z₂", null));
        int thirdLeft = TimelineFigure.MARGIN + 2 * (TimelineFigure.PANEL + TimelineFigure.GAP);
        double px = thirdLeft + scatterAxes.x().toPixel(-3 + 0.2);
        double py = top + TimelineFigure.TITLE_HEIGHT + scatterAxes.y().toPixel(-3 + 0.2);
        assertTrue(Pixels.brightness(Pixels.at(image, thirdLeft + scatterAxes.x().toPixel(-3),
                top + TimelineFigure.TITLE_HEIGHT + scatterAxes.y().toPixel(-3))) < 200,
                "the third moment's points at (−3, −3), the corner of the shared axes");
        assertTrue(Pixels.brightness(Pixels.at(image, px + 30, py - 30)) > 200, "and nothing beside them");

        LossCurves curves = new LossCurves().withSize(lossWidth(width, moments.get(0)), TimelineFigure.LOSS_HEIGHT);
        PlotAxes lossAxes = curves.axes(losses(), FigureLabels.titled(null));
        int lossTop = image.getHeight() - TimelineFigure.MARGIN - TimelineFigure.LOSS_HEIGHT;
        List<Integer> marks = orangeAlong(image, lossTop + (int) lossAxes.area().getCenterY());
        assertEquals(3, marks.size(), "a mark at each moment: " + marks);
        long[] at = {0, 100, 900};
        for (int i = 0; i < 3; i++) {
            assertEquals(TimelineFigure.MARGIN + lossAxes.x().toPixel(at[i]), marks.get(i), 2.5, "mark " + (i + 1));
        }
    }

    @Test
    void aReplayFrameShowsOneMomentWithItsMarkOnSharedAxes() {
        TimelineFigure.Frames frames = new TimelineFigure().frames(losses(), 4);
        BufferedImage first = frames.draw(moment(100, 1f, 0.5f));
        BufferedImage second = frames.draw(moment(900, 1f, 1f));
        assertEquals(first.getWidth(), second.getWidth());
        assertEquals(first.getHeight(), second.getHeight());
        int gridLeft = TimelineFigure.MARGIN + TimelineFigure.PANEL + TimelineFigure.GAP;
        int gridTop = TimelineFigure.MARGIN + TimelineFigure.TITLE_HEIGHT;
        assertEquals(127.5, Pixels.brightness(Pixels.at(first, gridLeft + 200, gridTop + 200)), 1);
        assertEquals(255, Pixels.brightness(Pixels.at(second, gridLeft + 200, gridTop + 200)), 1);
        LossCurves curves = new LossCurves().withSize(lossWidth(first.getWidth(), moment(0, 0, 0)),
                TimelineFigure.LOSS_HEIGHT);
        PlotAxes lossAxes = curves.axes(losses(), FigureLabels.titled(null));
        int row = first.getHeight() - TimelineFigure.MARGIN - TimelineFigure.LOSS_HEIGHT
                + (int) lossAxes.area().getCenterY();
        assertEquals(TimelineFigure.MARGIN + lossAxes.x().toPixel(100), orangeAlong(first, row).get(0), 2.5);
        assertEquals(1, orangeAlong(first, row).size(), "one moment, one mark");
        assertEquals(TimelineFigure.MARGIN + lossAxes.x().toPixel(900), orangeAlong(second, row).get(0), 2.5);
    }

    @Test
    void anAnimatedGifLoopsForeverAndKeepsItsGreys() throws Exception {
        TimelineFigure.Frames frames = new TimelineFigure().frames(losses(), 4);
        List<BufferedImage> drawn = List.of(frames.draw(moment(0, 0, 0)), frames.draw(moment(100, 1, 32f / 63)),
                frames.draw(moment(900, 2, 1)));
        Path file = Files.createTempDirectory("gif").resolve("replay.gif");
        assertEquals(3, AnimatedGif.write(file, drawn.iterator(), 70));
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            BufferedImage second = reader.read(1);
            int gridLeft = TimelineFigure.MARGIN + TimelineFigure.PANEL + TimelineFigure.GAP;
            int gridTop = TimelineFigure.MARGIN + TimelineFigure.TITLE_HEIGHT;
            assertEquals(drawn.get(1).getRGB(gridLeft + 200, gridTop + 200) & 0xffffff,
                    second.getRGB(gridLeft + 200, gridTop + 200) & 0xffffff, "a grey of the timeline's levels stays exact");
            assertEquals(Color.WHITE, new Color(second.getRGB(0, 0)));
            IIOMetadataNode tree = (IIOMetadataNode) reader.getImageMetadata(0)
                    .getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode loop = (IIOMetadataNode) tree.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
            assertEquals(0, ((byte[]) loop.getUserObject())[1], "loops forever");
            IIOMetadataNode control = (IIOMetadataNode) tree.getElementsByTagName("GraphicControlExtension").item(0);
            assertEquals("7", control.getAttribute("delayTime"));
        } finally {
            reader.dispose();
        }
    }
}
