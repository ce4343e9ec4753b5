package org.latentlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelKind;

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

    /** Every run the registry lists is made and shipped: none is left planned. */
    @Test
    void theRegistryListsNoPlannedRuns() {
        assertEquals(List.of(), ReadyRuns.ALL.stream().filter(ReadyRun::planned).map(ReadyRun::name).toList());
    }

    @Test
    void theConditionalAndHierarchicalRunsBringTheirNetworks() {
        Setup cvae = Setup.defaults().with(Map.of(SetupKey.RUN, "cvae-2d"));
        assertEquals(ModelKind.CVAE, cvae.model());
        assertEquals(List.of(256), cvae.hiddenSizes());
        assertEquals(3, cvae.seed());
        Setup hvae = Setup.defaults().with(Map.of(SetupKey.RUN, "hvae-16-2"));
        assertEquals(ModelKind.HVAE, hvae.model());
        assertEquals(16, hvae.latentSize());
        assertEquals("16,2", SetupKey.LATENT.write(hvae));
        assertEquals(Map.of(SetupKey.MODEL, "hvae", SetupKey.LATENT, "16,2", SetupKey.SEED, "42"),
                ReadyRuns.parse("hvae-16-2").settings());
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
        assertEquals("hvae-16-2\tready\ttrain --model hvae --latent 16,2 --epochs 20 --seed 42", lines.get(7));
    }
}
