package org.latentlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupFileTest {

    /** Every key but run set away from its default. */
    private static final String EVERY_KEY = String.join("\n",
            "# a teacher's setup",
            "dataset = datasets/my digits",
            "model = ae",
            "latent = 16",
            "hidden = 512,128",
            "activation = elu",
            "decoder = gaussian",
            "decoder-std = 0.05",
            "beta = 2.5",
            "schedule = cyclical:500",
            "lr = 0.0003",
            "batch = 64",
            "seed = 7",
            "epochs = 30",
            "",
            "tab = compare",
            "tool = attributes",
            "compare = beta:0.5,2",
            "views = explore, compare, scatter, attributes, compare-panels",
            "controls = train, beta-slider, compare-train",
            "selected = 17",
            "pace = 5",
            "presentation = on",
            "units = bits");

    @TempDir
    Path folder;

    private Path file(String text) throws IOException {
        Path file = folder.resolve("class.setup");
        Files.writeString(file, text);
        return file;
    }

    private String problem(String text) throws IOException {
        Path file = file(text);
        return assertThrows(LessonFileException.class, () -> SetupFile.read(file)).getMessage()
                .replace(file.toString(), "FILE");
    }

    @Test
    void aFileWithEveryKeyReadsBackEqualAfterWriting() throws IOException {
        Setup setup = SetupFile.read(file(EVERY_KEY));
        Setup defaults = Setup.defaults();
        for (SetupKey key : SetupKey.values()) {
            if (key != SetupKey.RUN) {
                assertNotEquals(key.write(defaults), key.write(setup), key.fileName());
            }
        }
        Path copy = folder.resolve("copy.setup");
        SetupFile.write(copy, setup);
        assertEquals(setup, SetupFile.read(copy));
        assertEquals(SetupFile.format(setup), Files.readString(copy));

        Setup withRun = setup.with(java.util.Map.of(SetupKey.RUN, "compare-ablation"));
        assertEquals("compare-ablation", SetupKey.RUN.write(withRun));
        SetupFile.write(copy, withRun);
        assertEquals(withRun, SetupFile.read(copy));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("class.setup", "copy.setup"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theWrittenFileSaysEveryKeyOnceInOrder() {
        String text = SetupFile.format(Setup.defaults());
        List<String> keys = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf(" = "))).toList();
        assertEquals(SetupKey.names(), keys);
        assertEquals(Setup.defaults(), SetupFile.parse(text, "defaults"));
        assertEquals(List.of("views = all", "controls = all", "run = none", "pace = full"),
                text.lines().filter(l -> l.matches("(views|controls|run|pace) = .*")).toList());
    }

    @Test
    void keysLeftOutKeepTheirDefaultsAndColonsWorkToo() {
        Setup setup = SetupFile.parse("beta: 3\n  # indented comment\nrun = vae-2d-epoch-5\n", "short");
        assertEquals(3, setup.beta().target(), 0);
        assertEquals("vae-2d-epoch-5", setup.run().orElseThrow().name());
        assertEquals(Setup.defaults().with(java.util.Map.of(SetupKey.BETA, "3", SetupKey.RUN, "vae-2d-epoch-5")), setup);
        assertEquals(Setup.defaults(), SetupFile.parse("\uFEFF# nothing set\r\n\r\n", "empty"));
    }

    @Test
    void anUnknownKeyIsNamedWithTheNearestKnownOne() throws IOException {
        assertEquals("FILE, line 3: unknown key 'betta'; did you mean 'beta'? (the keys are "
                + String.join(", ", SetupKey.names()) + ")", problem("# β\nmodel = vae\nbetta = 4\n"));
    }

    @Test
    void eachMistakeIsOneMessageWithTheFileAndLine() throws IOException {
        assertEquals("FILE, line 2: beta: β must be a finite number ≥ 0, got -1.0", problem("model = vae\nbeta = -1"));
        assertEquals("FILE, line 1: expected 'key = value' or a comment starting with #, got 'beta 4'",
                problem("beta 4\n"));
        assertEquals("FILE, line 4: 'seed' is set twice (also on line 1)", problem("seed = 1\n\n\nseed = 2\n"));
        assertEquals("FILE, line 2: views: the views leave out the tab that is shown (compare); add it, or show"
                + " another tab", problem("tab = compare\nviews = explore, scatter, grid\n"));
        assertEquals("FILE, line 2: latent: the ready run 'ae-2d' was trained with latent = 2, not 8; loading a run"
                + " brings its settings (run: none trains a new model instead)", problem("run = ae-2d\nlatent = 8\n"));
        assertEquals("FILE, line 1: latent: latent size 0 is outside 1..64", problem("latent = 0"));
        assertEquals("FILE, line 1: views: unknown control or view 'scater'; did you mean 'scatter'?",
                problem("views = explore, grid, scater"));
        assertEquals("FILE, line 1: schedule: unknown β schedule 'warmup:soon': expected constant, warmup:ITERATIONS or"
                + " cyclical:ITERATIONS", problem("schedule = warmup:soon"));
    }

    @Test
    void aFileThatIsNoSetupFileSaysSo() throws IOException {
        Path binary = folder.resolve("model.latentlab");
        Files.write(binary, new byte[] {'P', 'K', 3, 4, (byte) 0xC3, (byte) 0x28});
        assertEquals(binary + ": the file is not UTF-8 text; save it as UTF-8 in a text editor",
                assertThrows(LessonFileException.class, () -> SetupFile.read(binary)).getMessage());
        Path missing = folder.resolve("nothing.setup");
        assertEquals(missing + ": no such file",
                assertThrows(LessonFileException.class, () -> SetupFile.read(missing)).getMessage());
        Path large = folder.resolve("large.setup");
        Files.write(large, "#".repeat(SourceText.MAX_BYTES + 1).getBytes(StandardCharsets.UTF_8));
        assertEquals(large + ": the file is larger than 256 KB; expected a small text file",
                assertThrows(LessonFileException.class, () -> SetupFile.read(large)).getMessage());
    }
}
