package org.latentlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.latentlab.data.DatasetException;
import org.latentlab.model.BlasReport;
import org.latentlab.model.NativeBackend;
import org.latentlab.model.TrainingKernels;
import org.latentlab.storage.UserFolders;
import org.latentlab.training.RunFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line face of Latent Lab: trains models and draws figures with no display.
 * Every expected failure (bad flag, bad value, unreadable file) ends in one line on standard
 * error and a non-zero exit, never a stack trace.
 */
@Command(name = "latent-lab",
        mixinStandardHelpOptions = true,
        versionProvider = LatentLabCommand.Version.class,
        description = "Trains variational autoencoders and draws what they learn.",
        footer = {"", "With no command latent-lab opens the window; 'latent-lab --lesson NAME|FILE' opens it on a lesson "
                + "(a built-in one by name or number 1 to 9, or a lesson file) and 'latent-lab --open FILE' on a setup file."},
        subcommands = {TrainCommand.class, EvaluateCommand.class, RenderCommand.class, SampleCommand.class,
            BenchCommand.class})
public final class LatentLabCommand implements Runnable {

    /** Exit code for a usage error: a wrong flag or value. */
    public static final int USAGE_ERROR = 2;
    /** Exit code for a failure the user can act on: a missing or damaged file, a diverged run. */
    public static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the process exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new LatentLabCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            e.getCommandLine().getErr().println("latent-lab: " + e.getMessage() + " (see '" + command + " --help')");
            return USAGE_ERROR;
        });
        commandLine.setExecutionExceptionHandler((e, cli, parseResult) -> {
            cli.getErr().println("latent-lab: " + userMessage(e));
            return e instanceof IllegalArgumentException ? USAGE_ERROR : FAILURE;
        });
        int code;
        try {
            code = commandLine.execute(args);
        } catch (UnsatisfiedLinkError e) {
            err.println("latent-lab: " + missingLibrary(e));
            code = FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Drawing text needs the font libraries a Linux desktop has; on a server without them Java
     * fails to load its font manager. Says what is missing instead of a stack trace.
     */
    static String missingLibrary(UnsatisfiedLinkError e) {
        return "a system library is missing: " + e.getMessage()
                + ". Figures and the window need the GTK 3 libraries of a Linux desktop"
                + " (Debian: apt-get install libgtk-3-0 libxtst6).";
    }

    private static String userMessage(Exception e) {
        if (e instanceof DatasetException || e instanceof RunFileException || e instanceof IllegalArgumentException
                || e instanceof CommandFailure) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException io) {
            return io.getMessage();
        }
        if (e instanceof IOException io) {
            return describe(io);
        }
        return "unexpected error: " + e;
    }

    /** An I/O failure in words: the file system's own messages often name only the file. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is in the way (a file where a folder is needed, or the other way round)";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** A failure with a message for the user; the command stops with {@link #FAILURE}. */
    static final class CommandFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandFailure(String message) {
            super(message);
        }
    }

    /**
     * The version from the jar's manifest, the user's folders (so a teacher can find their models),
     * the processor and the kernels that train on it.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LatentLabCommand.class.getPackage().getImplementationVersion();
            UserFolders folders = UserFolders.forThisUser();
            BlasReport blas = NativeBackend.report();
            List<String> lines = new ArrayList<>(List.of(
                    "Latent Lab " + (version == null ? "(development build)" : version),
                    "data:     " + literal(folders.data()),
                    "settings: " + literal(folders.config()),
                    "cpu:      " + literal(blas.cpu()),
                    "blas:     " + literal(blas.description()),
                    "training: " + literal(TrainingKernels.description())));
            blas.warning().ifPresent(warning -> lines.add("warning:  " + literal(warning)));
            return lines.toArray(String[]::new);
        }

        /** Picocli formats version lines with String.format, so a '%' must be doubled. */
        private static String literal(Object text) {
            return text.toString().replace("%", "%%");
        }
    }
}
