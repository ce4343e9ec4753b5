package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DenseAutoencoderTest {

    private static final int SIDE = 3; // 9-pixel images keep the finite-difference check quick

    private static ModelConfig tiny(ModelKind kind, Activation activation, Likelihood likelihood) {
        return new ModelConfig(kind, SIDE, SIDE, List.of(7, 5), 2, activation, likelihood, 0.5, 11);
    }

    private static float[] images(int count, long seed) {
        return GradientCheck.images(count, SIDE * SIDE, seed);
    }

    private static void assertGradientMatchesFiniteDifferences(ModelConfig config, LossWeights weights) {
        assertGradientMatchesFiniteDifferences(config, weights, 5e-3);
    }

    private static void assertGradientMatchesFiniteDifferences(ModelConfig config, LossWeights weights, double tolerance) {
        double worst = GradientCheck.worstError(new DenseAutoencoder(config), weights);
        assertTrue(worst < tolerance, "worst relative gradient error " + worst);
    }

    @Test
    void vaeGradientMatchesFiniteDifferencesWithWeightedTerms() {
        assertGradientMatchesFiniteDifferences(tiny(ModelKind.VAE, Activation.TANH, Likelihood.BERNOULLI),
                new LossWeights(1.3, 0.7));
    }

    /**
     * 5×5 images and 20 hidden units: rows longer than one 16-float vector, so the vector kernels
     * run. They sum the loss in float lanes, which adds ≈1e-6 nats of noise to each objective and
     * so ≈5e-5 to a central difference over 2h = 0.02: hence the looser bound.
     */
    @Test
    void gradientMatchesFiniteDifferencesThroughTheVectorKernels() {
        for (Likelihood likelihood : Likelihood.values()) {
            assertGradientMatchesFiniteDifferences(new ModelConfig(ModelKind.VAE, 5, 5, List.of(20), 2, Activation.ELU,
                    likelihood, 0.5, 13), new LossWeights(1.1, 0.9), 1e-2);
        }
    }

    @Test
    void klOnlyGradientMatchesFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(tiny(ModelKind.VAE, Activation.ELU, Likelihood.BERNOULLI),
                new LossWeights(0, 1));
    }

    @Test
    void gaussianDecoderGradientMatchesFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(tiny(ModelKind.VAE, Activation.TANH, Likelihood.GAUSSIAN),
                new LossWeights(1, 2));
    }

    @Test
    void autoencoderGradientMatchesFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(tiny(ModelKind.AUTOENCODER, Activation.TANH, Likelihood.BERNOULLI),
                LossWeights.ELBO);
    }

    @Test
    void reportedKlIsTheClosedFormOfTheEncodedPosteriors() {
        DenseAutoencoder model = new DenseAutoencoder(tiny(ModelKind.VAE, Activation.RELU, Likelihood.BERNOULLI));
        float[] x = images(6, 9);
        double[] perDimension = model.encode(x, 6).klPerDimension();
        BatchLosses losses = model.evaluate(x, 6, new SplittableRandom(1));
        assertEquals(perDimension[0] + perDimension[1], losses.kl(), 1e-5);
        assertArrayEquals(perDimension, losses.klPerDimension(), 1e-5);
    }

    @Test
    void bernoulliReconstructionIsBinaryCrossEntropyOfTheDecodedProbabilities() {
        ModelConfig config = tiny(ModelKind.AUTOENCODER, Activation.RELU, Likelihood.BERNOULLI);
        DenseAutoencoder model = new DenseAutoencoder(config);
        float[] x = images(3, 2);
        Encoding codes = model.encode(x, 3);
        float[] probabilities = model.decode(codes.means(), 3);
        double expected = 0;
        for (int i = 0; i < x.length; i++) {
            expected -= x[i] * Math.log(probabilities[i]) + (1 - x[i]) * Math.log(1 - probabilities[i]);
        }
        BatchLosses losses = model.evaluate(x, 3, new SplittableRandom(1));
        assertEquals(expected / 3, losses.reconstruction(), 1e-4);
        assertEquals(0.0, losses.kl(), 0.0);
    }

    @Test
    void gaussianReconstructionIsTheNormalNegativeLogDensity() {
        ModelConfig config = new ModelConfig(ModelKind.AUTOENCODER, SIDE, SIDE, List.of(4), 2, Activation.TANH,
                Likelihood.GAUSSIAN, 0.3, 4);
        DenseAutoencoder model = new DenseAutoencoder(config);
        // Pin the output layer (the last 4×9 weights and 9 biases) so every decoded mean is 0.5.
        ModelState state = model.state();
        float[] parameters = state.parameters();
        int pixels = SIDE * SIDE;
        int outputLayer = parameters.length - (4 * pixels + pixels);
        for (int i = outputLayer; i < parameters.length; i++) {
            parameters[i] = i < parameters.length - pixels ? 0f : 0.5f;
        }
        model.restore(new ModelState(parameters, state.optimizerState(), 0));
        float[] x = images(1, 6);
        double expected = 0;
        for (float value : x) {
            double r = (value - 0.5) / 0.3;
            expected += 0.5 * r * r + Math.log(0.3) + 0.5 * Math.log(2 * Math.PI);
        }
        assertEquals(expected, model.evaluate(x, 1, new SplittableRandom(1)).reconstruction(), 1e-5);
        assertEquals(0.5f, model.decode(new float[] {0.3f, -1f}, 1)[0], 0f);
    }

    @Test
    void snapshotDecoderReproducesTheTrainingNetworkExactly() {
        DenseAutoencoder model = new DenseAutoencoder(ModelConfig.reference(ModelKind.VAE, 3));
        float[] x = new float[8 * 784];
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        model.trainStep(x, 8, LossWeights.ELBO, 1e-3);
        float[] z = {0f, 0f, 1.5f, -0.5f, -2f, 2f};
        assertArrayEquals(model.decode(z, 3), new SnapshotDecoder(model.decoderWeights()).decode(z, 3), 0f);
    }

    @Test
    void autoencoderHasNoPosterior() {
        DenseAutoencoder model = new DenseAutoencoder(tiny(ModelKind.AUTOENCODER, Activation.RELU, Likelihood.BERNOULLI));
        Encoding codes = model.encode(images(2, 1), 2);
        assertFalse(codes.hasPosterior());
        assertNull(codes.logVariances());
        assertEquals(0, codes.klPerDimension()[0], 0.0);
    }

    @Test
    void stepIsSkippedWhenTheLossIsNotFinite() {
        DenseAutoencoder model = new DenseAutoencoder(tiny(ModelKind.VAE, Activation.RELU, Likelihood.BERNOULLI));
        float[] x = images(2, 1);
        x[3] = Float.NaN;
        float[] before = model.state().parameters();
        BatchLosses losses = model.trainStep(x, 2, LossWeights.ELBO, 1e-3);
        assertFalse(losses.isFinite());
        assertArrayEquals(before, model.state().parameters(), 0f);
        assertEquals(0, model.steps());
    }

    @Test
    void sameSeedGivesSameTraining() {
        float[] x = images(16, 4);
        double[] first = new double[3];
        double[] second = new double[3];
        DenseAutoencoder a = new DenseAutoencoder(tiny(ModelKind.VAE, Activation.RELU, Likelihood.BERNOULLI));
        DenseAutoencoder b = new DenseAutoencoder(tiny(ModelKind.VAE, Activation.RELU, Likelihood.BERNOULLI));
        for (int i = 0; i < 3; i++) {
            first[i] = a.trainStep(x, 16, LossWeights.ELBO, 1e-2).objective();
            second[i] = b.trainStep(x, 16, LossWeights.ELBO, 1e-2).objective();
        }
        assertArrayEquals(first, second, 0.0);
    }
}
