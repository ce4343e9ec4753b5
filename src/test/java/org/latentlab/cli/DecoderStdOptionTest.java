package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.latentlab.model.DecoderVariance;

class DecoderStdOptionTest {

    @Test
    void aNumberIsAFixedStdAndLearnedStartsFromTheDefaultOrTheGivenValue() {
        assertEquals(new DecoderStdOption(DecoderVariance.FIXED, 0.1), DecoderStdOption.parse(null));
        assertEquals(new DecoderStdOption(DecoderVariance.FIXED, 0.25), DecoderStdOption.parse("0.25"));
        assertEquals(new DecoderStdOption(DecoderVariance.LEARNED, 0.1), DecoderStdOption.parse("learned"));
        assertEquals(new DecoderStdOption(DecoderVariance.LEARNED_PER_PIXEL, 0.2),
                DecoderStdOption.parse("Learned-Per-Pixel:0.2"));
    }

    @Test
    void anythingElseIsRefusedWithWhatWouldDo() {
        for (String bad : new String[] {"0", "-1", "learned:", "learned:x", "fixed", "NaN", "learned-per-pixel:0"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecoderStdOption.parse(bad));
            assertEquals("--decoder-std takes a positive σ, learned, learned-per-pixel, or either of those two with a"
                    + " starting σ such as learned:0.2; got '" + bad + "'", e.getMessage());
        }
    }
}
