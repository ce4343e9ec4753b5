package org.latentlab.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.latentlab.cli.LatentLabCommand;
import org.latentlab.model.NativeBackend;

/**
 * The program's entry point: with no arguments, or {@code --lesson NAME|FILE} or {@code --open FILE},
 * it opens the window (on that lesson or setup); with other arguments it runs the command line,
 * which never touches the display. It chooses OpenBLAS's kernels before any other
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
        if (WindowArguments.forWindow(args)) {
            try {
                WindowArguments.parse(List.of(args)); // a mistake is one line here, before any window
            } catch (IllegalArgumentException e) {
                err.println("latent-lab: " + e.getMessage());
                System.exit(2);
            }
            LatentLabApp.launchWindow(args); // which says in its banner when the kernels are slow
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
