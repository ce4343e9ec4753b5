package org.latentlab.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.latent.GridSpacing;
import org.latentlab.latent.LatentGrid;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.Encoding;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.render.ComparisonFigure;
import org.latentlab.render.FigureLabels;
import org.latentlab.render.GrayscaleImages;
import org.latentlab.render.ImageGrid;
import org.latentlab.render.ImageGridData;
import org.latentlab.render.LossCurves;
import org.latentlab.render.LossHistoryData;
import org.latentlab.render.PngFile;
import org.latentlab.render.ReconstructionPairs;
import org.latentlab.render.Reconstructions;
import org.latentlab.render.SamplingLattice;
import org.latentlab.render.Scatter;
import org.latentlab.render.ScatterData;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.IterationHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code render}: draws a figure of a trained run into a PNG, with no display. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Draws a figure of a trained run as a PNG, with no display needed.")
final class RenderCommand implements Callable<Integer> {

    enum Figure { manifold, scatter, reconstructions, samples, loss, attribute, likelihood, outliers, dataset, compare }

    private static final int STRIP = 12;
    private static final long SAMPLE_SEED = 7;
    private static final int MANIFOLD_GRID = 20;
    private static final int COMPARE_GRID = 8;
    private static final int COMPARE_SAMPLES = 16;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "DIR", description = "A folder written by 'train' (every figure but dataset).")
    Path run;

    @Option(names = "--figure", required = true,
            paramLabel = "manifold|scatter|reconstructions|samples|loss|attribute|likelihood|outliers|dataset|compare",
            description = "What to draw; compare takes the folder of 'train --compare' and draws all its models.")
    Figure figure;

    @Option(names = "--attribute", paramLabel = "NAME|FROM->TO",
            description = "Attribute: held-out images moved along this attribute's vector (smile, slant, ink, ...), "
                    + "or from one class to another (3->8).")
    String attribute;

    @Option(names = "--balance",
            description = "Attribute: balance the two groups on the class labels (White 2016), so the vector changes less of the class.")
    boolean balance;

    @Option(names = "--other", paramLabel = "mnist|fashion|faces|PATH",
            description = "Outliers: also score this data and compare its -log p(x) with the held-out images'.")
    String other;

    @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "mnist|fashion|faces|PATH",
            description = "Dataset: whose first 64 images to draw (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--grid", paramLabel = "N",
            description = "Manifold: N × N images (default: 20; 8 per model in the compare figure).")
    Integer grid;

    @Option(names = "--spacing", defaultValue = "icdf", paramLabel = "icdf|linear",
            description = "Manifold and compare: points at z = Φ⁻¹(u), or evenly spaced over the same range"
                    + " (default: ${DEFAULT-VALUE}).")
    String spacing;

    @Option(names = "--log", description = "Loss: logarithmic vertical axis.")
    boolean log;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The PNG to write.")
    Path out;

    @Override
    public Integer call() {
        if (figure == Figure.dataset) {
            PngFile.write(datasetFigure(DatasetSource.parse(dataset).load()), out);
            spec.commandLine().getOut().println("Wrote " + out);
            return 0;
        }
        if (run == null) {
            throw new ParameterException(spec.commandLine(), "--run DIR is needed for the " + figure + " figure");
        }
        if (figure == Figure.attribute && attribute == null) {
            throw new ParameterException(spec.commandLine(), "--attribute NAME or FROM->TO is needed for the attribute figure");
        }
        GridSpacing gridSpacing = GridSpacing.fromCliName(spacing);
        if (figure == Figure.compare) {
            LatentGrid compareGrid = new LatentGrid(grid == null ? COMPARE_GRID : grid, gridSpacing);
            ComparisonFolder comparison = ComparisonFolder.open(run);
            PngFile.write(new ComparisonFigure().draw(
                    new ComparisonFigureBuilder(compareGrid, COMPARE_SAMPLES, SAMPLE_SEED).build(comparison)), out);
            spec.commandLine().getOut().println("Wrote " + out);
            return 0;
        }
        LatentGrid latentGrid = figure == Figure.manifold
                ? new LatentGrid(grid == null ? MANIFOLD_GRID : grid, gridSpacing) : null;
        RunFolder folder = RunFolder.open(run);
        String subject = describe(folder.run().modelConfig());
        BufferedImage image = switch (figure) {
            case manifold -> manifold(folder, latentGrid, subject);
            case scatter -> scatter(folder, subject);
            case reconstructions -> reconstructions(folder, subject);
            case samples -> samples(folder, subject);
            case loss -> loss(folder, subject, log);
            case attribute -> AttributeFigure.draw(folder, attribute, balance, subject);
            case likelihood -> LikelihoodFigures.likelihood(folder, subject);
            case outliers -> LikelihoodFigures.outliers(folder, other, subject);
            case dataset, compare -> throw new IllegalStateException("drawn above");
        };
        PngFile.write(image, out);
        spec.commandLine().getOut().println("Wrote " + out);
        return 0;
    }

    private static String describe(ModelConfig config) {
        return (config.kind() == ModelKind.VAE ? "VAE " : "autoencoder ") + TrainCommand.architecture(config);
    }

    private static BufferedImage manifold(RunFolder folder, LatentGrid grid, String subject) {
        ModelConfig config = folder.run().modelConfig();
        float[] images = folder.model().decode(grid.points(config.latentSize(), 0, 1), grid.size() * grid.size());
        double[] ascending = grid.axisValues();
        double[] descending = new double[ascending.length];
        for (int i = 0; i < ascending.length; i++) {
            descending[i] = ascending[ascending.length - 1 - i];
        }
        String note = grid.spacing() == GridSpacing.INVERSE_CDF
                ? "z = Φ⁻¹(u) for u evenly spaced in (0, 1): every cell holds equal prior probability"
                : "z evenly spaced over the same range: the outer cells hold little prior probability";
        if (config.latentSize() > 2) {
            note += String.format(Locale.ROOT, "; z₃…z%d held at 0", config.latentSize());
        }
        return new ImageGrid().draw(ImageGridData.manifold(
                new GrayscaleImages(images, config.imageWidth(), config.imageHeight()),
                new SamplingLattice(ascending, descending),
                FigureLabels.titled("Decoded latent space of a " + subject).withNote(note)));
    }

    private static BufferedImage scatter(RunFolder folder, String subject) {
        Dataset held = folder.validation();
        Encoding codes = folder.model().encode(held.pixels(held.size()), held.size());
        int n = codes.count();
        float[] xs = new float[n];
        float[] ys = new float[n];
        int[] labels = held.hasLabels() ? new int[n] : null;
        for (int i = 0; i < n; i++) {
            xs[i] = codes.mean(i, 0);
            ys[i] = codes.latentSize() > 1 ? codes.mean(i, 1) : 0f;
            if (labels != null) {
                labels[i] = held.label(i);
            }
        }
        String note = n + " held-out images at their posterior means"
                + (codes.latentSize() > 2 ? "; dimensions 1 and 2 of " + codes.latentSize() : "")
                + "; dashed circles: the prior N(0, I) at 1σ and 2σ";
        ScatterData data = labels == null ? ScatterData.unlabelled(xs, ys)
                : new ScatterData(xs, ys, labels, held.classNames());
        return new Scatter().withFittedRange().withPriorContours(true)
                .draw(data, FigureLabels.titled("Latent space of a " + subject).withAxes("z₁", "z₂").withNote(note));
    }

    private static BufferedImage reconstructions(RunFolder folder, String subject) {
        Dataset held = folder.validation();
        int count = Math.min(STRIP, held.size());
        float[] inputs = held.pixels(count);
        float[] outputs = folder.model().decode(folder.model().encode(inputs, count).means(), count);
        return new Reconstructions().draw(new ReconstructionPairs(
                        new GrayscaleImages(inputs, held.width(), held.height()),
                        new GrayscaleImages(outputs, held.width(), held.height())),
                FigureLabels.titled("Held-out images and their reconstructions by a " + subject)
                        .withNote("each reconstruction is decoded from the posterior mean μ(x)"));
    }

    private static BufferedImage samples(RunFolder folder, String subject) {
        ModelConfig config = folder.run().modelConfig();
        int count = STRIP * 4;
        float[] images = folder.model().decode(PriorSamples.draw(count, config.latentSize(), SAMPLE_SEED), count);
        return new ImageGrid().draw(ImageGridData.samples(
                new GrayscaleImages(images, config.imageWidth(), config.imageHeight()), 4, STRIP,
                FigureLabels.titled("Samples from a " + subject)
                        .withNote("z drawn from the prior N(0, I), then decoded to the mean image")));
    }

    private static BufferedImage datasetFigure(Dataset data) {
        int side = (int) Math.min(8, Math.floor(Math.sqrt(data.size())));
        int count = side * side;
        String size = String.format(Locale.ROOT, "%,d images", data.size());
        String note = data.attributes().isEmpty() ? size
                : size + " with the attributes " + String.join(", ", data.attributes().names());
        return new ImageGrid().withGap(2).draw(ImageGridData.samples(
                new GrayscaleImages(data.pixels(count), data.width(), data.height()), side, side,
                FigureLabels.titled("The first " + count + " images of " + data.name()).withNote(note)));
    }

    private static BufferedImage loss(RunFolder folder, String subject, boolean logScale) {
        IterationHistory.View history = folder.run().iterations();
        List<EpochMetrics> epochs = folder.run().epochs();
        int[] at = new int[epochs.size()];
        float[] negativeElbo = new float[epochs.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = (int) epochs.get(i).iteration();
            negativeElbo[i] = (float) epochs.get(i).validationNegativeElbo();
        }
        boolean variational = folder.run().modelConfig().kind() == ModelKind.VAE;
        LossHistoryData data = new LossHistoryData(history.objectives(), history.reconstructions(),
                variational ? history.kls() : null, at, negativeElbo);
        return new LossCurves().withLogScale(logScale)
                .draw(data, FigureLabels.titled("Training loss of a " + subject)
                        .withAxes("iteration", "nats per image"));
    }

}
