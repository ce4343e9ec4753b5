package org.latentlab.cli;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.ModelConfig;
import org.latentlab.render.FigureLabels;
import org.latentlab.render.GrayscaleImages;
import org.latentlab.render.ImageGrid;
import org.latentlab.render.ImageGridData;

/**
 * {@code render --figure conditional}: a conditional VAE's decoder with one row per class and
 * one column per latent point z drawn from the prior, the same z all down a column. What a column
 * keeps is what z holds, its "handwriting"; what changes down it is what the class says.
 */
final class ConditionalFigure {

    static final int COLUMNS = 12;
    /** More classes than this are cut to this many rows, and the note says so. */
    static final int MAX_ROWS = 20;

    private ConditionalFigure() {
    }

    static BufferedImage draw(RunFolder folder, long seed, String subject) {
        ModelConfig config = requireConditional(folder.run().modelConfig(), "the conditional figure");
        int rows = Math.min(MAX_ROWS, config.conditionClasses());
        int d = config.topLatentSize();
        float[] z = PriorSamples.draw(COLUMNS, d, seed);
        float[] latents = new float[rows * COLUMNS * d];
        int[] labels = new int[rows * COLUMNS];
        for (int c = 0; c < rows; c++) {
            System.arraycopy(z, 0, latents, c * COLUMNS * d, COLUMNS * d);
            for (int j = 0; j < COLUMNS; j++) {
                labels[c * COLUMNS + j] = c;
            }
        }
        float[] images = folder.model().decode(latents, labels, rows * COLUMNS);
        String note = "each column one z drawn from N(0, I), decoded with each class beside it to the mean image"
                + (rows < config.conditionClasses()
                        ? String.format(Locale.ROOT, "; the first %d of %d classes", rows, config.conditionClasses())
                        : "");
        return new ImageGrid().draw(ImageGridData.namedRows(
                new GrayscaleImages(images, config.imageWidth(), config.imageHeight()),
                classNames(folder, rows), COLUMNS,
                FigureLabels.titled("One z, every class: a " + subject).withAxes(null, "class").withNote(note)));
    }

    /** The first {@code rows} class names of the run's images, or their numbers if the images name other classes. */
    private static List<String> classNames(RunFolder folder, int rows) {
        List<String> names = folder.validation().classNames();
        if (names.size() == folder.run().modelConfig().conditionClasses()) {
            return names.subList(0, rows);
        }
        List<String> numbers = new ArrayList<>();
        for (int c = 0; c < rows; c++) {
            numbers.add(Integer.toString(c));
        }
        return numbers;
    }

    /**
     * {@code config} if it is a conditional VAE's.
     *
     * @param what what needs one, for the message ("the conditional figure", "--label")
     * @throws LatentLabCommand.CommandFailure saying that it does not apply
     */
    static ModelConfig requireConditional(ModelConfig config, String what) {
        if (!config.conditional()) {
            throw new LatentLabCommand.CommandFailure(what + " does not apply: a " + config.kind().displayName()
                    + " reads no class (train a conditional VAE with --model cvae)");
        }
        return config;
    }
}
