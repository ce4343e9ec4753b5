package org.latentlab.ui.attributes;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.latentlab.TestDatasets;
import org.latentlab.data.Attributes;
import org.latentlab.data.Dataset;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.DenseAutoencoder;
import org.latentlab.model.Encoding;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.SnapshotDecoder;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;

/**
 * A probe set whose codes are planted, so the attribute vectors and the region are known: 4×4 bars,
 * the rows (class 0) coded near (−1, 0) and the columns (class 1) near (+1, 0), with a spread of
 * 0.1; and a small untrained decoder to decode them.
 */
final class LatentFixture {

    static final int COUNT = 200;
    static final double SPREAD = 0.1;

    private LatentFixture() {
    }

    static ModelConfig model() {
        return TestDatasets.smallModel(ModelKind.VAE, 2);
    }

    static DecoderWeights decoder() {
        return new DenseAutoencoder(model()).decoderWeights();
    }

    /** The probe set, with {@code attributes} (none: the views measure them from the pixels). */
    static ProbeSet probe(Attributes attributes) {
        Dataset bars = TestDatasets.bars(COUNT, 3);
        SplittableRandom random = new SplittableRandom(4);
        float[] means = new float[COUNT * 2];
        float[] logVariances = new float[COUNT * 2];
        int[] labels = new int[COUNT];
        for (int i = 0; i < COUNT; i++) {
            labels[i] = bars.label(i);
            means[2 * i] = (float) ((labels[i] == 0 ? -1 : 1) + SPREAD * (2 * random.nextDouble() - 1));
            means[2 * i + 1] = (float) (SPREAD * (2 * random.nextDouble() - 1));
            logVariances[2 * i] = (float) Math.log(0.04);
            logVariances[2 * i + 1] = (float) Math.log(0.01);
        }
        return new ProbeSet(new Encoding(means, logVariances, COUNT, 2), bars.pixels(COUNT), 4, 4, labels,
                bars.classNames(), attributes);
    }

    static TrainingSnapshot snapshot(ProbeSet probe, DecoderWeights decoder) {
        int d = probe.encoding().latentSize();
        return new TrainingSnapshot(TrainerState.PAUSED, null, model(), 0, 0, 0, 1, 1e-3, 0,
                new IterationHistory().view(), List.of(), probe, new double[d], d, decoder);
    }

    /** The decoder's image of each point, decoded here for comparison. */
    static float[] decode(DecoderWeights weights, float[] latents, int count) {
        return new SnapshotDecoder(weights).decode(latents, count);
    }

    /** Calls {@code pulse} until {@code condition} holds, for at most 10 s. */
    static void await(String what, Runnable pulse, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            pulse.run();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("not reached in time: " + what);
    }
}
