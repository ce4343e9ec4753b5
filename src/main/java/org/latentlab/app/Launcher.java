package org.latentlab.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.latentlab.cli.LatentLabCommand;
import org.latentlab.model.NativeBackend;
import org.latentlab.model.TrainingKernels;

/**
 * The program's entry point: with no arguments it opens the window; with arguments it runs the
 * command line, which never touches the display. Either way it says once, on standard error, when
 * training cannot use the fast kernels: the scalar Java kernels (without the Vector API module) or
 * OpenBLAS kernels narrower than the processor offers ({@link NativeBackend}).
 */
public final class Launcher {

    private Launcher() {
    }

    /** Arguments that only print text; they need no native library. */
    private static final Set<String> TEXT_ONLY = Set.of("-h", "--help", "-V", "--version", "help");

    public static void main(String[] args) {
        NativeBackend.prepare();
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (args.length == 0) {
            if (!TrainingKernels.vectorized()) {
                err.println("latent-lab: " + TrainingKernels.description());
            }
            // Loads ND4J beside the window's start instead of at the first model, and says if its kernels are slow.
            Thread check = new Thread(() -> warnAboutSlowKernels(err), "blas-check");
            check.setDaemon(true);
            check.start();
            LatentLabApp.launchWindow();
            return;
        }
        if (!TEXT_ONLY.contains(args[0])) {
            warnAboutSlowKernels(err);
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        System.exit(LatentLabCommand.execute(args, out, err));
    }

    private static void warnAboutSlowKernels(PrintWriter err) {
        NativeBackend.report().warning().ifPresent(warning -> err.println("latent-lab: " + warning));
    }
}
