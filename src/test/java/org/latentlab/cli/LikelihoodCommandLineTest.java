package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.latentlab.cli.CommandLineTest.Result;

/** {@code evaluate} and the likelihood figures on tiny runs of 400 embedded digits (360 to train, 40 held out). */
class LikelihoodCommandLineTest {

    @TempDir
    static Path folder;
    static Path images;
    static Path run;
    static Path four;

    @BeforeAll
    static void trainTinyRuns() throws IOException {
        images = CommandLineTest.tinyDigits(folder);
        run = folder.resolve("run");
        Result two = CommandLineTest.cli("train", "--dataset", images.toString(), "--epochs", "2", "--hidden", "64",
                "--batch", "50", "--seed", "3", "--out", run.toString());
        assertEquals(0, two.code(), two.err());
        four = folder.resolve("four");
        Result compared = CommandLineTest.cli("train", "--compare", "ae,vae", "--latent", "4", "--dataset",
                images.toString(), "--epochs", "1", "--hidden", "32", "--batch", "50", "--out", four.toString());
        assertEquals(0, compared.code(), compared.err());
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.E-]+|null)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return m.group(1).equals("null") ? Double.NaN : Double.parseDouble(m.group(1));
    }

    private static String text(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return m.group(1);
    }

    /** The first line says which estimate each number is; the table's −ELBO is reconstruction + KL. */
    @Test
    void theTableSaysWhatEachNumberIs() {
        Result result = CommandLineTest.cli("evaluate", "--run", run.toString(), "--samples", "200");
        assertEquals(0, result.code(), result.err());
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Means per image over 40 held-out images: -ELBO estimated from K = 200"
                + " samples of q(z|x)"), lines.get(0));
        assertTrue(lines.get(0).contains("(IWAE) and by quadrature"), lines.get(0));
        double elbo = firstNumber(lines, "-ELBO ");
        double reconstruction = firstNumber(lines, "  reconstruction");
        double kl = firstNumber(lines, "  KL(");
        assertEquals(elbo, reconstruction + kl, 0.0021);
        assertTrue(elbo > 100 && elbo < 550, result.out());
        assertTrue(firstNumber(lines, "-log p(x), quadrature") < elbo, result.out());
        assertTrue(result.out().contains("40 held-out images of IDX images"), result.out());
        assertTrue(result.out().contains("minus the binary cross-entropy"), result.out());
    }

    private static double firstNumber(List<String> lines, String label) {
        String line = lines.stream().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
        return Double.parseDouble(line.substring(32).trim().split("\\s+")[0]);
    }

    /**
     * The JSON object holds every number with its meaning fixed: the gap is −ELBO − quadrature,
     * bits per dimension are nats / (784 ln 2), and on a 2-D latent space the quadrature comes
     * below the −ELBO and, on average over the images, below the IWAE estimate too.
     */
    @Test
    void jsonHoldsEveryNumberAndItsUnits() {
        Result result = CommandLineTest.cli("evaluate", "--run", run.toString(), "--samples", "500", "--json");
        assertEquals(0, result.code(), result.err());
        String json = result.out().trim();
        assertEquals(1, result.out().lines().count());
        assertEquals(40, number(json, "images"));
        assertEquals("held-out", text(json, "split"));
        assertEquals(500, number(json, "iwae_samples"));
        assertEquals(500, number(json, "elbo_samples"));
        assertEquals(784, number(json, "pixels"));
        double elbo = number(json, "negative_elbo");
        double iwae = number(json, "nll_iwae");
        double quadrature = number(json, "nll_quadrature");
        assertEquals(elbo - quadrature, number(json, "gap"), 1e-9);
        assertEquals("quadrature", text(json, "gap_against"));
        assertTrue(quadrature < iwae && iwae < elbo, json);
        assertTrue(number(json, "negative_elbo_stderr") > 0, json);
        Matcher bits = Pattern.compile("\"bits_per_dim\": \\{\"negative_elbo\": ([0-9.E-]+)").matcher(json);
        assertTrue(bits.find(), json);
        assertEquals(elbo / (784 * Math.log(2)), Double.parseDouble(bits.group(1)), 1e-12);
    }

    /** Naming the run's own data means its held-out split; other data is scored whole (here capped at 25 images). */
    @Test
    void theRunsOwnDataMeansItsHeldOutImages() throws IOException {
        Result own = CommandLineTest.cli("evaluate", "--run", run.toString(), "--samples", "5", "--json", "--dataset",
                folder.resolve(".").resolve(images.getFileName()).toString());
        assertEquals(0, own.code(), own.err());
        assertEquals("held-out", text(own.out(), "split"));
        assertEquals(40, number(own.out(), "images"));

        Path copy = folder.resolve("copy");
        Files.createDirectories(copy);
        Files.copy(images, copy.resolve(images.getFileName()));
        Result other = CommandLineTest.cli("evaluate", "--run", run.toString(), "--samples", "5", "--json", "--dataset",
                copy.resolve(images.getFileName()).toString(), "--images", "25");
        assertEquals(0, other.code(), other.err());
        assertEquals("all", text(other.out(), "split"));
        assertEquals(25, number(other.out(), "images"));
    }

    /** Every held-out image once, by its index in the 400, and the means of the rows are the JSON's means. */
    @Test
    void perImageCsvNamesEachImageAndAddsUpToTheMeans() throws IOException {
        Path csv = folder.resolve("per-image.csv");
        Result result = CommandLineTest.cli("evaluate", "--run", run.toString(), "--samples", "50", "--json",
                "--per-image", csv.toString());
        assertEquals(0, result.code(), result.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("position,dataset_index,label,negative_elbo,kl,reconstruction_variance,nll_iwae,"
                + "effective_sample_size,nll_quadrature,gap", rows.get(0));
        assertEquals(41, rows.size());
        Set<Integer> indices = new HashSet<>();
        double elbo = 0;
        double quadrature = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            int index = Integer.parseInt(cells[1]);
            assertTrue(index >= 0 && index < 400, row);
            indices.add(index);
            elbo += Double.parseDouble(cells[3]) / 40;
            quadrature += Double.parseDouble(cells[8]) / 40;
        }
        assertEquals(40, indices.size());
        assertEquals(number(result.out(), "negative_elbo"), elbo, 1e-9);
        assertEquals(number(result.out(), "nll_quadrature"), quadrature, 1e-9);
    }

    /** A 4-D latent space has no quadrature: the gap is measured against IWAE, and says so. */
    @Test
    void aLatentSpaceAboveTwoDimensionsHasNoQuadrature() {
        Result json = CommandLineTest.cli("evaluate", "--run", four.resolve("vae").toString(), "--samples", "20", "--json");
        assertEquals(0, json.code(), json.err());
        assertFalse(json.out().contains("nll_quadrature"), json.out());
        assertEquals("iwae", text(json.out(), "gap_against"));
        assertEquals(number(json.out(), "negative_elbo") - number(json.out(), "nll_iwae"), number(json.out(), "gap"), 1e-9);
        Result table = CommandLineTest.cli("evaluate", "--run", four.resolve("vae").toString(), "--samples", "20");
        assertTrue(table.out().lines().findFirst().orElseThrow().contains("a lower bound on KL(q(z|x) || p(z|x))"),
                table.out());
    }

    /** A Gaussian decoder's p(x|z) is a density: the table says so, and the JSON carries its σ. */
    @Test
    void aGaussianDecoderIsReportedAsTheDensityItIs() {
        Path gaussian = folder.resolve("gaussian");
        Result trained = CommandLineTest.cli("train", "--dataset", images.toString(), "--epochs", "1", "--hidden", "32",
                "--batch", "50", "--decoder", "gaussian", "--decoder-std", "0.2", "--out", gaussian.toString());
        assertEquals(0, trained.code(), trained.err());
        Result table = CommandLineTest.cli("evaluate", "--run", gaussian.toString(), "--samples", "10");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("Gaussian decoder with sigma = 0.2000 (fixed) over pixel values in [0, 1]: p(x|z) is a"
                + " density, which can exceed 1, so -log p(x) can be negative"), table.out());
        Result json = CommandLineTest.cli("evaluate", "--run", gaussian.toString(), "--samples", "10", "--json");
        assertEquals(0.2, number(json.out(), "decoder_std"), 0);
        assertEquals("gaussian", text(json.out(), "decoder"));
    }

    @Test
    void anAutoencoderHasOnlyItsReconstructionError() {
        Result result = CommandLineTest.cli("evaluate", "--run", four.resolve("ae").toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().startsWith("reconstruction -log p(x|z = mu(x))"), result.out());
        assertTrue(result.out().contains("no posterior q(z|x)"), result.out());
    }

    @Test
    void badValuesGetOneLine() {
        Result samples = CommandLineTest.cli("evaluate", "--run", run.toString(), "--samples", "6000");
        assertEquals(LatentLabCommand.USAGE_ERROR, samples.code());
        assertEquals("latent-lab: the number of samples must be between 1 and 5000, got 6000",
                samples.err().trim());
        Result count = CommandLineTest.cli("evaluate", "--run", run.toString(), "--images", "0");
        assertEquals(LatentLabCommand.USAGE_ERROR, count.code());
        assertEquals(1, Arrays.stream(count.err().split("\n")).filter(l -> !l.isBlank()).count(), count.err());
    }

    @Test
    void renderDrawsTheLikelihoodFigureForATwoDimensionalLatentSpaceOnly() throws IOException {
        Path png = folder.resolve("likelihood.png");
        Result drawn = CommandLineTest.cli("render", "--run", run.toString(), "--figure", "likelihood", "--out",
                png.toString());
        assertEquals(0, drawn.code(), drawn.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 2000 && image.getHeight() > 600, image.getWidth() + "×" + image.getHeight());

        Result refused = CommandLineTest.cli("render", "--run", four.resolve("vae").toString(), "--figure", "likelihood",
                "--out", folder.resolve("x.png").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, refused.code());
        assertTrue(refused.err().contains("needs a 2-D latent space; this run's has 4"), refused.err());
    }

    @Test
    void renderDrawsTheOutliersAloneOrAgainstOtherData() throws IOException {
        Path alone = folder.resolve("outliers.png");
        Result drawn = CommandLineTest.cli("render", "--run", four.resolve("vae").toString(), "--figure", "outliers",
                "--out", alone.toString());
        assertEquals(0, drawn.code(), drawn.err());
        Path compared = folder.resolve("outliers-faces.png");
        Result faces = CommandLineTest.cli("render", "--run", run.toString(), "--figure", "outliers", "--other", "faces",
                "--out", compared.toString());
        assertEquals(0, faces.code(), faces.err());
        assertTrue(ImageIO.read(compared.toFile()).getHeight() > ImageIO.read(alone.toFile()).getHeight() + 300);

        Result own = CommandLineTest.cli("render", "--run", run.toString(), "--figure", "outliers", "--other",
                images.toString(), "--out", folder.resolve("x.png").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, own.code());
        assertEquals("latent-lab: --other names the run's own data; give another dataset to compare with",
                own.err().trim());
    }
}
