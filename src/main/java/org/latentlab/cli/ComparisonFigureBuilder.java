package org.latentlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentlab.data.Dataset;
import org.latentlab.latent.GridSpacing;
import org.latentlab.latent.LatentGrid;
import org.latentlab.latent.LatentPlane;
import org.latentlab.latent.PcaBaseline;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;
import org.latentlab.model.ModelKind;
import org.latentlab.render.ComparisonFigureData;
import org.latentlab.render.FigureLabels;
import org.latentlab.render.GrayscaleImages;
import org.latentlab.render.Palette;
import org.latentlab.render.RateDistortionData;
import org.latentlab.render.ScatterData;
import org.latentlab.training.CompareVariant;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.LossTerms;
import org.latentlab.training.RateDistortionTrail;

/**
 * Gathers what {@code render --figure compare} draws from a {@link ComparisonFolder}: for each
 * model, its held-out images' latent means (on the plane of the two leading principal components
 * when the latent space has more than two dimensions), a grid decoded at z = Φ⁻¹(u) (or evenly spaced), samples
 * decoded from the prior (the same z for every model), its last held-out losses and its path
 * through the rate–distortion plane; and a PCA column, the linear baseline, fitted to the same
 * held-out images.
 */
final class ComparisonFigureBuilder {

    /** How many points a rate–distortion path is averaged down to. */
    private static final int TRAIL_POINTS = 60;
    private static final String PCA_TITLE = "PCA (linear baseline)";

    private final LatentGrid grid;
    private final int gridSize;
    private final int sampleCount;
    private final long sampleSeed;

    ComparisonFigureBuilder(LatentGrid grid, int sampleCount, long sampleSeed) {
        this.grid = grid;
        this.gridSize = grid.size();
        this.sampleCount = sampleCount;
        this.sampleSeed = sampleSeed;
    }

    ComparisonFigureData build(ComparisonFolder comparison) {
        Dataset held = comparison.validation();
        float[] pixels = held.pixels(held.size());
        List<ComparisonFigureData.Panel> panels = new ArrayList<>();
        List<RateDistortionData.Trail> trails = new ArrayList<>();
        int epochs = 0;
        for (int i = 0; i < comparison.runs().size(); i++) {
            RunFolder run = comparison.runs().get(i);
            CompareVariant variant = comparison.variants().get(i);
            panels.add(panel(variant, run, pixels, held, Palette.modelColour(i)));
            epochs = Math.max(epochs, run.run().epochs().size());
            if (variant.kind() == ModelKind.VAE) {
                RateDistortionTrail trail = RateDistortionTrail.ofIterations(run.run().iterations(),
                        RateDistortionTrail.windowFor(run.run().iterations().size(), TRAIL_POINTS));
                trails.add(new RateDistortionData.Trail(variant.label(), Palette.modelColour(i), trail.rates(),
                        trail.distortions()));
            }
        }
        panels.add(pcaPanel(pixels, held));
        String title = String.format(Locale.ROOT, "%d models trained on the same batches of %s for %d epoch%s,"
                + " beside PCA", comparison.runs().size(), held.name().replaceFirst(" \\(.*\\)$", ""), epochs,
                epochs == 1 ? "" : "s");
        String note = String.format(Locale.ROOT, "%,d held-out images at their latent means (same axes; dashed:"
                + " the prior N(0, I) at 1σ, 2σ) · grid decoded at %s · samples decoded from z ~ N(0, I)",
                held.size(), grid.spacing() == GridSpacing.INVERSE_CDF ? "z = Φ⁻¹(u)" : "evenly spaced z");
        return new ComparisonFigureData(FigureLabels.titled(title).withNote(note), panels, new RateDistortionData(trails));
    }

    private ComparisonFigureData.Panel panel(CompareVariant variant, RunFolder run, float[] pixels, Dataset held,
                                             java.awt.Color colour) {
        LatentModel model = run.model();
        int latentSize = model.config().latentSize();
        Encoding codes = model.encode(pixels, held.size());
        LatentPlane plane = LatentPlane.principal(codes.means(), codes.count(), latentSize);
        float[] onPlane = plane.project(codes.means(), codes.count());
        float[] grid = model.decode(plane.embed(gridPoints(), gridSize * gridSize), gridSize * gridSize);
        float[] samples = model.decode(PriorSamples.draw(sampleCount, latentSize, sampleSeed), sampleCount);
        String[] axes = plane.axisNames();
        return new ComparisonFigureData.Panel(variant.label(), colour, scatterOf(onPlane, held), axes[0], axes[1],
                images(grid, held), gridSize, images(samples, held), numbers(variant, run));
    }

    private ComparisonFigureData.Panel pcaPanel(float[] pixels, Dataset held) {
        PcaBaseline pca = PcaBaseline.fit(pixels, held.size(), held.pixelCount());
        float[] codes = pca.encode(pixels, held.size());
        float[] grid = pca.decode(gridPoints(), gridSize * gridSize);
        float[] samples = pca.decode(PriorSamples.draw(sampleCount, PcaBaseline.COMPONENTS, sampleSeed), sampleCount);
        List<String> numbers = List.of(
                String.format(Locale.ROOT, "2 components keep %.0f %%", 100 * pca.explainedVariance()),
                "of the pixels' variance",
                "(codes: scores ÷ their SD)");
        return new ComparisonFigureData.Panel(PCA_TITLE, Palette.modelColour(Palette.MODEL_HEX.size() - 2),
                scatterOf(codes, held), "PC 1", "PC 2", images(grid, held), gridSize, images(samples, held), numbers);
    }

    private float[] gridPoints() {
        return grid.points(2, 0, 1);
    }

    private static ScatterData scatterOf(float[] xy, Dataset held) {
        int n = xy.length / 2;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
        }
        if (!held.hasLabels()) {
            return ScatterData.unlabelled(xs, ys);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = held.label(i);
        }
        return new ScatterData(xs, ys, labels, held.classNames());
    }

    private static GrayscaleImages images(float[] pixels, Dataset held) {
        return new GrayscaleImages(pixels, held.width(), held.height());
    }

    /** The model's held-out losses after its last epoch, as three short lines. */
    private static List<String> numbers(CompareVariant variant, RunFolder run) {
        List<EpochMetrics> epochs = run.run().epochs();
        if (epochs.isEmpty()) {
            return List.of("not trained yet");
        }
        EpochMetrics last = epochs.get(epochs.size() - 1);
        String reconstruction = String.format(Locale.ROOT, "reconstruction %.1f nats", last.validationReconstruction());
        if (variant.kind() == ModelKind.AUTOENCODER) {
            return List.of(reconstruction, "no KL: no posterior, no prior", "(its rate is not defined)");
        }
        if (variant.lossTerms() == LossTerms.KL) {
            return List.of(reconstruction, String.format(Locale.ROOT, "KL %.2f nats", last.validationKl()),
                    "decoder never trained (wRec = 0)");
        }
        return List.of(reconstruction, String.format(Locale.ROOT, "KL %.2f nats", last.validationKl()),
                String.format(Locale.ROOT, "−ELBO %.1f nats", last.validationNegativeElbo()));
    }
}
