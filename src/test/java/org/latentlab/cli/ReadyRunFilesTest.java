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
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.ReadyRunFiles;
import org.latentlab.training.RunFileException;
import org.latentlab.training.SavedRun;

/**
 * The ready-trained runs shipped in the resources are the ones the registry promises: each
 * non-planned run is there, within the budget, and is what its command trains, to the step; and
 * each is as good as its epochs say, measured again on its held-out images.
 */
class ReadyRunFilesTest {

    /**
     * The held-out negative ELBO (for the autoencoder its reconstruction term) each run must stay
     * below: what {@code latent-lab evaluate} measured on the files src/lessons/make-ready-runs.sh
     * made on an Intel Xeon (family 6, model 207, OpenBLAS core SkylakeX) — 151.61, 210.56, 177.93,
     * 160.23 and −1040.51 nats — plus about 1 nat for another machine's kernels. A run made for
     * fewer epochs lies above it (1 epoch 210.6, 5 epochs 177.9, 50 epochs 160.2 for the VAE).
     */
    private static final Map<String, Double> HELD_OUT_BOUNDS = Map.of(
            "ae-2d", 152.7,
            "vae-2d-epoch-1", 211.6,
            "vae-2d-epoch-5", 179.0,
            "vae-2d-epoch-50", 161.3,
            "faces-8d", -1039.5);

    private static List<ReadyRun> shippedRuns() {
        return ReadyRuns.ALL.stream().filter(run -> !run.planned()).toList();
    }

    @Test
    void everyRunThatIsNotPlannedIsShippedWithinTheBudgetAndNothingElseIs() throws IOException, URISyntaxException {
        Path folder = Path.of(ReadyRunFiles.class.getResource(ReadyRunFiles.FOLDER).toURI());
        TreeSet<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(shippedRuns().stream().map(run -> run.name() + ".latentlab").collect(Collectors.toCollection(TreeSet::new)),
                files);
        for (ReadyRun run : ReadyRuns.ALL) {
            assertEquals(!run.planned(), ReadyRunFiles.isShipped(run.name()), run.name());
            if (!run.planned()) {
                long size = Files.size(folder.resolve(run.name() + ".latentlab"));
                assertTrue(size <= ReadyRunFiles.BUDGET_BYTES, run.name() + " weighs " + size + " bytes");
            }
        }
        assertEquals(HELD_OUT_BOUNDS.keySet(), shippedRuns().stream().map(ReadyRun::name).collect(Collectors.toSet()));
    }

    @Test
    void everyShippedRunIsWhatItsCommandTrainsAndAsGoodAsItsEpochsPromise() {
        for (ReadyRun ready : shippedRuns()) {
            String name = ready.name();
            TrainCommand train = ReadyRunCommandsTest.parsed(ready.command());
            SavedRun run = ReadyRunFiles.load(name);
            Dataset data = DatasetSource.parse(train.dataset).load();
            ModelKind kind = ModelKind.fromCliName(train.model);
            LatentSizes sizes = LatentSizes.parse(train.latent, kind);
            DecoderStdOption std = DecoderStdOption.parse(train.decoderStd);
            assertEquals(new ModelConfig(kind, data.width(), data.height(), train.hiddenSizes(kind), sizes.lower(),
                    Activation.fromCliName(train.activation), Likelihood.fromCliName(train.decoder), std.std(),
                    train.seed, sizes.upper(), 0, std.variance()), run.modelConfig(), name);
            assertEquals(train.dataset, run.datasetSpec(), name);
            assertEquals(BetaSchedule.parse(train.schedule, train.beta), run.trainingConfig().beta(), name);
            assertEquals(train.learningRate, run.trainingConfig().learningRate(), 0, name);
            assertEquals(train.batch, run.trainingConfig().batchSize(), name);
            assertEquals(train.seed, run.trainingConfig().seed(), name);

            DatasetSplit split = DatasetSplit.of(data, TrainCommand.VALIDATION_FRACTION, train.seed);
            long stepsPerEpoch = (split.train().size() + train.batch - 1) / train.batch;
            assertEquals(train.epochs, run.epochs().size(), name);
            assertEquals(train.epochs * stepsPerEpoch, run.state().steps(), name);
            assertTrue(run.state().optimizerStateDropped(), name + " ships Adam's moments");
            assertTrue(run.timeline().isEmpty(), name + " ships a timeline");

            Dataset heldOut = split.validation();
            BatchLosses measured = RunFolder.modelOf(run).evaluate(heldOut.pixels(heldOut.size()), heldOut.size(),
                    new SplittableRandom(1));
            EpochMetrics last = run.epochs().get(run.epochs().size() - 1);
            assertEquals(last.validationNegativeElbo(), measured.negativeElbo(), 1.0,
                    name + ": its weights are not those its last epoch was measured on");
            assertTrue(measured.negativeElbo() < HELD_OUT_BOUNDS.get(name),
                    name + ": held-out negative ELBO " + measured.negativeElbo());
        }
    }

    @Test
    void aRunTheApplicationDoesNotHoldIsNamedInOneMessage() {
        RunFileException e = assertThrows(RunFileException.class,
                () -> ReadyRunFiles.load("cvae-2d"));
        assertEquals("the ready-trained run 'cvae-2d' is not part of this build of Latent Lab"
                + " (src/lessons/make-ready-runs.sh makes it)", e.getMessage());
    }
}
