package org.latentlab.ui;

/** What went wrong, in the words a failure carries, for the banner or a note. */
public final class FailureMessage {

    private FailureMessage() {
    }

    /** The first message along {@code e}'s causes, or else the kind of failure ("OutOfMemoryError"). */
    public static String of(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    }
}
