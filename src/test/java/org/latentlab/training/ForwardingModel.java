package org.latentlab.training;

import java.util.random.RandomGenerator;
import org.latentlab.model.BatchLosses;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;
import org.latentlab.model.LossWeights;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelState;

/** A model that does what {@code inner} does; tests override the part they watch or break. */
abstract class ForwardingModel implements LatentModel {

    private final LatentModel inner;

    ForwardingModel(LatentModel inner) {
        this.inner = inner;
    }

    @Override public ModelConfig config() { return inner.config(); }
    @Override public BatchLosses trainStep(float[] pixels, int count, LossWeights weights, double learningRate) { return inner.trainStep(pixels, count, weights, learningRate); }
    @Override public BatchLosses evaluate(float[] pixels, int count, RandomGenerator noise) { return inner.evaluate(pixels, count, noise); }
    @Override public Encoding encode(float[] pixels, int count) { return inner.encode(pixels, count); }
    @Override public float[] decode(float[] latents, int count) { return inner.decode(latents, count); }
    @Override public DecoderWeights decoderWeights() { return inner.decoderWeights(); }
    @Override public long steps() { return inner.steps(); }
    @Override public ModelState state() { return inner.state(); }
    @Override public void restore(ModelState state) { inner.restore(state); }
    @Override public float[] parameters() { return inner.parameters(); }
    @Override public void loadParameters(float[] parameters) { inner.loadParameters(parameters); }
}
