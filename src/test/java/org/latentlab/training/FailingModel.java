package org.latentlab.training;

import org.latentlab.data.Dataset;
import org.latentlab.model.BatchLosses;
import org.latentlab.model.DenseAutoencoder;
import org.latentlab.model.LossWeights;
import org.latentlab.model.ModelConfig;

/**
 * A real model whose training steps number {@code failFrom} to {@code failUntil − 1} (counting
 * from 1) report a NaN loss and take no step, as a model does whose loss stopped being finite, or
 * throw an error instead.
 */
public final class FailingModel extends ForwardingModel {

    private final int failFrom;
    private final int failUntil;
    private final Error error;
    private int calls;

    private FailingModel(ModelConfig config, int failFrom, int failUntil, Error error) {
        super(new DenseAutoencoder(config));
        this.failFrom = failFrom;
        this.failUntil = failUntil;
        this.error = error;
    }

    FailingModel(ModelConfig config, int failFrom, int failUntil) {
        this(config, failFrom, failUntil, null);
    }

    /** A model whose {@code at}-th step throws {@code error}. */
    static FailingModel throwing(ModelConfig config, int at, Error error) {
        return new FailingModel(config, at, at + 1, error);
    }

    /** A model that fails from its {@code failFrom}-th step on. */
    FailingModel(ModelConfig config, int failFrom) {
        this(config, failFrom, Integer.MAX_VALUE);
    }

    /** A session (for tests in other packages) whose model fails from its {@code failFrom}-th step on. */
    public static TrainingSession session(Dataset training, Dataset validation, ModelConfig model,
                                          TrainingConfig config, int failFrom) {
        return new TrainingSession(training, validation, new FailingModel(model, failFrom), config);
    }

    @Override
    public BatchLosses trainStep(float[] pixels, int count, LossWeights weights, double learningRate) {
        calls++;
        if (calls >= failFrom && calls < failUntil) {
            if (error != null) {
                throw error;
            }
            return new BatchLosses(Double.NaN, 0, Double.NaN, new double[config().latentSize()], count);
        }
        return super.trainStep(pixels, count, weights, learningRate);
    }
}
