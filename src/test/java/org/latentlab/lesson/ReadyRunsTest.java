package org.latentlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Likelihood;

class ReadyRunsTest {

    @Test
    void everyReadyRunLoadsIntoASetupWithItsSettings() {
        assertEquals(ReadyRuns.ALL.size(), new HashSet<>(ReadyRuns.names()).size());
        for (ReadyRun run : ReadyRuns.ALL) {
            if (!run.planned()) {
                Setup setup = Setup.defaults().with(Map.of(SetupKey.RUN, run.name()));
                assertEquals(run, setup.run().orElseThrow());
            }
        }
        Setup faces = Setup.defaults().with(Map.of(SetupKey.RUN, "faces-8d"));
        assertEquals(Likelihood.GAUSSIAN, faces.decoder());
        assertEquals(8, faces.latentSize());
        assertEquals(Map.of(SetupKey.DATASET, "faces", SetupKey.LATENT, "8", SetupKey.DECODER, "gaussian",
                SetupKey.DECODER_STD, "0.1", SetupKey.SEED, "42"), ReadyRuns.parse("faces-8d").settings());
    }

    /**
     * When the window learns a planned run's model kind, this fails: clear the run's planned flag and
     * let the script make it. A comparison is planned until the Compare tab opens one from a file.
     */
    @Test
    void plannedSingleRunsAreTheConditionalAndHierarchicalModelsNotMadeYet() {
        for (ReadyRun run : ReadyRuns.ALL) {
            if (run.planned() && !run.comparison()) {
                assertTrue(run.command().contains("--model cvae") || run.command().contains("--model hvae"), run.name());
            }
        }
    }

    @Test
    void aComparisonFixesItsModelsAndASingleRunItsKind() {
        ReadyRun ablation = ReadyRuns.parse("compare-ablation");
        ReadyRun ae = ReadyRuns.parse("AE-2D");
        assertTrue(ablation.comparison());
        assertTrue(ablation.fixes(SetupKey.COMPARE) && ablation.fixes(SetupKey.SEED));
        assertFalse(ablation.fixes(SetupKey.MODEL) || ablation.fixes(SetupKey.BETA));
        assertTrue(ae.fixes(SetupKey.MODEL) && ae.fixes(SetupKey.HIDDEN));
        assertFalse(ae.fixes(SetupKey.COMPARE) || ae.fixes(SetupKey.EPOCHS) || ae.comparison());
    }

    @Test
    void aCommandMustBeSeededAndLeaveTheFolderToTheScript() {
        assertThrows(IllegalArgumentException.class, () -> new ReadyRun("x", "", "train --epochs 1", false));
        assertThrows(IllegalArgumentException.class, () -> new ReadyRun("x", "", "train --epochs 1 --seed 1 --out y", false));
        assertThrows(IllegalArgumentException.class, () -> new ReadyRun("X y", "", "train --epochs 1 --seed 1", false));
        assertThrows(IllegalStateException.class, () -> new ReadyRun("x", "", "train --epochs 1 --seed 1 --loss kl", false)
                .settings());
    }

    @Test
    void theScriptReadsOneTabSeparatedLinePerRun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            ReadyRuns.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        var lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(ReadyRuns.ALL.size(), lines.size());
        assertEquals("vae-2d-epoch-1\tready\ttrain --epochs 1 --seed 42", lines.get(1));
        assertEquals("hvae-16-2\tplanned\ttrain --model hvae --latent 16,2 --epochs 20 --seed 42", lines.get(7));
    }
}
