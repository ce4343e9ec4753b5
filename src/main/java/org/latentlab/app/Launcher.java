package org.latentlab.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.latentlab.cli.LatentLabCommand;
import org.latentlab.model.NativeBackend;

/**
 * The program's entry point: with no arguments it opens the window; with arguments it runs the
 * command line, which never touches the display. It chooses OpenBLAS's kernels before any other
 * thread starts ({@link NativeBackend#prepare()}), and says once when they are narrower than the
 * processor offers: on standard error for the command line, in the banner for the window.
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
            LatentLabApp.launchWindow(); // which says in its banner when the kernels are slow
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
