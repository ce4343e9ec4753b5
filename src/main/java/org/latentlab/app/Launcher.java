package org.latentlab.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.latentlab.cli.LatentLabCommand;

/**
 * The program's entry point: with no arguments it opens the window; with arguments it runs the
 * command line, which never touches the display.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            LatentLabApp.launchWindow();
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(LatentLabCommand.execute(args, out, err));
    }
}
