package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelConfigTest {

    private static ModelConfig config(ModelKind kind, int width, int height, List<Integer> hidden, int latent) {
        return new ModelConfig(kind, width, height, hidden, latent, Activation.RELU, Likelihood.BERNOULLI, 0.1, 1);
    }

    @Test
    void theParameterCountIsTheLengthOfTheNetworksFlatParameters() {
        for (ModelConfig config : List.of(config(ModelKind.VAE, 4, 3, List.of(9, 5), 2),
                config(ModelKind.AUTOENCODER, 5, 5, List.of(6), 3), config(ModelKind.VAE, 2, 7, List.of(8, 4, 3), 1))) {
            assertEquals(new DenseAutoencoder(config).state().parameters().length, config.parameterCount(),
                    config.toString());
        }
    }

    @Test
    void theReferenceNetworkHasTheWeightsOfItsFiveMultiplies() {
        ModelConfig reference = ModelConfig.reference(ModelKind.VAE, 1);
        assertEquals(784 * 256 + 2 * 256 * 2 + 2 * 256 + 256 * 784, reference.weightCount());
        assertEquals(reference.weightCount() + 256 + 2 * 2 + 256 + 784, reference.parameterCount());
        assertEquals("784-256-2", reference.architecture());
    }

    @Test
    void imagesLargerThanAnyNetworkReadsAreRefusedBeforeTheirPixelCountOverflows() {
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> config(ModelKind.VAE, 65_536, 65_536, List.of(8), 2));
        assertEquals("image size must be between 1×1 and 4096×4096 pixels, got 65536×65536", huge.getMessage());
        assertThrows(IllegalArgumentException.class, () -> config(ModelKind.VAE, 4097, 1, List.of(8), 2));
        assertEquals(4096 * 4096, config(ModelKind.AUTOENCODER, 4096, 4096, List.of(1), 1).inputSize());
    }

    @Test
    void aNetworkTooLargeToHoldIsRefusedWithItsSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config(ModelKind.VAE, 4, 4, List.of(4096, 4096, 4096, 4096, 4096), 3));
        assertEquals("a network of 16-4096-4096-4096-4096-4096-3 would have 134,426,646 weights and biases, more than"
                + " the 100,000,000 Latent Lab can hold", e.getMessage());
    }

    @Test
    void aHierarchicalVaeCountsItsSecondLevelAndItsConditionalPrior() {
        ModelConfig hvae = new ModelConfig(ModelKind.HVAE, 28, 28, List.of(256), 16, Activation.RELU,
                Likelihood.BERNOULLI, 0.1, 1, 2);
        long flat = config(ModelKind.VAE, 28, 28, List.of(256), 16).parameterCount();
        long upperHeads = 2 * 257 * 2;
        long prior = 3 * 256 + 2 * 257 * 16;
        assertEquals(flat + upperHeads + prior, hvae.parameterCount());
        assertEquals(425_044, hvae.parameterCount());
        assertEquals("784-256-16,2", hvae.architecture());
        assertEquals(2, hvae.topLatentSize());
        assertEquals(2, hvae.latentLevels());
        assertEquals(16, config(ModelKind.VAE, 28, 28, List.of(256), 16).topLatentSize());
    }

    @Test
    void theUpperLatentSizeBelongsToTheHierarchicalVaeAlone() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> config(ModelKind.HVAE, 4, 4, List.of(8), 3));
        assertEquals("a hierarchical VAE needs the size of its upper latent level z₂ in 1..64, got 0", missing.getMessage());
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                () -> new ModelConfig(ModelKind.VAE, 4, 4, List.of(8), 3, Activation.RELU, Likelihood.BERNOULLI, 0.1, 1, 2));
        assertEquals("a vae has one latent level; an upper level (of 2 dimensions) needs the hierarchical VAE, hvae",
                extra.getMessage());
    }
}
