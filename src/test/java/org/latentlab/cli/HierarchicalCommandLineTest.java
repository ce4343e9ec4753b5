package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.cli.CommandLineTest.Result;

/** {@code train --model hvae --latent 16,2} end to end, and what the other commands make of its run. */
class HierarchicalCommandLineTest {

    @TempDir
    static Path folder;
    static Path run;
    static Result trained;

    @BeforeAll
    static void trainATinyHierarchicalRun() throws IOException {
        Path images = CommandLineTest.tinyDigits(folder);
        run = folder.resolve("hvae");
        trained = CommandLineTest.cli("train", "--model", "hvae", "--latent", "16,2", "--dataset", images.toString(),
                "--epochs", "2", "--hidden", "64", "--batch", "50", "--seed", "3", "--out", run.toString());
        assertEquals(0, trained.code(), trained.err());
    }

    @Test
    void trainNamesTheModelAndSplitsEachEpochsKlByLevel() throws IOException {
        assertTrue(trained.out().startsWith("Training a hierarchical VAE 784-64-16,2 on tiny"), trained.out());
        List<String> epochLines = trained.out().lines().filter(l -> l.startsWith("epoch")).toList();
        assertEquals(2, epochLines.size(), trained.out());
        String last = epochLines.get(1);
        double kl = number(last, "+ KL ");
        double lower = number(last, "(z₁ ");
        double upper = number(last, "+ z₂ ");
        assertEquals(kl, lower + upper, 0.011, last);
        assertTrue(trained.out().contains("active units (posterior means varying over the 40 images with variance"
                + " > 0.01): z₁ "), trained.out());
        assertTrue(trained.out().contains(" of 16, z₂ "), trained.out());

        List<String> history = Files.readAllLines(run.resolve("history.csv"));
        assertTrue(history.get(0).endsWith(",train_kl_z1,train_kl_z2,validation_kl_z1,validation_kl_z2"), history.get(0));
        String[] second = history.get(2).split(",");
        assertEquals(Double.parseDouble(second[7]), Double.parseDouble(second[12]) + Double.parseDouble(second[13]),
                2e-6);
        assertTrue(Files.readAllLines(run.resolve("iterations.csv")).get(0).endsWith(",kl_z1,kl_z2"));
    }

    /** The number printed right after {@code label} in {@code line}. */
    private static double number(String line, String label) {
        String rest = line.substring(line.indexOf(label) + label.length()).trim();
        return Double.parseDouble(rest.split("[ )]")[0]);
    }

    @Test
    void evaluateEstimatesTheLikelihoodAndGivesTheKlOfEachLevelAndItsActiveUnits() {
        Result result = CommandLineTest.cli("evaluate", "--run", run.toString(), "--samples", "50");
        assertEquals(0, result.code(), result.err());
        String out = result.out();
        assertTrue(out.contains("This is a hierarchical VAE: z is the pair (z1, z2)"), out);
        double elbo = number(line(out, "-ELBO "), "-ELBO ");
        double iwae = number(line(out, "-log p(x), IWAE K = 50 "), "K = 50 ");
        assertTrue(iwae < elbo, out);
        String levels = line(out, "KL by level");
        double kl = number(line(out, "  KL(q(z|x) || p(z))"), "p(z)) ");
        assertEquals(kl, number(levels, "z₁ ") + number(levels, "+ z₂ "), 0.5, out);
        assertTrue(line(out, "active units").contains("z₂"), out);
        assertFalse(out.contains("not estimated"), out);
    }

    @Test
    void evaluateJsonHasTheFlatVaesKeysWithoutQuadrature() {
        Result result = CommandLineTest.cli("evaluate", "--run", run.toString(), "--samples", "20", "--json");
        assertEquals(0, result.code(), result.err());
        String json = result.out();
        for (String key : List.of("\"model\": \"hvae\"", "\"negative_elbo\": ", "\"negative_elbo_stderr\": ",
                "\"nll_iwae\": ", "\"nll_iwae_stderr\": ", "\"iwae_samples\": 20", "\"gap\": ", "\"bits_per_dim\": ")) {
            assertTrue(json.contains(key), key + " in " + json);
        }
        assertFalse(json.contains("nll_quadrature"), json);
    }

    private static String line(String out, String start) {
        return out.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + start + " in " + out));
    }

    @Test
    void everyFigureOfARunIsDrawnFromTheTopLevel() throws IOException {
        for (String figure : List.of("manifold", "scatter", "reconstructions", "samples", "loss")) {
            Path png = folder.resolve(figure + ".png");
            Result result = CommandLineTest.cli("render", "--run", run.toString(), "--figure", figure, "--grid", "8",
                    "--out", png.toString());
            assertEquals(0, result.code(), figure + ": " + result.err());
            BufferedImage image = ImageIO.read(png.toFile());
            assertTrue(image.getWidth() > 300 && image.getHeight() > 150, figure + " is " + image.getWidth() + "×"
                    + image.getHeight());
        }
    }

    @Test
    void theLikelihoodFiguresOfOneLevelPointToEvaluate() {
        for (String figure : List.of("likelihood", "outliers")) {
            Result result = CommandLineTest.cli("render", "--run", run.toString(), "--figure", figure, "--out",
                    folder.resolve(figure + ".png").toString());
            assertNotEquals(0, result.code(), figure);
            assertEquals(1, result.err().strip().lines().count(), result.err());
            assertTrue(result.err().contains("for a hierarchical VAE, 'evaluate --run " + run + "' prints -log p(x)"),
                    figure + ": " + result.err());
        }
    }

    @Test
    void twoLatentSizesBelongToTheHierarchicalVaeAlone() {
        Result vae = CommandLineTest.cli("train", "--model", "vae", "--latent", "16,2", "--out",
                folder.resolve("x").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, vae.code());
        assertEquals("latent-lab: --latent 16,2 gives two latent levels, which only the hierarchical VAE has: add"
                + " --model hvae, or give one size such as --latent 16", vae.err().trim());

        Result one = CommandLineTest.cli("train", "--model", "hvae", "--latent", "16", "--out",
                folder.resolve("x").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, one.code());
        assertEquals("latent-lab: --model hvae needs two latent sizes, the lower level z₁'s then the upper level z₂'s,"
                + " e.g. --latent 16,2", one.err().trim());

        Result words = CommandLineTest.cli("train", "--latent", "two", "--out", folder.resolve("x").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, words.code());
        assertEquals(1, words.err().lines().count(), words.err());
        assertTrue(words.err().contains("'two'"), words.err());
    }
}
