package org.latentlab;

import java.util.List;
import java.util.SplittableRandom;
import org.latentlab.data.Dataset;
import org.latentlab.model.Activation;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/** Tiny datasets and models that train in milliseconds, for tests of everything above the model. */
public final class TestDatasets {

    private TestDatasets() {
    }

    /** 4×4 images: a bright row or a bright column, labelled 0 or 1, with a little noise. */
    public static Dataset bars(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[count * 16];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(2);
            int line = random.nextInt(4);
            for (int p = 0; p < 16; p++) {
                boolean on = labels[i] == 0 ? p / 4 == line : p % 4 == line;
                pixels[i * 16 + p] = on ? 0.9f : (float) (0.1 * random.nextDouble());
            }
        }
        return new Dataset("bars", 4, 4, pixels, labels, List.of("row", "column"));
    }

    /**
     * A model of {@code kind} for {@link #bars}: 16 → 16 → latent → 16 → 16; a conditional one reads the
     * bars' two classes, a hierarchical one has an upper level of 2 dimensions.
     */
    public static ModelConfig smallModel(ModelKind kind, int latentSize) {
        return switch (kind) {
            case CVAE -> new ModelConfig(kind, 4, 4, List.of(16), latentSize, Activation.RELU, Likelihood.BERNOULLI, 0.1,
                    1, 0, 2, DecoderVariance.FIXED); // a class for each of the bars' two labels
            case HVAE -> new ModelConfig(kind, 4, 4, List.of(16), latentSize, Activation.RELU, Likelihood.BERNOULLI, 0.1,
                    1, 2); // an upper level z₂ of 2 dimensions
            default -> new ModelConfig(kind, 4, 4, List.of(16), latentSize, Activation.RELU, Likelihood.BERNOULLI, 0.1, 1);
        };
    }
}
