package org.latentlab.ui.compare;

import org.latentlab.training.CompareTrainer;

/**
 * Builds the compare lab's trainer, off the JavaFX thread: loading a dataset, building several
 * models and fitting the PCA baseline take a moment. Problems are thrown as exceptions whose
 * message is meant for the user.
 */
public interface CompareTrainerFactory {

    /** New, untrained models of {@code setup}, ready to train in lockstep. */
    CompareTrainer create(CompareSetup setup);
}
