package org.latentlab.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A reader of IDX files, the format of MNIST and Fashion-MNIST, into a {@link Dataset}.
 *
 * <p>An IDX file is a big-endian header, {@code 0x00 0x00 type dims}, then one 32-bit size per
 * dimension, then the data. Images are type {@code 0x08} (unsigned byte) with 3 dimensions
 * (count, rows, columns): magic number {@code 0x00000803} = 2051. Labels are unsigned bytes with 1
 * dimension: {@code 0x00000801} = 2049. Either file may be gzipped; that is recognised by the gzip
 * magic bytes, not by the name. Bytes after the data the header announces are ignored.
 *
 * <p>Labels 0..max define the classes; without given class names they are called "0".."max". Every
 * problem (missing, empty, wrong magic number or type, truncated, counts that differ, a label with
 * no class name, an I/O error) is a {@link DatasetException} whose message names the file.
 *
 * <p>This class holds the one IDX parser of the package: {@link EmbeddedMnist},
 * {@link TrainTestIdxFolder} and {@link FashionMnist} all read through it.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned-byte images: type 0x08, 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels: type 0x08, 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int BUFFER_SIZE = 1 << 16;
    /** The largest pixel array a Dataset can hold. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /**
     * Reads an IDX images file and, if one lies beside it by the naming convention of
     * {@link #labelsBeside(Path)}, its labels. Without such a file the set is unlabelled.
     */
    public static Dataset read(Path images) {
        return read(images, labelsBeside(images).orElse(null));
    }

    /**
     * Reads an IDX images file and an IDX labels file ({@code null} for an unlabelled set). The
     * classes are named "0".."max label"; the set is named after the images file.
     */
    public static Dataset read(Path images, Path labels) {
        IdxSource imageSource = IdxSource.file(images);
        return read(imageSource.baseName(), List.of(new Part(imageSource, labels == null ? null : IdxSource.file(labels))),
                null);
    }

    /**
     * Reads an IDX images file and labels file into a set called {@code name} whose labels index
     * {@code classNames}; a label without a class name is an error.
     */
    public static Dataset read(Path images, Path labels, String name, List<String> classNames) {
        Objects.requireNonNull(classNames, "classNames");
        return read(name, List.of(new Part(IdxSource.file(images), labels == null ? null : IdxSource.file(labels))),
                classNames);
    }

    /**
     * The labels file that belongs to an images file by the usual naming: "images" becomes
     * "labels" and "idx3" becomes "idx1" in the file name ({@code train-images-idx3-ubyte.gz} →
     * {@code train-labels-idx1-ubyte.gz}), with or without {@code .gz}. Empty if the name follows
     * neither convention or no such file exists.
     */
    public static Optional<Path> labelsBeside(Path images) {
        Path fileName = images.getFileName();
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toString();
        String labelsName = name.replace("images", "labels").replace("idx3", "idx1");
        if (labelsName.equals(name)) {
            return Optional.empty();
        }
        String plain = labelsName.endsWith(".gz") ? labelsName.substring(0, labelsName.length() - 3) : labelsName;
        for (String candidate : List.of(labelsName, plain, plain + ".gz")) {
            Path path = images.resolveSibling(candidate);
            if (Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** One images file and its labels file ({@code null} for none). */
    record Part(IdxSource images, IdxSource labels) {
        Part {
            Objects.requireNonNull(images, "images");
        }
    }

    /** The images of one IDX file: {@code count × rows × columns} unsigned bytes. */
    record Images(IdxSource source, int count, int rows, int columns, byte[] pixels) {
    }

    /**
     * Reads the parts one after another into one set called {@code name}. All parts must have the
     * same image size and either all or none have labels.
     *
     * @param classNames the names of labels 0, 1, ...; {@code null} names them "0".."max label"
     */
    static Dataset read(String name, List<Part> parts, List<String> classNames) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no IDX files to read");
        }
        List<Images> images = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        for (Part part : parts) {
            Images read = readImages(part.images());
            Images first = images.isEmpty() ? read : images.get(0);
            if (read.rows() != first.rows() || read.columns() != first.columns()) {
                throw new DatasetException(read.source() + " holds images of " + read.columns() + "×" + read.rows()
                        + " pixels but " + first.source() + " holds images of " + first.columns() + "×"
                        + first.rows() + "; they cannot form one dataset");
            }
            if ((part.labels() == null) != (parts.get(0).labels() == null)) {
                throw new IllegalArgumentException("either every part has labels or none has");
            }
            images.add(read);
            if (part.labels() != null) {
                int[] partLabels = readLabels(part.labels());
                if (partLabels.length != read.count()) {
                    throw new DatasetException(String.format(Locale.ROOT,
                            "Image and label counts differ: %s holds %,d images but %s holds %,d labels",
                            read.source(), read.count(), part.labels(), partLabels.length));
                }
                if (classNames != null) {
                    requireNamedLabels(partLabels, part.labels(), classNames);
                }
                labels.add(partLabels);
            }
        }
        Images first = images.get(0);
        byte[] pixels = images.size() == 1 ? first.pixels() : concatenate(images);
        int[] allLabels = labels.isEmpty() ? null : concatenateLabels(labels);
        List<String> names = allLabels == null ? List.of()
                : classNames != null ? classNames : numberedClassNames(allLabels);
        return Dataset.ofBytes(name, first.columns(), first.rows(), pixels, allLabels, names);
    }

    /** Reads an IDX images file: magic 0x00000803, then count, rows, columns, then the pixels. */
    static Images readImages(IdxSource source) {
        try (IdxData data = openData(source)) {
            int[] dims = readHeader(data, source, IMAGES_MAGIC);
            int count = dims[0];
            int rows = dims[1];
            int columns = dims[2];
            if (count == 0) {
                throw new DatasetException(source + " holds no images: its header says the count is 0");
            }
            if (rows == 0 || columns == 0) {
                throw new DatasetException(source + " declares images of " + columns + "×" + rows
                        + " pixels; both sides must be at least 1");
            }
            long dataBytes = (long) count * rows * columns;
            if (dataBytes > MAX_BYTES) {
                throw new DatasetException(String.format(Locale.ROOT,
                        "%s declares %,d images of %d×%d pixels (%,d bytes), more than one dataset can hold (2 GB)",
                        source, count, columns, rows, dataBytes));
            }
            byte[] pixels = readData(data, source, 16, (int) dataBytes, String.format(Locale.ROOT,
                    "%,d images of %d×%d", count, columns, rows));
            return new Images(source, count, rows, columns, pixels);
        } catch (IOException e) {
            throw readFailure(source, e);
        }
    }

    /** Reads an IDX labels file: magic 0x00000801, then count, then one unsigned byte per label. */
    static int[] readLabels(IdxSource source) {
        try (IdxData data = openData(source)) {
            int count = readHeader(data, source, LABELS_MAGIC)[0];
            if (count == 0) {
                throw new DatasetException(source + " holds no labels: its header says the count is 0");
            }
            byte[] bytes = readData(data, source, 8, count, String.format(Locale.ROOT, "%,d labels", count));
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        } catch (IOException e) {
            throw readFailure(source, e);
        }
    }

    /** The content of an IDX file, decompressed if {@code gzipped}. */
    private record IdxData(InputStream stream, boolean gzipped) implements Closeable {
        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /** The raw stream, decompressed if it starts with the gzip magic bytes 1f 8b. */
    private static IdxData openData(IdxSource source) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(source.open(), BUFFER_SIZE);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new IdxData(new BufferedInputStream(
                        new EndOnTruncationStream(new GZIPInputStream(raw, BUFFER_SIZE)), BUFFER_SIZE), true);
            }
            return new IdxData(raw, false);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Reads the magic number and the dimension sizes, checking them against {@code expectedMagic}.
     *
     * @return the sizes, each one non-negative
     */
    private static int[] readHeader(IdxData data, IdxSource source, int expectedMagic) throws IOException {
        InputStream in = data.stream();
        int expectedDims = expectedMagic & 0xFF;
        int headerBytes = 4 + 4 * expectedDims;
        byte[] magicBytes = in.readNBytes(4);
        if (magicBytes.length == 0) {
            throw new DatasetException(source + " is empty: it holds 0 bytes of data (after gzip decompression); "
                    + "expected an IDX file");
        }
        if (magicBytes.length < 4) {
            throw truncated(data, source, headerBytes, "header", magicBytes.length);
        }
        int magic = ((magicBytes[0] & 0xFF) << 24) | ((magicBytes[1] & 0xFF) << 16)
                | ((magicBytes[2] & 0xFF) << 8) | (magicBytes[3] & 0xFF);
        if (magic != expectedMagic) {
            throw wrongMagic(source, magic, expectedMagic);
        }
        byte[] sizeBytes = in.readNBytes(4 * expectedDims);
        if (sizeBytes.length < 4 * expectedDims) {
            throw truncated(data, source, headerBytes, "header", 4 + sizeBytes.length);
        }
        int[] dims = new int[expectedDims];
        for (int d = 0; d < expectedDims; d++) {
            int k = 4 * d;
            long size = ((long) (sizeBytes[k] & 0xFF) << 24) | ((sizeBytes[k + 1] & 0xFF) << 16)
                    | ((sizeBytes[k + 2] & 0xFF) << 8) | (sizeBytes[k + 3] & 0xFF);
            if (size > MAX_BYTES) {
                throw new DatasetException(String.format(Locale.ROOT,
                        "%s declares a dimension of %,d, more than one dataset can hold; the header is probably corrupt",
                        source, size));
            }
            dims[d] = (int) size;
        }
        return dims;
    }

    /** Reads exactly {@code length} data bytes that follow a header of {@code headerBytes}. */
    private static byte[] readData(IdxData data, IdxSource source, int headerBytes, int length, String what)
            throws IOException {
        byte[] bytes = data.stream().readNBytes(length);
        if (bytes.length < length) {
            throw truncated(data, source, (long) headerBytes + length, headerBytes + "-byte header and " + what,
                    (long) headerBytes + bytes.length);
        }
        return bytes;
    }

    private static DatasetException truncated(IdxData data, IdxSource source, long expected, String what,
                                              long present) {
        return new DatasetException(String.format(Locale.ROOT,
                "%s is truncated: expected %,d bytes (%s) but only %,d are present%s", source, expected, what, present,
                data.gzipped() ? " after gzip decompression" : ""));
    }

    private static DatasetException wrongMagic(IdxSource source, int found, int expected) {
        String kind = expected == IMAGES_MAGIC ? "IDX images file" : "IDX labels file";
        String hint;
        if ((found >>> 16) != 0) {
            hint = "this is not an IDX file";
        } else if (found == LABELS_MAGIC) {
            hint = "this looks like an IDX labels file";
        } else if (found == IMAGES_MAGIC) {
            hint = "this looks like an IDX images file";
        } else if (((found >>> 8) & 0xFF) != UNSIGNED_BYTE) {
            hint = "its data type is " + typeName((found >>> 8) & 0xFF) + ", but only unsigned bytes (0x08) are read";
        } else {
            hint = "it has " + (found & 0xFF) + " dimension(s), expected " + (expected & 0xFF);
        }
        return new DatasetException(String.format(Locale.ROOT,
                "%s has the wrong magic number: found 0x%08X (%d), expected 0x%08X (%d) for an %s; %s",
                source, found, found, expected, expected, kind, hint));
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte (0x08)";
            case 0x09 -> "signed byte (0x09)";
            case 0x0B -> "short (0x0B)";
            case 0x0C -> "int (0x0C)";
            case 0x0D -> "float (0x0D)";
            case 0x0E -> "double (0x0E)";
            default -> String.format(Locale.ROOT, "0x%02X, which is no IDX type", type);
        };
    }

    private static DatasetException readFailure(IdxSource source, IOException e) {
        if (e instanceof ZipException) {
            return new DatasetException("Cannot read " + source + ": its gzip data is corrupt (" + e.getMessage() + ")", e);
        }
        if (e instanceof EOFException) {
            return new DatasetException("Cannot read " + source + ": the gzip data ends early", e);
        }
        return new DatasetException("Cannot read " + source + ": " + e, e);
    }

    private static void requireNamedLabels(int[] labels, IdxSource source, List<String> classNames) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= classNames.size()) {
                throw new DatasetException(String.format(Locale.ROOT,
                        "%s: label %d of image %,d is out of range; this dataset has %d classes, labels 0..%d (%s)",
                        source, labels[i], i, classNames.size(), classNames.size() - 1, String.join(", ", classNames)));
            }
        }
    }

    private static List<String> numberedClassNames(int[] labels) {
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        List<String> names = new ArrayList<>(max + 1);
        for (int c = 0; c <= max; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    private static byte[] concatenate(List<Images> parts) {
        long total = 0;
        for (Images part : parts) {
            total += part.pixels().length;
        }
        if (total > MAX_BYTES) {
            throw new DatasetException(String.format(Locale.ROOT,
                    "%s and the files read with it hold %,d bytes of pixels, more than one dataset can hold (2 GB)",
                    parts.get(0).source(), total));
        }
        byte[] all = new byte[(int) total];
        int offset = 0;
        for (Images part : parts) {
            System.arraycopy(part.pixels(), 0, all, offset, part.pixels().length);
            offset += part.pixels().length;
        }
        return all;
    }

    private static int[] concatenateLabels(List<int[]> parts) {
        int total = 0;
        for (int[] part : parts) {
            total += part.length;
        }
        int[] all = new int[total];
        int offset = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    /**
     * Turns a gzip stream that is cut short (an {@link EOFException} from {@link GZIPInputStream})
     * into a plain end of stream, so that the reader can say how many bytes were present.
     */
    private static final class EndOnTruncationStream extends FilterInputStream {
        private boolean ended;

        EndOnTruncationStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            try {
                return super.read();
            } catch (EOFException e) {
                ended = true;
                return -1;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            try {
                return super.read(b, off, len);
            } catch (EOFException e) {
                ended = true;
                return -1;
            }
        }
    }
}
