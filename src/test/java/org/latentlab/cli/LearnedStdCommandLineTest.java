package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.cli.CommandLineTest.Result;

/** {@code --decoder-std learned…} on the command line: the epoch lines, the history and the figure. */
class LearnedStdCommandLineTest {

    @TempDir
    Path folder;

    @Test
    void aLearnedStdIsPrintedEachEpochKeptInTheHistoryAndDrawn() throws IOException {
        Path images = CommandLineTest.tinyDigits(folder);
        Path run = folder.resolve("run");
        Result trained = CommandLineTest.cli("train", "--dataset", images.toString(), "--decoder", "gaussian",
                "--decoder-std", "learned-per-pixel:0.2", "--epochs", "2", "--hidden", "32", "--out", run.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().startsWith("Training a VAE 784-32-2 with σ learned per pixel from 0.2 on tiny"),
                trained.out());
        List<String> epochs = trained.out().lines().filter(l -> l.startsWith("epoch")).toList();
        assertTrue(epochs.get(1).matches(".*  σ 0\\.\\d{4}–0\\.\\d{4}, mean 0\\.\\d{4}"), epochs.get(1));
        List<String> iterations = Files.readAllLines(run.resolve("iterations.csv"));
        assertTrue(iterations.get(0).endsWith(",decoder_std_mean,decoder_std_min,decoder_std_max"), iterations.get(0));
        assertEquals(1 + 2 * 3, iterations.size()); // the header, then 2 passes of 3 batches over 360 images

        Path png = folder.resolve("std.png");
        Result drawn = CommandLineTest.cli("render", "--run", run.toString(), "--figure", "decoder-std", "--out",
                png.toString());
        assertEquals(0, drawn.code(), drawn.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 600, "width " + image.getWidth());
    }

    @Test
    void theBernoulliDecoderHasNoStdToLearnAndAFixedStdNoFigure() throws IOException {
        Path images = CommandLineTest.tinyDigits(folder);
        Result bernoulli = CommandLineTest.cli("train", "--dataset", images.toString(), "--decoder-std", "learned",
                "--epochs", "1", "--out", folder.resolve("b").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, bernoulli.code());
        assertEquals("latent-lab: a learned σ belongs to the Gaussian decoder (--decoder gaussian): the bernoulli decoder"
                + " has no σ, each pixel's variance p(1 − p) follows from its mean", bernoulli.err().trim());
        Path fixed = folder.resolve("fixed");
        assertEquals(0, CommandLineTest.cli("train", "--dataset", images.toString(), "--decoder", "gaussian",
                "--decoder-std", "0.3", "--epochs", "1", "--hidden", "16", "--out", fixed.toString()).code());
        assertEquals("latent-lab: the decoder-std figure does not apply: this decoder's σ was fixed at 0.3 (learn it"
                + " with --decoder-std learned)", CommandLineTest.cli("render", "--run", fixed.toString(), "--figure",
                "decoder-std", "--out", folder.resolve("x.png").toString()).err().trim());
    }
}
