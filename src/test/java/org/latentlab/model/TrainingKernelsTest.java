package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The element-wise kernels: the scalar reference against closed forms, and the Vector API versions
 * against the scalar ones on shapes whose rows end in a part shorter than a vector.
 */
class TrainingKernelsTest {

    private static final int ROWS = 5;
    private static final int COLUMNS = 37; // two 16-lane vectors and a 5-column tail per row

    private static void assumeVectorModule() {
        assumeTrue(ModuleLayer.boot().findModule(TrainingKernels.VECTOR_MODULE).isPresent(),
                "the Vector API kernels need --add-modules jdk.incubator.vector");
    }

    /** A copy of {@code values} in native memory, as the kernels read it. */
    static NativeFloats memory(float[] values) {
        return new NativeFloats(Nd4j.createFromArray(values.clone()).reshape(1, values.length));
    }

    static float[] values(NativeFloats memory) {
        float[] out = new float[memory.length()];
        memory.copyTo(0, out, 0, out.length);
        return out;
    }

    private static float[] random(int count, double low, double high, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(low, high);
        }
        return values;
    }

    @Test
    void vectorActivationsMatchTheScalarReference() {
        assumeVectorModule();
        int stride = COLUMNS + 1;
        for (Activation f : Activation.values()) {
            float[] a = random(ROWS * COLUMNS, -3, 3, f.ordinal());
            NativeFloats scalarOut = NativeFloats.augmentedMatrix(ROWS, COLUMNS);
            NativeFloats vectorOut = NativeFloats.augmentedMatrix(ROWS, COLUMNS);
            new ActivationKernels().forward(f, memory(a), scalarOut, ROWS, COLUMNS, stride);
            new VectorActivationKernels().forward(f, memory(a), vectorOut, ROWS, COLUMNS, stride);
            assertArrayEquals(values(scalarOut), values(vectorOut), 2e-6f, f + " forward");
            for (int r = 0; r < ROWS; r++) {
                assertEquals(1f, vectorOut.get(r * stride + COLUMNS), 0f, "the ones column stays");
            }

            float[] dy = random(ROWS * COLUMNS, -1, 1, 10 + f.ordinal());
            NativeFloats scalarGradient = memory(dy);
            NativeFloats vectorGradient = memory(dy);
            new ActivationKernels().backward(f, scalarGradient, scalarOut, ROWS, COLUMNS, stride);
            new VectorActivationKernels().backward(f, vectorGradient, scalarOut, ROWS, COLUMNS, stride);
            assertArrayEquals(values(scalarGradient), values(vectorGradient), 2e-6f, f + " backward");
        }
    }

    @Test
    void bernoulliLossIsSoftplusMinusXTimesLogitWithSigmoidGradient() {
        float[] logits = {0f, 30f, -30f, 2f};
        float[] targets = {0.5f, 1f, 1f, 0f};
        NativeFloats gradient = memory(new float[4]);
        double loss = new LikelihoodKernels().bernoulli(memory(logits), memory(targets), 4, gradient, 2f, 1, 4);
        double expected = Math.log(2) + Math.log1p(Math.exp(-30)) + (30 + Math.log1p(Math.exp(-30)))
                + (2 + Math.log1p(Math.exp(-2)));
        assertEquals(expected, loss, 1e-6);
        float[] expectedGradient = {0f, 2 * (sigmoid(30) - 1), 2 * (sigmoid(-30) - 1), 2 * sigmoid(2)};
        assertArrayEquals(expectedGradient, values(gradient), 1e-6f);
    }

    @Test
    void softplusSumsAreTheBernoulliLossOfAnAllBlackImage() {
        float[] logits = random(ROWS * COLUMNS, -12, 12, 5);
        logits[3] = 50f; // past the saturation: softplus(50) = 50, softplus(−50) = 0 to float precision
        logits[COLUMNS + 4] = -50f;
        double[] sums = new double[ROWS];
        new LikelihoodKernels().softplusSums(memory(logits), ROWS, COLUMNS, sums);
        for (int r = 0; r < ROWS; r++) {
            double expected = 0;
            for (int c = 0; c < COLUMNS; c++) {
                double l = logits[r * COLUMNS + c];
                expected += Math.log1p(Math.exp(-Math.abs(l))) + Math.max(l, 0);
            }
            assertEquals(expected, sums[r], 1e-9 * expected, "row " + r);
        }
        assumeVectorModule();
        double[] vector = new double[ROWS];
        new VectorLikelihoodKernels().softplusSums(memory(logits), ROWS, COLUMNS, vector);
        double[] bernoulli = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            assertEquals(sums[r], vector[r], 1e-6 * sums[r], "vectors, row " + r);
            bernoulli[r] = new LikelihoodKernels().bernoulli(memory(java.util.Arrays.copyOfRange(logits, r * COLUMNS,
                    (r + 1) * COLUMNS)), memory(new float[COLUMNS]), COLUMNS, null, 1f, 1, COLUMNS);
            assertEquals(bernoulli[r], sums[r], 1e-9 * sums[r], "x = 0, row " + r);
        }
    }

    private static float sigmoid(double l) {
        return (float) (1 / (1 + Math.exp(-l)));
    }

    @Test
    void vectorLikelihoodsMatchTheScalarReference() {
        assumeVectorModule();
        int stride = COLUMNS + 1;
        float[] outputs = random(ROWS * COLUMNS, -12, 12, 3);
        float[] targets = random(ROWS * stride, 0, 1, 4);
        for (Likelihood likelihood : Likelihood.values()) {
            NativeFloats scalarGradient = memory(new float[ROWS * COLUMNS]);
            NativeFloats vectorGradient = memory(new float[ROWS * COLUMNS]);
            double scalar = new LikelihoodKernels().negativeLogLikelihood(likelihood, 0.3, memory(outputs),
                    memory(targets), stride, scalarGradient, 0.25f, ROWS, COLUMNS);
            double vector = new VectorLikelihoodKernels().negativeLogLikelihood(likelihood, 0.3, memory(outputs),
                    memory(targets), stride, vectorGradient, 0.25f, ROWS, COLUMNS);
            assertEquals(scalar, vector, 1e-5 * Math.abs(scalar), likelihood + " loss");
            assertArrayEquals(values(scalarGradient), values(vectorGradient), 1e-5f, likelihood + " gradient");
            double withoutGradient = new VectorLikelihoodKernels().negativeLogLikelihood(likelihood, 0.3,
                    memory(outputs), memory(targets), stride, null, 0.25f, ROWS, COLUMNS);
            assertEquals(vector, withoutGradient, 1e-9 * Math.abs(vector), likelihood + " loss without gradient");

            NativeFloats scalarImages = memory(outputs);
            NativeFloats vectorImages = memory(outputs);
            new LikelihoodKernels().meanImage(likelihood, scalarImages, 3, outputs.length);
            new VectorLikelihoodKernels().meanImage(likelihood, vectorImages, 3, outputs.length);
            assertArrayEquals(values(scalarImages), values(vectorImages), 1e-6f, likelihood + " mean image");
            assertEquals(outputs[2], vectorImages.get(2), 0f, "values before 'from' are left alone");
        }
    }

    @Test
    void vectorExponentialIsWithinAFewUlpOfJavasMath() {
        assumeVectorModule();
        int count = 4096;
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = (i % 2 == 0 ? 1 : -1) * 40f * i / count; // e^−|x| down to about 4·10⁻¹⁸
        }
        float[] e = new float[count];
        for (float k : new float[] {1f, 2f}) {
            VectorMath.expOfNegativeAbs(memory(x), 0, k, e, count);
            double worst = 0;
            for (int i = 0; i < count; i++) {
                double exact = Math.exp(-k * Math.abs(x[i]));
                worst = Math.max(worst, k * Math.abs(x[i]) > 40 ? e[i] : Math.abs(e[i] / exact - 1));
            }
            assertTrue(worst < 4e-7, "relative error " + worst + " for k = " + k);
        }
        VectorMath.expOfNegativeAbs(memory(new float[] {0f, -200f, 200f, 1e-30f, -39.99f, 40.01f, -87.3f, 0f, 0f, 0f,
                0f, 0f, 0f, 0f, 0f, 0f}), 0, 1f, e, VectorMath.SPECIES.length());
        assertEquals(1f, e[0], 0f);
        assertEquals(1f, e[3], 0f);
        assertEquals(Math.exp(-39.99f), e[4], 4e-7 * e[4], "the last exponent kept");
        for (int i : new int[] {1, 2, 5, 6}) {
            assertEquals(0f, e[i], 0f, "beyond e^−40 the result is 0, not a number that its users would make subnormal");
        }
    }

    /**
     * The vector kernels must not depend on whether the JIT has compiled them (the Vector API's
     * own transcendental functions and reductions did): the first call, likely interpreted, and a
     * call after many give the same bits.
     */
    @Test
    void vectorKernelsGiveTheSameBitsBeforeAndAfterCompilation() {
        assumeVectorModule();
        int rows = 64;
        int columns = 784;
        float[] outputs = random(rows * columns, -12, 12, 11);
        float[] targets = random(rows * (columns + 1), 0, 1, 12);
        VectorLikelihoodKernels likelihood = new VectorLikelihoodKernels();
        VectorActivationKernels activation = new VectorActivationKernels();
        NativeFloats firstGradient = memory(new float[rows * columns]);
        double first = likelihood.bernoulli(memory(outputs), memory(targets), columns + 1, firstGradient, 0.5f, rows, columns);
        NativeFloats firstActivation = NativeFloats.augmentedMatrix(rows, columns);
        activation.forward(Activation.TANH, memory(outputs), firstActivation, rows, columns, columns + 1);

        NativeFloats o = memory(outputs);
        NativeFloats t = memory(targets);
        NativeFloats g = memory(new float[rows * columns]);
        NativeFloats h = NativeFloats.augmentedMatrix(rows, columns);
        for (int i = 0; i < 3_000; i++) {
            likelihood.bernoulli(o, t, columns + 1, g, 0.5f, rows, columns);
            activation.forward(Activation.TANH, o, h, rows, columns, columns + 1);
        }
        assertEquals(first, likelihood.bernoulli(o, t, columns + 1, g, 0.5f, rows, columns), 0.0);
        assertArrayEquals(values(firstGradient), values(g), 0f);
        activation.forward(Activation.TANH, o, h, rows, columns, columns + 1);
        assertArrayEquals(values(firstActivation), values(h), 0f);
    }

    @Test
    void firstAdamStepMovesEachParameterByTheLearningRateAgainstItsGradient() {
        assumeVectorModule();
        // t = 1 from zero moments: m̂ = g, v̂ = g², so p ← p − lr · g / (|g| + ε).
        int n = 45;
        float[] p = random(n, -1, 1, 5);
        float[] g = random(n, -2, 2, 6);
        for (AdamKernel kernel : new AdamKernel[] {new AdamKernel(), new VectorAdamKernel()}) {
            float[] updated = adamSteps(kernel, p, g, 1);
            for (int i = 0; i < n; i++) {
                double expected = p[i] - 1e-2 * g[i] / (Math.abs(g[i]) + 1e-8);
                assertEquals(expected, updated[i], 2e-7, kernel.getClass().getSimpleName() + " parameter " + i);
            }
        }
    }

    @Test
    void vectorAdamMatchesScalarAdamOverSeveralSteps() {
        assumeVectorModule();
        int n = 45;
        float[] p = random(n, -1, 1, 7);
        float[] g = random(n, -2, 2, 8);
        float[] scalar = adamSteps(new AdamKernel(), p, g, 5);
        float[] vector = adamSteps(new VectorAdamKernel(), p, g, 5);
        assertArrayEquals(scalar, vector, 1e-7f);
        assertTrue(Math.abs(scalar[0] - p[0]) > 4e-2, "five steps of lr 0.01 moved the parameter");
    }

    /** {@code steps} Adam updates with a fixed gradient, lr 0.01, from zero moments; the parameters after. */
    private static float[] adamSteps(AdamKernel kernel, float[] p, float[] g, int steps) {
        NativeFloats parameters = memory(p);
        AdamOptimizer adam = new AdamOptimizer(parameters.array, memory(g).array,
                Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 2 * p.length), kernel);
        for (int t = 1; t <= steps; t++) {
            adam.update(1e-2, t);
        }
        return values(parameters);
    }
}
