package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.lesson.ReadyRun;
import org.latentlab.lesson.ReadyRuns;
import org.latentlab.lesson.Setup;
import org.latentlab.lesson.SetupKey;
import org.latentlab.model.Activation;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelKind;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.ComparisonPreset;
import picocli.CommandLine;

/**
 * The ready runs' commands are real {@code train} commands, and a setup file's training keys mean
 * what the flags of the same names mean: each command, parsed by the command line itself, trains
 * exactly the model that a setup loading the run describes.
 */
class ReadyRunCommandsTest {

    /** {@code command} ({@code train --FLAG VALUE …}) as the command line parses it. */
    static TrainCommand parsed(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.remove(0);
        args.addAll(List.of("--out", "runs/x"));
        TrainCommand train = new TrainCommand();
        new CommandLine(train).parseArgs(args.toArray(String[]::new));
        return train;
    }

    private static void assertSame(Setup setup, TrainCommand train, String where) {
        assertEquals(setup.dataset(), train.dataset, where);
        assertEquals(setup.model(), ModelKind.fromCliName(train.model), where);
        assertEquals(setup.latentSize(), LatentSizes.parse(train.latent, setup.model()).lower(), where);
        assertEquals(setup.hiddenSizes(), train.hiddenSizes(setup.model()), where);
        assertEquals(setup.activation(), Activation.fromCliName(train.activation), where);
        assertEquals(setup.decoder(), Likelihood.fromCliName(train.decoder), where);
        assertEquals(setup.decoderStd(), DecoderStdOption.parse(train.decoderStd).std(), 0, where);
        assertEquals(DecoderVariance.FIXED, DecoderStdOption.parse(train.decoderStd).variance(), where);
        assertEquals(setup.beta(), BetaSchedule.parse(train.schedule, train.beta), where);
        assertEquals(setup.learningRate(), train.learningRate, 0, where);
        assertEquals(setup.batchSize(), train.batch, where);
        assertEquals(setup.seed(), train.seed, where);
    }

    @Test
    void theDefaultsOfASetupAreThoseOfTrain() {
        assertSame(Setup.defaults(), parsed("train"), "defaults");
    }

    @Test
    void everyReadyRunsCommandTrainsTheModelItsSetupDescribes() {
        for (ReadyRun run : ReadyRuns.ALL) {
            TrainCommand train = parsed(run.command());
            Setup setup = Setup.defaults().with(java.util.Map.of(SetupKey.RUN, run.name()));
            assertSame(setup, train, run.name());
            if (run.comparison()) {
                assertEquals(setup.compare(), ComparisonPreset.parse(train.compare), run.name());
            }
        }
    }
}
