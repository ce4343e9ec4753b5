package org.latentlab.ui;

import java.util.Arrays;
import org.latentlab.model.DecoderOutput;
import org.latentlab.model.DecoderWeights;

/**
 * What the views ask a decoder for besides the latent points: the mean of p(x|z) or a sample of it
 * (the window's "mean / sample" switch), and the class of each point for a conditional VAE's
 * decoder, which draws the class it is given.
 */
public final class DecodingChoices {

    /**
     * Seeds the pixel noise of every sample the views draw: the same points give the same noise,
     * so images do not flicker while training moves them, and a new picture is a new model's.
     */
    public static final long PIXEL_NOISE_SEED = 20_13_12;

    private DecodingChoices() {
    }

    /** The mean of p(x|z), or a sample of it with the views' pixel noise. */
    public static DecoderOutput output(boolean sample) {
        return sample ? DecoderOutput.sample(PIXEL_NOISE_SEED) : DecoderOutput.MEAN;
    }

    /** {@code count} times class {@code label} for a conditional decoder; {@code null} for the others. */
    public static int[] oneClass(DecoderWeights decoder, int label, int count) {
        if (!decoder.conditional()) {
            return null;
        }
        int[] labels = new int[count];
        Arrays.fill(labels, Math.max(0, Math.min(decoder.conditionClasses() - 1, label)));
        return labels;
    }

    /** Classes 0, 1, 2, … in turn for {@code count} points of a conditional decoder; {@code null} for the others. */
    public static int[] everyClass(DecoderWeights decoder, int count) {
        if (!decoder.conditional()) {
            return null;
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % decoder.conditionClasses();
        }
        return labels;
    }

    /** The classes of the probe images at {@code indices} for a conditional decoder; {@code null} for the others. */
    public static int[] classesOf(DecoderWeights decoder, int[] probeLabels, int[] indices) {
        if (!decoder.conditional()) {
            return null;
        }
        int[] labels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            labels[k] = Math.max(0, probeLabels[indices[k]]);
        }
        return labels;
    }
}
