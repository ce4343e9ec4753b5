package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.latentlab.training.RunFile;
import org.latentlab.training.SavedRun;

/** {@code train --debias} on faces with a rare group, and {@code render --figure debiasing}, end to end. */
class DebiasCommandLineTest {

    private static final String FACES = "faces:rare=brightness>0.7@0.05";
    private static final String[] SMALL = {"--dataset", FACES, "--latent", "4", "--hidden", "48", "--decoder", "gaussian",
            "--batch", "200", "--seed", "5"};

    @TempDir
    static Path folder;
    static Result debiased;
    static Result plain;

    private static Result train(String out, String... more) {
        String[] args = new String[1 + SMALL.length + more.length + 2];
        args[0] = "train";
        System.arraycopy(SMALL, 0, args, 1, SMALL.length);
        System.arraycopy(more, 0, args, 1 + SMALL.length, more.length);
        args[args.length - 2] = "--out";
        args[args.length - 1] = folder.resolve(out).toString();
        return CommandLineTest.cli(args);
    }

    @BeforeAll
    static void trainWithAndWithoutDebiasing() {
        debiased = train("debiased", "--epochs", "2", "--debias", "1");
        plain = train("plain", "--epochs", "2");
        assertEquals(0, debiased.code(), debiased.err());
        assertEquals(0, plain.code(), plain.err());
    }

    @Test
    void trainPrintsTheGroupsErrorsEveryEpochAndWhatTheSamplerDid() {
        String out = debiased.out();
        assertTrue(out.contains("on synthetic faces with a rare group (brightness>0.7@0.05): 18000 training"), out);
        assertTrue(out.contains("Debiased sampling, α = 1: each epoch draws its images with replacement"), out);
        List<String> lines = out.lines().toList();
        for (int e = 1; e <= 2; e++) {
            int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("epoch")).toList().get(e - 1));
            assertTrue(lines.get(at + 1).trim().matches("rare group: held-out reconstruction +-?[0-9.]+, the others"
                    + " +-?[0-9.]+; [0-9.]+ % of the draws"), lines.get(at + 1));
            assertTrue(lines.get(at + 2).trim().matches("debiased sampling: [0-9,]+ of 18,000 images drawn, density from"
                    + " [0-4] of 4 latent dimensions, [0-9.]+ s"), lines.get(at + 2));
        }
        assertTrue(plain.out().contains("rare group: held-out reconstruction"), plain.out());
        assertTrue(plain.out().lines().noneMatch(l -> l.contains("debiased sampling")), plain.out());
        SavedRun run = RunFile.load(folder.resolve("debiased").resolve(RunFile.FILE_NAME));
        assertEquals(1.0, run.trainingConfig().debias(), 0.0);
        assertEquals(FACES, run.datasetSpec());
        assertTrue(run.epochs().get(1).hasRareGroup());
    }

    @Test
    void theFigurePutsTheRareGroupAndBothRunsOnOnePicture() throws IOException {
        Path png = folder.resolve("debiasing.png");
        Result drawn = CommandLineTest.cli("render", "--figure", "debiasing", "--run", folder.resolve("debiased").toString(),
                "--compare-with", folder.resolve("plain").toString(), "--out", png.toString());
        assertEquals(0, drawn.code(), drawn.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 1_900, "two scatters and the chart: " + image.getWidth());
        int rarePixels = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                rarePixels += r > 180 && g < 140 && b < 80 ? 1 : 0;
            }
        }
        assertTrue(rarePixels > 200, "the rare group's vermillion dots and lines: " + rarePixels + " sampled pixels");

        Result alone = CommandLineTest.cli("render", "--figure", "debiasing", "--run", folder.resolve("plain").toString(),
                "--out", folder.resolve("alone.png").toString());
        assertEquals(0, alone.code(), alone.err());
    }

    @Test
    void badValuesGetOneLineNamingThem() throws IOException {
        Result factor = CommandLineTest.cli("train", "--dataset", "faces:rare=beard<0.3@0.05", "--out",
                folder.resolve("x").toString());
        assertNotEquals(0, factor.code());
        assertTrue(factor.err().contains("names the factor 'beard', which the faces do not have"), factor.err());
        assertEquals(1, factor.err().strip().lines().count(), factor.err());

        Result alpha = CommandLineTest.cli("train", "--debias", "-1", "--out", folder.resolve("y").toString());
        assertNotEquals(0, alpha.code());
        assertTrue(alpha.err().contains("the debiasing strength α must be a finite number ≥ 0 (0 turns it off), got -1.0"),
                alpha.err());

        Result both = CommandLineTest.cli("train", "--compare", "debias:1", "--debias", "1", "--out",
                folder.resolve("z").toString());
        assertNotEquals(0, both.code());
        assertTrue(both.err().contains("--debias describes one model"), both.err());

        Path digits = CommandLineTest.tinyDigits(Files.createDirectories(folder.resolve("digits")));
        Path mnistRun = folder.resolve("digits-run");
        assertEquals(0, CommandLineTest.cli("train", "--dataset", digits.toString(), "--epochs", "1", "--hidden", "16",
                "--out", mnistRun.toString()).code());
        Result noGroup = CommandLineTest.cli("render", "--figure", "debiasing", "--run", mnistRun.toString(), "--out",
                folder.resolve("none.png").toString());
        assertNotEquals(0, noGroup.code());
        assertTrue(noGroup.err().contains("which has no rare group: the debiasing figure needs one"), noGroup.err());
    }

    @Test
    void theDebiasingComparisonTrainsBothModelsAndPrintsTheirGroups() {
        Path both = folder.resolve("compared");
        Result result = CommandLineTest.cli("train", "--compare", "debias:2", "--dataset", FACES, "--latent", "4",
                "--hidden", "32", "--decoder", "gaussian", "--batch", "200", "--epochs", "1", "--out", both.toString());
        assertEquals(0, result.code(), result.err());
        String line = result.out().lines().filter(l -> l.startsWith("epoch")).findFirst().orElseThrow();
        assertTrue(line.matches(".* vae -?[0-9.]+\\+[0-9.]+ \\(rare -?[0-9.]+, others -?[0-9.]+\\)  vae-debias-2 .*"), line);
        assertEquals(2.0, RunFile.load(both.resolve("vae-debias-2").resolve(RunFile.FILE_NAME)).trainingConfig().debias(),
                0.0);
        assertEquals(0.0, RunFile.load(both.resolve("vae").resolve(RunFile.FILE_NAME)).trainingConfig().debias(), 0.0);
        Result drawn = CommandLineTest.cli("render", "--figure", "debiasing", "--run", both.toString(), "--out",
                folder.resolve("compared.png").toString());
        assertEquals(0, drawn.code(), drawn.err());
    }
}
