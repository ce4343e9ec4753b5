package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/** The toolbar's setup: the decoder choice and the setup suggested for each dataset. */
class ExplorerSetupTest {

    @Test
    void theFacesComeWithEightDimensionsAndTheGaussianDecoderAndTheDigitsGoBack() {
        ExplorerSetup digits = ExplorerSetup.defaults();
        assertEquals(Likelihood.BERNOULLI, digits.decoder());
        ExplorerSetup faces = digits.suggestedFor("faces");
        assertEquals("faces", faces.datasetSpec());
        assertEquals(ExplorerSetup.FACES_LATENT_SIZE, faces.latentSize());
        assertEquals(Likelihood.GAUSSIAN, faces.decoder());
        ExplorerSetup back = faces.suggestedFor("mnist");
        assertEquals(2, back.latentSize());
        assertEquals(Likelihood.BERNOULLI, back.decoder());
        ExplorerSetup bigger = digits.withLatentSize(16).suggestedFor("faces");
        assertEquals(16, bigger.latentSize(), "a larger latent space is kept");
        assertEquals(digits.withDataset("/data/letters"), digits.suggestedFor("/data/letters"), "other data: as it is");
    }

    @Test
    void theDecoderIsPartOfTheModel() {
        ExplorerSetup gaussian = ExplorerSetup.defaults().withDecoder(Likelihood.GAUSSIAN);
        assertTrue(ExplorerSetup.defaults().needsNewModel(gaussian));
        ModelConfig config = gaussian.modelConfig(28, 28, 10);
        assertEquals(Likelihood.GAUSSIAN, config.likelihood());
        assertEquals(ExplorerSetup.GAUSSIAN_DECODER_STD, config.decoderStd());
        assertFalse(ExplorerSetup.defaults().needsNewModel(ExplorerSetup.defaults().withBeta(2)));
    }

    @Test
    void aConditionalVaeReadsTheDatasetsClassesAndIsRefusedWithoutLabels() {
        ExplorerSetup cvae = ExplorerSetup.defaults().withKind(ModelKind.CVAE);
        ModelConfig config = cvae.modelConfig(28, 28, 10);
        assertEquals(ModelKind.CVAE, config.kind());
        assertEquals(10, config.conditionClasses());
        assertEquals(List.of(512), config.hiddenSizes(), "as train --model cvae");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cvae.withDataset("/data/scans").modelConfig(28, 28, 0));
        assertEquals("A conditional VAE reads each image's class, and /data/scans has no labels: choose a labelled "
                + "dataset (the digits, Fashion-MNIST) or another model.", e.getMessage());
        assertEquals(0, ExplorerSetup.defaults().modelConfig(28, 28, 10).conditionClasses(), "a VAE reads no class");
    }

    @Test
    void aHierarchicalVaeHasSixteenThenTwoDimensionsAndGoesBackToTwo() {
        ExplorerSetup hvae = ExplorerSetup.defaults().withKind(ModelKind.HVAE);
        assertEquals(ExplorerSetup.HIERARCHICAL_LATENT_SIZE, hvae.latentSize());
        ModelConfig config = hvae.modelConfig(28, 28, 10);
        assertEquals(16, config.latentSize());
        assertEquals(2, config.upperLatentSize());
        assertEquals(2, config.topLatentSize(), "the scatter and the grid show z₂");
        assertEquals(2, hvae.withKind(ModelKind.VAE).latentSize());
        assertEquals(8, hvae.withLatentSize(8).withKind(ModelKind.VAE).latentSize(), "a size the user chose is kept");
        assertTrue(TrainingToolbar.modelNote(hvae).contains("z₁ has 16 dimensions (Latent), z₂ has 2"));
    }

    @Test
    void aLearnedSigmaBelongsToTheGaussianDecoder() {
        ExplorerSetup learned = ExplorerSetup.defaults().withDecoder(Likelihood.GAUSSIAN, DecoderVariance.LEARNED);
        assertTrue(ExplorerSetup.defaults().withDecoder(Likelihood.GAUSSIAN).needsNewModel(learned));
        ModelConfig config = learned.modelConfig(28, 28, 10);
        assertEquals(DecoderVariance.LEARNED, config.decoderVariance());
        assertEquals(0.1, config.decoderStd(), "it starts at the fixed σ");
        assertEquals(DecoderVariance.FIXED, learned.withDecoder(Likelihood.BERNOULLI).decoderStd());
        assertEquals(DecoderVariance.LEARNED, learned.withDecoder(Likelihood.GAUSSIAN).decoderStd());
        assertThrows(IllegalArgumentException.class,
                () -> ExplorerSetup.defaults().withDecoder(Likelihood.BERNOULLI, DecoderVariance.LEARNED_PER_PIXEL));
        assertEquals(List.of("Bernoulli", "Gaussian σ 0.1", "Gaussian, σ learned (shared)",
                "Gaussian, σ learned (per pixel)"), DecoderChoice.all().stream().map(Object::toString).toList());
    }

    @Test
    void theToolbarSaysWhatTheSuggestionChanged() {
        ExplorerSetup digits = ExplorerSetup.defaults();
        String note = TrainingToolbar.suggestionNote(digits.withDataset("faces"), digits.suggestedFor("faces"));
        assertEquals("Set for faces: 8 latent dimensions and the Gaussian decoder, which learn all six factors within "
                + "about 5 epochs.", note);
        assertNull(TrainingToolbar.suggestionNote(digits.withDataset("fashion"), digits.suggestedFor("fashion")));
        assertTrue(DatasetChoice.builtIn().contains(new DatasetChoice("faces", "Synthetic faces (20,000)")));
    }
}
