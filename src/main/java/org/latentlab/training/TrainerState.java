package org.latentlab.training;

/** What the trainer thread is doing. */
public enum TrainerState {
    /** Built, not yet started. */
    READY,
    RUNNING,
    /** Paused by a command, after a single step, or because the loss stopped being finite. */
    PAUSED,
    /** The configured number of epochs is done; training can be resumed past it. */
    FINISHED,
    /** The thread has ended; no more commands are taken. */
    STOPPED
}
