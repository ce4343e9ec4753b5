package org.latentlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void tenDistinctClassColoursMatchTheirHexValues() {
        Set<Color> colours = new HashSet<>();
        for (int label = 0; label < 10; label++) {
            Color colour = Palette.classColour(label);
            colours.add(colour);
            assertEquals(Color.decode(Palette.classHex(label)), colour);
        }
        assertEquals(10, colours.size());
    }

    @Test
    void labelsPastTenReuseThePalette() {
        assertEquals(Palette.classColour(3), Palette.classColour(13));
        assertThrows(IllegalArgumentException.class, () -> Palette.classColour(-1));
    }

    @Test
    void seriesHexValuesDecodeToTheColoursTheFiguresUse() {
        assertEquals(Color.decode(Palette.TOTAL_HEX), Palette.TOTAL);
        assertEquals(Color.decode(Palette.RECONSTRUCTION_HEX), Palette.RECONSTRUCTION);
        assertEquals(Color.decode(Palette.KL_HEX), Palette.KL);
        assertEquals(Color.decode(Palette.VALIDATION_HEX), Palette.VALIDATION);
        assertEquals(4, Set.of(Palette.TOTAL, Palette.RECONSTRUCTION, Palette.KL, Palette.VALIDATION).size());
    }

    @Test
    void noFigureTextIsSmallerThanFourteenPixels() {
        List<Font> fonts = FigureCanvas.FONTS;
        for (Font font : fonts) {
            assertTrue(font.getSize() >= 14, font + " is too small to read from the back of a room");
        }
        assertTrue(FigureCanvas.SMALLEST_FONT_PX >= 14);
    }
}
