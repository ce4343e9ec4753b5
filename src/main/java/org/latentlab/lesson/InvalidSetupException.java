package org.latentlab.lesson;

/** A setup value is wrong; the message says what was expected, and {@link #key()} which key it is about. */
public final class InvalidSetupException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient SetupKey key;

    public InvalidSetupException(SetupKey key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The key whose value is wrong. */
    public SetupKey key() {
        return key;
    }
}
