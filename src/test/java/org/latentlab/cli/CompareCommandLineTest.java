package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.latentlab.training.RunFile;
import org.latentlab.training.SavedRun;

/** {@code train --compare} and {@code render --figure compare} end to end, on 400 embedded digits. */
class CompareCommandLineTest {

    @TempDir
    static Path folder;
    static Path images;
    static Path comparison;
    static Result trained;

    @BeforeAll
    static void trainATinyAblation() throws IOException {
        images = CommandLineTest.tinyDigits(folder);
        comparison = folder.resolve("ablation");
        trained = CommandLineTest.cli("train", "--compare", "ablation", "--dataset", images.toString(), "--epochs", "1",
                "--hidden", "64", "--batch", "50", "--seed", "3", "--out", comparison.toString());
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.err().isEmpty(), trained.err());
    }

    @Test
    void trainWritesOneRunPerModelAndAnIndexAndPrintsEveryModelPerEpoch() throws IOException {
        List<String> epochLines = trained.out().lines().filter(l -> l.startsWith("epoch")).toList();
        assertEquals(1, epochLines.size(), trained.out());
        String line = epochLines.get(0);
        for (String model : List.of(" ae ", " rec-only ", " kl-only ", " vae ")) {
            assertTrue(line.contains(model), line);
        }
        assertTrue(trained.out().contains("360 training and 40 held-out images"), trained.out());
        for (String model : List.of("ae", "rec-only", "kl-only", "vae")) {
            assertTrue(Files.size(comparison.resolve(model).resolve("model.latentlab")) > 10_000, model);
            assertEquals(2, Files.readAllLines(comparison.resolve(model).resolve("history.csv")).size(), model);
        }
        List<String> index = Files.readAllLines(comparison.resolve(ComparisonFolder.INDEX_FILE));
        assertTrue(index.contains("variants=ae,rec-only,kl-only,vae"), index.toString());
        assertTrue(index.contains("format=latent-lab-comparison"), index.toString());
    }

    @Test
    void theComparisonsVaeIsTheVaeThatTrainAloneMakes() {
        Path alone = folder.resolve("alone");
        Result result = CommandLineTest.cli("train", "--dataset", images.toString(), "--epochs", "1", "--hidden", "64",
                "--batch", "50", "--seed", "3", "--out", alone.toString());
        assertEquals(0, result.code(), result.err());
        SavedRun single = RunFile.load(alone.resolve(RunFile.FILE_NAME));
        SavedRun compared = RunFile.load(comparison.resolve("vae").resolve(RunFile.FILE_NAME));
        assertArrayEquals(single.state().parameters(), compared.state().parameters(), 0f,
                "the same seed, the same batches, the same weights, though trained beside three others");
    }

    @Test
    void aLatentSpaceOfFourDimensionsIsDrawnOnItsPrincipalPlane() throws IOException {
        Path four = folder.resolve("four");
        Result trainedFour = CommandLineTest.cli("train", "--compare", "ae,vae", "--latent", "4", "--dataset",
                images.toString(), "--epochs", "1", "--hidden", "32", "--batch", "50", "--out", four.toString());
        assertEquals(0, trainedFour.code(), trainedFour.err());
        Path png = folder.resolve("four.png");
        Result drawn = CommandLineTest.cli("render", "--run", four.toString(), "--figure", "compare", "--grid", "5",
                "--spacing", "linear", "--out", png.toString());
        assertEquals(0, drawn.code(), drawn.err());
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 1_500);
    }

    @Test
    void eachModelsFolderIsAnOrdinaryRun() {
        Result result = CommandLineTest.cli("evaluate", "--run", comparison.resolve("kl-only").toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("40 held-out images"), result.out());
    }

    @Test
    void renderDrawsTheComparisonAsOneWidePng() throws IOException {
        Path png = folder.resolve("compare.png");
        Result result = CommandLineTest.cli("render", "--run", comparison.toString(), "--figure", "compare",
                "--out", png.toString());
        assertEquals(0, result.code(), result.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 2_500 && image.getWidth() > image.getHeight(),
                "compare is " + image.getWidth() + "×" + image.getHeight());
    }

    @Test
    void aComparisonFolderIsNamedWhenASingleRunIsExpectedAndTheOtherWayRound() {
        Result scatter = CommandLineTest.cli("render", "--run", comparison.toString(), "--figure", "scatter",
                "--out", folder.resolve("x.png").toString());
        assertEquals(LatentLabCommand.FAILURE, scatter.code());
        assertTrue(scatter.err().contains("holds a comparison of several models"), scatter.err());
        Result compare = CommandLineTest.cli("render", "--run", comparison.resolve("vae").toString(), "--figure",
                "compare", "--out", folder.resolve("y.png").toString());
        assertEquals(LatentLabCommand.FAILURE, compare.code());
        assertTrue(compare.err().contains("holds no comparison.properties"), compare.err());
        assertFalse(compare.err().contains("Exception"), compare.err());
    }

    @Test
    void optionsOfASingleModelAndBadComparisonsAreRefusedInOneLine() {
        Result model = CommandLineTest.cli("train", "--compare", "ablation", "--model", "ae", "--out",
                folder.resolve("x").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, model.code());
        assertEquals("latent-lab: --model describes one model; with --compare each model's kind, loss, β and α come"
                + " from the comparison (e.g. --compare ae,vae:4 or --compare debias:1)", model.err().trim());
        Result unknown = CommandLineTest.cli("train", "--compare", "ae,gan", "--out", folder.resolve("x").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, unknown.code());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("'gan' is not a model"), unknown.err());
    }
}
