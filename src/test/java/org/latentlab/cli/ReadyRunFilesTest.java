package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.data.DatasetSplit;
import org.latentlab.lesson.ReadyRun;
import org.latentlab.lesson.ReadyRuns;
import org.latentlab.model.Activation;
import org.latentlab.model.BatchLosses;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.CompareVariant;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.ReadyRunFiles;
import org.latentlab.training.RunFileException;
import org.latentlab.training.SavedComparison;
import org.latentlab.training.SavedRun;

/**
 * The ready-trained runs shipped in the resources are the ones the registry promises: each run is
 * there (a comparison as a folder of runs), every run file within the budget, and each is what its
 * command trains, to the step; and each is as good as its epochs say, measured again on its
 * held-out images.
 */
class ReadyRunFilesTest {

    /**
     * The held-out negative ELBO (for the autoencoder its reconstruction term) each run must stay
     * below: what {@code latent-lab train} measured on the runs src/lessons/make-ready-runs.sh
     * made on an Intel Xeon (family 6, model 207, OpenBLAS core SkylakeX) — 151.61, 210.56, 177.93,
     * 160.23, −1040.51, 138.73 and 113.86 nats; for the ablation's models 161.34 (autoencoder),
     * 204.47, 548.90 and 169.47 — plus about 1 nat for another machine's kernels. A run made for
     * fewer epochs lies above it (1 epoch 210.6, 5 epochs 177.9, 50 epochs 160.2 for the VAE).
     */
    private static final Map<String, Double> HELD_OUT_BOUNDS = Map.ofEntries(
            Map.entry("ae-2d", 152.7),
            Map.entry("vae-2d-epoch-1", 211.6),
            Map.entry("vae-2d-epoch-5", 179.0),
            Map.entry("vae-2d-epoch-50", 161.3),
            Map.entry("faces-8d", -1039.5),
            Map.entry("cvae-2d", 139.8),
            Map.entry("hvae-16-2", 114.9),
            Map.entry("compare-ablation/ae", 162.4),
            Map.entry("compare-ablation/rec-only", 205.5),
            Map.entry("compare-ablation/kl-only", 549.9),
            Map.entry("compare-ablation/vae", 170.5));

    private static List<ReadyRun> singleRuns() {
        return ReadyRuns.ALL.stream().filter(run -> !run.comparison()).toList();
    }

    @Test
    void everyRunIsShippedEveryRunFileWithinTheBudgetAndNothingElseIs() throws IOException, URISyntaxException {
        Path folder = Path.of(ReadyRunFiles.class.getResource(ReadyRunFiles.FOLDER).toURI());
        TreeSet<String> entries;
        try (Stream<Path> listing = Files.list(folder)) {
            entries = listing.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(ReadyRuns.ALL.stream().map(run -> run.comparison() ? run.name() : run.name() + ".latentlab")
                .collect(Collectors.toCollection(TreeSet::new)), entries);
        for (ReadyRun run : ReadyRuns.ALL) {
            assertTrue(ReadyRunFiles.isShipped(run.name()), run.name());
        }
        List<Path> runFiles;
        try (Stream<Path> walk = Files.walk(folder)) {
            runFiles = walk.filter(file -> file.toString().endsWith(".latentlab")).toList();
        }
        assertEquals(HELD_OUT_BOUNDS.size(), runFiles.size());
        for (Path file : runFiles) {
            assertTrue(Files.size(file) <= ReadyRunFiles.BUDGET_BYTES, file + " weighs " + Files.size(file) + " bytes");
        }
    }

    /** The ablation is the folder {@code train --compare ablation} writes: four runs of the same steps, in panel order. */
    @Test
    void theReadyComparisonIsTheAblationTrainedSideBySide() {
        ReadyRun ready = ReadyRuns.parse("compare-ablation");
        TrainCommand train = ReadyRunCommandsTest.parsed(ready.command());
        SavedComparison comparison = ReadyRunFiles.loadComparison(ready.name());
        assertEquals(ComparisonPreset.ABLATION, comparison.preset());
        assertEquals(train.dataset, comparison.datasetSpec());
        Dataset data = DatasetSource.parse(train.dataset).load();
        DatasetSplit split = DatasetSplit.of(data, TrainCommand.VALIDATION_FRACTION, train.seed);
        for (int i = 0; i < comparison.runs().size(); i++) {
            SavedRun run = comparison.runs().get(i);
            CompareVariant variant = comparison.preset().variants().get(i);
            String name = ready.name() + "/" + variant.name();
            assertEquals(variant.kind(), run.modelConfig().kind(), name);
            assertEquals(variant.lossTerms(), run.trainingConfig().lossTerms(), name);
            assertEquals(train.seed, run.modelConfig().seed(), name);
            assertShippedAsTrained(name, train, run, split);
        }
    }

    @Test
    void everyShippedRunIsWhatItsCommandTrainsAndAsGoodAsItsEpochsPromise() {
        for (ReadyRun ready : singleRuns()) {
            String name = ready.name();
            TrainCommand train = ReadyRunCommandsTest.parsed(ready.command());
            SavedRun run = ReadyRunFiles.load(name);
            Dataset data = DatasetSource.parse(train.dataset).load();
            ModelKind kind = ModelKind.fromCliName(train.model);
            LatentSizes sizes = LatentSizes.parse(train.latent, kind);
            DecoderStdOption std = DecoderStdOption.parse(train.decoderStd);
            assertEquals(new ModelConfig(kind, data.width(), data.height(), train.hiddenSizes(kind), sizes.lower(),
                    Activation.fromCliName(train.activation), Likelihood.fromCliName(train.decoder), std.std(),
                    train.seed, sizes.upper(), kind == ModelKind.CVAE ? data.classNames().size() : 0, std.variance()),
                    run.modelConfig(), name);
            assertEquals(train.dataset, run.datasetSpec(), name);
            assertEquals(BetaSchedule.parse(train.schedule, train.beta), run.trainingConfig().beta(), name);
            assertEquals(train.learningRate, run.trainingConfig().learningRate(), 0, name);
            assertShippedAsTrained(name, train, run, DatasetSplit.of(data, TrainCommand.VALIDATION_FRACTION, train.seed));
        }
    }

    /**
     * {@code run} took the steps of its command's epochs, ships neither Adam's moments nor a
     * timeline, and its weights give again the held-out −ELBO its last epoch recorded (for an
     * autoencoder, whose KL is 0, its reconstruction), within its bound.
     */
    private static void assertShippedAsTrained(String name, TrainCommand train, SavedRun run, DatasetSplit split) {
        assertEquals(train.batch, run.trainingConfig().batchSize(), name);
        assertEquals(train.seed, run.trainingConfig().seed(), name);
        long stepsPerEpoch = (split.train().size() + train.batch - 1) / train.batch;
        assertEquals(train.epochs, run.epochs().size(), name);
        assertEquals(train.epochs * stepsPerEpoch, run.state().steps(), name);
        assertTrue(run.state().optimizerStateDropped(), name + " ships Adam's moments");
        assertTrue(run.timeline().isEmpty(), name + " ships a timeline");

        Dataset heldOut = split.validation();
        BatchLosses measured = RunFolder.modelOf(run).evaluate(heldOut.pixels(heldOut.size()),
                heldOut.labels(heldOut.size()), heldOut.size(), new SplittableRandom(1));
        EpochMetrics last = run.epochs().get(run.epochs().size() - 1);
        assertEquals(last.validationNegativeElbo(), measured.negativeElbo(), 1.0,
                name + ": its weights are not those its last epoch was measured on");
        assertTrue(measured.negativeElbo() < HELD_OUT_BOUNDS.get(name), name + ": held-out loss " + measured.negativeElbo());
    }

    @Test
    void aRunTheApplicationDoesNotHoldIsNamedInOneMessage() {
        RunFileException e = assertThrows(RunFileException.class,
                () -> ReadyRunFiles.load("vae-2d-epoch-500"));
        assertEquals("the ready-trained run 'vae-2d-epoch-500' is not part of this build of Latent Lab"
                + " (src/lessons/make-ready-runs.sh makes it)", e.getMessage());
    }
}
