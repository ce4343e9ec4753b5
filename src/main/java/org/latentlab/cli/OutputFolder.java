package org.latentlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a command saves into ({@code --out}), made and tried before any work is done, so that
 * a folder that cannot be written is reported in one line before training starts rather than as a
 * failure at the first save.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Makes {@code out} if it is missing and writes and deletes a small file in it.
     *
     * @throws LatentLabCommand.CommandFailure saying what is wrong with it
     */
    static void prepare(Path out) {
        if (Files.isRegularFile(out)) {
            throw failure(out + " is a file, not a folder.");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw failure(out + ": cannot make this folder: " + reason(out, e) + ".");
        }
        try {
            Files.delete(Files.createTempFile(out, ".latent-lab-", ".probe"));
        } catch (IOException e) {
            throw failure(out + ": cannot write into this folder: " + reason(out, e) + ".");
        }
    }

    private static LatentLabCommand.CommandFailure failure(String what) {
        return new LatentLabCommand.CommandFailure("--out " + what + " Give a folder that can be written to.");
    }

    /** Why {@code out} could not be made or written: a file in the way, or what the system said. */
    private static String reason(Path out, IOException e) {
        for (Path above = out.toAbsolutePath().getParent(); above != null; above = above.getParent()) {
            if (Files.isRegularFile(above)) {
                return above + " is a file, not a folder";
            }
        }
        return LatentLabCommand.describe(e);
    }
}
