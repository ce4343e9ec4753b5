package org.latentlab.model;

import java.util.function.IntConsumer;

/**
 * How long the matrix multiplies of a training epoch take on their own, with the same bound ops
 * and array shapes as training: the floor that the rest of the step (kernels, optimizer, data)
 * adds to. A benchmark times it between training epochs, so both see the same machine load.
 * Confined to the thread that creates it.
 */
public final class MultiplyBound {

    private final IntConsumer oneStep;
    private final int batch;
    private final int images;

    /** The multiplies of training {@code config} on {@code images} images in batches of {@code batch}. */
    public MultiplyBound(ModelConfig config, int batch, int images) {
        this.oneStep = config.kind() == ModelKind.HVAE ? new HierarchicalAutoencoder(config)::multipliesOfOneStep
                : new DenseAutoencoder(config)::multipliesOfOneStep;
        this.batch = batch;
        this.images = images;
        secondsPerEpoch(); // binds the ops and warms up
    }

    /** The seconds that one epoch's multiplies take: full batches and the last partial one. */
    public double secondsPerEpoch() {
        long start = System.nanoTime();
        for (int b = 0; b < images / batch; b++) {
            oneStep.accept(batch);
        }
        if (images % batch > 0) {
            oneStep.accept(images % batch);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
