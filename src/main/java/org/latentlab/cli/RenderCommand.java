package org.latentlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code render}: draws a figure of a trained run into a PNG, with no display. */
@Command(name = "render", mixinStandardHelpOptions = true, description = "Draws a figure of a trained run as PNG.")
final class RenderCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new LatentLabCommand.CommandFailure("render is not available yet");
    }
}
