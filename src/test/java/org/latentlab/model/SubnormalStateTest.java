package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.model.TrainingKernelsTest.memory;
import static org.latentlab.model.TrainingKernelsTest.values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.latentlab.model.ModelState.SubnormalCounts;

/**
 * Training must not leave floats below the normal range (0 &lt; |x| &lt; 1.18·10⁻³⁸) in its state or
 * in what it feeds the multiplies: x86 computes with them in slow microcode, and a long run slowed
 * to a third (issue 15, docs/decisions/0012). Each check runs on the scalar kernels and, when the
 * Vector API is present, on the vector ones.
 */
class SubnormalStateTest {

    private static final int BLANK_PIXELS = 10;
    private static final String COUNTS = "subnormal parameters, m, v:";

    private static List<AdamKernel> adamKernels() {
        return TrainingKernels.vectorized() ? List.of(new AdamKernel(), new VectorAdamKernel()) : List.of(new AdamKernel());
    }

    private static List<LikelihoodKernels> likelihoodKernels() {
        return TrainingKernels.vectorized()
                ? List.of(new LikelihoodKernels(), new VectorLikelihoodKernels())
                : List.of(new LikelihoodKernels());
    }

    /**
     * Parameters whose gradient stops: m decays by β₁ = 0.9 a step and, unflushed, sticks at a few
     * times 2⁻¹⁴⁹ (0.9·k rounds back to k for k ≤ 4). Parameters idle from the start, whose v
     * begins just above the normal range, decay by β₂ below it. The parameters must end where
     * Adam without any flushing, in double, puts them.
     */
    @Test
    void adamZeroesMomentsThatDecayBelowTheNormalRangeWithoutMovingTheParameters() {
        int n = 45;
        SplittableRandom random = new SplittableRandom(5);
        float[] p = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) random.nextDouble(-1, 1);
            g[i] = i < n / 2 ? (float) random.nextDouble(-0.1, 0.1) : 0f;
        }
        float[] state = new float[2 * n];
        for (int i = n / 2; i < n; i++) {
            state[n + i] = 3 * Float.MIN_NORMAL; // the second half has been idle long: m = 0, v tiny
        }
        for (AdamKernel kernel : adamKernels()) {
            String name = kernel.getClass().getSimpleName();
            NativeFloats parameters = memory(p);
            NativeFloats gradient = memory(g);
            NativeFloats moments = memory(state);
            AdamOptimizer adam = new AdamOptimizer(parameters.array, gradient.array, moments.array, kernel);
            double[] expected = doubleAdam(p, g, state, 10, 1_200);
            for (int t = 1; t <= 1_210; t++) {
                if (t == 11) {
                    gradient.copyFrom(new float[n], 0, 0, n); // the gradient stops after ten steps
                }
                adam.update(1e-3, t);
            }
            SubnormalCounts counts = new ModelState(values(parameters), values(moments), 1_210).subnormalCounts();
            assertEquals(new SubnormalCounts(0, 0, 0), counts, name);
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i], parameters.get(i), 2e-6, name + " parameter " + i);
            }
        }
    }

    /** Adam in double with no flushing: {@code active} steps of gradient g, then {@code idle} steps of none. */
    private static double[] doubleAdam(float[] p, float[] g, float[] state, int active, int idle) {
        int n = p.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = p[i];
            double m = state[i];
            double v = state[n + i];
            for (int t = 1; t <= active + idle; t++) {
                double gradient = t <= active ? g[i] : 0;
                m = AdamKernel.BETA1 * m + (1 - AdamKernel.BETA1) * gradient;
                v = AdamKernel.BETA2 * v + (1 - AdamKernel.BETA2) * gradient * gradient;
                double mHat = m / (1 - Math.pow(AdamKernel.BETA1, t));
                double vHat = v / (1 - Math.pow(AdamKernel.BETA2, t));
                x[i] -= 1e-3 * mHat / (Math.sqrt(vHat) + AdamKernel.EPSILON);
            }
        }
        return x;
    }

    /**
     * Logits far below zero, where σ(l) and so the gradient σ(l)/B underflow: the loss is still
     * softplus(l) − x·l, and neither the gradient nor the decoded probability is subnormal.
     */
    @Test
    void bernoulliTermWritesNoSubnormalGradientForVeryNegativeLogits() {
        float[] extremes = {-30f, -41f, -60f, -83f, -87.2f, -87.4f, -90f, -104f, -120f, -200f, 41f, 90f};
        int columns = 37; // two 16-lane vectors and a tail
        float[] logits = new float[columns];
        float[] targets = new float[columns];
        for (int c = 0; c < columns; c++) {
            logits[c] = extremes[c % extremes.length];
            targets[c] = c % 5 == 4 ? 1f : 0f;
        }
        double expected = 0;
        for (int c = 0; c < columns; c++) {
            double l = logits[c];
            expected += Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l))) - targets[c] * l;
        }
        for (LikelihoodKernels kernel : likelihoodKernels()) {
            String name = kernel.getClass().getSimpleName();
            NativeFloats gradient = memory(new float[columns]);
            double loss = kernel.negativeLogLikelihood(Likelihood.BERNOULLI, 1, memory(logits), memory(targets),
                    columns, gradient, 1f / 128, 1, columns);
            assertEquals(expected, loss, 1e-6 * expected, name + " loss");
            float[] written = values(gradient);
            assertEquals(0, Subnormals.count(written, 0, columns), name + " gradient " + Arrays.toString(written));
            for (int c = 0; c < columns; c++) {
                double sigmoid = 1 / (1 + Math.exp(-logits[c]));
                assertEquals((sigmoid - targets[c]) / 128, written[c], 1e-9, name + " gradient " + c);
            }
            NativeFloats images = memory(logits);
            kernel.meanImage(Likelihood.BERNOULLI, images, 0, columns);
            assertEquals(0, Subnormals.count(values(images), 0, columns), name + " mean image");
        }
    }

    /**
     * The case: pixels that are blank in every image of a batch give their first-layer
     * weights no gradient, so their m decays away; after that, and 1,000 steps on, neither the
     * parameters nor Adam's moments hold a subnormal value.
     */
    @Test
    void trainingLeavesNoSubnormalInTheStateWhenPixelsStayBlank() {
        assertEquals(new SubnormalCounts(0, 0, 0), trainWithPixelsGoingBlank().subnormalCounts());
    }

    /** The same on the scalar kernels, in a JVM started with {@code -Dlatentlab.kernels=scalar}. */
    @Test
    void scalarKernelsLeaveNoSubnormalInTheStateEither() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-Dlatentlab.kernels=scalar", "-cp",
                System.getProperty("java.class.path"), SubnormalStateTest.class.getName());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.redirectErrorStream(true);
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child JVM finished");
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("kernels: scalar"), output);
        assertTrue(output.contains(COUNTS + " 0 0 0"), output);
    }

    /** Runs {@link #trainWithPixelsGoingBlank} in this JVM, with whichever kernels it has, and prints the counts. */
    public static void main(String[] args) {
        SubnormalCounts counts = trainWithPixelsGoingBlank().subnormalCounts();
        System.out.println(TrainingKernels.description());
        System.out.println(COUNTS + " " + counts.parameters() + " " + counts.firstMoments() + " " + counts.secondMoments());
    }

    /**
     * A small VAE (25 pixels, 20 hidden units, so that both the vector loops and their scalar
     * tails run) trained 20 steps on 16 images with every pixel inked, then 1,000 steps on 16
     * images whose first {@value #BLANK_PIXELS} pixels are blank.
     */
    private static ModelState trainWithPixelsGoingBlank() {
        DenseAutoencoder model = new DenseAutoencoder(new ModelConfig(ModelKind.VAE, 5, 5, List.of(20), 2,
                Activation.RELU, Likelihood.BERNOULLI, 0.5, 17));
        int count = 16;
        int pixels = 25;
        SplittableRandom random = new SplittableRandom(18);
        float[] inked = new float[count * pixels];
        float[] partlyBlank = new float[count * pixels];
        for (int i = 0; i < inked.length; i++) {
            inked[i] = (float) random.nextDouble(0.2, 1);
            partlyBlank[i] = i % pixels < BLANK_PIXELS ? 0f : (float) random.nextDouble();
        }
        for (int step = 0; step < 20; step++) {
            model.trainStep(inked, count, LossWeights.ELBO, 1e-3);
        }
        for (int step = 0; step < 1_000; step++) {
            model.trainStep(partlyBlank, count, LossWeights.ELBO, 1e-3);
        }
        return model.state();
    }
}
