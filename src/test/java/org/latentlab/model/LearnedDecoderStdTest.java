package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Gaussian decoder's learned σ: its gradient, its value at the optimum and where it is kept. */
class LearnedDecoderStdTest {

    private static final int SIDE = 3;
    private static final int PIXELS = SIDE * SIDE;

    private static ModelConfig tiny(ModelKind kind, DecoderVariance variance, double initialStd) {
        return new ModelConfig(kind, SIDE, SIDE, List.of(7, 5), 2, Activation.TANH, Likelihood.GAUSSIAN, initialStd,
                11, 0, 0, variance);
    }

    /** {@code model} with σ = 0.4, 0.42, 0.44, … from the first pixel on (it starts at one value). */
    private static <M extends BackpropagatedModel<?>> M withVariedStds(M model) {
        ModelState state = model.state();
        float[] parameters = state.parameters();
        for (int c = 0; c < model.config().decoderStdParameters(); c++) {
            parameters[c] = (float) Math.log(0.4 + 0.02 * c);
        }
        model.restore(new ModelState(parameters, state.optimizerState(), 0));
        return model;
    }

    /**
     * {@code model} whose decoder's last layer gives every image the same means, 0.1, 0.2, … 0.9
     * (its weights 0, its biases those values): the last 8 × 9 parameters of {@link #tiny}.
     */
    private static DenseAutoencoder withFixedMeans(DenseAutoencoder model) {
        ModelState state = model.state();
        float[] parameters = state.parameters();
        int outputLayer = parameters.length - 8 * PIXELS;
        for (int i = outputLayer; i < parameters.length; i++) {
            int bias = i - (parameters.length - PIXELS);
            parameters[i] = bias < 0 ? 0f : 0.1f * (bias + 1);
        }
        model.restore(new ModelState(parameters, state.optimizerState(), 0));
        return model;
    }

    /** The log σ values come first in the layout; every other parameter after them. */
    @Test
    void theGradientOfLogStdAndOfEveryOtherParameterMatchesFiniteDifferences() {
        for (DecoderVariance variance : List.of(DecoderVariance.LEARNED, DecoderVariance.LEARNED_PER_PIXEL)) {
            ModelConfig config = tiny(ModelKind.VAE, variance, 0.5);
            int stds = config.decoderStdParameters();
            double[] result = GradientCheck.check(withVariedStds(new DenseAutoencoder(config)), 4,
                    new LossWeights(1.3, 0.7), 0, stds);
            assertTrue(result[0] < 5e-3, variance + ": log σ's worst relative gradient error " + result[0]);
            assertTrue(result[1] < 5e-3, variance + ": the network's worst relative gradient error " + result[1]);
            assertTrue(result[2] > 1e-2, variance + ": log σ gets no gradient");
        }
    }

    /** A conditional VAE and a hierarchical VAE learn σ the same way. */
    @Test
    void theOtherModelsLearnTheirStdWithGradientsThatMatchFiniteDifferences() {
        ModelConfig conditional = new ModelConfig(ModelKind.CVAE, SIDE, SIDE, List.of(7, 5), 2, Activation.ELU,
                Likelihood.GAUSSIAN, 0.5, 11, 0, 3, DecoderVariance.LEARNED_PER_PIXEL);
        double[] cvae = GradientCheck.check(withVariedStds(new DenseAutoencoder(conditional)), 4, new int[] {0, 1, 2, 1},
                new LossWeights(1, 1), 0, PIXELS);
        assertTrue(cvae[0] < 5e-3 && cvae[1] < 5e-3, "conditional VAE: " + cvae[0] + ", " + cvae[1]);
        ModelConfig hierarchical = new ModelConfig(ModelKind.HVAE, SIDE, SIDE, List.of(7, 5), 3, Activation.ELU,
                Likelihood.GAUSSIAN, 0.5, 11, 2, 0, DecoderVariance.LEARNED);
        double[] hvae = GradientCheck.check(new HierarchicalAutoencoder(hierarchical), 4, new LossWeights(1, 1), 0, 1);
        assertTrue(hvae[0] < 5e-3 && hvae[1] < 5e-3, "hierarchical VAE: " + hvae[0] + ", " + hvae[1]);
    }

    /** 5×5 images, 20 hidden units: the per-pixel kernel's vector loop runs. */
    @Test
    void perPixelGradientMatchesFiniteDifferencesThroughTheVectorKernels() {
        ModelConfig config = new ModelConfig(ModelKind.VAE, 5, 5, List.of(20), 2, Activation.ELU, Likelihood.GAUSSIAN,
                0.5, 13, 0, 0, DecoderVariance.LEARNED_PER_PIXEL);
        double worst = GradientCheck.worstError(withVariedStds(new DenseAutoencoder(config)), new LossWeights(1.1, 0.9));
        assertTrue(worst < 1e-2, "worst relative gradient error " + worst);
    }

    /** The reconstruction term is the normal negative log density at σ = e^s of each pixel. */
    @Test
    void theReconstructionIsTheNormalNegativeLogDensityAtEachPixelsLearnedStd() {
        DenseAutoencoder model = withFixedMeans(withVariedStds(new DenseAutoencoder(
                tiny(ModelKind.AUTOENCODER, DecoderVariance.LEARNED_PER_PIXEL, 0.3))));
        float[] x = GradientCheck.images(2, PIXELS, 6);
        double expected = 0;
        for (int i = 0; i < x.length; i++) {
            double std = 0.4 + 0.02 * (i % PIXELS);
            double r = (x[i] - 0.1 * (i % PIXELS + 1)) / std;
            expected += 0.5 * r * r + Math.log(std) + 0.5 * Math.log(2 * Math.PI);
        }
        assertEquals(expected / 2, model.evaluate(x, 2, new SplittableRandom(1)).reconstruction(), 1e-4);
        float[] stds = model.decoderWeights().pixelStds();
        assertEquals(0.4f, stds[0], 1e-6f);
        assertEquals(0.56f, stds[PIXELS - 1], 1e-6f);
        DecoderStd summary = model.decoderStd();
        assertEquals(0.4, summary.min(), 1e-6);
        assertEquals(0.56, summary.max(), 1e-6);
        assertEquals(0.48, summary.mean(), 1e-6);
    }

    /**
     * With every other parameter held, descending the gradient of log σ alone takes σ to the root
     * mean square of the residuals, over every pixel of every image when shared, over each pixel's
     * images when per pixel: where ∂/∂s Σ (½r²e^(−2s) + s) = Σ (1 − r²e^(−2s)) is zero.
     */
    @Test
    void withTheMeansHeldTheLearnedStdGoesToTheRootMeanSquareOfTheResiduals() {
        for (DecoderVariance variance : List.of(DecoderVariance.LEARNED, DecoderVariance.LEARNED_PER_PIXEL)) {
            DenseAutoencoder model = withFixedMeans(new DenseAutoencoder(tiny(ModelKind.AUTOENCODER, variance, 1.0)));
            int count = 16;
            float[] x = GradientCheck.images(count, PIXELS, 8);
            int stds = model.config().decoderStdParameters();
            double[] squares = new double[stds];
            for (int i = 0; i < x.length; i++) {
                double r = x[i] - 0.1 * (i % PIXELS + 1);
                squares[i % PIXELS % stds] += r * r;
            }
            for (int step = 0; step < 60; step++) {
                model.computeGradients(x, count, LossWeights.ELBO, new SplittableRandom(1));
                float[] gradient = model.gradient();
                ModelState state = model.state();
                float[] parameters = state.parameters();
                for (int c = 0; c < stds; c++) {
                    parameters[c] -= 0.4f * gradient[c] * stds / PIXELS; // a shared σ's gradient sums over the pixels
                }
                model.restore(new ModelState(parameters, state.optimizerState(), 0));
            }
            float[] learned = model.decoderWeights().pixelStds();
            for (int c = 0; c < stds; c++) {
                double rootMeanSquare = Math.sqrt(squares[c] / (count * PIXELS / stds));
                assertEquals(rootMeanSquare, learned[c], 1e-4 * rootMeanSquare, variance + ", σ " + c);
            }
        }
    }

    /**
     * Trained with Adam and everything else learning too, a shared σ ends where the residuals of
     * the means the autoencoder then gives have their root mean square. The means the loss sees
     * are not clipped to [0, 1] as decoded images are, so the mean square comes from the loss
     * itself: −log p per pixel = ½ r̄²/σ² + log σ + ½ log 2π.
     */
    @Test
    void trainedWithTheNetworkASharedStdFollowsTheRootMeanSquareOfTheResiduals() {
        DenseAutoencoder model = new DenseAutoencoder(tiny(ModelKind.AUTOENCODER, DecoderVariance.LEARNED, 0.5));
        int count = 32;
        float[] x = GradientCheck.images(count, PIXELS, 3);
        for (int step = 0; step < 3000; step++) {
            model.trainStep(x, count, LossWeights.ELBO, step < 2000 ? 1e-2 : 1e-3);
        }
        double std = model.decoderStd().mean();
        double perPixel = model.evaluate(x, count, new SplittableRandom(1)).reconstruction() / PIXELS;
        double rootMeanSquare = Math.sqrt(2 * std * std * (perPixel - Math.log(std) - 0.5 * Math.log(2 * Math.PI)));
        assertEquals(rootMeanSquare, std, 0.01 * rootMeanSquare);
        assertTrue(rootMeanSquare < 0.25, "the means did not learn: residuals of " + rootMeanSquare);
    }

    /**
     * One image, 16 times: the autoencoder learns to give it nearly exactly (to within the jitter of
     * its Adam steps), and the σ of the pixels it fits best would shrink at Adam's pace, 10⁻² in
     * log σ a step, for ever. They stop at 1/255.
     */
    @Test
    void aStdNeverFallsBelowTheStepBetweenEightBitIntensities() {
        DenseAutoencoder model = new DenseAutoencoder(tiny(ModelKind.AUTOENCODER, DecoderVariance.LEARNED_PER_PIXEL, 0.05));
        float[] image = GradientCheck.images(1, PIXELS, 2);
        float[] x = new float[16 * PIXELS];
        for (int i = 0; i < 16; i++) {
            System.arraycopy(image, 0, x, i * PIXELS, PIXELS);
        }
        for (int step = 0; step < 1500; step++) {
            assertTrue(model.trainStep(x, 16, LossWeights.ELBO, 1e-2).isFinite(), "step " + step);
        }
        float[] stds = model.decoderWeights().pixelStds();
        int atTheFloor = 0;
        for (float std : stds) {
            assertTrue(std > 1.0 / 255 - 1e-7, "σ " + std);
            atTheFloor += Math.abs(std - 1.0 / 255) < 1e-7 ? 1 : 0;
        }
        assertTrue(atTheFloor > 0, "no σ reached the floor: " + java.util.Arrays.toString(stds));
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> tiny(ModelKind.VAE, DecoderVariance.LEARNED, 0.001));
        assertEquals("a learned σ cannot go below 1/255 ≈ 0.0039, the step between 8-bit intensities, so it cannot"
                + " start at 0.001", tooSmall.getMessage());
    }

    @Test
    void aLearnedStdBelongsToTheGaussianDecoder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelConfig(ModelKind.VAE, 4, 4, List.of(8), 2, Activation.RELU, Likelihood.BERNOULLI, 0.1,
                        1, 0, 0, DecoderVariance.LEARNED));
        assertEquals("a learned σ belongs to the Gaussian decoder (--decoder gaussian): the bernoulli decoder has no σ,"
                + " each pixel's variance p(1 − p) follows from its mean", e.getMessage());
    }

    @Test
    void learnedStdsAddOneParameterOrOnePerPixelAndStartAtTheConfiguredStd() {
        ModelConfig fixed = tiny(ModelKind.VAE, DecoderVariance.FIXED, 0.3);
        assertEquals(fixed.parameterCount() + 1, tiny(ModelKind.VAE, DecoderVariance.LEARNED, 0.3).parameterCount());
        ModelConfig perPixel = tiny(ModelKind.VAE, DecoderVariance.LEARNED_PER_PIXEL, 0.3);
        assertEquals(fixed.parameterCount() + PIXELS, perPixel.parameterCount());
        assertEquals(fixed.weightCount(), perPixel.weightCount());
        DenseAutoencoder model = new DenseAutoencoder(perPixel);
        assertEquals(perPixel.parameterCount(), model.state().parameterCount());
        assertEquals(DecoderStd.shared(0.3).mean(), model.decoderStd().mean(), 1e-6);
        assertEquals(0.3, model.decoderStd().max(), 1e-6);
        // The network's own weights are drawn as they would be with σ fixed.
        float[] withStd = model.state().parameters();
        float[] withoutStd = new DenseAutoencoder(fixed).state().parameters();
        assertArrayEquals(withoutStd, java.util.Arrays.copyOfRange(withStd, PIXELS, withStd.length), 0f);
    }
}
