package org.latentlab.data;

/**
 * A dataset could not be read. The message is meant for a person: it names the file or value and
 * says what was expected, so callers show it as it is rather than a stack trace.
 */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
