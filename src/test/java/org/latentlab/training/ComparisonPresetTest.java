package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

class ComparisonPresetTest {

    private static List<String> names(ComparisonPreset preset) {
        return preset.variants().stream().map(CompareVariant::name).toList();
    }

    @Test
    void readsThePresetsTheBetaShorthandAndAListOfModels() {
        assertSame(ComparisonPreset.ABLATION, ComparisonPreset.parse("ablation"));
        assertEquals(List.of("ae", "rec-only", "kl-only", "vae"), names(ComparisonPreset.ABLATION));
        assertEquals(List.of("vae-beta-0.1", "vae", "vae-beta-4"), names(ComparisonPreset.parse("beta-sweep")));
        assertEquals(List.of("vae-beta-0.5", "vae-beta-2.5"), names(ComparisonPreset.parse("beta:0.5,2.5")));
        ComparisonPreset list = ComparisonPreset.parse("AE, vae:4 ,kl-only");
        assertEquals(List.of("ae", "vae-beta-4", "kl-only"), names(list));
        assertEquals(4.0, list.variants().get(1).beta(), 0.0);
        assertEquals(LossTerms.KL, list.variants().get(2).lossTerms());
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("unknown comparison 'ae,gan' ('gan' is not a model): expected ablation, beta-sweep, beta:B,B,...,"
                        + " debias:A or a list of ae, rec-only, kl-only, vae, vae:B",
                assertThrows(IllegalArgumentException.class, () -> ComparisonPreset.parse("ae,gan")).getMessage());
        assertEquals("in the comparison 'beta:1,-2', β '-2' is not a finite number ≥ 0",
                assertThrows(IllegalArgumentException.class, () -> ComparisonPreset.parse("beta:1,-2")).getMessage());
        assertEquals("the model 'vae' is listed twice",
                assertThrows(IllegalArgumentException.class, () -> ComparisonPreset.parse("vae,vae:1")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ComparisonPreset.parse("vae,vae:1,vae:2,vae:3,vae:4,vae:5,"
                + "vae:6,vae:7,vae:8"));
    }

    @Test
    void theDebiasingComparisonPutsAPlainVaeBesideADebiasedOne() {
        ComparisonPreset preset = ComparisonPreset.parse("debias:0.5");
        assertEquals(List.of("vae", "vae-debias-0.5"), names(preset));
        assertEquals(0.0, preset.variants().get(0).debias(), 0.0);
        assertEquals(0.5, preset.variants().get(1).debias(), 0.0);
        assertEquals("VAE, debiased (α = 0.5)", preset.variants().get(1).label());
        assertEquals(List.of("vae", "vae-debias-1"), names(ComparisonPreset.parse("debias")));
        TrainingConfig shared = TrainingConfig.defaults(3, 9);
        assertEquals(shared.withDebias(0.5), preset.variants().get(1).trainingConfig(shared));
        assertEquals(shared, preset.variants().get(0).trainingConfig(shared));
        assertEquals("in the comparison 'debias:0', α must be above 0: α = 0 is the plain VAE it is compared with",
                assertThrows(IllegalArgumentException.class, () -> ComparisonPreset.parse("debias:0")).getMessage());
        assertEquals("in the comparison 'debias:x', α 'x' is not a finite number ≥ 0",
                assertThrows(IllegalArgumentException.class, () -> ComparisonPreset.parse("debias:x")).getMessage());
    }

    @Test
    void aVariantOverridesOnlyWhatItNames() {
        ModelConfig shared = ModelConfig.reference(ModelKind.VAE, 5);
        TrainingConfig training = new TrainingConfig(5e-4, 64, 3, new BetaSchedule.LinearWarmup(1, 100),
                LossTerms.COMBINED, 9);
        CompareVariant ae = CompareVariant.autoencoder();
        assertEquals(shared.withKind(ModelKind.AUTOENCODER), ae.modelConfig(shared));
        TrainingConfig sweep = CompareVariant.vae(4).trainingConfig(training);
        assertEquals(new TrainingConfig(5e-4, 64, 3, new BetaSchedule.LinearWarmup(4, 100), LossTerms.COMBINED, 9), sweep);
        assertEquals(LossTerms.KL, CompareVariant.klOnly().trainingConfig(training).lossTerms());
        assertEquals("β-VAE, β = 0.1", CompareVariant.vae(0.1).label());
        assertEquals("an autoencoder has no KL term: variant 'ae' must train the reconstruction term only",
                assertThrows(IllegalArgumentException.class,
                        () -> new CompareVariant("ae", ModelKind.AUTOENCODER, LossTerms.KL, 1)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new CompareVariant("Has Space", ModelKind.VAE, LossTerms.COMBINED, 1));
    }
}
