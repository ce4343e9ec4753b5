package org.latentlab.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.latent.GridSpacing;
import org.latentlab.lesson.Units;
import org.latentlab.latent.LatentGrid;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Encoding;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.render.ComparisonFigure;
import org.latentlab.render.DebiasingFigure;
import org.latentlab.render.DecoderStdCurves;
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
import org.latentlab.render.TimelineFigure;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.SavedRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code render}: draws a figure of a trained run into a PNG, with no display. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Draws a figure of a trained run as a PNG, with no display needed.")
final class RenderCommand implements Callable<Integer> {

    /** The figures, by the names {@code --figure} takes. */
    enum Figure {
        MANIFOLD, SCATTER, RECONSTRUCTIONS, SAMPLES, LOSS, ATTRIBUTE, DATASET, COMPARE, CONDITIONAL, DECODER_STD, DEBIASING, TIMELINE, LIKELIHOOD,
        OUTLIERS;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Reads a figure's name, as {@link #toString} writes it. */
        static final class Converter implements CommandLine.ITypeConverter<Figure> {
            @Override
            public Figure convert(String value) {
                for (Figure figure : values()) {
                    if (figure.toString().equals(value)) {
                        return figure;
                    }
                }
                throw new CommandLine.TypeConversionException("unknown figure '" + value + "': expected one of "
                        + Arrays.toString(values()));
            }
        }
    }

    private static final int STRIP = 12;
    private static final long SAMPLE_SEED = 7;
    private static final int MANIFOLD_GRID = 20;
    private static final int COMPARE_GRID = 8;
    private static final int COMPARE_SAMPLES = 16;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "DIR", description = "A folder written by 'train' (every figure but dataset).")
    Path run;

    @Option(names = "--figure", required = true, converter = Figure.Converter.class,
            paramLabel = "manifold|scatter|reconstructions|samples|loss|attribute|dataset|compare|conditional|decoder-std|debiasing|timeline|likelihood|outliers",
            description = "What to draw; compare takes the folder of 'train --compare' and draws all its models;"
                    + " conditional draws a conditional VAE's classes (rows) from the same z (columns); decoder-std"
                    + " draws a learned decoder σ over training; debiasing draws a run on a set with a rare group"
                    + " (and --compare-with another); timeline draws moments of training side by side; likelihood"
                    + " draws how far the ELBO is from log p(x); outliers the least and most likely held-out images.")
    Figure figure;

    @Option(names = "--compare-with", paramLabel = "DIR",
            description = "Debiasing: a second run on the same dataset, drawn beside --run (e.g. without debiasing).")
    Path compareWith;

    @Option(names = "--label", paramLabel = "L",
            description = "Manifold and samples of a conditional VAE: the class to draw, its number 0, 1, … as in the"
                    + " dataset's labels (needed for the manifold; the samples go through every class without it).")
    Integer label;

    @Option(names = "--at", split = ",", paramLabel = "ITERATION,...",
            description = "Timeline: the iterations whose recorded moments to draw, at most 8 (default: the first,"
                    + " about 1 % and 10 % of the run, and the last).")
    List<Long> at = new ArrayList<>();

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
            description = "Dataset: whose first 64 images to draw, as train's --dataset, e.g."
                    + " 'faces:rare=brightness<0.3@0.05' (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--units", defaultValue = "nats", paramLabel = "nats|bits",
            description = "Loss: nats per image, or bits per dimension = nats / (pixels · ln 2) (default: ${DEFAULT-VALUE}).")
    String units;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The PNG to write.")
    Path out;

    @Override
    public Integer call() {
        if (figure == Figure.DATASET) {
            PngFile.write(datasetFigure(DatasetSource.parse(dataset).load()), out);
            spec.commandLine().getOut().println("Wrote " + out);
            return 0;
        }
        if (run == null) {
            throw new ParameterException(spec.commandLine(), "--run DIR is needed for the " + figure + " figure");
        }
        if (figure == Figure.ATTRIBUTE && attribute == null) {
            throw new ParameterException(spec.commandLine(), "--attribute NAME or FROM->TO is needed for the attribute figure");
        }
        GridSpacing gridSpacing = GridSpacing.fromCliName(spacing);
        Units lossUnits = Units.parse(units);
        if (compareWith != null && figure != Figure.DEBIASING) {
            throw new ParameterException(spec.commandLine(), "--compare-with goes with --figure debiasing only");
        }
        if (figure == Figure.DEBIASING) {
            PngFile.write(new DebiasingFigure().draw(DebiasingFigureBuilder.build(run, compareWith)), out);
            spec.commandLine().getOut().println("Wrote " + out);
            return 0;
        }
        if (figure == Figure.COMPARE) {
            LatentGrid compareGrid = new LatentGrid(grid == null ? COMPARE_GRID : grid, gridSpacing);
            ComparisonFolder comparison = ComparisonFolder.open(run);
            PngFile.write(new ComparisonFigure().draw(
                    new ComparisonFigureBuilder(compareGrid, COMPARE_SAMPLES, SAMPLE_SEED).build(comparison)), out);
            spec.commandLine().getOut().println("Wrote " + out);
            return 0;
        }
        LatentGrid latentGrid = figure == Figure.MANIFOLD
                ? new LatentGrid(grid == null ? MANIFOLD_GRID : grid, gridSpacing) : null;
        RunFolder folder = RunFolder.open(run);
        ModelConfig config = folder.run().modelConfig();
        if (label != null) {
            ConditionalFigure.requireConditional(config, "--label");
            if (label < 0 || label >= config.conditionClasses()) {
                throw new IllegalArgumentException("--label " + label + " is not one of the " + config.conditionClasses()
                        + " classes 0.." + (config.conditionClasses() - 1));
            }
        }
        if (figure == Figure.MANIFOLD && config.conditional() && label == null) {
            throw new IllegalArgumentException("a conditional VAE draws one class at a time: add --label L to draw"
                    + " class L across the latent space, or see every class with --figure conditional");
        }
        String subject = describe(config);
        BufferedImage image = switch (figure) {
            case MANIFOLD -> manifold(folder, latentGrid, subject);
            case SCATTER -> scatter(folder, subject);
            case RECONSTRUCTIONS -> reconstructions(folder, subject);
            case SAMPLES -> samples(folder, subject);
            case LOSS -> loss(folder, subject, log, lossUnits);
            case ATTRIBUTE -> AttributeFigure.draw(folder, attribute, balance, subject);
            case CONDITIONAL -> ConditionalFigure.draw(folder, SAMPLE_SEED, subject);
            case DECODER_STD -> decoderStd(folder, subject);
            case TIMELINE -> new TimelineFigure().draw(TimelineFigureBuilder.build(folder, at, subject));
            case LIKELIHOOD -> LikelihoodFigures.likelihood(folder, subject);
            case OUTLIERS -> LikelihoodFigures.outliers(folder, other, subject);
            case DATASET, COMPARE, DEBIASING -> throw new IllegalStateException("drawn above");
        };
        PngFile.write(image, out);
        spec.commandLine().getOut().println("Wrote " + out);
        return 0;
    }

    private static String describe(ModelConfig config) {
        return config.kind().displayName() + " " + TrainCommand.architecture(config) + TrainCommand.extras(config);
    }

    /** How a hierarchical VAE's top-level point z₂ becomes an image, for the figures' notes. */
    private static final String THROUGH_THE_PRIOR_MEAN = "each z₂ decoded through the mean of p(z₁|z₂), then to the mean image";

    private static boolean hierarchical(ModelConfig config) {
        return config.kind() == ModelKind.HVAE;
    }

    /** The axes of a figure over the latent plane: a hierarchical VAE's top level is z₂, in two dimensions. */
    private static FigureLabels latentAxes(FigureLabels labels, ModelConfig config) {
        return hierarchical(config) ? labels.withAxes("z₂ dimension 1", "z₂ dimension 2") : labels.withAxes("z₁", "z₂");
    }

    /** {@code count} times the class of {@code --label} (a conditional VAE's), or {@code null} without it. */
    private int[] labelled(int count) {
        if (label == null) {
            return null;
        }
        int[] labels = new int[count];
        java.util.Arrays.fill(labels, label);
        return labels;
    }

    private BufferedImage manifold(RunFolder folder, LatentGrid grid, String subject) {
        ModelConfig config = folder.run().modelConfig();
        int d = config.topLatentSize();
        int count = grid.size() * grid.size();
        float[] images = folder.model().decode(grid.points(d, 0, 1), labelled(count), count);
        double[] ascending = grid.axisValues();
        double[] descending = new double[ascending.length];
        for (int i = 0; i < ascending.length; i++) {
            descending[i] = ascending[ascending.length - 1 - i];
        }
        String z = hierarchical(config) ? "z₂" : "z";
        String note = grid.spacing() == GridSpacing.INVERSE_CDF
                ? z + " = Φ⁻¹(u) for u evenly spaced in (0, 1): every cell holds equal prior probability"
                : z + " evenly spaced over the same range: the outer cells hold little prior probability";
        if (d > 2) {
            note += String.format(Locale.ROOT, "; dimensions 3…%d held at 0", d);
        }
        if (hierarchical(config)) {
            note += "; " + THROUGH_THE_PRIOR_MEAN;
        }
        if (config.conditional()) {
            note += "; every image of class " + className(folder, label);
        }
        return new ImageGrid().draw(ImageGridData.manifold(
                new GrayscaleImages(images, config.imageWidth(), config.imageHeight()),
                new SamplingLattice(ascending, descending),
                latentAxes(FigureLabels.titled("Decoded latent space of a " + subject).withNote(note), config)));
    }

    private static String className(RunFolder folder, int c) {
        List<String> names = folder.validation().classNames();
        return names.size() == folder.run().modelConfig().conditionClasses() && !names.get(c).equals(Integer.toString(c))
                ? c + " (" + names.get(c) + ")" : Integer.toString(c);
    }

    private static BufferedImage scatter(RunFolder folder, String subject) {
        Dataset held = folder.validation();
        Encoding codes = folder.model().encode(held.pixels(held.size()), held.labels(held.size()), held.size());
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
        ModelConfig config = folder.run().modelConfig();
        boolean top = hierarchical(config);
        String note = n + " held-out images at their posterior means" + (top ? " in the top level, q(z₂|x)" : "")
                + (config.conditional() ? " given their classes" : "")
                + (codes.latentSize() > 2 ? "; dimensions 1 and 2 of " + codes.latentSize() : "")
                + "; dashed circles: the prior N(0, I) at 1σ and 2σ";
        ScatterData data = labels == null ? ScatterData.unlabelled(xs, ys)
                : new ScatterData(xs, ys, labels, held.classNames());
        return new Scatter().withFittedRange().withPriorContours(true)
                .draw(data, latentAxes(FigureLabels.titled("Latent space of a " + subject).withNote(note), config));
    }

    private static BufferedImage reconstructions(RunFolder folder, String subject) {
        Dataset held = folder.validation();
        int count = Math.min(STRIP, held.size());
        float[] inputs = held.pixels(count);
        int[] labels = held.labels(count);
        float[] outputs = folder.model().decode(folder.model().encode(inputs, labels, count).means(), labels, count);
        return new Reconstructions().draw(new ReconstructionPairs(
                        new GrayscaleImages(inputs, held.width(), held.height()),
                        new GrayscaleImages(outputs, held.width(), held.height())),
                FigureLabels.titled("Held-out images and their reconstructions by a " + subject)
                        .withNote(hierarchical(folder.run().modelConfig())
                                ? "each from the top level's posterior mean μ₂(x) alone, " + THROUGH_THE_PRIOR_MEAN
                                : "each reconstruction is decoded from the posterior mean μ(x)"));
    }

    private BufferedImage samples(RunFolder folder, String subject) {
        ModelConfig config = folder.run().modelConfig();
        int count = STRIP * 4;
        int[] labels = labelled(count);
        String classes = "";
        if (config.conditional()) {
            if (labels == null) {
                labels = new int[count];
                for (int i = 0; i < count; i++) {
                    labels[i] = i % config.conditionClasses();
                }
            }
            classes = label == null ? ", with the classes 0, 1, 2, … in turn" : ", all of class " + className(folder, label);
        }
        float[] images = folder.model().decode(PriorSamples.draw(count, config.topLatentSize(), SAMPLE_SEED), labels,
                count);
        return new ImageGrid().draw(ImageGridData.samples(
                new GrayscaleImages(images, config.imageWidth(), config.imageHeight()), 4, STRIP,
                FigureLabels.titled("Samples from a " + subject).withNote(hierarchical(config)
                        ? "z₂ drawn from the prior N(0, I), then z₁ at the mean of p(z₁|z₂), then the mean image"
                        : "z drawn from the prior N(0, I), then decoded to the mean image" + classes)));
    }

    private static BufferedImage decoderStd(RunFolder folder, String subject) {
        ModelConfig config = folder.run().modelConfig();
        if (!config.decoderVariance().learned()) {
            throw new LatentLabCommand.CommandFailure("the decoder-std figure does not apply: " + (config.likelihood()
                    == Likelihood.BERNOULLI ? "a Bernoulli decoder has no σ" : String.format(Locale.ROOT,
                    "this decoder's σ was fixed at %s (learn it with --decoder-std learned)", config.decoderStd())));
        }
        float[][] series = folder.run().iterations().decoderStdSeries();
        boolean shared = config.decoderVariance() == DecoderVariance.LEARNED;
        return new DecoderStdCurves().draw(series[0], shared ? null : series[1], shared ? null : series[2],
                FigureLabels.titled("The decoder's σ over training: a " + subject).withNote(shared
                        ? "one σ for every pixel, after each iteration"
                        : "one σ per pixel: their mean, smallest and largest after each iteration"));
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

    private static BufferedImage loss(RunFolder folder, String subject, boolean logScale, Units units) {
        ModelConfig model = folder.run().modelConfig();
        LossHistoryData nats = lossHistory(folder.run());
        FigureLabels labels = FigureLabels.titled("Training loss of a " + subject).withAxes("iteration", units.words());
        if (model.likelihood() == Likelihood.GAUSSIAN && LossCurves.hasNegative(nats)) {
            labels = labels.withNote("Below 0: the Gaussian decoder's p(x|z) is a density, which can exceed 1, so "
                    + "−log p(x|z) can be negative.");
        }
        return new LossCurves().withLogScale(logScale).draw(
                nats.scaled(units.fromNats(1, model.imageWidth() * model.imageHeight())), labels);
    }

    /** A run's losses as the loss figures draw them. */
    static LossHistoryData lossHistory(SavedRun run) {
        IterationHistory.View history = run.iterations();
        boolean variational = run.modelConfig().kind() != ModelKind.AUTOENCODER;
        return new LossHistoryData(history.objectives(), history.reconstructions(), variational ? history.kls() : null,
                EpochMetrics.endIterations(run.epochs()), EpochMetrics.validationNegativeElbos(run.epochs()),
                history.klByLevel());
    }

}
