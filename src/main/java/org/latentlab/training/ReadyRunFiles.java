package org.latentlab.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;

/**
 * The ready-trained runs shipped inside the application (see {@code lesson.ReadyRuns} for their
 * names and the commands that make them): each is a run file in the resources under
 * {@value #FOLDER}, or for a comparison a folder there as {@code train --compare} writes one
 * ({@link SavedComparison}), read through a private temporary copy because a run file is a zip
 * read by random access. A ready run keeps the trained weights, the settings and the histories, but not
 * Adam's moments nor the timeline, so that each file stays under {@value #BUDGET_BYTES} bytes:
 * training on from one starts Adam again (docs/decisions/0091).
 */
public final class ReadyRunFiles {

    /** Where the ready runs sit among the application's resources. */
    public static final String FOLDER = "/org/latentlab/ready/";
    /** The most a ready run file may weigh, so that the bundle stays small. */
    public static final long BUDGET_BYTES = 2_000_000;

    private ReadyRunFiles() {
    }

    /** Whether the application holds the ready run {@code name}: one run file, or a comparison's folder. */
    public static boolean isShipped(String name) {
        return ReadyRunFiles.class.getResource(resource(name)) != null
                || ReadyRunFiles.class.getResource(comparisonResource(name, SavedComparison.INDEX_FILE)) != null;
    }

    /**
     * Loads the ready-trained comparison {@code name}: a folder of the resources as
     * {@code train --compare} writes one, each model's run file in its ready form.
     *
     * @throws RunFileException if the application does not hold it or it cannot be read
     */
    public static SavedComparison loadComparison(String name) {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("latent-lab-ready-" + name + "-");
            copyResource(name, comparisonResource(name, SavedComparison.INDEX_FILE), copy.resolve(SavedComparison.INDEX_FILE));
            for (String variant : SavedComparison.readIndex(copy).variants()) {
                Path runFile = copy.resolve(variant).resolve(SavedComparison.RUN_FILE);
                Files.createDirectories(runFile.getParent());
                copyResource(name, comparisonResource(name, variant + "/" + SavedComparison.RUN_FILE), runFile);
            }
            return SavedComparison.load(copy);
        } catch (IOException e) {
            throw new RunFileException("the ready-trained comparison '" + name + "' could not be read: " + e.getMessage());
        } finally {
            deleteFolder(copy);
        }
    }

    private static void copyResource(String name, String resource, Path target) throws IOException {
        try (InputStream in = ReadyRunFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RunFileException("the ready-trained run '" + name + "' is not part of this build of"
                        + " Latent Lab, or not whole (" + resource + " is missing; src/lessons/make-ready-runs.sh makes it)");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Loads the ready run {@code name}.
     *
     * @throws RunFileException if the application does not hold it or it cannot be read
     */
    public static SavedRun load(String name) {
        Path copy = null;
        try (InputStream in = ReadyRunFiles.class.getResourceAsStream(resource(name))) {
            if (in == null) {
                throw new RunFileException("the ready-trained run '" + name + "' is not part of this build of"
                        + " Latent Lab (src/lessons/make-ready-runs.sh makes it)");
            }
            copy = Files.createTempFile("latent-lab-ready-" + name + "-", ".latentlab");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return RunFile.load(copy);
        } catch (IOException e) {
            throw new RunFileException("the ready-trained run '" + name + "' could not be read: " + e.getMessage());
        } finally {
            deleteCopy(copy);
        }
    }

    /**
     * The ready form of {@code run}: the same weights, step count, settings and histories, without
     * Adam's moments and without the timeline.
     */
    public static SavedRun ready(SavedRun run) {
        return new SavedRun(run.modelConfig(), run.trainingConfig(), run.datasetSpec(),
                run.state().withoutOptimizerState(), run.iterations(), run.epochs());
    }

    /**
     * Writes the ready form of the run file {@code args[0]} to {@code args[1]}, or of the comparison
     * folder {@code args[0]} (as {@code train --compare} writes it) into the new folder
     * {@code args[1]}: its index and each model's run file in its ready form. For
     * {@code src/lessons/make-ready-runs.sh}; exits with status 1 and one line if it cannot.
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ReadyRunFiles RUN-FILE|COMPARISON-FOLDER READY-RUN-FILE|READY-FOLDER");
            System.exit(1);
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        try {
            if (SavedComparison.holdsComparison(source)) {
                Files.createDirectories(target);
                Files.copy(source.resolve(SavedComparison.INDEX_FILE), target.resolve(SavedComparison.INDEX_FILE),
                        StandardCopyOption.REPLACE_EXISTING);
                for (String variant : SavedComparison.readIndex(source).variants()) {
                    Files.createDirectories(target.resolve(variant));
                    RunFile.save(ready(RunFile.load(source.resolve(variant).resolve(SavedComparison.RUN_FILE))),
                            target.resolve(variant).resolve(SavedComparison.RUN_FILE));
                }
            } else {
                RunFile.save(ready(RunFile.load(source)), target);
            }
        } catch (IOException | RunFileException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static String resource(String name) {
        return FOLDER + name + ".latentlab";
    }

    /** A file of the ready comparison {@code name}, which is a folder of the resources. */
    private static String comparisonResource(String name, String file) {
        return FOLDER + name + "/" + file;
    }

    /** Removes a temporary folder and what it holds, or leaves what the system holds open to the JVM's exit. */
    private static void deleteFolder(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(ReadyRunFiles::deleteCopy);
        } catch (IOException e) {
            folder.toFile().deleteOnExit();
        }
    }

    /** Removes the temporary copy, or leaves it to the JVM's exit if the system holds it open. */
    private static void deleteCopy(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
