package org.latentlab.ui.explorer;

import java.nio.file.Path;
import org.latentlab.training.RunFile;
import org.latentlab.training.SavedRun;
import org.latentlab.training.Trainer;

/**
 * Builds trainers for the window, off the JavaFX thread: loading a dataset and building a model
 * take a moment. Problems are thrown as exceptions whose message is meant for the user.
 */
public interface TrainerFactory {

    /** A new, untrained model on the setup's dataset. */
    Trainer create(ExplorerSetup setup);

    /**
     * A run, ready to continue training.
     *
     * @return the trainer and the setup the run was trained with
     */
    Opened open(SavedRun run);

    /** A saved run file, ready to continue training (see {@link #open(SavedRun)}). */
    default Opened open(Path runFile) {
        return open(RunFile.load(runFile));
    }

    /** A trainer restored from a run file, with the setup that describes it. */
    record Opened(Trainer trainer, ExplorerSetup setup) {
    }
}
