package org.latentlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void bitsPerDimensionAreNatsPerImageOverPixelsTimesLnTwo() {
        // 784 · ln 2 = 543.4273…: a loss of 543.4273 nats per MNIST image is 1 bit per pixel.
        assertEquals(1.0, Units.BITS_PER_DIMENSION.fromNats(784 * Math.log(2), 784), 1e-12);
        assertEquals(155.3 / 543.42731, Units.BITS_PER_DIMENSION.fromNats(155.3, 784), 1e-7);
        assertEquals(0.285779, Units.BITS_PER_DIMENSION.fromNats(155.3, 784), 1e-6);
        assertEquals(-0.5 / (3 * Math.log(2)), Units.BITS_PER_DIMENSION.fromNats(-0.5, 3), 1e-15);
        assertEquals(155.3, Units.NATS_PER_IMAGE.fromNats(155.3, 784));
    }

    @Test
    void formattedWithThreeMoreDecimalsInBits() {
        assertEquals("155.3", Units.NATS_PER_IMAGE.format(155.3, 784, 1));
        assertEquals("0.2858", Units.BITS_PER_DIMENSION.format(155.3, 784, 1));
        assertEquals("0.01054", Units.BITS_PER_DIMENSION.format(5.73, 784, 2));
        assertEquals("bits/dim", Units.BITS_PER_DIMENSION.symbol());
        assertEquals("nats per image", Units.NATS_PER_IMAGE.words());
    }

    @Test
    void anImageWithoutPixelsIsRefused() {
        assertEquals("an image has at least one pixel, got 0",
                assertThrows(IllegalArgumentException.class, () -> Units.BITS_PER_DIMENSION.fromNats(1, 0)).getMessage());
        assertEquals(Units.BITS_PER_DIMENSION, Units.parse(" Bits "));
    }
}
