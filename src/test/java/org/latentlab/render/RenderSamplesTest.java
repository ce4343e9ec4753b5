package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes a PNG of every figure, drawn from made-up but realistic data, to
 * {@code target/render-samples/} so that anyone can look at what the render package draws, and
 * checks that each holds what it is for: the images' grey levels, every class's colour, every
 * loss curve's colour. A blank or half-drawn figure fails.
 */
class RenderSamplesTest {

    private static Path folder;

    @BeforeAll
    static void makeFolder() {
        folder = Paths.get(System.getProperty("basedir", "."), "target", "render-samples");
    }

    @Test
    void writesTheManifoldAndItsLatentScatter() throws IOException {
        SamplingLattice lattice = SyntheticData.inverseCdfLattice(20);
        BufferedImage manifold = new ImageGrid().draw(ImageGridData.manifold(SyntheticData.manifold(lattice), lattice,
                FigureLabels.titled("What the decoder draws across the latent space")
                        .withNote("20 × 20 points at z = Φ⁻¹(p), p = 0.05 … 0.95, so each cell covers an equal share of the prior")));
        writeAndCheck(manifold, "manifold.png");
        assertImagesDrawn(manifold, "manifold.png");

        SamplingLattice coarse = SyntheticData.inverseCdfLattice(10);
        BufferedImage scatter = new Scatter().withLattice(coarse).draw(SyntheticData.latentBlobs(1_000, 7),
                FigureLabels.titled("Latent means of 10,000 test digits after 50 epochs")
                        .withNote("dashed: the prior N(0, I); crosses: where a 10 × 10 manifold is decoded"));
        writeAndCheck(scatter, "scatter.png");
        assertEveryClassDrawn(scatter, "scatter.png");
    }

    @Test
    void writesAProjectedScatterWithAFixedRange() throws IOException {
        BufferedImage scatter = new Scatter().withRange(-2, 2).withPriorContours(true)
                .draw(SyntheticData.latentBlobs(300, 11),
                        new FigureLabels("A 16-D latent space, seen from its first two principal axes",
                                "first principal component", "second principal component",
                                "PCA projection of a 16-D latent space"));
        writeAndCheck(scatter, "scatter-pca-clipped.png");
        assertEveryClassDrawn(scatter, "scatter-pca-clipped.png");
    }

    @Test
    void writesSamplesAndReconstructions() throws IOException {
        BufferedImage samples = new ImageGrid().withGap(4).draw(ImageGridData.samples(SyntheticData.priorSamples(30, 3), 3, 10,
                FigureLabels.titled("Samples: z ~ N(0, I), decoded")));
        writeAndCheck(samples, "samples.png");
        assertImagesDrawn(samples, "samples.png");

        BufferedImage reconstructions = new Reconstructions().draw(SyntheticData.reconstructions(10, 5),
                FigureLabels.titled("Test digits and their reconstructions").withNote("mean of p(x | z) at z = μ(x)"));
        writeAndCheck(reconstructions, "reconstructions.png");
        assertImagesDrawn(reconstructions, "reconstructions.png");
    }

    @Test
    void writesLossCurvesOnLinearAndLogAxes() throws IOException {
        LossHistoryData run = SyntheticData.vaeRun(23_450, 469, 1);
        FigureLabels labels = FigureLabels.titled("Training a VAE on MNIST: 50 epochs, β = 1");
        BufferedImage linear = new LossCurves().draw(run, labels);
        writeAndCheck(linear, "loss-curves.png");
        assertEveryCurveDrawn(linear, "loss-curves.png");
        BufferedImage log = new LossCurves().withLogScale(true).draw(run, labels.withNote("logarithmic scale"));
        writeAndCheck(log, "loss-curves-log.png");
        assertEveryCurveDrawn(log, "loss-curves-log.png");
        LossHistoryData longRun = SyntheticData.vaeRun(100_000, 2_000, 2);
        BufferedImage longCurves = new LossCurves().draw(longRun, FigureLabels.titled("100,000 iterations"));
        writeAndCheck(longCurves, "loss-curves-100k.png");
        assertEveryCurveDrawn(longCurves, "loss-curves-100k.png");
    }

    /** Decoded images are drawn in shades of grey: many levels, over a good part of the figure. */
    private static void assertImagesDrawn(BufferedImage image, String name) {
        int levels = Pixels.greyLevels(image);
        assertTrue(levels >= 100, name + " holds only " + levels + " grey levels");
        double inked = Pixels.inkedShare(image);
        assertTrue(inked > 0.2, name + ": only " + Math.round(100 * inked) + " % of the figure is not white");
    }

    /** Every one of the ten classes has dots of its colour (alone, over white, or piled up). */
    private static void assertEveryClassDrawn(BufferedImage image, String name) {
        for (int label = 0; label < SyntheticData.DIGITS.size(); label++) {
            Color colour = Palette.classColour(label);
            int dots = Math.max(Pixels.countNear(image, colour, 30),
                    Pixels.countNear(image, Pixels.overWhite(colour, 0.6), 30));
            assertTrue(dots >= 200, name + ": class " + label + " has " + dots + " pixels of its colour");
        }
    }

    /** The reconstruction, KL and held-out curves are each drawn in their colour, as lines, not a legend swatch. */
    private static void assertEveryCurveDrawn(BufferedImage image, String name) {
        for (Color curve : new Color[] {Palette.RECONSTRUCTION, Palette.KL, Palette.VALIDATION}) {
            int pixels = Pixels.countNear(image, curve, 30);
            assertTrue(pixels >= 500, name + ": " + pixels + " pixels of the curve coloured " + curve);
        }
        int dark = Pixels.countNear(image, Palette.TOTAL, 30);
        assertTrue(dark >= 2_000, name + ": " + dark + " pixels of the total's curve, the axes and the text");
    }

    private static void writeAndCheck(BufferedImage image, String name) throws IOException {
        Path file = folder.resolve(name);
        PngFile.write(image, file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertNotNull(back, name + " is not a readable PNG");
        assertEquals(image.getWidth(), back.getWidth());
        assertEquals(image.getHeight(), back.getHeight());
        assertTrue(Files.size(file) > 1_000, name + " is suspiciously small");
    }
}
