package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AxisScaleTest {

    @Test
    void linearAxisMapsEndsAndMiddle() {
        AxisScale vertical = AxisScale.linear(0, 300, 500, 100);
        assertEquals(500, vertical.toPixel(0), 1e-9);
        assertEquals(100, vertical.toPixel(300), 1e-9);
        assertEquals(300, vertical.toPixel(150), 1e-9);
    }

    @Test
    void logAxisGivesEveryDecadeTheSameHeight() {
        AxisScale vertical = AxisScale.log(1, 10_000, 600, 100);
        double decade = vertical.toPixel(1) - vertical.toPixel(10);
        assertEquals(125, decade, 1e-9);
        assertEquals(decade, vertical.toPixel(10) - vertical.toPixel(100), 1e-9);
        assertEquals(decade, vertical.toPixel(100) - vertical.toPixel(1000), 1e-9);
        assertEquals(decade, vertical.toPixel(2) - vertical.toPixel(20), 1e-9);
    }

    @Test
    void logAxisNeedsAPositiveMinimum() {
        assertThrows(IllegalArgumentException.class, () -> AxisScale.log(0, 10, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> AxisScale.linear(1, 1, 0, 100));
    }
}
