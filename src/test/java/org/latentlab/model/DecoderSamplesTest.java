package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A sample of p(x|z) drawn by the snapshot decoder: what its pixels are and how they spread around the mean. */
class DecoderSamplesTest {

    private static final int POINTS = 400;

    /** The same point decoded {@value #POINTS} times, so every pixel is drawn that often. */
    private static float[] repeated(float... z) {
        float[] latents = new float[POINTS * z.length];
        for (int i = 0; i < POINTS; i++) {
            System.arraycopy(z, 0, latents, i * z.length, z.length);
        }
        return latents;
    }

    @Test
    void aBernoulliSampleIsInkWithTheDecodersProbability() {
        DenseAutoencoder model = new DenseAutoencoder(ModelConfig.reference(ModelKind.VAE, 4));
        SnapshotDecoder decoder = new SnapshotDecoder(model.decoderWeights());
        float[] latents = repeated(0.3f, -0.7f);
        float[] means = decoder.decode(latents, POINTS);
        float[] drawn = decoder.decode(latents, null, POINTS, DecoderOutput.sample(11));
        assertArrayEquals(drawn, decoder.decode(latents, null, POINTS, DecoderOutput.sample(11)), 0f);
        double worst = 0;
        for (int p = 0; p < 784; p++) {
            double ink = 0;
            for (int i = 0; i < POINTS; i++) {
                float v = drawn[i * 784 + p];
                assertTrue(v == 0f || v == 1f, "pixel " + v);
                ink += v;
            }
            double mean = means[p];
            double standardError = Math.sqrt(mean * (1 - mean) / POINTS);
            worst = Math.max(worst, Math.abs(ink / POINTS - mean) / Math.max(standardError, 1e-3));
        }
        assertTrue(worst < 5, "a pixel's share of ink lies " + worst + " standard errors from its probability");
    }

    /** The decoder's untrained means sit near 0.5 with σ of 0.05 to 0.1: no sample is clipped. */
    @Test
    void aGaussianSampleIsTheMeanPlusNoiseOfEachPixelsStd() {
        ModelConfig config = new ModelConfig(ModelKind.CVAE, 28, 28, List.of(64), 2, Activation.TANH,
                Likelihood.GAUSSIAN, 0.1, 5, 0, 10, DecoderVariance.LEARNED_PER_PIXEL);
        DenseAutoencoder model = new DenseAutoencoder(config);
        ModelState state = model.state();
        float[] parameters = state.parameters();
        for (int c = 0; c < 784; c++) {
            parameters[c] = (float) Math.log(0.05 + 0.05 * c / 783);
        }
        int biases = parameters.length - 784;
        for (int i = biases; i < parameters.length; i++) {
            parameters[i] = 0.5f;
        }
        model.restore(new ModelState(parameters, state.optimizerState(), 0));
        SnapshotDecoder decoder = new SnapshotDecoder(model.decoderWeights());
        float[] latents = repeated(0.2f, 0.1f);
        int[] classes = new int[POINTS];
        java.util.Arrays.fill(classes, 6);
        float[] means = decoder.decode(latents, classes, POINTS, DecoderOutput.MEAN);
        float[] drawn = decoder.decode(latents, classes, POINTS, DecoderOutput.sample(3));
        for (int p : new int[] {0, 391, 783}) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < POINTS; i++) {
                double noise = drawn[i * 784 + p] - means[i * 784 + p];
                sum += noise;
                squares += noise * noise;
            }
            double std = 0.05 + 0.05 * p / 783;
            assertTrue(means[p] > 0.2 && means[p] < 0.8, "pixel " + p + "'s mean " + means[p] + " would be clipped");
            assertEquals(0, sum / POINTS, 4 * std / Math.sqrt(POINTS), "pixel " + p);
            assertEquals(std, Math.sqrt(squares / POINTS), 0.1 * std, "pixel " + p);
        }
    }
}
