package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.cli.CommandLineTest.Result;
import org.latentlab.data.Dataset;
import org.latentlab.data.IdxReader;
import org.latentlab.latent.NearestNeighbours;
import org.latentlab.training.ClassFromCode;

/**
 * What the conditional VAE is for, measured on the embedded digits with the commands' defaults
 * (2-D z, seed 42, 10 epochs): its code holds much less of the class than the VAE's, and the
 * digits {@code sample} writes of each class are recognised as that class by classifiers trained
 * on the real training digits, read back from the IDX files as any program would.
 */
class ConditionalDigitsTest {

    private static final int PER_CLASS = 100;

    @TempDir
    Path folder;

    @Test
    void theCodeLosesTheClassAndGeneratedDigitsAreRecognisedAsTheirClass() {
        Path vae = train("vae");
        Path cvae = train("cvae");
        RunFolder vaeRun = RunFolder.open(vae);
        RunFolder cvaeRun = RunFolder.open(cvae);
        Dataset training = vaeRun.training();
        Dataset held = vaeRun.validation();
        double vaeClass = ClassFromCode.accuracy(vaeRun.model(), training, held);
        double cvaeClass = ClassFromCode.accuracy(cvaeRun.model(), cvaeRun.training(), cvaeRun.validation());

        NearestNeighbours nearest = new NearestNeighbours(training.pixels(training.size()),
                training.labels(training.size()), training.size(), training.pixelCount(), 10, 5);
        SoftmaxRegression linear = SoftmaxRegression.fit(training, 5);
        double nearestOnReal = share(nearest.classify(held.pixels(held.size()), held.size()), held.labels(held.size()));
        double linearOnReal = share(linear.classify(held.pixels(held.size()), held.size()), held.labels(held.size()));

        float[] generated = new float[10 * PER_CLASS * 784];
        int[] classes = new int[10 * PER_CLASS];
        for (int label = 0; label < 10; label++) {
            Path idx = folder.resolve("class-" + label + "-idx3-ubyte");
            Result sampled = CommandLineTest.cli("sample", "--run", cvae.toString(), "--label", Integer.toString(label),
                    "--count", Integer.toString(PER_CLASS), "--out", idx.toString());
            assertEquals(0, sampled.code(), sampled.err());
            Dataset read = IdxReader.read(idx);
            System.arraycopy(read.pixels(PER_CLASS), 0, generated, label * PER_CLASS * 784, PER_CLASS * 784);
            Arrays.fill(classes, label * PER_CLASS, (label + 1) * PER_CLASS, label);
        }
        int[] byNearest = nearest.classify(generated, classes.length);
        int[] byLinear = linear.classify(generated, classes.length);
        String report = String.format(Locale.ROOT, "class from the code, 10-NN: VAE %.1f %%, CVAE %.1f %%; classifiers on"
                + " held-out real digits: 5-NN %.1f %%, linear %.1f %%; generated digits recognised: 5-NN %.1f %% %s,"
                + " linear %.1f %% %s", 100 * vaeClass, 100 * cvaeClass, 100 * nearestOnReal, 100 * linearOnReal,
                100 * share(byNearest, classes), Arrays.toString(perClass(byNearest, classes)),
                100 * share(byLinear, classes), Arrays.toString(perClass(byLinear, classes)));
        System.out.println(report);

        assertTrue(vaeClass > 0.45 && cvaeClass < 0.3 && cvaeClass < vaeClass / 2, report);
        assertTrue(nearestOnReal > 0.93 && linearOnReal > 0.88, report);
        assertTrue(share(byNearest, classes) >= 0.85 && share(byLinear, classes) >= 0.85, report);
    }

    private Path train(String model) {
        Path out = folder.resolve(model);
        Result result = CommandLineTest.cli("train", "--model", model, "--epochs", "10", "--out", out.toString());
        assertEquals(0, result.code(), result.err());
        return out;
    }

    private static double share(int[] predicted, int[] truth) {
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += predicted[i] == truth[i] ? 1 : 0;
        }
        return (double) right / truth.length;
    }

    /** How many of each class's images were recognised as it. */
    private static int[] perClass(int[] predicted, int[] truth) {
        int[] right = new int[10];
        for (int i = 0; i < truth.length; i++) {
            right[truth[i]] += predicted[i] == truth[i] ? 1 : 0;
        }
        return right;
    }
}
