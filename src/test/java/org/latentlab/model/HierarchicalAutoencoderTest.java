package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HierarchicalAutoencoderTest {

    private static final int SIDE = 3;
    private static final String[] GROUPS = {"encoder", "q(z₁|x) heads", "q(z₂|x) heads", "p(z₁|z₂) hidden layer",
            "p(z₁|z₂) heads", "decoder"};

    /** 3×3 images, hidden 7 then 5, z₁ of 3 and z₂ of 2: every group small enough to check one by one. */
    static ModelConfig tiny(Activation activation, Likelihood likelihood) {
        return new ModelConfig(ModelKind.HVAE, SIDE, SIDE, List.of(7, 5), 3, activation, likelihood, 0.5, 11, 2);
    }

    /** Where each group of {@link #GROUPS} starts in the flat layout of {@link #tiny}. */
    static long[] groupStarts() {
        long encoder = 10 * 7 + 8 * 5;
        long lowerHeads = encoder + 2 * 6 * 3;
        long upperHeads = lowerHeads + 2 * 6 * 2;
        long priorHidden = upperHeads + 3 * 5;
        long priorHeads = priorHidden + 2 * 6 * 3;
        return new long[] {0, encoder, lowerHeads, upperHeads, priorHidden, priorHeads};
    }

    private static void assertEveryGroupMatchesFiniteDifferences(ModelConfig config, LossWeights weights,
            double tolerance) {
        double[] result = GradientCheck.check(new HierarchicalAutoencoder(config), 4, weights, groupStarts());
        // KL alone never reaches the decoder.
        GradientCheck.assertEveryGroup(result, GROUPS, tolerance, g -> weights.reconstruction() > 0 || g < 5);
    }

    @Test
    void layoutOfTheTestMatchesTheConfiguration() {
        ModelConfig config = tiny(Activation.TANH, Likelihood.BERNOULLI);
        long decoder = groupStarts()[5] + 4 * 5 + 6 * 7 + 8 * 9;
        assertEquals(decoder, config.parameterCount());
        assertEquals(config.parameterCount(), new HierarchicalAutoencoder(config).state().parameterCount());
    }

    @Test
    void everyParameterGroupMatchesFiniteDifferencesWithWeightedTerms() {
        assertEveryGroupMatchesFiniteDifferences(tiny(Activation.TANH, Likelihood.BERNOULLI), new LossWeights(1.3, 0.7),
                5e-3);
    }

    @Test
    void gaussianDecoderGradientMatchesFiniteDifferences() {
        assertEveryGroupMatchesFiniteDifferences(tiny(Activation.ELU, Likelihood.GAUSSIAN), new LossWeights(1, 2), 5e-3);
    }

    /** With the KL terms alone every gradient comes through the two levels and the conditional prior. */
    @Test
    void klOnlyGradientMatchesFiniteDifferences() {
        assertEveryGroupMatchesFiniteDifferences(tiny(Activation.TANH, Likelihood.BERNOULLI), new LossWeights(0, 1),
                5e-3);
    }

    /** Rows longer than one 16-float vector, so the vector kernels run: see DenseAutoencoderTest. */
    @Test
    void gradientMatchesFiniteDifferencesThroughTheVectorKernels() {
        ModelConfig config = new ModelConfig(ModelKind.HVAE, 5, 5, List.of(20), 4, Activation.ELU,
                Likelihood.BERNOULLI, 0.5, 13, 2);
        double worst = GradientCheck.worstError(new HierarchicalAutoencoder(config), new LossWeights(1.1, 0.9));
        assertTrue(worst < 1e-2, "worst relative gradient error " + worst);
    }

    @Test
    void lossesSplitByLevelAddUpAndTheObjectiveWeighsBothLevelsWithBeta() {
        HierarchicalAutoencoder model = new HierarchicalAutoencoder(tiny(Activation.RELU, Likelihood.BERNOULLI));
        float[] x = GradientCheck.images(6, SIDE * SIDE, 4);
        BatchLosses losses = model.computeGradients(x, 6, new LossWeights(0.5, 3), new SplittableRandom(2));
        double[] levels = losses.klPerLevel();
        assertEquals(2, levels.length);
        assertEquals(levels[0] + levels[1], losses.kl(), 1e-12);
        double[] perDimension = losses.klPerDimension();
        assertEquals(5, perDimension.length);
        assertEquals(levels[0], perDimension[0] + perDimension[1] + perDimension[2], 1e-12);
        assertEquals(levels[1], perDimension[3] + perDimension[4], 1e-12);
        assertEquals(0.5 * losses.reconstruction() + 3 * (levels[0] + levels[1]), losses.objective(), 1e-9);
    }

    /** The upper level's KL is the closed form against N(0, I) of the posteriors that encodeLevels gives. */
    @Test
    void upperKlIsTheClosedFormOfTheTopPosteriors() {
        HierarchicalAutoencoder model = new HierarchicalAutoencoder(tiny(Activation.RELU, Likelihood.BERNOULLI));
        float[] x = GradientCheck.images(6, SIDE * SIDE, 9);
        List<Encoding> levels = model.encodeLevels(x, 6);
        assertEquals(3, levels.get(0).latentSize());
        assertEquals(2, levels.get(1).latentSize());
        double[] expected = levels.get(1).klPerDimension();
        double[] reported = model.evaluate(x, 6, new SplittableRandom(1)).klPerDimension();
        assertEquals(expected[0], reported[3], 1e-5);
        assertEquals(expected[1], reported[4], 1e-5);
        assertArrayEquals(levels.get(1).means(), model.encode(x, 6).means(), 0f);
    }

    @Test
    void theLayoutIsAsLongAsTheConfigurationSaysForOtherShapes() {
        for (ModelConfig config : List.of(
                new ModelConfig(ModelKind.HVAE, 4, 3, List.of(9, 5), 6, Activation.RELU, Likelihood.BERNOULLI, 0.1, 1, 2),
                new ModelConfig(ModelKind.HVAE, 2, 2, List.of(3), 1, Activation.ELU, Likelihood.GAUSSIAN, 0.1, 1, 4))) {
            assertEquals(config.parameterCount(), new HierarchicalAutoencoder(config).state().parameterCount());
        }
    }

    /**
     * The snapshot's two-stage decoder gives exactly what the model gives, and that is the decoder
     * applied to the mean of p(z₁|z₂): decoding the means through the second stage alone agrees.
     */
    @Test
    void decodingGoesThroughTheMeanOfTheConditionalPriorInTheModelAndTheSnapshot() {
        HierarchicalAutoencoder model = new HierarchicalAutoencoder(tiny(Activation.TANH, Likelihood.BERNOULLI));
        float[] x = GradientCheck.images(8, SIDE * SIDE, 3);
        for (int i = 0; i < 5; i++) {
            model.trainStep(x, 8, LossWeights.ELBO, 1e-2);
        }
        float[] z2 = {0f, 0f, 1.5f, -0.5f, -2f, 2f};
        float[] images = model.decode(z2, 3);
        DecoderWeights weights = model.decoderWeights();
        assertTrue(weights.twoStage());
        assertEquals(2, weights.latentSize());
        assertArrayEquals(images, new SnapshotDecoder(weights).decode(z2, 3), 0f);

        float[] z1 = model.conditionalPrior(z2, 3).means();
        DecoderWeights secondStage = new DecoderWeights(weights.widths(), weights.activation(), weights.likelihood(),
                weights.imageWidth(), weights.imageHeight(), weights.parameters(), List.of(), new float[0], 0,
                weights.pixelStds());
        assertArrayEquals(images, new SnapshotDecoder(secondStage).decode(z1, 3), 1e-6f);
    }

    @Test
    void sameSeedGivesSameTrainingAndANonFiniteLossTakesNoStep() {
        float[] x = GradientCheck.images(16, SIDE * SIDE, 4);
        HierarchicalAutoencoder a = new HierarchicalAutoencoder(tiny(Activation.RELU, Likelihood.BERNOULLI));
        HierarchicalAutoencoder b = new HierarchicalAutoencoder(tiny(Activation.RELU, Likelihood.BERNOULLI));
        for (int i = 0; i < 3; i++) {
            assertEquals(a.trainStep(x, 16, LossWeights.ELBO, 1e-2).objective(),
                    b.trainStep(x, 16, LossWeights.ELBO, 1e-2).objective(), 0.0);
        }
        float[] before = a.state().parameters();
        x[3] = Float.NaN;
        assertFalse(a.trainStep(x, 16, LossWeights.ELBO, 1e-3).isFinite());
        assertArrayEquals(before, a.state().parameters(), 0f);
        assertEquals(3, a.steps());
    }

    @Test
    void aSingleLevelConfigurationIsNotAHierarchicalOneAndBack() {
        assertThrows(IllegalArgumentException.class,
                () -> new HierarchicalAutoencoder(ModelConfig.reference(ModelKind.VAE, 1)));
        assertThrows(IllegalArgumentException.class, () -> new DenseAutoencoder(tiny(Activation.RELU, Likelihood.BERNOULLI)));
        assertTrue(LatentModel.create(tiny(Activation.RELU, Likelihood.BERNOULLI)) instanceof HierarchicalAutoencoder);
    }
}
