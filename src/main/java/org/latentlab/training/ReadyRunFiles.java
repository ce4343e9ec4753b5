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
 * random access.
 */
public final class ReadyRunFiles {

    /** Where the ready runs sit among the application's resources. */
    public static final String FOLDER = "/org/latentlab/ready/";

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
