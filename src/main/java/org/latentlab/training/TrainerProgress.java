package org.latentlab.training;

/**
 * What a snapshot says about its trainer, whatever the trainer trains (one model or a comparison):
 * for the parts of the window that follow any trainer (the buttons, the status line, the banner).
 */
public interface TrainerProgress {

    TrainerState state();

    /** Why the trainer paused or stopped on its own, in words for the user; {@code null} otherwise. */
    String message();

    /** Optimisation steps so far. */
    long iteration();

    /** Completed epochs. */
    int epoch();

    /** Fraction of the current epoch done, in [0, 1). */
    double epochProgress();

    /** Iterations per second since the previous snapshot; 0 when not running. */
    double iterationsPerSecond();
}
