package org.latentlab.model;

import java.util.Arrays;

/**
 * How long the matrix multiplies of a training epoch take on their own, with the same bound ops
 * and arrays as training: the floor that the rest of the step (kernels, optimizer, data) adds to.
 * For benchmarks; runs on the calling thread.
 */
public final class MultiplyBound {

    private MultiplyBound() {
    }

    /**
     * The median over {@code repeats} of the seconds that one epoch's multiplies take: full
     * batches of {@code batch} images and the last partial one, {@code images} in all.
     */
    public static double secondsPerEpoch(ModelConfig config, int batch, int images, int repeats) {
        DenseAutoencoder model = new DenseAutoencoder(config);
        int fullBatches = images / batch;
        int rest = images % batch;
        double[] seconds = new double[repeats + 1];
        for (int r = 0; r <= repeats; r++) { // the first round warms up
            long start = System.nanoTime();
            for (int b = 0; b < fullBatches; b++) {
                model.multipliesOfOneStep(batch);
            }
            if (rest > 0) {
                model.multipliesOfOneStep(rest);
            }
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        double[] timed = Arrays.copyOfRange(seconds, 1, seconds.length);
        Arrays.sort(timed);
        return timed[timed.length / 2];
    }
}
