package org.latentlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.data.RareGroup;
import org.latentlab.latent.LatentPlane;
import org.latentlab.latent.LatentPoints;
import org.latentlab.model.Encoding;
import org.latentlab.model.ModelKind;
import org.latentlab.render.DebiasingFigureData;
import org.latentlab.render.FigureLabels;
import org.latentlab.training.CompareVariant;
import org.latentlab.training.DebiasedSampling;
import org.latentlab.training.EpochMetrics;

/**
 * Gathers what {@code render --figure debiasing} draws from one run, or two runs on the same
 * dataset (with and without debiasing, given as two folders or as the folder of
 * {@code train --compare debias:A}): each model's held-out images on the plane of their two
 * leading principal components, the rare ones marked and each sized by the weight its sampler
 * would give it now, and the two groups' held-out reconstruction after every epoch.
 *
 * <p>A debiased run's weights are those its next epoch would draw with: the density of its
 * training images' codes at the end of training, evaluated at each held-out image's code. A plain
 * run weighs every image 1.
 */
final class DebiasingFigureBuilder {

    private DebiasingFigureBuilder() {
    }

    /**
     * @param first  a run folder
     * @param second another run folder on the same dataset, or {@code null}
     * @throws LatentLabCommand.CommandFailure if a run's dataset has no rare group or the two differ
     */
    static DebiasingFigureData build(Path first, Path second) {
        List<RunFolder> runs = new ArrayList<>();
        if (second == null && ComparisonFolder.holdsComparison(first)) {
            runs.addAll(ComparisonFolder.open(first).runs());
            if (runs.size() != 2) {
                throw new LatentLabCommand.CommandFailure(first + " holds a comparison of " + runs.size() + " models;"
                        + " the debiasing figure draws one or two: give one run with --run and another with"
                        + " --compare-with");
            }
            // The debiased model on the left, as when its folder is given first.
            runs.sort(Comparator.comparingDouble((RunFolder r) -> r.run().trainingConfig().debias()).reversed());
        } else {
            runs.add(RunFolder.open(first));
        }
        RunFolder one = runs.get(0);
        requireRareGroup(one);
        if (second != null) {
            // The synthetic faces are cached, so the second run finds its images at once.
            RunFolder two = RunFolder.open(second);
            if (!two.run().datasetSpec().equals(one.run().datasetSpec())) {
                throw new LatentLabCommand.CommandFailure(first + " was trained on " + one.run().datasetSpec() + " but "
                        + second + " on " + two.run().datasetSpec() + ": compare two runs on the same dataset");
            }
            runs.add(two);
        }
        List<DebiasingFigureData.Panel> panels = new ArrayList<>();
        for (RunFolder run : runs) {
            panels.add(panel(run));
        }
        Dataset held = one.validation();
        boolean[] rare = RareGroup.members(held.attributes());
        int rareCount = 0;
        for (boolean r : rare) {
            rareCount += r ? 1 : 0;
        }
        String title = runs.size() == 1 ? "Debiasing: a rare group in latent space"
                : "Debiasing: a rare group in latent space, with and without";
        String group = DatasetSource.parse(one.run().datasetSpec()) instanceof DatasetSource.Faces faces
                && faces.rare() != null ? faces.rare().describe() : one.run().datasetSpec();
        String note = String.format(Locale.ROOT, "%,d held-out images, %,d of them in the rare group: %s",
                held.size(), rareCount, group);
        return new DebiasingFigureData(panels, FigureLabels.titled(title).withNote(note));
    }

    private static void requireRareGroup(RunFolder run) {
        if (RareGroup.members(run.validation().attributes()) == null) {
            throw new LatentLabCommand.CommandFailure(run.folder() + " was trained on " + run.run().datasetSpec()
                    + ", which has no rare group: the debiasing figure needs one (train --dataset"
                    + " 'faces:rare=brightness<0.3@0.05')");
        }
    }

    private static DebiasingFigureData.Panel panel(RunFolder run) {
        Dataset held = run.validation();
        int d = run.model().config().latentSize();
        Encoding codes = run.model().encode(held.pixels(held.size()), held.size());
        LatentPlane plane = LatentPlane.principal(codes.means(), codes.count(), d);
        float[] onPlane = plane.project(codes.means(), codes.count());
        int n = codes.count();
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = onPlane[2 * i];
            ys[i] = onPlane[2 * i + 1];
        }
        double alpha = run.run().trainingConfig().debias();
        double[] weights = new double[n];
        String note;
        String title;
        if (alpha > 0) {
            Dataset training = run.training();
            Encoding trainingCodes = run.model().encode(training.pixels(training.size()), training.size());
            DebiasedSampling sampling = DebiasedSampling.draw(new LatentPoints(trainingCodes.means(), training.size(), d),
                    alpha, new SplittableRandom(run.run().trainingConfig().seed()));
            weights = sampling.relativeWeights(new LatentPoints(codes.means(), n, d));
            double[] sorted = weights.clone();
            Arrays.sort(sorted);
            title = CompareVariant.debiased(alpha).label();
            note = String.format(Locale.ROOT, "dot area ∝ sampling weight: %.2f to %.1f × the average (median %.2f)",
                    sorted[0], sorted[n - 1], sorted[n / 2]);
        } else {
            Arrays.fill(weights, 1);
            title = (run.run().modelConfig().kind() == ModelKind.VAE ? "VAE" : "autoencoder") + ", plain shuffle";
            note = "every image is drawn once per epoch: all dots weigh the same";
        }
        String[] axes = plane.axisNames();
        List<EpochMetrics> epochs = run.run().epochs().stream().filter(EpochMetrics::hasRareGroup).toList();
        int[] numbers = epochs.stream().mapToInt(EpochMetrics::epoch).toArray();
        double[] rareError = epochs.stream().mapToDouble(m -> m.rareGroup().rareReconstruction()).toArray();
        double[] commonError = epochs.stream().mapToDouble(m -> m.rareGroup().commonReconstruction()).toArray();
        return new DebiasingFigureData.Panel(title, xs, ys, RareGroup.members(held.attributes()), weights, axes[0],
                axes[1], note, numbers, rareError, commonError);
    }
}
