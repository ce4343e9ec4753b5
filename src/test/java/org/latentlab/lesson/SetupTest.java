package org.latentlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.training.TrainingConfig;
import org.latentlab.ui.explorer.ExplorerSetup;

class SetupTest {

    private static Map<SetupKey, String> changes(String... keysAndValues) {
        Map<SetupKey, String> changes = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changes.put(SetupKey.byName(keysAndValues[i]).orElseThrow(), keysAndValues[i + 1]);
        }
        return changes;
    }

    private static InvalidSetupException invalid(String... keysAndValues) {
        return assertThrows(InvalidSetupException.class, () -> Setup.defaults().with(changes(keysAndValues)));
    }

    @Test
    void defaultsAreTheWindowsAndTheCommandLines() {
        Setup setup = Setup.defaults();
        ExplorerSetup window = ExplorerSetup.defaults();
        assertEquals(window.datasetSpec(), setup.dataset());
        assertEquals(window.kind(), setup.model());
        assertEquals(window.latentSize(), setup.latentSize());
        assertEquals(window.batchSize(), setup.batchSize());
        assertEquals(window.seed(), setup.seed());
        assertEquals(window.beta(), setup.beta().target(), 0);
        assertEquals(window.learningRate(), setup.learningRate(), 0);
        assertEquals(window.decoder(), setup.decoder());
        assertEquals(ModelConfig.reference(ModelKind.VAE, 42).hiddenSizes(), setup.hiddenSizes());
        assertEquals(TrainingConfig.defaults(0, 42).beta(), setup.beta());
        assertEquals(Setup.ALL_VIEWS, setup.views());
        assertEquals(Optional.empty(), setup.run());
    }

    @Test
    void changesAreReadAsTheCommandLineWritesThem() {
        Setup setup = Setup.defaults().with(changes("beta", "4", "schedule", "warmup:500", "hidden", "512, 128",
                "lr", "3e-4", "decoder", "Gaussian", "epochs", "none"));
        assertEquals(new BetaSchedule.LinearWarmup(4, 500), setup.beta());
        assertEquals(List.of(512, 128), setup.hiddenSizes());
        assertEquals(3e-4, setup.learningRate(), 0);
        assertEquals(Likelihood.GAUSSIAN, setup.decoder());
        assertEquals(0, setup.epochs());
        assertEquals("0.0003", SetupKey.LR.write(setup));
        assertEquals("512,128", SetupKey.HIDDEN.write(setup));
    }

    @Test
    void loadingARunBringsItsNetworkAndKeepsItWhileOnlyTrainingChanges() {
        Setup faces = Setup.defaults().with(changes("latent", "16")).with(changes("run", "faces-8d"));
        assertEquals("faces", faces.dataset());
        assertEquals(8, faces.latentSize());
        assertEquals(Likelihood.GAUSSIAN, faces.decoder());
        assertEquals(0.1, faces.decoderStd(), 0);
        assertEquals("faces-8d", faces.run().orElseThrow().name());

        Setup annealed = faces.with(changes("beta", "2", "schedule", "cyclical:800"));
        assertEquals(faces.run(), annealed.run());
        Setup wider = faces.with(changes("latent", "12"));
        assertEquals(Optional.empty(), wider.run());
        assertEquals("faces", wider.dataset());
        Setup same = faces.with(changes("latent", "8"));
        assertEquals(faces.run(), same.run());
    }

    @Test
    void aChangeMayNotContradictTheRunItLoads() {
        InvalidSetupException e = invalid("run", "ae-2d", "latent", "8");
        assertEquals(SetupKey.LATENT, e.key());
        assertEquals("latent: the ready run 'ae-2d' was trained with latent = 2, not 8; loading a run brings its"
                + " settings (run: none trains a new model instead)", e.getMessage());
        assertEquals(SetupKey.HIDDEN, invalid("run", "vae-2d-epoch-5", "hidden", "512").key());
    }

    /** A comparison fixes its data, network and models, but not the Explore tab's model kind. */
    @Test
    void aComparisonRunBringsItsModelsButLeavesTheExploreTabsKind() {
        Setup setup = Setup.defaults().with(changes("model", "ae")).with(changes("run", "compare-ablation"));
        assertEquals(ModelKind.AUTOENCODER, setup.model());
        assertEquals("compare-ablation", setup.run().orElseThrow().name());
        assertEquals(ComparisonPreset.ABLATION, setup.compare());
        assertEquals("compare: the ready run 'compare-ablation' was trained with compare = ablation, not beta-sweep;"
                + " loading a run brings its settings (run: none trains a new model instead)",
                invalid("run", "compare-ablation", "compare", "beta-sweep").getMessage());
    }

    @Test
    void theConditionalAndHierarchicalVaesAreWindowModels() {
        assertEquals(ModelKind.CVAE, Setup.defaults().with(changes("model", "cvae")).model());
        Setup hierarchical = Setup.defaults().with(changes("model", "hvae", "latent", "16"));
        assertEquals(ModelKind.HVAE, hierarchical.model());
        assertEquals(16, hierarchical.latentSize());
    }

    @Test
    void theHierarchicalVaesLatentSizesAreZ1sAndZ2sAsTrainSaysThem() {
        Setup hierarchical = Setup.defaults().with(changes("model", "hvae", "latent", "16,2"));
        assertEquals(16, hierarchical.latentSize());
        assertEquals("16,2", SetupKey.LATENT.write(hierarchical));
        assertEquals(hierarchical, Setup.defaults().with(changes("model", "hvae", "latent", "16")));
        assertEquals("latent: latent = 16,2 gives two latent levels, which only model = hvae has; give one size"
                + " such as 16", invalid("latent", "16,2").getMessage());
        assertEquals("latent: the window's hierarchical VAE has a 2-D upper level z₂: expected 16,2, got '16,3'",
                invalid("model", "hvae", "latent", "16,3").getMessage());
        assertEquals(SetupKey.LATENT, invalid("model", "hvae", "latent", "16,2,1").key());
    }

    @Test
    void badValuesNameTheirKeyAndWhatWasExpected() {
        assertEquals("latent: latent size 65 is outside 1..64", invalid("latent", "65").getMessage());
        assertEquals("batch: batch size 2000 is outside 1..1024", invalid("batch", "2000").getMessage());
        assertEquals("lr: learning rate must be in (0, 1], got 2.0", invalid("lr", "2").getMessage());
        assertEquals("beta: expected a number such as 0.5 or 1e-3, got 'NaN'", invalid("beta", "NaN").getMessage());
        assertEquals("model: unknown model 'vea': expected vae, ae, cvae or hvae", invalid("model", "vea").getMessage());
        assertEquals("tab: expected explore, compare or debiasing, got grid", invalid("tab", "grid").getMessage());
        assertEquals(SetupKey.TOOL, invalid("tool", "debiasing").key());
        assertEquals(SetupKey.TOOL, invalid("tool", "compare").key());
        assertEquals("views: these are not views: train, beta-slider (they go in controls)",
                invalid("views", "explore, grid, beta-slider, train").getMessage());
        assertEquals("controls: these are not controls: scatter (they go in views)",
                invalid("controls", "train, scatter").getMessage());
        assertEquals("views: the views leave out the tab that is shown (grid); add it, or show another tab",
                invalid("views", "explore, scatter").getMessage());
        assertEquals(SetupKey.PACE, invalid("pace", "101").key());
        assertEquals(SetupKey.SELECTED, invalid("selected", "-2").key());
        assertEquals("presentation: expected on or off, got 'yes'", invalid("presentation", "yes").getMessage());
        assertEquals("run: unknown ready run 'ae2d'; did you mean 'ae-2d'? (the runs are "
                + String.join(", ", ReadyRuns.names()) + ")", invalid("run", "ae2d").getMessage());
    }

    @Test
    void aControlIsSeenOnlyWhenItsTabAndViewAreShown() {
        Setup setup = Setup.defaults();
        assertTrue(setup.shows(ControlId.BETA_SLIDER));
        assertEquals(Optional.of("'attribute-slider' is on the attributes tab, but the grid tab is shown (tool: grid)"),
                setup.hiddenBecause(ControlId.ATTRIBUTE_SLIDER));
        assertEquals(Optional.of("'compare-train' is on the compare tab, but the explore tab is shown (tab: explore)"),
                setup.hiddenBecause(ControlId.COMPARE_TRAIN));
        Setup focused = setup.with(changes("views", "explore, loss-chart, grid", "controls", "train, scatter-fit"));
        assertEquals(Optional.of("'scatter' is hidden: the setup's views leave it out"),
                focused.hiddenBecause(ControlId.SCATTER_FIT));
        assertEquals(Optional.of("'step' is hidden: the setup's controls leave it out"),
                focused.hiddenBecause(ControlId.STEP));
        assertTrue(focused.with(changes("controls", "presentation")).shows(ControlId.PRESENTATION));
        assertFalse(focused.shows(ControlId.PRESENTATION));
        assertTrue(setup.with(changes("tool", "attributes")).shows(ControlId.ATTRIBUTE_SLIDER));
        assertEquals(Optional.of("'debiasing-alpha' is on the debiasing tab, but the explore tab is shown (tab: explore)"),
                setup.hiddenBecause(ControlId.DEBIASING_ALPHA));
        Setup debiasing = setup.with(changes("tab", "debiasing"));
        assertTrue(debiasing.shows(ControlId.DEBIASING_ALPHA));
        assertFalse(debiasing.shows(ControlId.TRAIN));
    }
}
