package org.latentlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A folder laid out like the MNIST and Fashion-MNIST downloads: {@code train-images-idx3-ubyte} and
 * {@code train-labels-idx1-ubyte}, and usually {@code t10k-images-idx3-ubyte} and
 * {@code t10k-labels-idx1-ubyte} too, each plain or ending in {@code .gz}. The spelling with a dot,
 * {@code train-images.idx3-ubyte}, left by some unpackers, is accepted too.
 *
 * <p>{@link #read} concatenates the training and the test files (if there are any) into one set,
 * training images first: Latent Lab makes its own validation split ({@link DatasetSplit}), so a
 * folder of the training files alone is split just the same.
 *
 * @param testImages the test images, or {@code null} when the folder holds the training files only
 * @param testLabels the test labels, {@code null} exactly when {@code testImages} is
 */
public record TrainTestIdxFolder(Path folder, Path trainImages, Path trainLabels, Path testImages, Path testLabels) {

    /** The four standard file names, without {@code .gz}: training images and labels, test images and labels. */
    public static final List<String> FILE_NAMES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    public TrainTestIdxFolder {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(trainImages, "trainImages");
        Objects.requireNonNull(trainLabels, "trainLabels");
        if ((testImages == null) != (testLabels == null)) {
            throw new IllegalArgumentException("test images and test labels come as a pair, got " + testImages
                    + " and " + testLabels);
        }
    }

    /**
     * The IDX files in {@code folder}: empty if it holds none of them (or is no folder).
     *
     * @throws DatasetException if it holds one file of a pair without the other, naming both
     */
    public static Optional<TrainTestIdxFolder> find(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<Path> found = new ArrayList<>();
        for (String name : FILE_NAMES) {
            found.add(locate(folder, name).orElse(null));
        }
        if (found.stream().allMatch(Objects::isNull)) {
            return Optional.empty();
        }
        requirePair(folder, found, 0);
        requirePair(folder, found, 2);
        return Optional.of(new TrainTestIdxFolder(folder, found.get(0), found.get(1), found.get(2), found.get(3)));
    }

    /** Refuses one file of the pair at {@code first} (images) and {@code first + 1} (labels) without the other. */
    private static void requirePair(Path folder, List<Path> found, int first) {
        Path images = found.get(first);
        Path labels = found.get(first + 1);
        if ((images == null) == (labels == null)) {
            return;
        }
        String present = (images != null ? images : labels).getFileName().toString();
        String missing = FILE_NAMES.get(images != null ? first + 1 : first);
        String remedy = first == 0 ? "an IDX folder needs both; for unlabelled images give the images file itself"
                : "add it, or remove " + present + " to read the training files alone";
        throw new DatasetException(folder + " holds " + present + " but not " + missing + " (either may end in .gz): "
                + remedy);
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

    /** Whether the folder holds the test files as well as the training ones. */
    public boolean hasTestFiles() {
        return testImages != null;
    }

    /**
     * Reads training then test files into one set.
     *
     * @param classNames the names of labels 0, 1, ...; {@code null} names them "0".."max label"
     */
    public Dataset read(String name, List<String> classNames) {
        List<IdxReader.Part> parts = new ArrayList<>();
        parts.add(new IdxReader.Part(IdxSource.file(trainImages), IdxSource.file(trainLabels)));
        if (hasTestFiles()) {
            parts.add(new IdxReader.Part(IdxSource.file(testImages), IdxSource.file(testLabels)));
        }
        return IdxReader.read(name, parts, classNames);
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
