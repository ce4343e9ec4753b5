package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SnapshotDecoder#logLikelihoods} against the training path and against a hand computation. */
class SnapshotLikelihoodTest {

    /** 5×5 images: rows longer than one 16-float vector, so the vector kernels and their scalar tails both run. */
    private static ModelConfig config(Likelihood likelihood) {
        return config(likelihood, DecoderVariance.FIXED, ModelKind.VAE);
    }

    private static ModelConfig config(Likelihood likelihood, DecoderVariance variance, ModelKind kind) {
        return new ModelConfig(kind, 5, 5, List.of(12), 2, Activation.RELU, likelihood, 0.3, 17, 0,
                kind == ModelKind.CVAE ? 3 : 0, variance);
    }

    /**
     * The training loss's reconstruction term, with z drawn exactly as the model draws it from the
     * same noise (z = μ + exp(½ log σ²)·ε in float, ε row by row), equals the mean of
     * −logLikelihoods over the same z: the same formula reached by two paths. A few training steps
     * first move a learned σ away from its start, and apart pixel by pixel; a conditional model's
     * images are scored with their own classes through {@link DecoderWeights#forClass}.
     */
    private static void assertMatchesTrainingLoss(ModelConfig config) {
        DenseAutoencoder model = new DenseAutoencoder(config);
        int count = 37;
        float[] x = GradientCheck.images(count, 25, 3);
        int[] labels = new int[count];
        Arrays.setAll(labels, i -> i % 3);
        int[] given = config.conditional() ? labels : null;
        for (int step = 0; step < 5; step++) {
            model.trainStep(x, given, count, LossWeights.ELBO, 3e-2);
        }
        double reconstruction = model.evaluate(x, given, count, new SplittableRandom(9)).reconstruction();

        Encoding posterior = model.encode(x, given, count);
        SplittableRandom noise = new SplittableRandom(9);
        float[] z = new float[count * 2];
        for (int i = 0; i < z.length; i++) {
            float e = (float) noise.nextGaussian();
            z[i] = posterior.means()[i] + (float) Math.exp(0.5 * posterior.logVariances()[i]) * e;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            DecoderWeights weights = config.conditional() ? model.decoderWeights().forClass(labels[i]) : model.decoderWeights();
            sum += new SnapshotDecoder(weights).logLikelihoods(Arrays.copyOfRange(z, 2 * i, 2 * i + 2),
                    Arrays.copyOfRange(x, 25 * i, 25 * i + 25), 1)[0];
        }
        assertEquals(reconstruction, -sum / count, 1e-4, config.kind() + " " + config.likelihood() + " " + config.decoderVariance());
    }

    @Test
    void bernoulliLogLikelihoodIsMinusTheTrainingReconstructionTerm() {
        assertMatchesTrainingLoss(config(Likelihood.BERNOULLI, DecoderVariance.FIXED, ModelKind.VAE));
    }

    @Test
    void gaussianLogLikelihoodIsMinusTheTrainingReconstructionTermForEverySigma() {
        for (DecoderVariance variance : DecoderVariance.values()) {
            assertMatchesTrainingLoss(config(Likelihood.GAUSSIAN, variance, ModelKind.VAE));
        }
    }

    /** The per-pixel σ really differs between pixels by then, so the test above scores each with its own. */
    @Test
    void aFewStepsSpreadTheLearnedPerPixelSigma() {
        DenseAutoencoder model = new DenseAutoencoder(config(Likelihood.GAUSSIAN, DecoderVariance.LEARNED_PER_PIXEL,
                ModelKind.VAE));
        float[] x = GradientCheck.images(37, 25, 3);
        for (int step = 0; step < 5; step++) {
            model.trainStep(x, null, 37, LossWeights.ELBO, 3e-2);
        }
        DecoderStd std = DecoderStd.of(model.decoderWeights().pixelStds());
        assertTrue(std.max() - std.min() > 0.01, "σ from " + std.min() + " to " + std.max());
    }

    @Test
    void conditionalLogLikelihoodIsMinusTheTrainingReconstructionTermWithEachImagesClass() {
        assertMatchesTrainingLoss(config(Likelihood.BERNOULLI, DecoderVariance.FIXED, ModelKind.CVAE));
        assertMatchesTrainingLoss(config(Likelihood.GAUSSIAN, DecoderVariance.LEARNED, ModelKind.CVAE));
    }

    /** A class fixed into the first layer's biases decodes as the one-hot class beside z does. */
    @Test
    void aDecoderWithItsClassFixedDecodesAsTheConditionalOne() {
        DenseAutoencoder model = new DenseAutoencoder(config(Likelihood.BERNOULLI, DecoderVariance.FIXED, ModelKind.CVAE));
        DecoderWeights weights = model.decoderWeights();
        float[] z = {0.3f, -1.1f, 2.0f, 0.4f};
        for (int label = 0; label < 3; label++) {
            float[] expected = new SnapshotDecoder(weights).decode(z, new int[] {label, label}, 2, DecoderOutput.MEAN);
            DecoderWeights fixed = weights.forClass(label);
            assertEquals(2, fixed.widths().get(0));
            assertArrayEquals(expected, new SnapshotDecoder(fixed).decode(z, 2), 1e-6f);
        }
        assertThrows(IllegalArgumentException.class, () -> weights.forClass(3));
        assertThrows(IllegalArgumentException.class, () -> new SnapshotDecoder(weights).logLikelihoods(z, new float[25], 2));
    }

    /** Σ x·log p + (1 − x)·log(1 − p) over the pixels, p the decoded mean image: computed by hand. */
    @Test
    void bernoulliLogLikelihoodIsMinusTheCrossEntropyOfTheMeanImage() {
        DenseAutoencoder model = new DenseAutoencoder(config(Likelihood.BERNOULLI));
        SnapshotDecoder decoder = new SnapshotDecoder(model.decoderWeights());
        float[] x = GradientCheck.images(1, 25, 4);
        float[] z = {0.3f, -1.1f, 2.0f, 0.4f};
        float[] means = decoder.decode(z, 2);
        double[] logLikelihoods = decoder.logLikelihoods(z, x, 2);
        for (int k = 0; k < 2; k++) {
            double expected = 0;
            for (int p = 0; p < 25; p++) {
                double mean = means[k * 25 + p];
                expected += x[p] * Math.log(mean) + (1 - x[p]) * Math.log(1 - mean);
            }
            assertEquals(expected, logLikelihoods[k], 1e-4);
        }
    }

    /**
     * 3 images × 700 points: 2,100 rows cut into chunks of 1,024 whose edges fall inside images.
     * Each point must still be scored against its own image: the same values as one image at a time.
     */
    @Test
    void chunksThatSplitAnImageScoreEachPointAgainstItsOwnImage() {
        DenseAutoencoder model = new DenseAutoencoder(config(Likelihood.BERNOULLI));
        SnapshotDecoder decoder = new SnapshotDecoder(model.decoderWeights());
        int perImage = 700;
        float[] x = GradientCheck.images(3, 25, 5);
        float[] z = new float[3 * perImage * 2];
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        double[] together = decoder.logLikelihoods(z, x, perImage);
        for (int image = 0; image < 3; image++) {
            double[] alone = new SnapshotDecoder(model.decoderWeights()).logLikelihoods(
                    Arrays.copyOfRange(z, image * perImage * 2, (image + 1) * perImage * 2),
                    Arrays.copyOfRange(x, image * 25, (image + 1) * 25), perImage);
            for (int k = 0; k < perImage; k++) {
                assertEquals(alone[k], together[image * perImage + k], 1e-9, "image " + image + " point " + k);
            }
        }
    }

    /**
     * Points decoded once and scored by one multiply give the same log p(x|z) as the row-by-row
     * path, to the float32 rounding of the multiply's sums (≈10⁻⁵ of values near 20 nats here).
     */
    @Test
    void decodedPointsScoreImagesAsTheRowByRowPathDoes() {
        assertDecodedPointsMatchRowByRow(config(Likelihood.BERNOULLI, DecoderVariance.FIXED, ModelKind.VAE));
        assertDecodedPointsMatchRowByRow(config(Likelihood.GAUSSIAN, DecoderVariance.FIXED, ModelKind.VAE));
        assertDecodedPointsMatchRowByRow(config(Likelihood.GAUSSIAN, DecoderVariance.LEARNED_PER_PIXEL, ModelKind.VAE));
    }

    private static void assertDecodedPointsMatchRowByRow(ModelConfig config) {
        DenseAutoencoder model = new DenseAutoencoder(config);
        for (int step = 0; step < 5; step++) {
            model.trainStep(GradientCheck.images(37, 25, 3), null, 37, LossWeights.ELBO, 3e-2); // a per-pixel σ apart
        }
        SnapshotDecoder decoder = new SnapshotDecoder(model.decoderWeights());
        int count = 1500; // more than one chunk of the decoder
        float[] z = new float[2 * count];
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (2 * random.nextGaussian());
        }
        DecodedPoints points = decoder.decodePoints(z, count);
        int imageCount = 20; // more than one multiply's worth
        float[] x = GradientCheck.images(imageCount, 25, 9);
        double[][] actual = points.logLikelihoods(x, imageCount);
        for (int image = 0; image < imageCount; image++) {
            double[] expected = decoder.logLikelihoods(z, Arrays.copyOfRange(x, image * 25, (image + 1) * 25), count);
            for (int k = 0; k < count; k++) {
                assertEquals(expected[k], actual[image][k], 1e-4 * Math.max(1, Math.abs(expected[k])),
                        config.likelihood() + " " + config.decoderVariance() + " image " + image + " point " + k);
            }
        }
    }

    @Test
    void refusesPartialImages() {
        SnapshotDecoder decoder = new SnapshotDecoder(new DenseAutoencoder(config(Likelihood.BERNOULLI)).decoderWeights());
        assertThrows(IllegalArgumentException.class, () -> decoder.logLikelihoods(new float[4], new float[30], 2));
    }
}
