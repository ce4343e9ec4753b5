package org.latentlab.lesson;

/**
 * A lesson or setup file could not be read. The message is for a person: the file, the line and
 * what was expected there, so callers show it as it is rather than a stack trace.
 */
public final class LessonFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source what to call the file: its path, or "built-in lesson NAME"
     * @param line   the line the problem is on, from 1; 0 for the file as a whole
     */
    public LessonFileException(String source, int line, String message) {
        super(source + (line > 0 ? ", line " + line : "") + ": " + message);
    }
}
