package org.latentlab.ui.explorer;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.latentlab.training.BackgroundTrainer;
import org.latentlab.training.TrainerState;

/**
 * Train / Pause, Step and Reset for a view-model's background trainer (the Explore tab's one
 * model, the compare lab's several), ignored while there is no trainer yet or while a new one is
 * being built. Confined to the JavaFX application thread (or a test's thread).
 */
public final class TrainingCommands {

    private final Supplier<TrainerState> state;
    private final BooleanSupplier busy;
    private BackgroundTrainer<?> trainer;

    /**
     * @param state what the trainer is doing, as the view-model last saw it
     * @param busy  whether a new trainer is being built
     */
    public TrainingCommands(Supplier<TrainerState> state, BooleanSupplier busy) {
        this.state = state;
        this.busy = busy;
    }

    /** Sends the commands to {@code newTrainer} from now on. */
    public void use(BackgroundTrainer<?> newTrainer) {
        trainer = newTrainer;
    }

    private boolean ready() {
        return trainer != null && !busy.getAsBoolean();
    }

    /** Starts training, or pauses it if it is running. */
    public void trainOrPause() {
        if (!ready()) {
            return;
        }
        if (state.get() == TrainerState.RUNNING) {
            trainer.pause();
        } else {
            trainer.train();
        }
    }

    /** Pauses training; also while a new trainer is being built, since the old one may still run. */
    public void pause() {
        if (trainer != null) {
            trainer.pause();
        }
    }

    /** Trains on one minibatch and pauses. */
    public void step() {
        if (ready()) {
            trainer.step();
        }
    }

    /** Throws the model (or models) away and starts again, untrained, from the same setup. */
    public void reset() {
        if (ready()) {
            trainer.reset();
        }
    }
}
