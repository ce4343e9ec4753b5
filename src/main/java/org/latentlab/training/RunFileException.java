package org.latentlab.training;

/** A model file could not be read; the message names the file and the problem, for a person. */
public final class RunFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunFileException(String message) {
        super(message);
    }
}
