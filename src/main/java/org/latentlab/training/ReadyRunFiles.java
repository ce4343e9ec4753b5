package org.latentlab.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The ready-trained runs shipped inside the application (see {@code lesson.ReadyRuns} for their
 * names and the commands that make them): each is a run file in the resources under
 * {@value #FOLDER}, read through a private temporary copy because a run file is a zip read by
 * random access. A ready run keeps the trained weights, the settings and the histories, but not
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

    /** Whether the application holds the ready run {@code name}. */
    public static boolean isShipped(String name) {
        return ReadyRunFiles.class.getResource(resource(name)) != null;
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
     * Writes the ready form of the run file {@code args[0]} to {@code args[1]}, for
     * {@code src/lessons/make-ready-runs.sh}; exits with status 1 and one line if it cannot.
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ReadyRunFiles RUN-FILE READY-RUN-FILE");
            System.exit(1);
        }
        try {
            RunFile.save(ready(RunFile.load(Path.of(args[0]))), Path.of(args[1]));
        } catch (IOException | RunFileException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static String resource(String name) {
        return FOLDER + name + ".latentlab";
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
