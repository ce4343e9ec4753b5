package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.TestDatasets;
import org.latentlab.data.Attributes;
import org.latentlab.data.Dataset;
import org.latentlab.data.RareGroup;
import org.latentlab.latent.LatentPoints;
import org.latentlab.model.BatchLosses;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;
import org.latentlab.model.LossWeights;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/** A session that samples for debiasing: its batches, its rollback, its metrics and its run file. */
class DebiasingSessionTest {

    private static final int SIZE = 256;
    private static final int BATCH = 16;

    @TempDir
    Path folder;

    /**
     * {@link TestDatasets#bars} whose last pixel tells each image apart ((i + 1)/1000), with every
     * tenth image marked as the rare group.
     */
    private static Dataset numberedBars() {
        Dataset bars = TestDatasets.bars(SIZE, 1);
        float[] pixels = bars.pixels(SIZE);
        int[] labels = new int[SIZE];
        double[] rare = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            pixels[i * 16 + 15] = (i + 1) / 1000f;
            labels[i] = bars.label(i);
            rare[i] = i % 10 == 0 ? 1 : 0;
        }
        return new Dataset("numbered bars", 4, 4, pixels, labels, bars.classNames())
                .withAttributes(Attributes.of(List.of(RareGroup.ATTRIBUTE), List.of(rare)));
    }

    private static TrainingConfig config(double debias) {
        return new TrainingConfig(1e-2, BATCH, 0, new BetaSchedule.Constant(1), LossTerms.COMBINED, 3, debias);
    }

    /** A model that notes which images each training step saw, then lets {@code inner} train on them. */
    private static final class RecordingModel extends ForwardingModel {
        final List<int[]> batches = new ArrayList<>();

        RecordingModel(LatentModel inner) {
            super(inner);
        }

        @Override
        public BatchLosses trainStep(float[] pixels, int count, LossWeights weights, double learningRate) {
            int[] ids = new int[count];
            for (int k = 0; k < count; k++) {
                ids[k] = Math.round(pixels[k * 16 + 15] * 1000) - 1;
            }
            batches.add(ids);
            return super.trainStep(pixels, count, weights, learningRate);
        }
    }

    private static ModelConfig network() {
        return TestDatasets.smallModel(ModelKind.VAE, 2);
    }

    private static RecordingModel recording(int failFrom, int failUntil) {
        return new RecordingModel(new FailingModel(network(), failFrom, failUntil));
    }

    /** The shuffle of epoch {@code epoch} as training has always made it: Fisher–Yates from seed · 1,000,003 + epoch. */
    private static int[] plainShuffle(long seed, int epoch) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
        int[] order = new int[SIZE];
        Arrays.setAll(order, i -> i);
        for (int i = SIZE - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static int[] concatenated(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }

    @Test
    void alphaZeroVisitsEveryImageInThePlainShuffleAsBefore() {
        RecordingModel model = recording(Integer.MAX_VALUE, Integer.MAX_VALUE);
        TrainingSession session = new TrainingSession(numberedBars(), TestDatasets.bars(20, 2), model, config(0));
        session.runEpoch();
        session.runEpoch();
        int[] expected = new int[2 * SIZE];
        System.arraycopy(plainShuffle(3, 0), 0, expected, 0, SIZE);
        System.arraycopy(plainShuffle(3, 1), 0, expected, SIZE, SIZE);
        assertArrayEquals(expected, concatenated(model.batches));
        assertNull(session.sampling());
        assertNull(new SessionWork(session).snapshot(TrainerState.READY, null, 0).debiasing());
    }

    @Test
    void withAlphaTheDrawsRepeatImagesAndFavourTheSparseOnes() {
        RecordingModel model = recording(Integer.MAX_VALUE, Integer.MAX_VALUE);
        TrainingSession session = new TrainingSession(numberedBars(), TestDatasets.bars(20, 2), model, config(2));
        for (int e = 0; e < 3; e++) {
            session.runEpoch();
        }
        int[] seen = concatenated(model.batches);
        assertEquals(3 * SIZE, seen.length, "an epoch still takes n images");
        DebiasedSampling last = session.sampling();
        int[] lastEpoch = Arrays.copyOfRange(seen, 2 * SIZE, 3 * SIZE);
        assertArrayEquals(last.order(), lastEpoch, "training visits the sampler's draws in order");
        assertTrue(last.distinctImages() < SIZE, "drawing with replacement repeats images: "
                + last.distinctImages() + " distinct");
        double most = 0;
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < SIZE; i++) {
            most = Math.max(most, last.expectedDraws(i));
            least = Math.min(least, last.expectedDraws(i));
        }
        assertTrue(most > 3 * least, "weights differ: from " + least + " to " + most + " draws per epoch");
    }

    @Test
    void aRollbackInALaterEpochKeepsTheDrawsTheEpochBeganWith() {
        // Steps 22 and 23 fail; the snapshot before them is at step 20, in the second epoch (16 steps each).
        RecordingModel model = recording(22, 24);
        TrainingSession session = new TrainingSession(numberedBars(), TestDatasets.bars(20, 2), model, config(1));
        SessionWork work = new SessionWork(session);
        for (int i = 0; i < 20; i++) {
            assertFalse(work.step().diverged());
        }
        DebiasedSampling epochTwo = session.sampling();
        TrainingSnapshot shown = work.snapshot(TrainerState.RUNNING, null, 0);
        assertSame(epochTwo, shown.debiasing().sampling());
        assertFalse(work.step().diverged()); // step 21
        assertTrue(work.step().diverged()); // step 22: back to step 20
        assertEquals(20, session.iteration());
        assertSame(epochTwo, session.sampling());
        int[] undone = model.batches.get(20);
        assertTrue(work.step().diverged()); // step 23 fails too: back to 20 again
        assertFalse(work.step().diverged());
        assertArrayEquals(undone, model.batches.get(model.batches.size() - 1),
                "after the rollback, step 21 trains on the same images as before it");
        for (int i = 0; i < 11; i++) {
            work.step();
        }
        assertEquals(2, session.completedEpochs());
        int[] kept = new int[SIZE];
        int[] stepsOfEpochTwo = {16, 17, 18, 19, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34};
        for (int s = 0; s < stepsOfEpochTwo.length; s++) {
            System.arraycopy(model.batches.get(stepsOfEpochTwo[s]), 0, kept, s * BATCH, BATCH);
        }
        assertArrayEquals(epochTwo.order(), kept, "the kept steps of epoch 2 are its draws, each once");
    }

    @Test
    void epochsMeasureTheRareGroupApartAndSnapshotsWeighTheProbeImages() {
        Dataset numbered = numberedBars();
        TrainingSession session = new TrainingSession(numbered, numbered.head(60), network(), config(1));
        EpochMetrics epoch = session.runEpoch();
        RareGroupMetrics group = epoch.rareGroup();
        assertNotNull(group);
        assertTrue(group.rareReconstruction() > 0 && group.commonReconstruction() > 0, group.toString());
        int rareDraws = 0;
        for (int i : session.sampling().order()) {
            rareDraws += i % 10 == 0 ? 1 : 0;
        }
        assertEquals(rareDraws / (double) SIZE, group.rareShareOfDraws(), 1e-12);

        TrainingSnapshot snapshot = new SessionWork(session).snapshot(TrainerState.READY, null, 0);
        DebiasingSnapshot debiasing = snapshot.debiasing();
        assertEquals(1.0, debiasing.alpha(), 0.0);
        Encoding probe = session.encodeProbe().encoding();
        assertArrayEquals(session.sampling().relativeWeights(new LatentPoints(probe.means(), 60, 2)),
                debiasing.probeWeights(), 1e-12, "each probe image weighed at its posterior mean now");
        double meanDraws = 0;
        for (int i = 0; i < SIZE; i++) {
            meanDraws += session.sampling().expectedDraws(i) / SIZE;
        }
        assertEquals(1, meanDraws, 1e-9, "the average training image is drawn once per epoch");
        TrainingSession plain = new TrainingSession(numbered, numbered.head(60), network(), config(0));
        RareGroupMetrics plainGroup = plain.runEpoch().rareGroup();
        assertEquals(26 / 256.0, plainGroup.rareShareOfDraws(), 1e-12, "a plain epoch draws the group's own share");
    }

    @Test
    void theRunFileKeepsAlphaAndTheGroupsHistoryAndAnOlderFileOpensWithAlphaZero() throws IOException {
        Dataset numbered = numberedBars();
        TrainingSession session = new TrainingSession(numbered, numbered.head(40), network(), config(0.75).withEpochs(2));
        session.runEpoch();
        session.runEpoch();
        Path file = folder.resolve(RunFile.FILE_NAME);
        RunFile.save(session.toSavedRun("numbered bars"), file);
        SavedRun loaded = RunFile.load(file);
        assertEquals(0.75, loaded.trainingConfig().debias(), 0.0);
        assertEquals(session.config(), loaded.trainingConfig());
        RareGroupMetrics saved = session.epochs().get(1).rareGroup();
        RareGroupMetrics read = loaded.epochs().get(1).rareGroup();
        assertEquals(saved.rareReconstruction(), read.rareReconstruction(), 1e-5);
        assertEquals(saved.commonReconstruction(), read.commonReconstruction(), 1e-5);
        assertEquals(saved.rareShareOfDraws(), read.rareShareOfDraws(), 1e-6);

        // A file as version 1 wrote it: no training.debias key, no rare-group columns.
        TrainingSession plain = new TrainingSession(TestDatasets.bars(64, 1), TestDatasets.bars(20, 2), network(),
                config(0).withEpochs(1));
        plain.runEpoch();
        Path plainFile = folder.resolve("plain.latentlab");
        RunFile.save(plain.toSavedRun("bars"), plainFile);
        String properties = entry(plainFile, "run.properties");
        assertFalse(properties.contains("training.debias"), "a plain run writes no debiasing key");
        assertTrue(entry(plainFile, "epochs.csv").startsWith(HistoryCsv.EPOCH_HEADER + "\n"));
        Path older = rewritten(plainFile, "run.properties", properties.replace("version=2", "version=1"));
        SavedRun old = RunFile.load(older);
        assertEquals(0.0, old.trainingConfig().debias(), 0.0);
        assertFalse(old.trainingConfig().debiasing());
        assertFalse(old.epochs().get(0).hasRareGroup());
    }

    private static String entry(Path file, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in " + file);
    }

    private Path rewritten(Path file, String name, String text) throws IOException {
        Path out = folder.resolve("older.latentlab");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals(name) ? text.getBytes(StandardCharsets.UTF_8) : bytes);
                zip.closeEntry();
            }
        }
        return out;
    }
}
