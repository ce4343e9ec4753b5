package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContrastTest {

    @Test
    void aContrastKeepsItsOwnGroups() {
        boolean[] positive = {true, false, false};
        boolean[] negative = {false, true, false};
        Contrast contrast = new Contrast("test", positive, negative);
        positive[2] = true;
        negative[0] = true;
        assertFalse(contrast.isPositive(2));
        assertFalse(contrast.isNegative(0));
        assertTrue(contrast.isPositive(0));
        assertTrue(contrast.isNegative(1));
    }
}
