package org.latentlab.cli;

import java.util.Arrays;
import java.util.Locale;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.model.ModelConfig;

/**
 * The images a likelihood command scores, and where they come from: the run's own held-out images
 * (the split it was validated on) unless other data is named; named data that is the run's own
 * data also means its held-out images, since its training images would flatter the model; any
 * other data is taken whole. Optionally only the first {@code limit}.
 *
 * @param images      the images, in the order scored
 * @param indices     where each image is in its whole dataset as loaded ({@code DatasetSource.load()})
 * @param heldOut     whether these are the run's held-out images
 * @param datasetSpec the dataset as named on the command line
 * @param description what they are, for a person: "1,000 held-out images of …"
 */
record ScoredImages(Dataset images, int[] indices, boolean heldOut, String datasetSpec, String description) {

    static ScoredImages choose(RunFolder folder, String otherSpec, Integer limit) {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--images must be at least 1, got " + limit);
        }
        String runSpec = folder.run().datasetSpec();
        boolean own = otherSpec == null || DatasetSource.sameData(otherSpec, runSpec);
        Dataset all = own ? null : DatasetSource.parse(otherSpec).load();
        Dataset whole = own ? folder.validation() : all;
        int[] indices = own ? folder.validationIndices() : identity(all.size());
        int count = limit == null ? whole.size() : Math.min(limit, whole.size());
        Dataset images = count == whole.size() ? whole : whole.head(count);
        checkSize(images, folder.run().modelConfig());
        String source = DatasetSource.parse(own ? runSpec : otherSpec).describe();
        String description = own
                ? String.format(Locale.ROOT, "%,d held-out images of %s (%s the run was validated on)", count, source,
                        count == whole.size() ? "the split" : "the first of the split")
                : String.format(Locale.ROOT, "%,d images of %s (%s)", count, source,
                        count == whole.size() ? "all of them" : "the first");
        return new ScoredImages(images, Arrays.copyOf(indices, count), own, own ? runSpec : otherSpec, description);
    }

    int count() {
        return images.size();
    }

    float[] pixels() {
        return images.pixels(images.size());
    }

    private static int[] identity(int n) {
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return indices;
    }

    static void checkSize(Dataset images, ModelConfig config) {
        if (images.width() != config.imageWidth() || images.height() != config.imageHeight()) {
            throw new IllegalArgumentException(images.name() + " holds " + images.width() + "×" + images.height()
                    + " images but the model reads " + config.imageWidth() + "×" + config.imageHeight());
        }
    }
}
