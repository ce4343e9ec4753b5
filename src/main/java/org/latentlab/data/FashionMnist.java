package org.latentlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Zalando's Fashion-MNIST: 70,000 grayscale 28×28 pictures of clothes in ten classes (60,000
 * training and 10,000 test images, read as one set).
 *
 * <p>It is not shipped with Latent Lab. Debian and Ubuntu package it as
 * {@code dataset-fashion-mnist} (MIT), which puts the four gzipped IDX files in
 * {@value #DEBIAN_FOLDER_NAME}; any other folder holding the same four files (see
 * {@link TrainTestIdxFolder}) works too.
 */
public final class FashionMnist {

    static final String DEBIAN_FOLDER_NAME = "/usr/share/datasets/fashion-mnist";
    /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
    public static final Path DEBIAN_FOLDER = Path.of(DEBIAN_FOLDER_NAME);
    /** The name of the set, as shown to the user. */
    public static final String NAME = "Fashion-MNIST";
    /** The names of labels 0..9, as in the Fashion-MNIST README. */
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** How many images the full set holds. */
    public static final int SIZE = 70_000;

    private FashionMnist() {
    }

    /** Whether the Debian package's files are all in place. */
    public static boolean isInstalled() {
        return complete(DEBIAN_FOLDER).isPresent();
    }

    /** The four files in {@code folder}, if all are there (else {@link #missingMessage} says which are not). */
    private static Optional<TrainTestIdxFolder> complete(Path folder) {
        try {
            return TrainTestIdxFolder.find(folder).filter(TrainTestIdxFolder::hasTestFiles);
        } catch (DatasetException e) {
            return Optional.empty();
        }
    }

    /** Reads Fashion-MNIST from {@link #DEBIAN_FOLDER}. */
    public static Dataset load() {
        return load(DEBIAN_FOLDER);
    }

    /**
     * Reads Fashion-MNIST from {@code folder}. If files are missing, the message says which ones
     * and how to get them.
     */
    public static Dataset load(Path folder) {
        TrainTestIdxFolder files = complete(folder).orElseThrow(() -> new DatasetException(missingMessage(folder)));
        return files.read(NAME, CLASS_NAMES);
    }

    private static String missingMessage(Path folder) {
        String where = Files.isDirectory(folder)
                ? "Fashion-MNIST is incomplete in " + folder + ": it lacks "
                        + String.join(", ", TrainTestIdxFolder.missingFiles(folder)) + " (each may end in .gz)."
                : "Fashion-MNIST was not found: there is no folder " + folder + ".";
        return where + " Install it with `sudo apt-get install dataset-fashion-mnist`, which puts it in "
                + DEBIAN_FOLDER_NAME + ", or pass a folder holding the four files "
                + String.join(", ", TrainTestIdxFolder.FILE_NAMES) + " (each may end in .gz).";
    }
}
