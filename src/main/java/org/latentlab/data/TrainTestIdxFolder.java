package org.latentlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A folder laid out like the MNIST and Fashion-MNIST downloads: four IDX files,
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}
 * and {@code t10k-labels-idx1-ubyte}, each plain or ending in {@code .gz}. The spelling with a dot,
 * {@code train-images.idx3-ubyte}, left by some unpackers, is accepted too.
 *
 * <p>{@link #read} concatenates the training and the test files into one set, training images
 * first: Latent Lab makes its own validation split ({@link DatasetSplit}).
 */
public record TrainTestIdxFolder(Path folder, Path trainImages, Path trainLabels, Path testImages, Path testLabels) {

    /** The four standard file names, without {@code .gz}. */
    public static final List<String> FILE_NAMES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    public TrainTestIdxFolder {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(trainImages, "trainImages");
        Objects.requireNonNull(trainLabels, "trainLabels");
        Objects.requireNonNull(testImages, "testImages");
        Objects.requireNonNull(testLabels, "testLabels");
    }

    /** The four files in {@code folder}, or empty if any of them is missing (or it is no folder). */
    public static Optional<TrainTestIdxFolder> find(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<Path> found = new ArrayList<>();
        for (String name : FILE_NAMES) {
            Optional<Path> file = locate(folder, name);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            found.add(file.get());
        }
        return Optional.of(new TrainTestIdxFolder(folder, found.get(0), found.get(1), found.get(2), found.get(3)));
    }

    /** Which of the {@link #FILE_NAMES} {@code folder} lacks (all of them if it is no folder). */
    public static List<String> missingFiles(Path folder) {
        List<String> missing = new ArrayList<>();
        for (String name : FILE_NAMES) {
            if (!Files.isDirectory(folder) || locate(folder, name).isEmpty()) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * Reads training then test files into one set.
     *
     * @param classNames the names of labels 0, 1, ...; {@code null} names them "0".."max label"
     */
    public Dataset read(String name, List<String> classNames) {
        return IdxReader.read(name, List.of(
                new IdxReader.Part(IdxSource.file(trainImages), IdxSource.file(trainLabels)),
                new IdxReader.Part(IdxSource.file(testImages), IdxSource.file(testLabels))), classNames);
    }

    private static Optional<Path> locate(Path folder, String name) {
        String dotted = name.replace("-idx", ".idx");
        for (String candidate : List.of(name + ".gz", name, dotted + ".gz", dotted)) {
            Path path = folder.resolve(candidate);
            if (Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
