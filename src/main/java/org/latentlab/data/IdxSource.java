package org.latentlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the bytes of one IDX file come from: a file on disk or a classpath resource. It opens the
 * raw (possibly gzipped) stream and turns "missing", "a folder" and "empty" into
 * {@link DatasetException}s that name the file.
 */
abstract class IdxSource {

    /** How the file is named in messages: its path, or the resource and where it was looked for. */
    abstract String describe();

    /** Opens the raw bytes, which may be gzipped; the caller closes the stream. */
    abstract InputStream open();

    /** The name to give a dataset read from this source: the file name without {@code .gz}. */
    abstract String baseName();

    @Override
    public String toString() {
        return describe();
    }

    static IdxSource file(Path path) {
        return new FileSource(path);
    }

    /** A resource next to {@code anchor}'s class file, e.g. {@code mnist-10k/images-idx3-ubyte.gz}. */
    static IdxSource resource(Class<?> anchor, String relativeName) {
        return new ResourceSource(anchor, relativeName);
    }

    private static String stripGz(String name) {
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    private static final class FileSource extends IdxSource {
        private final Path path;

        FileSource(Path path) {
            this.path = Objects.requireNonNull(path, "path");
        }

        @Override
        String describe() {
            return path.toString();
        }

        @Override
        String baseName() {
            Path fileName = path.getFileName();
            return stripGz(fileName == null ? path.toString() : fileName.toString());
        }

        @Override
        InputStream open() {
            if (Files.isDirectory(path)) {
                throw new DatasetException(path + " is a folder, but an IDX file was expected here");
            }
            if (!Files.exists(path)) {
                throw new DatasetException("IDX file not found: " + path);
            }
            try {
                if (Files.size(path) == 0) {
                    throw new DatasetException(path + " is empty (0 bytes); expected an IDX file");
                }
                return Files.newInputStream(path);
            } catch (AccessDeniedException e) {
                throw new DatasetException("Cannot read " + path + ": permission denied", e);
            } catch (IOException e) {
                throw new DatasetException("Cannot read " + path + ": " + e, e);
            }
        }
    }

    private static final class ResourceSource extends IdxSource {
        private final Class<?> anchor;
        private final String relativeName;

        ResourceSource(Class<?> anchor, String relativeName) {
            this.anchor = Objects.requireNonNull(anchor, "anchor");
            this.relativeName = Objects.requireNonNull(relativeName, "relativeName");
        }

        private String absoluteName() {
            return anchor.getPackageName().replace('.', '/') + "/" + relativeName;
        }

        @Override
        String describe() {
            return "classpath resource " + absoluteName();
        }

        @Override
        String baseName() {
            return stripGz(relativeName.substring(relativeName.lastIndexOf('/') + 1));
        }

        @Override
        InputStream open() {
            InputStream in = anchor.getResourceAsStream(relativeName);
            if (in == null) {
                throw new DatasetException("The " + describe() + " is missing. The build copies it there from "
                        + "datasets/; rebuild with Maven (mvn compile) rather than running from stale classes.");
            }
            return in;
        }
    }
}
