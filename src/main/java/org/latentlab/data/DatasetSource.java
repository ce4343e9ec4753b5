package org.latentlab.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a dataset comes from, as the user names it (the {@code --dataset} value): a known name or a
 * path. {@link #parse} decides which; {@link #load} reads it.
 *
 * <ul>
 *   <li>{@code mnist}: the 10,000 digits shipped inside the application ({@link EmbeddedMnist});</li>
 *   <li>{@code fashion}: Fashion-MNIST from {@value FashionMnist#DEBIAN_FOLDER_NAME}
 *       ({@link FashionMnist});</li>
 *   <li>{@code faces}: 20,000 synthetic faces with known smile, eyes, width, tilt, hair and
 *       brightness ({@link SyntheticFaces}); {@code faces:rare=FACTOR<T@SHARE} plants a rare group
 *       ({@link RareGroup});</li>
 *   <li>a PATH to an IDX images file, with its labels found beside it
 *       ({@link IdxReader#labelsBeside});</li>
 *   <li>a PATH to a folder holding the train IDX files, with or without the t10k ones
 *       ({@link TrainTestIdxFolder}); labels are named as Fashion-MNIST's if the folder's name
 *       contains "fashion", otherwise "0".."max";</li>
 *   <li>a PATH to any other folder: a folder of pictures ({@link ImageFolderReader}).</li>
 * </ul>
 *
 * <p>Known names win over a file or folder of the same name in the working directory; write
 * {@code ./mnist} for the latter. New kinds join as another record here and another entry in
 * {@link #NAMES}.
 */
public sealed interface DatasetSource {

    /** The names {@link #parse} knows, besides paths. */
    List<String> NAMES = List.of("mnist", "fashion", "faces");

    /** How options of the faces begin: {@code faces:rare=brightness<0.3@0.05}. */
    String FACES_OPTIONS = "faces:";

    /** Reads the dataset; a problem is a {@link DatasetException} with a message for the user. */
    Dataset load();

    /** What this source is, for the user: "the embedded MNIST digits", "images in /data/cats". */
    String describe();

    /** Whether two {@code --dataset} values name the same data: the same known name, or the same file or folder. */
    static boolean sameData(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    private static String canonical(String spec) {
        String trimmed = spec.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return NAMES.contains(lower) ? lower : Path.of(trimmed).toAbsolutePath().normalize().toString();
    }

    /** {@link #parse(String, ImageFolderReader)} with the default 28 × 28, auto-inverted pictures. */
    static DatasetSource parse(String value) {
        return parse(value, ImageFolderReader.defaults());
    }

    /**
     * The source that {@code value} names.
     *
     * @param imageFolderReader how to read a folder of pictures, should {@code value} name one
     * @throws DatasetException if {@code value} is neither a known name nor an existing path; the
     *                          message lists what is accepted
     */
    static DatasetSource parse(String value, ImageFolderReader imageFolderReader) {
        Objects.requireNonNull(imageFolderReader, "imageFolderReader");
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new DatasetException("No dataset given. " + accepted());
        }
        if (trimmed.toLowerCase(Locale.ROOT).startsWith(FACES_OPTIONS)) {
            return Faces.withOptions(trimmed.substring(FACES_OPTIONS.length()));
        }
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "mnist":
                return new Mnist();
            case "fashion":
                return new Fashion(FashionMnist.DEBIAN_FOLDER);
            case "faces":
                return new Faces(SyntheticFaces.DEFAULT_COUNT, SyntheticFaces.DEFAULT_SEED);
            default:
                break;
        }
        Path path;
        try {
            path = Path.of(trimmed);
        } catch (InvalidPathException e) {
            throw new DatasetException("Unknown dataset \"" + trimmed + "\": it is not a known name and not a valid path ("
                    + e.getReason() + "). " + accepted(), e);
        }
        if (Files.isRegularFile(path)) {
            return new IdxFiles(path, IdxReader.labelsBeside(path).orElse(null));
        }
        if (Files.isDirectory(path)) {
            return TrainTestIdxFolder.find(path)
                    .<DatasetSource>map(IdxFolder::new)
                    .orElseGet(() -> new ImageFolder(path, imageFolderReader));
        }
        boolean looksLikePath = trimmed.indexOf('/') >= 0 || trimmed.indexOf('\\') >= 0 || trimmed.indexOf('.') >= 0;
        throw new DatasetException(looksLikePath
                ? "Dataset not found: there is no file or folder " + path.toAbsolutePath().normalize() + ". " + accepted()
                : "Unknown dataset \"" + trimmed + "\": it is not a known name and no file or folder by that name "
                        + "exists. " + accepted());
    }

    private static String accepted() {
        return "Accepted: mnist (the 10,000 digits built in), fashion (Fashion-MNIST, from "
                + FashionMnist.DEBIAN_FOLDER_NAME + "), faces (20,000 synthetic faces; faces:rare=FACTOR<T@SHARE plants"
                + " a rare group), or the path of an IDX images file, of a folder holding "
                + "train (and t10k) IDX files, or of a folder of PNG/JPEG images (one sub-folder per class).";
    }

    /** The 10,000 MNIST digits shipped inside the application. */
    record Mnist() implements DatasetSource {
        @Override
        public Dataset load() {
            return EmbeddedMnist.load();
        }

        @Override
        public String describe() {
            return "the embedded MNIST digits (10,000)";
        }
    }

    /** Fashion-MNIST from {@code folder}, usually {@link FashionMnist#DEBIAN_FOLDER}. */
    record Fashion(Path folder) implements DatasetSource {
        public Fashion {
            Objects.requireNonNull(folder, "folder");
        }

        @Override
        public Dataset load() {
            return FashionMnist.load(folder);
        }

        @Override
        public String describe() {
            return "Fashion-MNIST from " + folder;
        }
    }

    /**
     * {@code count} synthetic faces drawn from {@code seed} ({@link SyntheticFaces}), with the rare
     * group {@code rare} planted, or none ({@code null}).
     */
    record Faces(int count, long seed, RareGroup rare) implements DatasetSource {
        public Faces {
            if (count <= 0) {
                throw new IllegalArgumentException("the number of faces must be positive, got " + count);
            }
        }

        /** Faces with no rare group. */
        public Faces(int count, long seed) {
            this(count, seed, null);
        }

        /**
         * The default faces with the options after {@code faces:}; for now one, {@code rare=FACTOR<T@SHARE}.
         *
         * @throws DatasetException naming the option and what was expected
         */
        static Faces withOptions(String options) {
            String option = options.strip();
            if (!option.toLowerCase(Locale.ROOT).startsWith("rare=")) {
                throw new DatasetException("Unknown option of the faces '" + options + "': expected faces:rare=FACTOR<T@SHARE,"
                        + " e.g. faces:rare=brightness<0.3@0.05 (the faces whose brightness lies in the lowest 30 % of its"
                        + " range make up 5 % of the set)");
            }
            try {
                return new Faces(SyntheticFaces.DEFAULT_COUNT, SyntheticFaces.DEFAULT_SEED,
                        RareGroup.parse(option.substring("rare=".length())));
            } catch (IllegalArgumentException e) {
                throw new DatasetException("Dataset faces:" + options + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Dataset load() {
            return SyntheticFaces.generate(count, seed, rare);
        }

        @Override
        public String describe() {
            String faces = String.format(Locale.ROOT, "%,d synthetic faces (seed %d)", count, seed);
            return rare == null ? faces : faces + "; a rare group: " + rare.describe();
        }
    }

    /** An IDX images file and its labels file ({@code null}: unlabelled). */
    record IdxFiles(Path images, Path labels) implements DatasetSource {
        public IdxFiles {
            Objects.requireNonNull(images, "images");
        }

        @Override
        public Dataset load() {
            return IdxReader.read(images, labels);
        }

        @Override
        public String describe() {
            return "IDX images " + images + (labels == null ? " (no labels)" : " with labels " + labels);
        }
    }

    /** A folder of train (and perhaps t10k) IDX files, read as one set. */
    record IdxFolder(TrainTestIdxFolder files) implements DatasetSource {
        public IdxFolder {
            Objects.requireNonNull(files, "files");
        }

        @Override
        public Dataset load() {
            Path name = files.folder().toAbsolutePath().normalize().getFileName();
            String folderName = name == null ? files.folder().toString() : name.toString();
            boolean fashion = folderName.toLowerCase(Locale.ROOT).contains("fashion");
            return files.read(folderName, fashion ? FashionMnist.CLASS_NAMES : null);
        }

        @Override
        public String describe() {
            return "IDX files in " + files.folder() + (files.hasTestFiles() ? "" : " (training files only)");
        }
    }

    /** A folder of pictures, read by {@code reader}. */
    record ImageFolder(Path folder, ImageFolderReader reader) implements DatasetSource {
        public ImageFolder {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(reader, "reader");
        }

        @Override
        public Dataset load() {
            return reader.read(folder);
        }

        @Override
        public String describe() {
            return "images in " + folder + " (" + reader.size() + "×" + reader.size() + ")";
        }
    }
}
