package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.Dataset;
import org.latentlab.data.EmbeddedMnist;
import org.latentlab.model.NativeBackend;
import org.latentlab.storage.UserFolders;

/** The command line end to end, on 400 embedded digits written out as an IDX pair. */
class CommandLineTest {

    @TempDir
    static Path folder;
    static Path images;
    static Path run;

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LatentLabCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** 400 embedded digits (every 25th: all ten classes) written into {@code folder} as an IDX pair; the images file. */
    static Path tinyDigits(Path folder) throws IOException {
        Dataset digits = EmbeddedMnist.load();
        int[] pick = new int[400];
        for (int i = 0; i < pick.length; i++) {
            pick[i] = i * 25;
        }
        Dataset tiny = digits.subset(pick, "tiny");
        Path imageFile = folder.resolve("tiny-images-idx3-ubyte");
        writeIdx(tiny, imageFile, folder.resolve("tiny-labels-idx1-ubyte"));
        return imageFile;
    }

    @BeforeAll
    static void trainATinyRun() throws IOException {
        images = tinyDigits(folder);
        run = folder.resolve("run");
        Result result = cli("train", "--dataset", images.toString(), "--epochs", "2", "--hidden", "64",
                "--batch", "50", "--seed", "3", "--out", run.toString());
        assertEquals(0, result.code(), result.err());
        assertTrue(result.err().isEmpty(), result.err());
        trained = result;
    }

    static Result trained;

    private static void writeIdx(Dataset data, Path imageFile, Path labelFile) throws IOException {
        ByteArrayOutputStream imageBytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(imageBytes)) {
            out.writeInt(0x803);
            out.writeInt(data.size());
            out.writeInt(data.height());
            out.writeInt(data.width());
            for (int i = 0; i < data.size(); i++) {
                for (float v : data.image(i)) {
                    out.writeByte(Math.round(v * 255));
                }
            }
        }
        Files.write(imageFile, imageBytes.toByteArray());
        ByteArrayOutputStream labelBytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(labelBytes)) {
            out.writeInt(0x801);
            out.writeInt(data.size());
            for (int i = 0; i < data.size(); i++) {
                out.writeByte(data.label(i));
            }
        }
        Files.write(labelFile, labelBytes.toByteArray());
    }

    @Test
    void trainPrintsOneLinePerEpochAndWritesTheRun() throws IOException {
        List<String> epochLines = trained.out().lines().filter(l -> l.startsWith("epoch")).toList();
        assertEquals(2, epochLines.size(), trained.out());
        assertTrue(epochLines.get(0).contains("validation -ELBO"), epochLines.get(0));
        assertTrue(trained.out().contains("360 training and 40 held-out images"), trained.out());
        assertTrue(Files.size(run.resolve("model.latentlab")) > 100_000);
        List<String> history = Files.readAllLines(run.resolve("history.csv"));
        assertEquals(3, history.size());
        assertTrue(history.get(0).startsWith("epoch,iteration,"));
        assertEquals(2 * 8 + 1, Files.readAllLines(run.resolve("iterations.csv")).size()); // 360 / 50 → 8 steps
    }

    @Test
    void renderDrawsEveryFigureAsAReadablePng() throws IOException {
        for (String figure : List.of("manifold", "scatter", "reconstructions", "samples", "loss")) {
            Path png = folder.resolve(figure + ".png");
            Result result = cli("render", "--run", run.toString(), "--figure", figure, "--grid", "8", "--out", png.toString());
            assertEquals(0, result.code(), figure + ": " + result.err());
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
            assertTrue(image.getWidth() > 300 && image.getHeight() > 150, figure + " is " + image.getWidth()
                    + "×" + image.getHeight());
        }
        Result badSpacing = cli("render", "--run", run.toString(), "--figure", "manifold", "--spacing", "log",
                "--out", folder.resolve("x.png").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, badSpacing.code());
        assertEquals("latent-lab: unknown spacing 'log': expected icdf or linear", badSpacing.err().trim());
        Path bits = folder.resolve("loss-bits.png");
        Result inBits = cli("render", "--run", run.toString(), "--figure", "loss", "--units", "bits", "--out",
                bits.toString());
        assertEquals(0, inBits.code(), inBits.err());
        assertTrue(javax.imageio.ImageIO.read(bits.toFile()).getWidth() > 300);
        Result badUnits = cli("render", "--run", run.toString(), "--figure", "loss", "--units", "furlongs",
                "--out", folder.resolve("x.png").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, badUnits.code());
        assertEquals("latent-lab: unknown units 'furlongs': expected nats (per image) or bits (per dimension)",
                badUnits.err().trim());
    }

    @Test
    void renderMovesHeldOutImagesAlongAMeasuredAttributeOrFromClassToClass() throws IOException {
        for (List<String> attribute : List.of(List.of("slant"), List.of("ink", "--balance"), List.of("3->8"))) {
            Path png = folder.resolve("attribute.png");
            List<String> args = new java.util.ArrayList<>(List.of("render", "--run", run.toString(), "--figure", "attribute",
                    "--out", png.toString(), "--attribute"));
            args.addAll(attribute);
            Result result = cli(args.toArray(String[]::new));
            assertEquals(0, result.code(), attribute + ": " + result.err());
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
            assertTrue(image.getWidth() > 300 && image.getHeight() > 150, attribute.toString());
        }
        Result unknown = cli("render", "--run", run.toString(), "--figure", "attribute", "--attribute", "smile",
                "--out", folder.resolve("x.png").toString());
        assertEquals(LatentLabCommand.FAILURE, unknown.code());
        assertEquals("latent-lab: no attribute \"smile\" for these images; they have ink, thickness, slant, ink width, "
                + "ink height, or give two classes as FROM->TO", unknown.err().trim());
        Result sameClass = cli("render", "--run", run.toString(), "--figure", "attribute", "--attribute", "3->3",
                "--out", folder.resolve("x.png").toString());
        assertEquals(LatentLabCommand.FAILURE, sameClass.code());
        assertTrue(sameClass.err().contains("is not two different classes FROM->TO"), sameClass.err());
        Result noAttribute = cli("render", "--run", run.toString(), "--figure", "attribute", "--out", folder.resolve("x.png").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, noAttribute.code());
    }

    @Test
    void renderDrawsTheFirstImagesOfADatasetWithoutARun() throws IOException {
        Path png = folder.resolve("faces.png");

        Result faces = cli("render", "--figure", "dataset", "--dataset", "faces", "--out", png.toString());
        Result noRun = cli("render", "--figure", "manifold", "--out", png.toString());

        assertEquals(0, faces.code(), faces.err());
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 500);
        assertEquals(LatentLabCommand.USAGE_ERROR, noRun.code());
        assertEquals("latent-lab: --run DIR is needed for the manifold figure (see 'latent-lab render --help')", noRun.err().trim());
    }

    @Test
    void versionNamesTheUserFoldersAndTheKernels() {
        Result result = cli("--version");
        assertEquals(0, result.code(), result.err());
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Latent Lab "), result.out());
        UserFolders folders = UserFolders.forThisUser();
        assertEquals("data:     " + folders.data(), lines.get(1));
        assertEquals("settings: " + folders.config(), lines.get(2));
        assertEquals("cpu:      " + NativeBackend.report().cpu(), lines.get(3));
        assertEquals("blas:     " + NativeBackend.report().description(), lines.get(4));
        assertTrue(lines.get(4).contains(NativeBackend.report().coreName() + " kernels"), lines.get(4));
        assertTrue(lines.get(5).startsWith("training: kernels: "), result.out());
    }

    @Test
    void aMissingSystemLibraryIsNamedWithWhatToInstall() {
        String message = LatentLabCommand.missingLibrary(new UnsatisfiedLinkError(
                "/opt/latent-lab/runtime/lib/libfontmanager.so: libharfbuzz.so.0: cannot open shared object file"));
        assertTrue(message.contains("libharfbuzz.so.0"), message);
        assertTrue(message.contains("apt-get install libgtk-3-0 libxtst6"), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void unknownFlagGivesOneLineAndUsageExitCode() {
        Result result = cli("train", "--epoch", "3", "--out", folder.resolve("x").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, result.code());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("Unknown options: '--epoch'"), result.err());
    }

    @Test
    void badValuesAreNamedInOneLine() {
        Result latent = cli("train", "--latent", "0", "--epochs", "1", "--out", folder.resolve("x").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, latent.code());
        assertEquals("latent-lab: latent size 0 is outside 1..64", latent.err().trim());

        Result model = cli("train", "--model", "gan", "--out", folder.resolve("x").toString());
        assertEquals("latent-lab: unknown model 'gan': expected vae, ae, hvae or cvae", model.err().trim());

        Result number = cli("train", "--lr", "fast", "--out", folder.resolve("x").toString());
        assertEquals(LatentLabCommand.USAGE_ERROR, number.code());
        assertEquals(1, number.err().lines().count(), number.err());
        assertTrue(number.err().contains("'fast'"), number.err());
    }

    @Test
    void missingDatasetAndRunAreNamed() {
        Path absent = folder.resolve("no-such-images.idx");
        Result data = cli("train", "--dataset", absent.toString(), "--out", folder.resolve("x").toString());
        assertEquals(LatentLabCommand.FAILURE, data.code());
        assertEquals(1, data.err().lines().count(), data.err());
        assertTrue(data.err().contains("no-such-images.idx"), data.err());

        Result noRun = cli("evaluate", "--run", folder.toString());
        assertEquals(LatentLabCommand.FAILURE, noRun.code());
        assertTrue(noRun.err().contains("holds no model.latentlab"), noRun.err());
        assertFalse(noRun.err().contains("Exception"), noRun.err());
    }
}
