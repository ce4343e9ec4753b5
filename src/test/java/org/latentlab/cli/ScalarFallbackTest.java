package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.latentlab.model.NativeBackend;

/**
 * {@code java -jar} cannot add the Vector API module: the program must then run on the scalar
 * kernels, say so, and train exactly as far, while still getting the OpenBLAS kernels and thread
 * count chosen for this machine with nothing set by hand. One epoch of {@code bench} in a child JVM
 * started without the module or {@code OMP_NUM_THREADS}, against the same epoch in this JVM.
 */
class ScalarFallbackTest {

    private static final Pattern EPOCH_LOSS = Pattern.compile("(?m)^epoch 1 seconds \\S+ loss (\\S+) ");

    @Test
    void benchTrainsToTheSameLossOnScalarKernelsWithoutTheVectorModule() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.latentlab.app.Launcher", "bench", "--epochs", "1");
        builder.environment().remove("OMP_NUM_THREADS");
        builder.redirectErrorStream(true);
        Process child = builder.start();
        String scalar = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child JVM finished");
        assertEquals(0, child.exitValue(), scalar);
        assertTrue(scalar.contains("kernels: scalar (start Java with --add-modules jdk.incubator.vector"), scalar);
        String blas = NativeBackend.report().description();
        assertTrue(System.getenv("OMP_NUM_THREADS") != null || blas.endsWith(", 1 thread"), blas);
        assertTrue(scalar.contains("blas: " + blas + ";"), "the child chose as this JVM did: " + blas + "\n" + scalar);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, LatentLabCommand.execute(new String[] {"bench", "--epochs", "1"}, new PrintWriter(out),
                new PrintWriter(err)), err.toString());
        String vector = out.toString();
        assertTrue(vector.contains("kernels: Vector API"), vector);
        assertFalse(vector.contains("kernels: scalar"), vector);

        double scalarLoss = firstEpochLoss(scalar);
        double vectorLoss = firstEpochLoss(vector);
        assertEquals(253.4, vectorLoss, 1.0, "the reference VAE's first epoch on the 10,000 digits");
        assertEquals(vectorLoss, scalarLoss, 0.02, "scalar and vector kernels train alike");
        for (String output : new String[] {scalar, vector}) {
            assertTrue(output.contains("\nsubnormals 0 in the training state: 0 of 404,244 parameters, 0 in Adam's first"
                    + " and 0 in its second moments"), output);
        }
    }

    private static double firstEpochLoss(String output) {
        Matcher m = EPOCH_LOSS.matcher(output);
        assertTrue(m.find(), output);
        return Double.parseDouble(m.group(1));
    }
}
