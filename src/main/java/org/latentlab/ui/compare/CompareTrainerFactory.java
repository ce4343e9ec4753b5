package org.latentlab.ui.compare;

import org.latentlab.training.CompareTrainer;
import org.latentlab.training.SavedComparison;

/**
 * Builds the compare lab's trainer, off the JavaFX thread: loading a dataset, building several
 * models and fitting the PCA baseline take a moment. Problems are thrown as exceptions whose
 * message is meant for the user.
 */
public interface CompareTrainerFactory {

    /** New, untrained models of {@code setup}, ready to train in lockstep. */
    CompareTrainer create(CompareSetup setup);

    /**
     * The models of a saved comparison, ready to go on training in lockstep from where they
     * stopped.
     *
     * @return the trainer and the setup the comparison was trained with
     */
    Opened open(SavedComparison comparison);

    /** A trainer restored from a saved comparison, with the setup that describes it. */
    record Opened(CompareTrainer trainer, CompareSetup setup) {
    }
}
