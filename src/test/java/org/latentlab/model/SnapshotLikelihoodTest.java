package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link SnapshotDecoder#logLikelihoods} against the training path and against a hand computation. */
class SnapshotLikelihoodTest {

    /** 5×5 images: rows longer than one 16-float vector, so the vector kernels and their scalar tails both run. */
    private static ModelConfig config(Likelihood likelihood) {
        return new ModelConfig(ModelKind.VAE, 5, 5, List.of(12), 2, Activation.RELU, likelihood, 0.3, 17);
    }

    /**
     * The training loss's reconstruction term, with z drawn exactly as the model draws it from the
     * same noise (z = μ + exp(½ log σ²)·ε in float, ε row by row), equals the mean of
     * −logLikelihoods over the same z: the same formula reached by two paths.
     */
    private static void assertMatchesTrainingLoss(Likelihood likelihood) {
        DenseAutoencoder model = new DenseAutoencoder(config(likelihood));
        int count = 37;
        float[] x = DenseAutoencoderTest.images(count, 25, 3);
        double reconstruction = model.evaluate(x, count, new SplittableRandom(9)).reconstruction();

        Encoding posterior = model.encode(x, count);
        SplittableRandom noise = new SplittableRandom(9);
        float[] z = new float[count * 2];
        for (int i = 0; i < z.length; i++) {
            float e = (float) noise.nextGaussian();
            z[i] = posterior.means()[i] + (float) Math.exp(0.5 * posterior.logVariances()[i]) * e;
        }
        double[] logLikelihoods = new SnapshotDecoder(model.decoderWeights()).logLikelihoods(z, x, 1);
        assertEquals(reconstruction, -Arrays.stream(logLikelihoods).average().orElseThrow(), 1e-4);
    }

    @Test
    void bernoulliLogLikelihoodIsMinusTheTrainingReconstructionTerm() {
        assertMatchesTrainingLoss(Likelihood.BERNOULLI);
    }

    @Test
    void gaussianLogLikelihoodIsMinusTheTrainingReconstructionTerm() {
        assertMatchesTrainingLoss(Likelihood.GAUSSIAN);
    }

    /** Σ x·log p + (1 − x)·log(1 − p) over the pixels, p the decoded mean image: computed by hand. */
    @Test
    void bernoulliLogLikelihoodIsMinusTheCrossEntropyOfTheMeanImage() {
        DenseAutoencoder model = new DenseAutoencoder(config(Likelihood.BERNOULLI));
        SnapshotDecoder decoder = new SnapshotDecoder(model.decoderWeights());
        float[] x = DenseAutoencoderTest.images(1, 25, 4);
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
        float[] x = DenseAutoencoderTest.images(3, 25, 5);
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
        for (Likelihood likelihood : Likelihood.values()) {
            SnapshotDecoder decoder = new SnapshotDecoder(new DenseAutoencoder(config(likelihood)).decoderWeights());
            int count = 1500; // more than one chunk of the decoder
            float[] z = new float[2 * count];
            SplittableRandom random = new SplittableRandom(8);
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) (2 * random.nextGaussian());
            }
            DecodedPoints points = decoder.decodePoints(z, count);
            int imageCount = 20; // more than one multiply's worth
            float[] x = DenseAutoencoderTest.images(imageCount, 25, 9);
            double[][] actual = points.logLikelihoods(x, imageCount);
            for (int image = 0; image < imageCount; image++) {
                double[] expected = decoder.logLikelihoods(z, Arrays.copyOfRange(x, image * 25, (image + 1) * 25), count);
                for (int k = 0; k < count; k++) {
                    assertEquals(expected[k], actual[image][k], 1e-4 * Math.max(1, Math.abs(expected[k])),
                            likelihood + " image " + image + " point " + k);
                }
            }
        }
    }

    @Test
    void refusesPartialImages() {
        SnapshotDecoder decoder = new SnapshotDecoder(new DenseAutoencoder(config(Likelihood.BERNOULLI)).decoderWeights());
        assertThrows(IllegalArgumentException.class, () -> decoder.logLikelihoods(new float[4], new float[30], 2));
    }
}
