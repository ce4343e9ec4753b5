package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The conditional VAE: the class, one-hot, beside the pixels into the encoder and beside z into the decoder. */
class ConditionalAutoencoderTest {

    private static final int SIDE = 3;
    private static final int CLASSES = 3;
    private static final int[] LABELS = {0, 2, 1, 2};
    private static final String[] GROUPS = {"encoder: pixel weights", "encoder: class weights",
            "encoder: biases and second layer", "posterior heads", "decoder: z weights", "decoder: class weights",
            "decoder: biases and later layers"};

    /** 3×3 images of 3 classes, hidden 7 then 5, z of 2. */
    static ModelConfig tiny(Activation activation, Likelihood likelihood) {
        return new ModelConfig(ModelKind.CVAE, SIDE, SIDE, List.of(7, 5), 2, activation, likelihood, 0.5, 11, 0,
                CLASSES, DecoderVariance.FIXED);
    }

    /**
     * Where each group of {@link #GROUPS} starts: the first encoder layer's weights are 12 rows of
     * 7 (9 pixels, then 3 classes), then its biases; the first decoder layer's, 5 rows of 5 (z₁,
     * z₂, then 3 classes), then its biases.
     */
    static long[] groupStarts(long offset) {
        long encoder = 13 * 7 + 8 * 5;
        long heads = encoder + 2 * 6 * 2;
        return new long[] {offset, offset + 9 * 7, offset + 12 * 7, offset + encoder, offset + heads,
            offset + heads + 2 * 5, offset + heads + 5 * 5};
    }

    private static void assertEveryGroupMatchesFiniteDifferences(ModelConfig config, LossWeights weights,
            double tolerance) {
        double[] result = GradientCheck.check(new DenseAutoencoder(config), LABELS.length, LABELS, weights,
                groupStarts(0));
        // KL alone never reaches the decoder.
        GradientCheck.assertEveryGroup(result, GROUPS, tolerance, g -> weights.reconstruction() > 0 || g < 4);
    }

    @Test
    void layoutOfTheTestMatchesTheConfiguration() {
        ModelConfig config = tiny(Activation.TANH, Likelihood.BERNOULLI);
        long decoderEnd = groupStarts(0)[6] + 5 + 6 * 7 + 8 * 9;
        assertEquals(decoderEnd, config.parameterCount());
        assertEquals(decoderEnd, new DenseAutoencoder(config).state().parameterCount());
        assertEquals(config.parameterCount() - (7 + 5 + 2 + 2 + 5 + 7 + 9), config.weightCount()); // less the biases
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

    @Test
    void klOnlyGradientMatchesFiniteDifferences() {
        assertEveryGroupMatchesFiniteDifferences(tiny(Activation.TANH, Likelihood.BERNOULLI), new LossWeights(0, 1),
                5e-3);
    }

    /** Rows longer than one 16-float vector, so the vector kernels run: see DenseAutoencoderTest. */
    @Test
    void gradientMatchesFiniteDifferencesThroughTheVectorKernels() {
        ModelConfig config = new ModelConfig(ModelKind.CVAE, 5, 5, List.of(20), 2, Activation.ELU,
                Likelihood.BERNOULLI, 0.5, 13, 0, 10, DecoderVariance.FIXED);
        double worst = GradientCheck.check(new DenseAutoencoder(config), 4, new int[] {9, 0, 3, 3},
                new LossWeights(1.1, 0.9), 0)[0];
        assertTrue(worst < 1e-2, "worst relative gradient error " + worst);
    }

    /**
     * The class goes in as one-hot inputs after z: decoding z with class c gives what an
     * unconditional decoder of the same weights gives at the point [z, one-hot(c)].
     */
    @Test
    void decodingWithAClassIsDecodingTheLatentPointWithTheOneHotClassBesideIt() {
        DenseAutoencoder model = new DenseAutoencoder(tiny(Activation.TANH, Likelihood.BERNOULLI));
        float[] x = GradientCheck.images(4, SIDE * SIDE, 2);
        for (int i = 0; i < 3; i++) {
            model.trainStep(x, LABELS, 4, LossWeights.ELBO, 1e-2);
        }
        float[] z = {0.3f, -1f, 0.3f, -1f, 1.5f, 0.5f};
        int[] classes = {0, 2, 1};
        float[] images = model.decode(z, classes, 3);
        DecoderWeights weights = model.decoderWeights();
        assertTrue(weights.conditional());
        assertEquals(2, weights.latentSize());
        assertArrayEquals(images, new SnapshotDecoder(weights).decode(z, classes, 3, DecoderOutput.MEAN), 0f);

        DecoderWeights plain = new DecoderWeights(weights.widths(), weights.activation(), weights.likelihood(),
                weights.imageWidth(), weights.imageHeight(), weights.parameters(), List.of(), new float[0], 0,
                weights.pixelStds());
        float[] withOneHot = {0.3f, -1f, 1, 0, 0, 0.3f, -1f, 0, 0, 1, 1.5f, 0.5f, 0, 1, 0};
        assertArrayEquals(images, new SnapshotDecoder(plain).decode(withOneHot, 3), 1e-6f);
        float difference = 0;
        for (int p = 0; p < SIDE * SIDE; p++) {
            difference = Math.max(difference, Math.abs(images[p] - images[SIDE * SIDE + p]));
        }
        assertTrue(difference > 1e-3, "the same z with classes 0 and 2 decodes to the same image");
    }

    /** The encoder reads the class too: the same image under two classes has two posteriors. */
    @Test
    void theEncoderReadsTheClassAndTheLossesUseEachImagesOwn() {
        DenseAutoencoder model = new DenseAutoencoder(tiny(Activation.RELU, Likelihood.BERNOULLI));
        float[] x = GradientCheck.images(1, SIDE * SIDE, 7);
        float[] twice = new float[2 * SIDE * SIDE];
        System.arraycopy(x, 0, twice, 0, x.length);
        System.arraycopy(x, 0, twice, x.length, x.length);
        Encoding codes = model.encode(twice, new int[] {0, 1}, 2);
        assertTrue(Math.abs(codes.mean(0, 0) - codes.mean(1, 0)) + Math.abs(codes.mean(0, 1) - codes.mean(1, 1)) > 1e-4);
        double kl = model.evaluate(twice, new int[] {0, 1}, 2, new SplittableRandom(1)).kl();
        double[] perDimension = codes.klPerDimension();
        assertEquals(perDimension[0] + perDimension[1], kl, 1e-5);
    }

    @Test
    void aConditionalModelRefusesImagesWithoutClassesOrWithClassesItDoesNotKnow() {
        DenseAutoencoder model = new DenseAutoencoder(tiny(Activation.RELU, Likelihood.BERNOULLI));
        float[] x = GradientCheck.images(2, SIDE * SIDE, 1);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> model.trainStep(x, 2, LossWeights.ELBO, 1e-3));
        assertEquals("a conditional VAE reads each image's class: give a label for each image", none.getMessage());
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> model.evaluate(x, new int[] {1}, 2, new SplittableRandom(1)));
        assertEquals("a conditional VAE reads each image's class: there are fewer labels (1) than images",
                few.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> model.encode(x, new int[] {1, 3}, 2));
        assertEquals("label 3 is not one of the 3 classes 0..2", unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new SnapshotDecoder(model.decoderWeights()).decode(new float[2], 1));
        assertEquals(0, model.steps());
    }

    @Test
    void theClassCountBelongsToTheConditionalVaeAlone() {
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> new ModelConfig(ModelKind.CVAE, 4, 4, List.of(8), 2, Activation.RELU, Likelihood.BERNOULLI, 0.1,
                        1, 0, 1, DecoderVariance.FIXED));
        assertEquals("a conditional VAE needs between 2 and 1000 classes to condition on, got 1", few.getMessage());
        IllegalArgumentException unconditional = assertThrows(IllegalArgumentException.class,
                () -> new ModelConfig(ModelKind.VAE, 4, 4, List.of(8), 2, Activation.RELU, Likelihood.BERNOULLI, 0.1,
                        1, 0, 10, DecoderVariance.FIXED));
        assertEquals("a vae is not conditioned on a class; conditioning on 10 classes needs the conditional VAE, cvae",
                unconditional.getMessage());
    }
}
