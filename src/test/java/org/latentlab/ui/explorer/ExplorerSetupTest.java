package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;

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
        ModelConfig config = gaussian.modelConfig(28, 28);
        assertEquals(Likelihood.GAUSSIAN, config.likelihood());
        assertEquals(ExplorerSetup.GAUSSIAN_DECODER_STD, config.decoderStd());
        assertFalse(ExplorerSetup.defaults().needsNewModel(ExplorerSetup.defaults().withBeta(2)));
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
