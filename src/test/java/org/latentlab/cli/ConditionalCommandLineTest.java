package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.cli.CommandLineTest.Result;
import org.latentlab.data.Dataset;
import org.latentlab.data.IdxImagesFile;
import org.latentlab.data.IdxReader;
import org.latentlab.model.DecoderOutput;
import org.latentlab.model.SnapshotDecoder;
import org.latentlab.latent.PriorSamples;

/** {@code train --model cvae} end to end: sample, the figures, evaluate, and the messages when a class cannot be had. */
class ConditionalCommandLineTest {

    @TempDir
    static Path folder;
    static Path images;
    static Path run;
    static Result trained;

    @BeforeAll
    static void trainATinyConditionalRun() throws IOException {
        images = CommandLineTest.tinyDigits(folder);
        run = folder.resolve("cvae");
        trained = CommandLineTest.cli("train", "--model", "cvae", "--dataset", images.toString(), "--epochs", "2",
                "--hidden", "64", "--batch", "50", "--seed", "3", "--out", run.toString());
        assertEquals(0, trained.code(), trained.err());
    }

    @Test
    void trainNamesTheClassesItConditionsOnAndSavesThemInTheRunFile() throws IOException {
        assertTrue(trained.out().startsWith("Training a conditional VAE 784-64-2 conditioned on 10 classes on tiny"),
                trained.out());
        assertEquals(2, trained.out().lines().filter(l -> l.startsWith("epoch")).count(), trained.out());
        assertEquals(10, RunFolder.load(run).modelConfig().conditionClasses());
    }

    /**
     * The IDX file is MNIST's format byte for byte: a big-endian header 0x803, count, rows,
     * columns, then the pixels; they are the decoder's mean images of class L at z ~ N(0, I) drawn
     * from the seed, rounded to bytes.
     */
    @Test
    void sampleWritesTheMeanImagesOfOneClassAsAnIdxFileThatMnistReadersRead() throws IOException {
        Path idx = folder.resolve("threes-idx3-ubyte");
        Result result = CommandLineTest.cli("sample", "--run", run.toString(), "--label", "3", "--count", "7",
                "--seed", "5", "--out", idx.toString());
        assertEquals(0, result.code(), result.err());
        assertEquals("Wrote 7 mean images of class 3, z ~ N(0, I) with seed 5, to " + idx
                + " (IDX images, unsigned bytes 0-255, 28×28)", result.out().trim());
        byte[] bytes = Files.readAllBytes(idx);
        assertEquals(16 + 7 * 784, bytes.length);
        try (InputStream in = Files.newInputStream(idx); DataInputStream data = new DataInputStream(in)) {
            assertArrayEquals(new int[] {0x803, 7, 28, 28},
                    new int[] {data.readInt(), data.readInt(), data.readInt(), data.readInt()});
        }
        SnapshotDecoder decoder = new SnapshotDecoder(RunFolder.modelOf(RunFolder.load(run)).decoderWeights());
        float[] means = decoder.decode(PriorSamples.draw(7, 2, 5), new int[] {3, 3, 3, 3, 3, 3, 3}, 7,
                DecoderOutput.MEAN);
        Dataset read = IdxReader.read(idx);
        assertEquals(7, read.size());
        for (int i = 0; i < means.length; i++) {
            assertEquals(Math.round(255 * means[i]), bytes[16 + i] & 0xFF, "pixel " + i);
            assertEquals(Math.round(255 * means[i]) / 255f, read.image(i / 784)[i % 784], 1e-6f);
        }
    }

    @Test
    void samplePixelsAreBlackOrWhiteForTheBernoulliDecoderAndAPngIsAGrid() throws IOException {
        Path idx = folder.resolve("binary.idx");
        Result binary = CommandLineTest.cli("sample", "--run", run.toString(), "--label", "0", "--count", "3",
                "--sample-pixels", "--out", idx.toString());
        assertEquals(0, binary.code(), binary.err());
        byte[] bytes = Files.readAllBytes(idx);
        int ink = 0;
        for (int i = 16; i < bytes.length; i++) {
            int value = bytes[i] & 0xFF;
            assertTrue(value == 0 || value == 255, "pixel " + value);
            ink += value == 255 ? 1 : 0;
        }
        assertTrue(ink > 10, ink + " pixels of ink");
        Path png = folder.resolve("grid.png");
        Result grid = CommandLineTest.cli("sample", "--run", run.toString(), "--label", "7", "--count", "25", "--out",
                png.toString());
        assertEquals(0, grid.code(), grid.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 10 * 28 && image.getHeight() > 3 * 28, image.getWidth() + "×" + image.getHeight());
    }

    @Test
    void sampleSaysWhenTheClassIsMissingWrongOrMeaningless() throws IOException {
        Path out = folder.resolve("x.idx");
        assertEquals("latent-lab: a conditional VAE draws one class: add --label L, L in 0..9",
                CommandLineTest.cli("sample", "--run", run.toString(), "--out", out.toString()).err().trim());
        assertEquals("latent-lab: --label 10 is not one of the 10 classes 0..9",
                CommandLineTest.cli("sample", "--run", run.toString(), "--label", "10", "--out", out.toString()).err()
                        .trim());
        assertEquals("latent-lab: --count must be in 1..1,000 for a PNG grid (write an IDX file for more), got 1001",
                CommandLineTest.cli("sample", "--run", run.toString(), "--label", "1", "--count", "1001", "--out",
                        folder.resolve("x.png").toString()).err().trim());
        Path vae = folder.resolve("vae");
        assertEquals(0, CommandLineTest.cli("train", "--dataset", images.toString(), "--epochs", "1", "--hidden", "16",
                "--out", vae.toString()).code());
        Result labelled = CommandLineTest.cli("sample", "--run", vae.toString(), "--label", "3", "--out", out.toString());
        assertEquals("latent-lab: --label does not apply: a VAE reads no class (train a conditional VAE with --model"
                + " cvae)", labelled.err().trim());
        assertEquals(0, CommandLineTest.cli("sample", "--run", vae.toString(), "--count", "2", "--out",
                out.toString()).code());
        assertEquals(2, IdxReader.read(out).size());
        Result conditional = CommandLineTest.cli("render", "--run", vae.toString(), "--figure", "conditional", "--out",
                folder.resolve("c.png").toString());
        assertEquals("latent-lab: the conditional figure does not apply: a VAE reads no class (train a conditional VAE"
                + " with --model cvae)", conditional.err().trim());
    }

    @Test
    void everyFigureOfAConditionalRunIsDrawnOrSaysWhyNot() throws IOException {
        for (List<String> args : List.of(List.of("conditional"), List.of("manifold", "--label", "4", "--grid", "6"),
                List.of("scatter"), List.of("reconstructions"), List.of("samples"), List.of("samples", "--label", "2"),
                List.of("loss"), List.of("attribute", "--attribute", "slant"))) {
            Path png = folder.resolve(args.get(0) + args.size() + ".png");
            List<String> command = new java.util.ArrayList<>(List.of("render", "--run", run.toString(), "--figure"));
            command.addAll(args);
            command.addAll(List.of("--out", png.toString()));
            Result result = CommandLineTest.cli(command.toArray(String[]::new));
            assertEquals(0, result.code(), args + ": " + result.err());
            BufferedImage image = ImageIO.read(png.toFile());
            assertTrue(image.getWidth() > 300 && image.getHeight() > 150, args + " is " + image.getWidth() + "×"
                    + image.getHeight());
        }
        Path png = folder.resolve("x.png");
        assertEquals("latent-lab: a conditional VAE draws one class at a time: add --label L to draw class L across the"
                + " latent space, or see every class with --figure conditional",
                CommandLineTest.cli("render", "--run", run.toString(), "--figure", "manifold", "--out", png.toString())
                        .err().trim());
        assertEquals("latent-lab: a class vector does not apply to a conditional VAE: its decoder reads the class"
                + " beside z, so z need not hold it; draw every class of one z with --figure conditional",
                CommandLineTest.cli("render", "--run", run.toString(), "--figure", "attribute", "--attribute", "3->8",
                        "--out", png.toString()).err().trim());
        assertEquals("latent-lab: the decoder-std figure does not apply: a Bernoulli decoder has no σ",
                CommandLineTest.cli("render", "--run", run.toString(), "--figure", "decoder-std", "--out",
                        png.toString()).err().trim());
    }

    @Test
    void evaluateSaysHowMuchOfTheClassTheCodeHolds() {
        Result result = CommandLineTest.cli("evaluate", "--run", run.toString());
        assertEquals(0, result.code(), result.err());
        String last = result.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("class from the code: ") && last.endsWith(" of the 40 held-out images get their class"
                + " from the 10 nearest training codes (the most common class alone: " + mostCommonShare() + " %)"), last);
    }

    /** The share of the most common class among the tiny set's 40 held-out digits, as evaluate prints it. */
    private static String mostCommonShare() {
        Dataset held = RunFolder.open(run).validation();
        int most = 0;
        for (int count : held.labelCounts()) {
            most = Math.max(most, count);
        }
        return String.format(java.util.Locale.ROOT, "%.1f", 100.0 * most / held.size());
    }

    @Test
    void aConditionalVaeNeedsImagesOfTwoOrMoreClasses() throws IOException {
        Dataset digits = IdxReader.read(images);
        Path unlabelled = folder.resolve("plain-images.idx");
        IdxImagesFile.write(unlabelled, digits.pixels(50), 50, 28, 28);
        Result none = CommandLineTest.cli("train", "--model", "cvae", "--dataset", unlabelled.toString(), "--epochs", "1",
                "--out", folder.resolve("n").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, none.code());
        assertEquals("latent-lab: --model cvae reads each image's class, but " + IdxReader.read(unlabelled).name()
                + " has no labels: give labelled images (mnist, fashion, faces, an IDX file with its labels file, or a"
                + " folder with one sub-folder per class)", none.err().trim());

        Path oneClass = folder.resolve("ones");
        Files.createDirectories(oneClass.resolve("seven"));
        for (int i = 0; i < 20; i++) {
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setSample(5 + i % 10, 14, 0, 255);
            ImageIO.write(image, "png", oneClass.resolve("seven").resolve(i + ".png").toFile());
        }
        Result one = CommandLineTest.cli("train", "--model", "cvae", "--dataset", oneClass.toString(), "--epochs", "1",
                "--out", folder.resolve("o").toString());
        assertEquals("latent-lab: --model cvae reads each image's class, but ones has only one class (seven): a class"
                + " that never changes tells the model nothing", one.err().trim());
    }
}
