package org.latentlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowArgumentsTest {

    @Test
    void aLessonByNameOrNumberAndASetupFileOpenTheWindow(@TempDir Path folder) throws Exception {
        assertTrue(WindowArguments.forWindow(new String[0]));
        assertTrue(WindowArguments.forWindow(new String[] {"--lesson", "3"}));
        assertFalse(WindowArguments.forWindow(new String[] {"train", "--epochs", "1"}));
        assertEquals(Optional.of("the-vae"), WindowArguments.parse(List.of("--lesson", "the-vae")).lesson());
        assertEquals(Optional.of("3"), WindowArguments.parse(List.of("--lesson", "3")).lesson());
        Path setup = folder.resolve("class.setup");
        Files.writeString(setup, "beta = 4\n");
        assertEquals(Optional.of(setup), WindowArguments.parse(List.of("--open", setup.toString())).setupFile());
        assertEquals(WindowArguments.NONE, WindowArguments.parse(List.of()));
    }

    @Test
    void aBadNameOrFileIsOneLineSayingWhatWasExpected(@TempDir Path folder) throws Exception {
        String name = assertThrows(IllegalArgumentException.class,
                () -> WindowArguments.parse(List.of("--lesson", "the-vea"))).getMessage();
        assertTrue(name.startsWith("the-vea: no built-in lesson has this name; did you mean 'the-vae'?"), name);
        Path setup = folder.resolve("class.setup");
        Files.writeString(setup, "# a class\nbetta = 4\n");
        String file = assertThrows(IllegalArgumentException.class,
                () -> WindowArguments.parse(List.of("--open", setup.toString()))).getMessage();
        assertTrue(file.startsWith(setup + ", line 2: unknown key 'betta'; did you mean 'beta'?"), file);
        assertEquals(1, file.lines().count());
        assertEquals("expected --lesson NAME|FILE or --open FILE, one of them, got '--lesson'",
                assertThrows(IllegalArgumentException.class, () -> WindowArguments.parse(List.of("--lesson")))
                        .getMessage());
    }
}
