package org.latentlab.ui.outliers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.TestDatasets;
import org.latentlab.data.Attributes;
import org.latentlab.data.Dataset;
import org.latentlab.data.IdxImagesFile;
import org.latentlab.latent.RocAuc;
import org.latentlab.likelihood.EvaluationSettings;
import org.latentlab.likelihood.LikelihoodRanking;
import org.latentlab.model.Activation;
import org.latentlab.model.DenseAutoencoder;
import org.latentlab.model.Likelihood;
import org.latentlab.model.Encoding;
import org.latentlab.model.LossWeights;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;

/**
 * The Outliers tab's view-model without a toolkit, on a small VAE of 4×4 bars trained a little,
 * with other data written as IDX files: clean bars (no background noise), which the model finds
 * more likely than its own noisy bars, and noise, which it finds far less likely.
 */
class OutliersViewModelTest {

    private static final int COUNT = 40;
    private static final long SECOND = 1_000_000_000L;

    private final DenseAutoencoder vae = trained(TestDatasets.smallModel(ModelKind.VAE, 2));
    private final Dataset bars = TestDatasets.bars(COUNT, 3);
    private final List<Integer> selections = new ArrayList<>();
    private int reads;
    private long now;

    private DenseAutoencoder trained(ModelConfig config) {
        DenseAutoencoder model = new DenseAutoencoder(config);
        Dataset training = TestDatasets.bars(200, 4);
        for (int step = 0; step < 200; step++) {
            model.trainStep(training.pixels(200), null, 200, LossWeights.ELBO, 1e-2);
        }
        return model;
    }

    /** Reads {@code model} at once, on the calling thread. */
    private ModelReader reader(DenseAutoencoder model, long iteration) {
        return (sets, done) -> {
            reads++;
            done.accept(new ModelReader.Reading(model.decoderWeights(), sets.stream()
                    .map(s -> model.encode(s.pixels(), s.labels(), s.count())).toList(), iteration));
            return true;
        };
    }

    private OutliersViewModel viewModel(DenseAutoencoder model) {
        return new OutliersViewModel(Runnable::run, reader(model, 30), selections::add, () -> "mnist", () -> now);
    }

    private TrainingSnapshot snapshot(DenseAutoencoder model, TrainerState state, long iteration, int epoch) {
        int[] labels = bars.labels(COUNT);
        Encoding codes = model.encode(bars.pixels(COUNT), null, COUNT);
        ProbeSet probe = new ProbeSet(codes, bars.pixels(COUNT), 4, 4, labels, bars.classNames(), Attributes.none());
        int d = model.config().latentSize();
        return new TrainingSnapshot(state, null, model.config(), iteration, epoch, 0, 1, 1e-3, 0,
                new IterationHistory().view(), List.of(), probe, new double[d], d, model.decoderWeights());
    }

    /** Probe snapshots must share their pixels, as a session's do. */
    private TrainingSnapshot first;

    private TrainingSnapshot at(TrainerState state, long iteration, int epoch) {
        TrainingSnapshot made = snapshot(vae, state, iteration, epoch);
        if (first == null) {
            first = made;
            return made;
        }
        return new TrainingSnapshot(state, null, vae.config(), iteration, epoch, 0, 1, 1e-3, 0,
                new IterationHistory().view(), List.of(), first.probe(), new double[2], 2, vae.decoderWeights());
    }

    @Test
    void ranksTheHeldOutImagesByTheEnginesIwaeWithTheirReconstructions() {
        OutliersViewModel model = viewModel(vae);
        TrainingSnapshot snapshot = at(TrainerState.PAUSED, 30, 1);
        model.update(snapshot);
        model.pulse();
        assertNull(model.scoresProperty().get(), "nothing is scored while the tab is hidden");
        assertEquals(0, reads);

        model.activeProperty().set(true);
        model.pulse();
        OutlierScores scores = model.scoresProperty().get();
        assertNotNull(scores);
        assertEquals(30, scores.iteration());
        assertEquals(OutliersViewModel.SAMPLES, scores.samples());
        double[] expected = LikelihoodRanking.negativeLogMarginals(vae.decoderWeights(), bars.pixels(COUNT), null,
                vae.encode(bars.pixels(COUNT), null, COUNT), new EvaluationSettings(100, 1, null, 1), done -> { },
                () -> false);
        assertArrayEquals(expected, scores.heldOut(), 0);

        double[] sorted = expected.clone();
        Arrays.sort(sorted);
        OutlierScores.Shown most = scores.mostLikely();
        OutlierScores.Shown least = scores.leastLikely();
        assertEquals(16, most.count());
        assertEquals(16, least.count());
        for (int k = 0; k < 16; k++) {
            assertEquals(sorted[k], most.values()[k], 0, "the " + (k + 1) + "th most likely");
            assertEquals(sorted[COUNT - 1 - k], least.values()[k], 0, "the " + (k + 1) + "th least likely");
            assertEquals(expected[most.indices()[k]], most.values()[k], 0);
            assertArrayEquals(bars.image(most.indices()[k]), Arrays.copyOfRange(most.images(), 16 * k, 16 * k + 16));
        }
        float[] mean = Arrays.copyOfRange(vae.encode(bars.pixels(COUNT), null, COUNT).means(), 2 * least.indices()[0],
                2 * least.indices()[0] + 2);
        assertArrayEquals(vae.decode(mean, null, 1), Arrays.copyOfRange(least.reconstructions(), 0, 16), 1e-6f);
        assertTrue(model.progressProperty().get().startsWith("40 held-out images scored at iteration 30 (IWAE, K = 100)"),
                model.progressProperty().get());

        model.select(least.indices()[0]);
        assertEquals(List.of(least.indices()[0]), selections);
    }

    @Test
    void otherDataGetsBothHistogramsItsAurocAndTheSentenceOnlyWhenItLooksMoreLikely(@TempDir Path folder)
            throws IOException {
        OutliersViewModel model = viewModel(vae);
        model.activeProperty().set(true);
        model.update(at(TrainerState.PAUSED, 30, 1));
        model.pulse();

        model.compareWith(write(folder.resolve("noise-idx3-ubyte"), 50, true).toString());
        model.pulse();
        OutlierScores noise = model.scoresProperty().get();
        OutlierScores.Comparison c = noise.comparison();
        assertNotNull(c);
        assertEquals(50, c.other().length);
        assertEquals(RocAuc.of(c.other(), noise.heldOut()), c.auroc(), 0);
        assertTrue(c.auroc() > 0.9, "noise is far less likely than bars: " + c.auroc());
        assertArrayEquals(new int[] {COUNT, 50}, new int[] {sum(c.histogram().firstCounts()),
                sum(c.histogram().secondCounts())}, "every image counted once");
        assertEquals(String.format(java.util.Locale.ROOT, "AUROC %.3f: the chance that an image of noise-idx3-ubyte gets a"
                + " higher −log p(x) than a held-out image (0.5: chance).", c.auroc()), model.aurocText());
        assertEquals("", model.nalisnickText());

        model.compareWith(write(folder.resolve("clean-idx3-ubyte"), 50, false).toString());
        model.pulse();
        OutlierScores.Comparison clean = model.scoresProperty().get().comparison();
        assertTrue(clean.auroc() < 0.5, "clean bars lack the held-out bars' noise: more likely, " + clean.auroc());
        assertEquals("The model rates clean-idx3-ubyte as more likely than its own held-out images: likelihood models"
                + " are known to do this (Nalisnick et al. 2019, \"Do deep generative models know what they don't"
                + " know?\").", model.nalisnickText());
    }

    @Test
    void aScoringStoppedByOtherDataIsNotAskedForTwice(@TempDir Path folder) throws IOException {
        Queue<Runnable> queued = new ArrayDeque<>();
        OutliersViewModel model = new OutliersViewModel(queued::add, reader(vae, 30), selections::add, () -> "mnist",
                () -> now);
        model.activeProperty().set(true);
        model.update(at(TrainerState.PAUSED, 30, 1));
        assertEquals(1, reads);
        assertTrue(model.progressProperty().get().startsWith("Scoring 0 of 40 images"), model.progressProperty().get());

        model.compareWith(write(folder.resolve("noise-idx3-ubyte"), 50, true).toString());
        while (!queued.isEmpty()) {
            queued.poll().run(); // the first scoring stops: other data was chosen; then the data loads
        }
        model.pulse();
        assertEquals(2, reads, "asked again once, with the other data");
        model.pulse();
        assertEquals(2, reads);
        assertTrue(model.progressProperty().get().startsWith("Scoring 0 of 90 images"), model.progressProperty().get());
        queued.poll().run();
        model.pulse();
        assertNotNull(model.scoresProperty().get().comparison());
        assertEquals(2, reads);
    }

    /** {@code count} 4×4 images: random grey levels, or a bright bar on black with no noise. */
    private static Path write(Path file, int count, boolean noise) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        float[] pixels = new float[count * 16];
        for (int i = 0; i < count; i++) {
            int line = random.nextInt(4);
            boolean row = random.nextBoolean();
            for (int p = 0; p < 16; p++) {
                boolean on = row ? p / 4 == line : p % 4 == line;
                pixels[i * 16 + p] = noise ? (float) random.nextDouble() : on ? 1f : 0f;
            }
        }
        IdxImagesFile.write(file, pixels, count, 4, 4);
        return file;
    }

    private static int sum(int[] counts) {
        return Arrays.stream(counts).sum();
    }

    @Test
    void dataOfAnotherSizeOrTheModelsOwnIsRefusedInOneSentence() {
        OutliersViewModel model = viewModel(vae);
        model.activeProperty().set(true);
        model.update(at(TrainerState.PAUSED, 30, 1));
        model.pulse();

        model.compareWith("faces");
        model.pulse();
        assertTrue(model.otherMessageProperty().get().endsWith(" holds 28×28 images but the model reads 4×4: choose data"
                + " of the model's size."), model.otherMessageProperty().get());
        assertNull(model.scoresProperty().get().comparison());

        model.compareWith("MNIST");
        assertEquals("That is the model's own data: its held-out images are what this tab ranks. Choose other data to"
                + " compare with.", model.otherMessageProperty().get());
    }

    @Test
    void anAutoencoderAndAHierarchicalVaeGetASentenceInstead() {
        List<ModelConfig> configs = List.of(TestDatasets.smallModel(ModelKind.AUTOENCODER, 2), new ModelConfig(
                ModelKind.HVAE, 4, 4, List.of(16), 2, Activation.RELU, Likelihood.BERNOULLI, 0.1, 1, 2));
        for (ModelConfig config : configs) {
            OutliersViewModel model = viewModel(vae);
            model.activeProperty().set(true);
            // Only the kind matters: nothing is read or scored.
            model.update(new TrainingSnapshot(TrainerState.PAUSED, null, config, 0, 0, 0, 1, 1e-3, 0,
                    new IterationHistory().view(), List.of(), at(TrainerState.PAUSED, 0, 0).probe(), new double[2], 2,
                    vae.decoderWeights()));
            model.pulse();
            assertNull(model.scoresProperty().get(), config.kind().name());
            assertTrue(model.messageProperty().get().startsWith(config.kind() == ModelKind.AUTOENCODER
                    ? "An autoencoder has no likelihood p(x)" : "This tab does not estimate −log p(x) for a hierarchical"),
                    model.messageProperty().get());
        }
        assertEquals(0, reads);
    }

    @Test
    void whileTrainingItScoresAfterEachEpochAtMostEveryTenSecondsAndAtOnceWhenPaused() {
        OutliersViewModel model = viewModel(vae);
        model.activeProperty().set(true);
        model.update(at(TrainerState.RUNNING, 10, 0));
        model.pulse();
        assertEquals(1, reads, "a new model is scored at once");

        now = 2 * SECOND;
        model.update(at(TrainerState.RUNNING, 50, 0));
        model.pulse();
        assertEquals(1, reads, "the same epoch");
        model.update(at(TrainerState.RUNNING, 80, 1));
        model.pulse();
        assertEquals(1, reads, "a new epoch, but within ten seconds");
        now = 11 * SECOND;
        model.pulse();
        assertEquals(2, reads, "ten seconds on");
        model.pulse();
        assertEquals(2, reads);

        model.update(at(TrainerState.PAUSED, 81, 1));
        model.pulse();
        assertEquals(3, reads, "paused after another step: at once");
        model.pulse();
        assertEquals(3, reads);
        model.scoreAgain();
        assertEquals(4, reads, "asked for");
    }
}
