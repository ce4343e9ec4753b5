package org.latentlab.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.latentlab.cli.LatentLabCommand;
import org.latentlab.model.TrainingKernels;

/**
 * The program's entry point: with no arguments it opens the window; with arguments it runs the
 * command line, which never touches the display. The window says on standard error when training
 * runs on the slower scalar kernels (the command line says which kernels in its own output).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            if (!TrainingKernels.vectorized()) {
                System.err.println("latent-lab: " + TrainingKernels.description());
            }
            LatentLabApp.launchWindow();
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(LatentLabCommand.execute(args, out, err));
    }
}
