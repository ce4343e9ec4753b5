package org.latentlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentlab.data.IdxImagesFile;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.DecoderOutput;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.SnapshotDecoder;
import org.latentlab.render.FigureLabels;
import org.latentlab.render.GrayscaleImages;
import org.latentlab.render.ImageGrid;
import org.latentlab.render.ImageGridData;
import org.latentlab.render.PngFile;
import org.latentlab.training.SavedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sample}: images decoded from z ~ N(0, I), of one class for a conditional VAE, as IDX or a PNG grid. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Draws images from a trained model: z from the prior N(0, I), decoded, written as an IDX images"
                + " file (unsigned bytes 0-255 with the header of MNIST's files, for any program that reads MNIST) or,"
                + " if --out ends in .png, as a grid.",
            "Each image is the decoder's mean, its probability of ink per pixel (or the Gaussian mean, clipped to"
                + " [0, 1]): smooth strokes, what a classifier trained on real digits should be shown."
                + " --sample-pixels draws from p(x|z) instead: black-and-white pixels (Bernoulli decoder) or the mean"
                + " plus noise of the decoder's σ (Gaussian)."})
final class SampleCommand implements Callable<Integer> {

    static final int MAX_COUNT = 100_000;
    static final int MAX_GRID = 1_000;
    private static final int GRID_COLUMNS = 10;
    /** Keeps the pixel noise apart from the draws of z that share the seed. */
    private static final long PIXEL_NOISE = 0x5DEECE66DL;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A folder written by 'train'.")
    Path run;

    @Option(names = "--label", paramLabel = "L",
            description = "The class to draw, its number 0, 1, … as in the dataset's labels (for digits the digit):"
                    + " needed for a conditional VAE, which draws one class; other models draw no class.")
    Integer label;

    @Option(names = "--count", defaultValue = "100", paramLabel = "N",
            description = "How many images (default: ${DEFAULT-VALUE}, at most 100,000; a PNG grid at most 1,000).")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seeds the draws of z and the pixel noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sample-pixels",
            description = "Draw each image from p(x|z) instead of taking its mean: binary pixels (Bernoulli decoder) or"
                    + " the mean plus Gaussian noise of the decoder's σ.")
    boolean samplePixels;

    @Option(names = "--out", required = true, paramLabel = "FILE|FILE.png",
            description = "The IDX images file to write, or a PNG grid if the name ends in .png.")
    Path out;

    @Override
    public Integer call() throws IOException {
        boolean png = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        if (count < 1 || count > (png ? MAX_GRID : MAX_COUNT)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--count must be in 1..%,d%s, got %d",
                    png ? MAX_GRID : MAX_COUNT, png ? " for a PNG grid (write an IDX file for more)" : "", count));
        }
        SavedRun saved = RunFolder.load(run);
        ModelConfig config = saved.modelConfig();
        int[] labels = null;
        if (label != null || config.conditional()) {
            ConditionalFigure.requireConditional(config, "--label");
            if (label == null) {
                throw new IllegalArgumentException("a conditional VAE draws one class: add --label L, L in 0.."
                        + (config.conditionClasses() - 1));
            }
            if (label < 0 || label >= config.conditionClasses()) {
                throw new IllegalArgumentException("--label " + label + " is not one of the " + config.conditionClasses()
                        + " classes 0.." + (config.conditionClasses() - 1));
            }
            labels = new int[count];
            Arrays.fill(labels, label);
        }
        SnapshotDecoder decoder = new SnapshotDecoder(RunFolder.modelOf(saved).decoderWeights());
        float[] z = PriorSamples.draw(count, decoder.weights().latentSize(), seed);
        float[] images = decoder.decode(z, labels, count,
                samplePixels ? DecoderOutput.sample(seed ^ PIXEL_NOISE) : DecoderOutput.MEAN);
        String what = String.format(Locale.ROOT, "%,d %s%s", count, samplePixels ? "samples of p(x|z)" : "mean images",
                label == null ? "" : " of class " + label);
        if (png) {
            PngFile.write(grid(images, config, what), out);
        } else {
            try {
                IdxImagesFile.write(out, images, count, config.imageHeight(), config.imageWidth());
            } catch (IOException e) {
                throw new LatentLabCommand.CommandFailure("could not write " + out + ": "
                        + LatentLabCommand.describe(e));
            }
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s, z ~ N(0, I) with seed %d, to %s (%s, %d×%d)%n",
                what, seed, out, png ? "PNG grid" : "IDX images, unsigned bytes 0-255", config.imageWidth(),
                config.imageHeight());
        return 0;
    }

    /** The images in rows of {@value #GRID_COLUMNS}, the last row filled up with blank cells. */
    private static java.awt.image.BufferedImage grid(float[] images, ModelConfig config, String what) {
        int n = config.inputSize();
        int count = images.length / n;
        int columns = Math.min(GRID_COLUMNS, count);
        int rows = (count + columns - 1) / columns;
        float[] cells = Arrays.copyOf(images, rows * columns * n);
        return new ImageGrid().draw(ImageGridData.samples(
                new GrayscaleImages(cells, config.imageWidth(), config.imageHeight()), rows, columns,
                FigureLabels.titled("Samples from a " + config.kind().displayName() + " "
                        + TrainCommand.architecture(config) + TrainCommand.extras(config)).withNote(what
                        + ", z drawn from the prior N(0, I)")));
    }
}
