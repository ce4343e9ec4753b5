package org.latentlab.latent;

import java.util.SplittableRandom;

/**
 * Points drawn from the prior N(0, I) of a latent space, the same for the same seed: what a
 * generative model turns into new images.
 */
public final class PriorSamples {

    private PriorSamples() {
    }

    /**
     * {@code count} independent draws of z ~ N(0, I) in {@code latentSize} dimensions.
     *
     * @return row-major {@code count × latentSize}
     */
    public static float[] draw(int count, int latentSize, long seed) {
        if (count < 0 || latentSize < 1) {
            throw new IllegalArgumentException("cannot draw " + count + " points of " + latentSize + " dimensions");
        }
        float[] z = new float[count * latentSize];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }
}
