package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.latentlab.TestDatasets;
import org.latentlab.model.ModelKind;
import org.latentlab.training.Trainer;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingConfig;
import org.latentlab.training.TrainingSession;
import org.latentlab.ui.Pulses;

/** The tabs' Train / Pause, Step and Reset on a real trainer of 4×4 bars. */
class TrainingCommandsTest {

    @Test
    void whileANewTrainerIsBuiltOnlyPausingGoesThrough() throws InterruptedException {
        boolean[] busy = {false};
        try (Trainer trainer = new Trainer(() -> new TrainingSession(TestDatasets.bars(256, 1), TestDatasets.bars(64, 2),
                TestDatasets.smallModel(ModelKind.VAE, 2), TrainingConfig.defaults(0, 3)))) {
            TrainingCommands commands = new TrainingCommands(() -> trainer.latest().state(), () -> busy[0]);
            commands.trainOrPause();
            assertEquals(TrainerState.READY, trainer.latest().state(), "no trainer to send it to yet");

            commands.use(trainer);
            commands.trainOrPause();
            Pulses.until("training", () -> { }, () -> trainer.latest().state() == TrainerState.RUNNING, () -> "");

            busy[0] = true;
            commands.pause();
            Pulses.until("paused while busy", () -> { }, () -> trainer.latest().state() == TrainerState.PAUSED, () -> "");
            long paused = trainer.latest().iteration();
            commands.trainOrPause();
            commands.step();
            Thread.sleep(200);
            assertEquals(TrainerState.PAUSED, trainer.latest().state(), "Train waits for the new trainer");
            assertEquals(paused, trainer.latest().iteration(), "so does Step");

            busy[0] = false;
            commands.step();
            Pulses.until("one step", () -> { }, () -> trainer.latest().iteration() == paused + 1, () -> "");
        }
    }
}
